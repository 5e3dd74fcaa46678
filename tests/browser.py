"""A real browser for the explorer's tests: Debian's chromium driven by Playwright.

Playwright's own browser download is never used (it would need the network): the tests drive the
system ``chromium`` that ``make test-tools`` installs with apt.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

#: Headless, no first-run work, no background traffic; WebGL through SwiftShader (no GPU here).
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--use-angle=swiftshader",
    "--enable-unsafe-swiftshader",
]


def chromium_path() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    pytest.fail("chromium is not installed (`make test-tools` installs it with apt)")


@contextmanager
def chromium() -> Iterator[object]:
    """A headless Chromium browser (Playwright ``Browser``)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is missing: pip install -e '.[test]'")
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
