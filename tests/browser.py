"""A headless Chromium, driven through ChromeDriver's WebDriver API with the
standard library only (Debian's ``chromium`` and ``chromium-driver``).

ChromeDriver listens on a free port of 127.0.0.1; nothing else is reached.
"""

from __future__ import annotations

import base64
import json
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
STARTUP_TRIES = 200  # ChromeDriver answers /status within a few hundred milliseconds
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C key of an element reference


def absent() -> str | None:
    """Why the browser cannot run here, or None when it can."""
    if not CHROMIUM:
        return "chromium is not installed (apt-get install chromium chromium-driver)"
    if not CHROMEDRIVER:
        return "chromedriver is not installed (apt-get install chromium-driver)"
    return None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Browser:
    """One browser session; ``with Browser() as browser: browser.open(page)``."""

    def __init__(self, width: int = 1280, height: int = 900) -> None:
        port = _free_port()
        self._base = f"http://127.0.0.1:{port}"
        self._driver = subprocess.Popen(
            [str(CHROMEDRIVER), f"--port={port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._session = ""
        for _ in range(STARTUP_TRIES):
            try:
                if self._request("GET", "/status").get("ready"):
                    break
            except OSError:
                pass
            time.sleep(0.05)
        options = {
            "binary": CHROMIUM,
            "args": [
                "--headless=new",
                "--no-sandbox",  # the tests may run as root
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--force-device-scale-factor=1",
                f"--window-size={width},{height}",
            ],
        }
        capabilities = {
            "browserName": "chrome",
            "goog:chromeOptions": options,
            "goog:loggingPrefs": {"browser": "ALL"},
        }
        answer = self._request("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}})
        self._session = answer["sessionId"]

    def __enter__(self) -> Browser:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        try:
            if self._session:
                self._request("DELETE", f"/session/{self._session}")
        finally:
            self._driver.terminate()
            self._driver.wait()

    def _request(self, method: str, path: str, body: Any = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self._base + path, data=data, method=method)
        request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request) as response:
                return json.loads(response.read())["value"]
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"WebDriver {method} {path}: {error.read().decode()}") from None

    def _command(self, method: str, path: str, body: Any = None) -> Any:
        return self._request(method, f"/session/{self._session}{path}", body)

    def open(self, page: Path) -> None:
        self._command("POST", "/url", {"url": page.resolve().as_uri()})

    def run(self, script: str, *args: Any) -> Any:
        """The value of a function body run in the page (``arguments[0]`` ...)."""
        return self._command("POST", "/execute/sync", {"script": script, "args": list(args)})

    def find(self, css: str) -> dict[str, str]:
        """An element reference (usable as a script argument)."""
        element = self._command("POST", "/element", {"using": "css selector", "value": css})
        return {ELEMENT: element[ELEMENT]}

    def click(self, css: str) -> None:
        """A real click, as a pointer would make it."""
        self._command("POST", f"/element/{self.find(css)[ELEMENT]}/click", {})

    def texts(self, css: str) -> list[str]:
        """The rendered text of each element that matches and is shown."""
        return list(
            self.run(
                "return Array.from(document.querySelectorAll(arguments[0]))"
                ".filter(e => e.offsetParent !== null).map(e => e.innerText.trim());",
                css,
            )
        )

    def console(self) -> list[dict[str, Any]]:
        """The browser's console and error log since the last call."""
        return list(self._command("POST", "/se/log", {"type": "browser"}))

    def screenshot(self) -> bytes:
        """A PNG of the window."""
        return base64.b64decode(self._command("GET", "/screenshot"))

    def resize(self, width: int, height: int) -> None:
        self._command("POST", "/window/rect", {"width": width, "height": height})
