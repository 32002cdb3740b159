"""Build hook: write the grammar's standalone LALR parser into the package.

Hatch runs this for every wheel, and for ``pip install -e``.  It writes
``scrutinykit/_minutes_lalr.py``, Lark's standalone parser for
``grammar/minutes.lark`` (made by :func:`scrutinykit._standalone.write_standalone`
with the library's own parser options), so that a parse in a fresh process
need not import lark.  The module records the digest of the grammar files
it was made from; ``scrutinykit._grammar.load_parser`` uses it only while
they are unchanged, and Lark itself otherwise.

A wheel gets the module as a built file; an editable install gets it in
``src/scrutinykit/`` (ignored by git), where its imports find it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULE = "_minutes_lalr.py"

_WRITE = "import sys; from scrutinykit._standalone import write_standalone; write_standalone(sys.stdout)"


class ParserModuleHook(BuildHookInterface):  # type: ignore[type-arg]  # generic in its builder config
    """Write the standalone parser module before the wheel's files are collected."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Write the module: into the source tree (editable) or a temporary folder (wheel)."""
        root = Path(self.root)
        # The child sees what this process sees (the build requirements, which
        # an isolated build keeps off the interpreter's own path) after src/.
        path = os.pathsep.join([str(root / "src"), *filter(None, sys.path)])
        env = {**os.environ, "PYTHONPATH": path, "SCRUTINYKIT_PATTERN_CACHE": "0"}
        command = [sys.executable, "-c", _WRITE]
        done = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", env=env, cwd=root)
        if done.returncode != 0:
            raise RuntimeError(f"writing the standalone parser failed:\n{done.stderr}")
        if version == "editable":
            (root / "src" / "scrutinykit" / MODULE).write_text(done.stdout, encoding="utf-8")
            return
        self._folder = tempfile.mkdtemp(prefix="scrutinykit-build-")
        built = Path(self._folder) / MODULE
        built.write_text(done.stdout, encoding="utf-8")
        build_data["force_include"][str(built)] = f"scrutinykit/{MODULE}"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the temporary folder of a wheel build."""
        folder = getattr(self, "_folder", None)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)
