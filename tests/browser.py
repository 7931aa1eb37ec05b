"""Headless Chromium for the tests: ``--dump-dom`` for pages, and a tiny W3C WebDriver client
(urllib, talking to chromedriver) for the query page, which needs clicks and waiting.

Without ``/usr/bin/chromium`` the tests are skipped, except when ``CI=true``: there a missing
browser is a failure (``.ci/run`` installs Debian's ``chromium`` and ``chromium-driver``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
)  # fmt: skip
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"


def require(program: Path) -> None:
    """Skip (or fail on CI) when ``program`` is not installed."""
    if program.exists():
        return
    message = f"{program} is not installed (apt-get install chromium chromium-driver)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {message}: .ci/run must install it")
    pytest.skip(message)


def dump_dom(url: str, *, timeout: float = 60) -> str:
    """The DOM of ``url`` after load, as headless Chromium serialises it."""
    require(CHROMIUM)
    with tempfile.TemporaryDirectory(prefix="delibgraph-chromium-") as profile:
        completed = subprocess.run(
            [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout


class WebDriver:
    """A Chromium session driven over the W3C WebDriver protocol."""

    def __init__(self, port: int) -> None:
        require(CHROMIUM)
        require(CHROMEDRIVER)
        self.url = f"http://127.0.0.1:{port}"
        self.profile = tempfile.mkdtemp(prefix="delibgraph-webdriver-")
        self.process = subprocess.Popen(
            [str(CHROMEDRIVER), f"--port={port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_until_ready()
        capabilities = {
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": str(CHROMIUM),
                        "args": [*FLAGS, f"--user-data-dir={self.profile}"],
                    },
                }
            }
        }
        self.session = self._call("POST", "/session", capabilities)["sessionId"]

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if self._request("GET", "/status")["value"]["ready"]:
                    return
            except (urllib.error.URLError, ConnectionError, KeyError):
                pass
            time.sleep(0.1)
        raise RuntimeError("chromedriver did not start")

    def _request(self, method: str, path: str, body: object = None) -> Any:
        data = json.dumps(body).encode("utf-8") if body is not None else None
        request = urllib.request.Request(
            self.url + path,
            data=data,
            method=method,
            headers={"Content-Type": "application/json; charset=utf-8"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            raise RuntimeError(f"WebDriver {method} {path}: {error.read()!r}") from error

    def _call(self, method: str, path: str, body: object = None) -> Any:
        return self._request(method, path, body)["value"]

    def _session(self, method: str, path: str, body: object = None) -> Any:
        return self._call(method, f"/session/{self.session}{path}", body)

    # -- commands
    def get(self, url: str) -> None:
        self._session("POST", "/url", {"url": url})

    def find(self, css: str) -> str:
        found = self._session("POST", "/element", {"using": "css selector", "value": css})
        return str(found[ELEMENT])

    def find_all(self, css: str) -> list[str]:
        found = self._session("POST", "/elements", {"using": "css selector", "value": css})
        return [str(item[ELEMENT]) for item in found]

    def click(self, element: str) -> None:
        self._session("POST", f"/element/{element}/click", {})

    def text(self, element: str) -> str:
        return str(self._session("GET", f"/element/{element}/text"))

    def attribute(self, element: str, name: str) -> str | None:
        value = self._session("GET", f"/element/{element}/property/{name}")
        return None if value is None else str(value)

    def script(self, source: str, *args: object) -> Any:
        return self._session("POST", "/execute/sync", {"script": source, "args": list(args)})

    def wait_for(self, css: str, *, timeout: float = 30) -> list[str]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.find_all(css)
            if found:
                return found
            time.sleep(0.1)
        raise AssertionError(f"nothing matched {css!r} within {timeout} s")

    def quit(self) -> None:
        try:
            self._call("DELETE", f"/session/{self.session}")
        finally:
            self.process.terminate()
            self.process.wait(timeout=10)
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.quit()
