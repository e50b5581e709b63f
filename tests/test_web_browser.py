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


def test_query_page_runs_a_question_in_yasgui(browser, base: str, built_store) -> None:  # noqa: ANN001
    """YASGUI renders, opens a competency question by name, runs it against this server's
    /sparql, and its table shows as many rows as the library returns; nothing is fetched from
    another origin."""
    from selenium.webdriver.support.ui import WebDriverWait

    from kg.query import find_query
    from kg.web.querypage import yasgui_installed

    if not yasgui_installed():
        pytest.fail("YASGUI is not installed: run scripts/install-yasgui.sh (make test does)")
    name = "cq04-charges"
    text = find_query(name).text
    expected = len(list(built_store.oxigraph.query(text, use_default_graph_as_union=True)))
    assert 0 < expected <= 50  # one page of YASGUI's table
    browser.get(f"{base}/query?cq={name}")
    wait = WebDriverWait(browser, 30)
    wait.until(lambda d: d.execute_script("return !!document.querySelector('.yasgui .yasqe')"))
    shown = browser.execute_script(
        "const t = window.kgYasgui.getTab(); return [t.getName(), t.getYasqe().getValue()]"
    )
    assert shown == [name, text]
    origin = base.rstrip("/")
    # What could reach another host is switched off: vocabulary completers (Linked Open
    # Vocabularies), the CORS proxy, the public endpoint list.
    config = browser.execute_script(
        """const y = window.kgYasgui;
           return [Object.keys(Yasgui.Yasqe.Autocompleters).sort(),
                   y.getTab().getYasqe().config.autocompleters,
                   y.config.corsProxy || null,
                   y.config.endpointCatalogueOptions.getData().map(e => e.endpoint),
                   y.getTab().getEndpoint()]"""
    )
    assert config == [
        ["prefixes", "variables"],
        ["variables", "prefixes"],
        None,
        [origin + "/sparql"],
        origin + "/sparql",
    ]
    # One editor per tab: the button to press is the shown tab's.
    button = browser.execute_script(
        "return [...document.querySelectorAll('.yasgui .yasqe_queryButton')]"
        ".find(b => b.getBoundingClientRect().width > 0)"
    )
    button.click()
    wait.until(
        lambda d: d.execute_script(
            "return document.querySelectorAll('.yasgui .yasr_results table tbody tr').length > 0"
            " || !!document.querySelector('.yasgui .yasr .errorResult')"
        )
    )
    assert _visible_count(browser, ".yasgui .yasr_results table tbody tr") == expected
    assert not browser.find_elements("css selector", ".yasgui .yasr .errorResult")
    requests = browser.execute_script(
        "return [document.URL, ...performance.getEntriesByType('resource').map(e => e.name)]"
    )
    assert any(url.startswith(origin + "/sparql") for url in requests), requests
    assert any(url.endswith("/static/yasgui/yasgui.min.js") for url in requests), requests
    outside = [url for url in requests if not url.startswith(origin + "/")]
    assert outside == []
    browser.execute_script("window.scrollTo(0, 0)")
    _shot(browser, "query")
    assert browser.find_element("id", "yasgui").screenshot(str(OUTPUT / "query-editor.png"))
