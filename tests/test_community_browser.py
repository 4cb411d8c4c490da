"""The Community-based safety page in a real `streamlit run` server and headless Chromium.

A synthetic roster (generated here, clearly named as a fixture) is imported into a temp file before the
server starts, so the page shows the published facts and the imported roster together. Screenshots go to
tests/artifacts/community*.png.
"""

from __future__ import annotations

import pytest

from tests.browser_support import (  # noqa: F401  (chromium and server are fixtures)
    MAIN_HEIGHT_JS,
    RENDER_TIMEOUT_MS,
    chromium,
    imports_env,
    open_context,
    screenshot,
    server,
    wait_for_charts,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

CHARTS = 2  # the lead's earmark by year, and BSAP in the first tab (the map and the decisions are in other tabs)
ROSTER = (
    "school,board_district,region,provider,start_date,end_date,status,lat,lon\n"
    "Fixture School North,3,North,Fixture Provider A,2024-08-12,,running,34.2,-118.5\n"
    "Fixture School South,7,South,,2023-08-14,2024-06-07,ended,,\n"
)


@pytest.fixture(scope="module", autouse=True)
def roster_env(tmp_path_factory):
    """Autouse and module-scoped, so it is set up before the module's server starts (which inherits it)."""
    from data.import_roster import import_roster

    folder = tmp_path_factory.mktemp("roster")
    (folder / "roster.csv").write_text(ROSTER, encoding="utf-8")
    db = folder / "safe_passage_roster.duckdb"
    import_roster(folder / "roster.csv", db)
    with imports_env(folder):
        yield db


def _wait_for_map(page) -> None:
    page.locator('[data-testid="stDeckGlJsonChart"] canvas').first.wait_for(timeout=RENDER_TIMEOUT_MS)
    page.wait_for_timeout(1500)  # deck.gl draws on the next animation frames


def test_community_page_draws_charts_map_and_roster_offline(chromium, server):
    context, watch = open_context(chromium, server, viewport={"width": 1400, "height": 1200})
    try:
        page = context.new_page()
        page.goto(f"{server}/community_safety")
        wait_for_charts(page, CHARTS)
        text = page.locator("body").inner_text()
        assert "$14,161,600" in text and "~$3.7M" in text
        assert "advocacy organization" in text and "district document" in text  # kinds in words
        assert not page.locator('[data-testid="stDeckGlJsonChart"]').count()  # the map waits for its tab
        page.get_by_role("tab", name="Safe passages").click()  # as a reader opens the map
        _wait_for_map(page)
        assert "section=passages" in page.url
        text = page.locator("body").inner_text()
        assert "17 of 19 named safe-passage sites are drawn" in text  # the table itself is a canvas grid
        assert "Not drawn: 2 that name an area, not a school." in text
        assert "District-supplied and not published" in text
        page.get_by_role("tab", name="What is not published").click()
        request = page.get_by_text("Copy this list as a records request")
        request.wait_for(timeout=RENDER_TIMEOUT_MS)
        assert "Under the California Public Records Act" not in page.locator("body").inner_text()  # on demand
        request.click()
        page.get_by_text("Under the California Public Records Act").wait_for(timeout=RENDER_TIMEOUT_MS)
        page.goto(f"{server}/community_safety?section=passages")
        _wait_for_map(page)
        height = page.evaluate(MAIN_HEIGHT_JS)
        page.set_viewport_size({"width": 1400, "height": min(int(height) + 100, 16_000)})
        _wait_for_map(page)
        screenshot(page, "community.png")
        watch.assert_clean()
    finally:
        context.close()


def test_community_page_on_a_phone(chromium, server):
    context, watch = open_context(
        chromium, server, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True
    )
    try:
        page = context.new_page()
        page.goto(f"{server}/community_safety?section=passages")
        _wait_for_map(page)
        height = page.evaluate(MAIN_HEIGHT_JS)
        page.set_viewport_size({"width": 390, "height": min(int(height) + 100, 16_000)})
        _wait_for_map(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        screenshot(page, "community-390.png")
        watch.assert_clean()
    finally:
        context.close()


def test_community_page_in_spanish(chromium, server):
    context, watch = open_context(chromium, server, viewport={"width": 1400, "height": 1200})
    try:
        page = context.new_page()
        page.goto(f"{server}/community_safety?lang=es&section=passages")
        _wait_for_map(page)
        page.get_by_role("heading", name="Seguridad comunitaria y pasos seguros").wait_for(timeout=RENDER_TIMEOUT_MS)
        assert "Se dibujan 17 de 19 sitios" in page.locator("body").inner_text()
        watch.assert_clean()
    finally:
        context.close()
