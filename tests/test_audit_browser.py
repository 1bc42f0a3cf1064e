"""The audit page in a real headless browser (Debian's chromium, driven by Selenium).

Skipped, with the reason, only where /usr/bin/chromium is missing; CI installs it with
``apt-get install -y chromium chromium-driver``.
"""

from __future__ import annotations

import os

import pytest

from auditdata import HOSTILE, RECORDS
from textmend import DEFAULT
from textmend.audit import audit_records, render_html
from textmend.audit.browser import CHROMIUM, missing_browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM),
        reason=f"{CHROMIUM} is missing: apt-get install -y chromium chromium-driver",
    ),
]

PROBES = [{"text": f"Probe {n}: PROBE{n} and a doc usedfor words."} for n in (7, 1, 4, 9)]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """The audit page of the test records, open in headless Chromium, with its screenshot saved."""
    problem = missing_browser()
    if problem:
        pytest.fail(problem)  # chromium is here, so a missing driver or selenium is a setup error
    from textmend.audit.browser import chromium, console_errors, open_page

    folder = tmp_path_factory.mktemp("audit-page")
    report = audit_records(RECORDS + PROBES, DEFAULT.append("audit_probe"), group_by="url")
    path = folder / "report.html"
    path.write_text(render_html(report), encoding="utf-8")
    with chromium() as browser:
        seconds = open_page(browser, path)
        browser.save_screenshot(str(folder / "report.png"))
        browser.errors = console_errors(browser)  # read once: the log empties when read
        browser.ready_seconds = seconds
        yield browser


def test_loads_without_console_errors(page):
    assert page.errors == []
    assert page.ready_seconds < 5


def test_charts_render(page):
    bars = page.execute_script(
        "return Array.from(document.querySelectorAll('svg.chart rect'))"
        ".map(r => r.getBoundingClientRect().width)"
    )
    assert len(bars) >= 5 and all(width > 0 for width in bars)
    labels = page.execute_script(
        "return Array.from(document.querySelectorAll('#fixers svg.chart text')).map(t => t.textContent)"
    )
    assert "entities" in labels and "words" in labels


def choose(page, select_id, value):
    from selenium.webdriver.support.ui import Select

    Select(page.find_element("id", select_id)).select_by_value(value)


def visible_documents(page):
    return page.execute_script(
        "return Array.from(document.querySelectorAll('#sample-list .doc'))"
        ".map(d => [d.dataset.index, d.dataset.fixers])"
    )


def test_filtering_by_a_fixer_hides_the_others(page):
    choose(page, "filter-kind", "")
    choose(page, "filter-fixer", "")
    everything = visible_documents(page)
    choose(page, "filter-fixer", "teasers")
    teasers = visible_documents(page)
    assert 0 < len(teasers) < len(everything)
    assert all("teasers" in fixers.split() for _, fixers in teasers)
    dimmed = page.execute_script(
        "return Array.from(document.querySelectorAll('#sample-list .chg'))"
        ".map(c => [c.dataset.fixer, c.classList.contains('dim')])"
    )
    assert all(dim == ("teasers" not in fixer.split("+")) for fixer, dim in dimmed)
    choose(page, "filter-fixer", "")


def test_a_highlighted_change_shows_its_before_and_after(page):
    choose(page, "filter-fixer", "entities")
    change = page.execute_script(
        'const c = document.querySelector(\'.doc[data-index="0"] .chg[data-fixer="entities"]\');'
        "return [c.querySelector('del').textContent, c.querySelector('ins').textContent, c.title,"
        " c.closest('.text').textContent]"
    )
    before, after, title, text = change
    assert (before, after) == ("rsquo;", "’")
    assert title.startswith("entities")
    assert text.startswith("Let")
    choose(page, "filter-fixer", "")


def test_least_certain_changes_come_first(page):
    choose(page, "filter-fixer", "audit_probe")
    order = page.execute_script(
        "return Array.from(document.querySelectorAll('#sample-list .doc .meta')).map(m => m.textContent)"
    )
    assert [line.rpartition("least confidence ")[2] for line in order] == ["0.1", "0.4", "0.7", "0.9"]
    choose(page, "filter-kind", "probe/low")
    assert len(visible_documents(page)) == 2
    choose(page, "filter-kind", "")
    choose(page, "filter-fixer", "")


def test_injected_markup_stays_inert(page):
    counts = page.execute_script(
        "return [document.querySelectorAll('img').length, document.querySelectorAll('main b').length,"
        " Array.from(document.querySelectorAll('.doc .text')).map(t => t.textContent)]"
    )
    images, bold, texts = counts
    assert (images, bold) == (0, 0)
    assert any(HOSTILE.split(" Let")[0] in text for text in texts)
    assert page.execute_script("return document.title").startswith("textmend audit")
