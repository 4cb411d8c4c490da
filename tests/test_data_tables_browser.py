"""The data behind a chart, opened in a real browser: the table arrives when its expander is opened (the server
builds it only then), and the CSV downloads written on click carry their citation and the view's link,
offline."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.browser_support import (  # noqa: F401
    chromium,
    load,
    open_context,
    screenshot,
    server,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent


def test_a_chart_table_opens_on_demand_and_its_csv_downloads(chromium, server):  # noqa: F811
    context, watch = open_context(chromium, server, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = load(context, f"{server}/?lang=es")
    assert page.locator('[data-testid="stDataFrame"]').count() == 0  # nothing built before anyone asks
    page.get_by_text("Ver los datos en una tabla").first.click()
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for()
    wait_until_idle(page)
    screenshot(page, "overview-table-opened.png")
    with page.expect_download() as info:
        page.get_by_role("button", name="Descargar CSV").first.click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    rows = [r for r in csv.reader(io.StringIO(text)) if r]
    notes = [r[0] for r in rows if r[0].startswith("# ")]
    with (ROOT / "data" / "budget_line_categories.csv").open(encoding="utf-8-sig") as fh:
        categories = {r["category_id"] for r in csv.DictReader(fh)}
    assert len(rows) - len(notes) == 1 + len(categories)  # header + one row per category of the spending mix
    assert any("District Safety Updates" in note for note in notes)  # the citation travels with the data
    assert notes[-1].startswith(f"# Vista: {server}") and "lang=es" in notes[-1]  # the view it came from
    watch.assert_clean()
    context.close()


def test_an_always_visible_table_writes_its_csv_on_click(chromium, server):  # noqa: F811
    context, watch = open_context(chromium, server, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = load(context, f"{server}/spending?section=lines")  # the table of lines is in the Lines tab
    button = page.locator('[data-testid="stDownloadButton"]').filter(has_text="Download CSV").first
    button.scroll_into_view_if_needed()
    with page.expect_download() as info:
        button.click()
    assert info.value.suggested_filename == "lausd-safety-budget-lines-2023-24.csv"
    text = Path(info.value.path()).read_text(encoding="utf-8")
    rows = [r for r in csv.reader(io.StringIO(text)) if r]
    notes = [r[0] for r in rows if r[0].startswith("# ")]
    with (ROOT / "data" / "budget_lines.csv").open(encoding="utf-8-sig") as fh:
        budget_lines = list(csv.DictReader(fh))
    assert len(rows) - len(notes) == 1 + len(budget_lines)  # header + one row per published line
    assert all(r["budgeted_usd"] in text for r in budget_lines)  # every dollar figure, exactly as published
    assert any("District Safety Updates" in note for note in notes)
    assert notes[-1] == f"# View: {server}/spending?section=lines"  # the view's link reopens the tab
    watch.assert_clean()
    context.close()
