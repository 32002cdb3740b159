"""Build hook: write the grammar's standalone LALR parser into the package.

Hatch runs this for every wheel, and for ``pip install -e``.  It writes
``scrutinykit/_minutes_lalr.py``, Lark's standalone parser for
``grammar/minutes.lark`` (made by :func:`scrutinykit.parsing.standalone.write_standalone`
with the library's own parser options), so that a parse in a fresh process
need not import lark.  Beside it, the hook writes ``_patterns_<build>.marshal``
(:func:`scrutinykit.parsing.patterns.write_shipped`): the regular expressions a
parse of the seed documents compiles, as this Python build's ``re`` compiled
them, so that a fresh process builds them instead of compiling them (read
only; another Python build finds no file of its own and compiles).  The module
records the digest of the grammar files it was made from;
``scrutinykit.parsing.loader.load_parser`` uses it only while they are
unchanged, and Lark itself otherwise.

A wheel gets the module as a built file; an editable install gets it in
``src/scrutinykit/`` (ignored by git), where its imports find it.
"""

from __future__ import annotations

import io
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULE = "_minutes_lalr.py"


def standalone_module(root: Path) -> str:
    """The standalone parser module of the grammar in ``root``, by the package's own writer.

    The package is imported from ``root / "src"`` for the call and taken out of
    ``sys.modules`` again, so the build process keeps no copy of it.
    """
    sys.path.insert(0, str(root / "src"))
    try:
        from scrutinykit.parsing.standalone import write_standalone

        out = io.StringIO()
        write_standalone(out, folder=root / "grammar")
        return out.getvalue()
    finally:
        sys.path.remove(str(root / "src"))
        for name in [m for m in sys.modules if m == "scrutinykit" or m.startswith("scrutinykit.")]:
            del sys.modules[name]


def shipped_patterns(root: Path, package: Path) -> Path | None:
    """Write the compiled-pattern file of a parse of the seeds into ``package`` (None: not this Python)."""
    sys.path.insert(0, str(root / "src"))
    try:
        from scrutinykit.parsing.patterns import write_shipped

        return write_shipped(package, sorted((root / "seeds").glob("*.txt")))
    finally:
        sys.path.remove(str(root / "src"))
        for name in [m for m in sys.modules if m == "scrutinykit" or m.startswith("scrutinykit.")]:
            del sys.modules[name]


class ParserModuleHook(BuildHookInterface):  # type: ignore[type-arg]  # generic in its builder config
    """Write the standalone parser module before the wheel's files are collected."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Write the module: into the source tree (editable) or a temporary folder (wheel)."""
        root = Path(self.root)
        text = standalone_module(root)
        if version == "editable":
            (root / "src" / "scrutinykit" / MODULE).write_text(text, encoding="utf-8")
            shipped_patterns(root, root / "src" / "scrutinykit")
            return
        self._folder = tempfile.mkdtemp(prefix="scrutinykit-build-")
        built = Path(self._folder) / MODULE
        built.write_text(text, encoding="utf-8")
        build_data["force_include"][str(built)] = f"scrutinykit/{MODULE}"
        patterns = shipped_patterns(root, Path(self._folder))
        if patterns is not None:
            build_data["force_include"][str(patterns)] = f"scrutinykit/{patterns.name}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the temporary folder of a wheel build."""
        folder = getattr(self, "_folder", None)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
