"""The catalogue's website in a real browser: Debian's Chromium, headless, driven by Selenium.

Navigates index → qualification → unit → history, uses the search, checks the phone layout,
the print styles and that every resource came from the catalogue's own files. Screenshots are
kept in ``tests/artifacts/`` (not committed). Skips only where Chromium or its driver is missing
(``apt-get install -y chromium chromium-driver``).
"""

from __future__ import annotations

import base64
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_catalogue import SERIES

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run")

pytestmark = pytest.mark.skipif(
    not (BROWSER and DRIVER),
    reason="no Chromium and chromedriver on PATH (apt-get install -y chromium chromium-driver)",
)


@pytest.fixture(scope="module")
def site(catalogue_built) -> Path:
    """The catalogue test_catalogue.py reads, built once per run (conftest.catalogue_built)."""
    return catalogue_built[1]


class _LoggedHandler(SimpleHTTPRequestHandler):
    """Serves the site, recording each path asked for."""

    requested: list[str]

    def log_message(self, format, *args) -> None:
        self.requested.append(self.path)


@pytest.fixture(scope="module")
def served(site):
    """The site on a local HTTP server (127.0.0.1); yields its base URL and the list of paths requested."""
    requested: list[str] = []
    handler = type("Handler", (_LoggedHandler,), {"requested": requested})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", requested
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = BROWSER  # type: ignore[assignment]
    for flag in (*FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}", "--window-size=1200,900"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def shot(driver, name: str) -> None:
    path = ARTIFACTS / f"{name}.png"
    assert driver.save_screenshot(str(path)) and path.stat().st_size > 10_000


def heading(driver) -> str:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.TAG_NAME, "h1").text


def test_index_qualification_unit_history(browser, site):
    from selenium.webdriver.common.by import By

    browser.get((site / "index.html").as_uri())
    assert browser.title == "Qualification catalogue"
    rows = browser.find_elements(By.CSS_SELECTOR, "table.qualifications tbody tr")
    assert len(rows) == 18
    shot(browser, "1-index")
    browser.find_element(By.LINK_TEXT, "Level 5 Award in Market Research and Sales Planning").click()
    assert heading(browser) == "Level 5 Award in Market Research and Sales Planning"
    assert browser.title == "Level 5 Award in Market Research and Sales Planning · Qualification catalogue"
    assert "610/5664/9" in browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    shot(browser, "2-qualification")
    browser.find_element(By.LINK_TEXT, "L5B2").click()
    assert heading(browser) == "L5B2 Organisational Sales Planning"
    history = browser.find_element(By.CSS_SELECTOR, "section.history")
    browser.execute_script("arguments[0].scrollIntoView()", history)
    assert "Changed from V1.1 to V1.2" in history.text
    assert "Learning outcomes (36 texts moved with them) renumbered 2, 3, 4 1, 2, 3" in history.text
    shot(browser, "3-unit-history")
    history.find_element(By.LINK_TEXT, "All changes from V1.1 to V1.2").click()
    assert heading(browser) == "Specification differences"
    assert browser.current_url.endswith(f"{SERIES}/changes/v1.1--v1.2.html")
    shot(browser, "4-changes")


def test_changed_and_withdrawn_units(browser, site):
    from selenium.webdriver.common.by import By

    browser.get((site / SERIES / "v1.2/units/l5b1.html").as_uri())
    old = browser.find_element(By.CSS_SELECTOR, "section.history td.old del").text
    new = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "section.history td.new ins")]
    assert (old, new) == ("potential", ["likely", "key"])
    browser.get((site / SERIES / "v1.1/index.html").as_uri())
    browser.find_element(By.LINK_TEXT, "L4S6").click()
    assert browser.find_element(By.CSS_SELECTOR, "p.withdrawn").text.startswith("Withdrawn in V1.2.")
    shot(browser, "5-withdrawn")


def test_search(browser, site):
    from selenium.webdriver.common.by import By

    browser.get((site / "index.html").as_uri())
    box = browser.find_element(By.ID, "search")
    box.send_keys("lifetime value")
    status = browser.find_element(By.ID, "search-status").text
    results = browser.find_elements(By.CSS_SELECTOR, "#search-results li")
    assert status == "1 match."
    wording = "Estimate the likely lifetime value of key customer accounts"
    assert [r.text for r in results] == [f"criterion L5B1 1.1 {wording}"]
    shot(browser, "6-search")
    browser.find_element(By.LINK_TEXT, "L5B1 1.1").click()
    assert browser.current_url.endswith("/v1.2/units/l5b1.html#ac1.1")
    assert browser.find_element(By.ID, "ac1.1").text == f"1.1 {wording}"
    browser.get((site / "index.html").as_uri())
    browser.find_element(By.ID, "search").send_keys("forecast")
    assert browser.find_element(By.ID, "search-status").text == "10 matches."  # entries of v1.2 with "forecast"
    browser.find_element(By.ID, "search").send_keys("zyxwvut")
    assert browser.find_element(By.ID, "search-status").text == "No match."


def test_phone_width_print_and_no_network(browser, served):
    from selenium.webdriver.common.by import By

    base, requested = served
    browser.set_window_size(390, 844)
    try:
        browser.get(f"{base}{SERIES}/v1.2/units/l5b2.html")
        width = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], width
        shot(browser, "7-phone-unit")
        browser.get(f"{base}index.html")
        width = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], width
        shot(browser, "8-phone-index")
    finally:
        browser.set_window_size(1200, 900)
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert sorted(resources) == [f"{base}assets/{name}" for name in ("search-index.js", "search.js", "site.css")]
    assert set(requested) <= {f"/{SERIES}/v1.2/units/l5b2.html", "/index.html", "/assets/site.css",
                              "/assets/search.js", "/assets/search-index.js", "/favicon.ico"}, requested
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        hidden = browser.find_element(By.CSS_SELECTOR, "section.search").value_of_css_property("display")
        assert hidden == "none"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    pdf = base64.b64decode(browser.execute_cdp_cmd("Page.printToPDF", {})["data"])
    assert pdf.startswith(b"%PDF-")
    (ARTIFACTS / "index-print.pdf").write_bytes(pdf)
