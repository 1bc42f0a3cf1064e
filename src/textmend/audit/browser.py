"""Open an audit page in headless Chromium: time its first render, take a screenshot.

For tests, benchmarks and CI artifacts; needs Debian's ``chromium`` and ``chromium-driver`` packages
(``apt-get install -y chromium chromium-driver``) and Selenium (``pip install 'textmend[browser]'``).

    with chromium() as browser:
        seconds = open_page(browser, "report.html")
        browser.save_screenshot("report.png")
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = [
    "CHROMEDRIVER",
    "CHROMIUM",
    "READY_TIMEOUT",
    "chromium",
    "console_errors",
    "missing_browser",
    "open_page",
]

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
#: Longest wait for a page to say it is ready, in seconds.
READY_TIMEOUT = 30


def missing_browser() -> str | None:
    """Why a headless browser cannot be started here, or None when it can."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.path.exists(path):
            return f"{path} is missing: apt-get install -y {package}"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is missing: pip install 'textmend[browser]'"
    return None


@contextmanager
def chromium(width: int = 1280, height: int = 1600) -> Iterator[Any]:
    """A headless Chromium (Selenium WebDriver) with a fresh profile, no network extras, console logged."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="textmend-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless=new",
        "--no-sandbox",  # needed as root (containers, CI)
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        f"--window-size={width},{height}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver: Any, path: str | os.PathLike[str]) -> float:
    """Load the page at ``path`` and wait until its script is done and the result painted; return when
    that was, in seconds from the start of navigation (the time to a usable page)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(Path(path).resolve().as_uri())
    try:
        WebDriverWait(driver, READY_TIMEOUT).until(
            lambda d: d.execute_script("return document.body && document.body.dataset.ready === '1'")
        )
    except TimeoutException:
        raise TimeoutError(f"{path}: the page's script did not finish: {console_errors(driver)}") from None
    return float(driver.execute_script("return window.auditPaintedAt")) / 1000


def console_errors(driver: Any) -> list[str]:
    """The console messages at level SEVERE since the last call (errors, CSP violations)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
