"""Headless Chromium for the tests of the annotated view: the DOM after scripts ran, and screenshots.

The browser tests fail (never skip) when Chromium is missing: ``.ci/run``
installs Debian's ``chromium`` package, and so should a developer
(``apt-get install -y chromium``).

``python -m tests.browser`` regenerates the how-to's screenshot,
``docs/howto/show.png``, with the same command the suite runs.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS_SCREENSHOT = ROOT / "docs" / "howto" / "show.png"
#: The view in the how-to's screenshot: seed 002, its items and outcomes.
DOCS_SEED = ROOT / "seeds" / "002_eb523b947f5c9452.txt"
SCREEN = (1400, 900)

#: Headless, offline, no state kept: the flags every launch uses.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
)


class ChromiumMissing(RuntimeError):
    """No chromium on the PATH."""


def chromium() -> str:
    """The chromium executable; :class:`ChromiumMissing` when there is none."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumMissing(
        "chromium is not installed: the browser tests need it (.ci/run installs Debian's "
        "chromium package; here: apt-get install -y chromium)"
    )


def _run(args: list[str], *, timeout: float = 90) -> str:
    with tempfile.TemporaryDirectory(prefix="sk-chromium-") as profile:
        proc = subprocess.run(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    if proc.returncode != 0:
        raise RuntimeError(f"chromium exited with {proc.returncode}: {proc.stderr[-2000:]}")
    return proc.stdout


def dump_dom(page: Path, *, budget_ms: int = 5000, file_access: bool = False) -> str:
    """The page's DOM, serialised after its scripts ran (virtual time: no waiting on the clock).

    ``file_access`` lets a page read the other local pages it frames (a test harness).
    """
    extra = ["--allow-file-access-from-files"] if file_access else []
    return _run([*extra, f"--virtual-time-budget={budget_ms}", "--dump-dom", page.resolve().as_uri()])


def screenshot(page: Path, png: Path, *, size: tuple[int, int] = SCREEN) -> Path:
    """A PNG of the page as a window of ``size`` shows it."""
    png.parent.mkdir(parents=True, exist_ok=True)
    _run(
        [
            f"--window-size={size[0]},{size[1]}",
            "--virtual-time-budget=3000",
            f"--screenshot={png.resolve()}",
            page.resolve().as_uri(),
        ]
    )
    if not png.is_file():
        raise RuntimeError(f"chromium wrote no screenshot to {png}")
    return png


def png_size(png: Path) -> tuple[int, int]:
    """The width and height in a PNG's header."""
    data = png.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError(f"{png} is not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def docs_screenshot(png: Path = DOCS_SCREENSHOT) -> Path:
    """The how-to's screenshot: the view of seed 002 (``scrutinykit show``), as the suite takes it."""
    import scrutinykit

    with tempfile.TemporaryDirectory(prefix="sk-show-") as tmp:
        page = Path(tmp) / "view.html"
        scrutinykit.show(scrutinykit.parse_file(DOCS_SEED), name=DOCS_SEED.name).save(page)
        return screenshot(page, png)


if __name__ == "__main__":
    print(docs_screenshot(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS_SCREENSHOT))
