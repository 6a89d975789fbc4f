"""Make ``docs/dashboard.png``: ``guidelint audit --output-format html`` over a
made-up guide set (``tests/dashboard_guides.py``), shown in headless Chromium
the way the tests drive it.

Run from the repository with Debian's ``chromium`` and ``chromium-driver``
installed: ``python docs/dashboard_screenshot.py``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser import Browser, absent  # noqa: E402
from dashboard_guides import TODAY, write_guides  # noqa: E402

WIDTH = 1360


def main() -> int:
    reason = absent()
    if reason:
        print(f"dashboard_screenshot: {reason}", file=sys.stderr)
        return 1
    guidelint = Path(sys.executable).with_name("guidelint")
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_guides(root)
        page = root / "freshness.html"
        subprocess.run(
            [
                *(str(guidelint), "audit", "--isolated", "--today", TODAY.isoformat()),
                *("--output-format", "html", "--output", str(page), "guides"),
            ],
            cwd=root,
            check=True,
        )
        with Browser(WIDTH, 900) as browser:
            browser.open(page)
            # The window's frame takes some of its height: grow it until the page fits.
            for _ in range(3):
                missing = browser.run(
                    "return document.documentElement.scrollHeight - window.innerHeight"
                )
                if missing <= 0:
                    break
                size = browser.run("return [window.outerWidth, window.outerHeight]")
                browser.resize(size[0], size[1] + int(missing))
            (REPO / "docs" / "dashboard.png").write_bytes(browser.screenshot())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
