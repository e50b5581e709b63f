"""The pages in a real headless browser: Debian's chromium driven by Selenium.

Opens the index, the seed case page and the defender's page served on loopback; checks that
the SVG graph and the timeline render with the right number of nodes and events, that each
evidence highlight sits on the quoted words, and saves screenshots under
``test-output/browser/`` (or ``$KG_TEST_OUTPUT/browser/``). The browser is installed by
``scripts/install-browser.sh`` (``make test`` runs it).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.web import BackgroundServer, DatasetSource, Limits

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = Path(os.environ.get("KG_TEST_OUTPUT", ROOT / "test-output")) / "browser"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1200,1800",
]


@pytest.fixture(scope="module")
def base(built_store) -> Iterator[str]:
    limits = Limits(timeout=10.0, workers=2, slow_after=10.0, max_slow=2)
    with BackgroundServer(DatasetSource.from_store(built_store.oxigraph), limits) as server:
        yield server.url.rsplit("/", 1)[0]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    if not (shutil.which(CHROMIUM) and shutil.which(CHROMEDRIVER)):
        pytest.fail("chromium and chromedriver are missing: run scripts/install-browser.sh")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    try:
        yield driver
    finally:
        driver.quit()


def _shot(driver, name: str) -> Path:  # noqa: ANN001
    path = OUTPUT / f"{name}.png"
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1200, min(max(int(height) + 40, 600), 4000))
    assert driver.save_screenshot(str(path))
    assert path.stat().st_size > 5000
    return path


def _visible_count(driver, selector: str) -> int:  # noqa: ANN001
    return driver.execute_script(
        """return [...document.querySelectorAll(arguments[0])].filter(e => {
             const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }).length""",
        selector,
    )


def test_index_page(browser, base: str) -> None:  # noqa: ANN001
    browser.get(base + "/")
    assert browser.title.startswith("Cases and defenders")
    assert _visible_count(browser, "tr.case") == 1
    assert _visible_count(browser, "li.person") == 1
    browser.get(base + "/?q=Dauletbaev")
    assert _visible_count(browser, "tr.case") == 1
    _shot(browser, "index")


def test_case_page_renders_graph_and_timeline(browser, base: str) -> None:  # noqa: ANN001
    browser.get(base + "/page/id/case/c-5d2e8a17")
    assert _visible_count(browser, "svg.case-graph g.node circle") == 9
    assert _visible_count(browser, "svg.case-graph g.person circle") == 6
    assert _visible_count(browser, "svg.case-graph g.relation line") >= 1
    assert _visible_count(browser, "svg.timeline g.event") == 5
    # The month-only date is drawn as a bar wider than the day-precise points.
    widths = browser.execute_script(
        """const out = {};
           for (const g of document.querySelectorAll('svg.timeline g.event')) {
             const r = g.firstElementChild.getBoundingClientRect();
             out[g.dataset.precision] = Math.max(out[g.dataset.precision] || 0, r.width);
           }
           return out;"""
    )
    assert widths["month"] > 2 * widths["day"]
    _shot(browser, "case")
    for section in ("case-graph", "case-timeline"):
        path = OUTPUT / f"{section}.png"
        assert browser.find_element("id", section).screenshot(str(path))


def test_person_page_highlights_the_quote(browser, base: str) -> None:  # noqa: ANN001
    browser.get(base + "/page/id/person/p-2a9f31c4")
    assert browser.title.startswith("Marat Dauletbayev")
    marks = browser.execute_script(
        """return [...document.querySelectorAll('blockquote.evidence mark')].map(m => ({
             text: m.textContent, start: m.dataset.start, end: m.dataset.end,
             bg: getComputedStyle(m).backgroundColor,
             w: m.getBoundingClientRect().width}))"""
    )
    assert marks == [
        {
            "text": "Marat Dauletbayev is a human rights defender and Chairman of Baikonur "
            "for Civil Rights",
            "start": "565",
            "end": "651",
            "bg": "rgb(255, 224, 102)",
            "w": marks[0]["w"],
        }
    ]
    assert marks[0]["w"] > 0
    assert len(marks[0]["text"]) == int(marks[0]["end"]) - int(marks[0]["start"])
    _shot(browser, "person")
