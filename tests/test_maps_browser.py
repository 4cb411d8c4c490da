"""Both maps in a real server and headless Chromium: the mouse wheel over a map scrolls the page and leaves the
map as it was; the zoom buttons zoom and "Reset map" brings back the first view; tooltips name a school, its
kind and the directory, or a site with its reported status; and screenshots of every map at 1366, 1024 and
390 px, English and Spanish (tests/artifacts/maps-*.png), with no console error, no request off the machine
and no sideways scrolling on a phone."""

from __future__ import annotations

import io
import sys

import pytest
from PIL import Image, ImageChops

from tests.browser_support import (  # noqa: F401  (chromium and server are fixtures)
    ARTIFACTS,
    MAIN_HEIGHT_JS,
    RENDER_TIMEOUT_MS,
    chromium,
    imports_env,
    open_context,
    screenshot,
    server,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

MAP = '[data-testid="stDeckGlJsonChart"]'
SCROLL_TOP = "() => document.querySelector('[data-testid=\"stMain\"]').scrollTop"
PAGES = {"deployments": 1, "community_safety": 1}  # charts drawn on each map's tab (the lead's, above the tabs)
MAP_TAB = {"deployments": "map", "community_safety": "passages"}  # the tab each map is in (?section=)


@pytest.fixture(scope="module", autouse=True)
def no_imports(tmp_path_factory):
    """An empty imports folder for this module's server: published data only (autouse: before the server)."""
    with imports_env(tmp_path_factory.mktemp("maps_imports")) as folder:
        yield folder


def open_map(chromium, server, path: str, width: int = 1366, height: int = 768, **options):
    context, watch = open_context(chromium, server, viewport={"width": width, "height": height}, **options)
    page = context.new_page()
    slug = path.strip("/").split("?")[0]
    page.goto(f"{server}{path}{'&' if '?' in path else '?'}section={MAP_TAB[slug]}")  # the map's tab, opened
    wait_until_idle(page)
    canvas = page.locator(f"{MAP} canvas").first
    canvas.wait_for(timeout=RENDER_TIMEOUT_MS)
    page.wait_for_function(
        "() => { const c = document.querySelector('%s canvas'); return c && c.width > 100 && c.height > 100; }" % MAP,
        timeout=RENDER_TIMEOUT_MS,
    )
    page.locator(MAP).first.scroll_into_view_if_needed()
    page.wait_for_timeout(1500)  # deck.gl draws on the next animation frames
    return context, watch, page


def canvas_image(page) -> Image.Image:
    return Image.open(io.BytesIO(page.locator(f"{MAP} canvas").first.screenshot())).convert("RGB")


def changed_share(a: Image.Image, b: Image.Image) -> float:
    """The share of pixels that differ by more than a little (antialiasing aside)."""
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 24 else 0)
    return sum(1 for v in diff.getdata() if v) / (a.width * a.height)


def ink(img: Image.Image) -> float:
    return sum(1 for p in img.getdata() if p != (255, 255, 255)) / (img.width * img.height)


@pytest.mark.parametrize("slug", list(PAGES))
def test_the_wheel_over_a_map_scrolls_the_page_and_never_zooms_the_map(chromium, server, slug):
    context, watch, page = open_map(chromium, server, f"/{slug}")
    try:
        before_top = page.evaluate(SCROLL_TOP)
        before = canvas_image(page)
        box = page.locator(MAP).first.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + min(200, box["height"] / 2))
        page.mouse.wheel(0, 300)
        page.wait_for_timeout(800)
        after_top = page.evaluate(SCROLL_TOP)
        assert after_top >= before_top + 250, (before_top, after_top)  # the page scrolled
        # back to where it was: the map must look exactly as before (not zoomed, not moved)
        page.evaluate("top => { document.querySelector('[data-testid=\"stMain\"]').scrollTop = top; }", before_top)
        page.wait_for_timeout(800)
        assert changed_share(before, canvas_image(page)) < 0.005
        watch.assert_clean()
    finally:
        context.close()


def test_zoom_buttons_zoom_the_map_and_reset_brings_back_the_first_view(chromium, server):
    context, watch, page = open_map(chromium, server, "/deployments")
    try:
        first = canvas_image(page)
        assert page.get_by_role("button", name="Zoom map out").is_disabled()  # the first view is the farthest out
        page.get_by_role("button", name="Zoom map in").click()
        wait_until_idle(page)
        page.wait_for_timeout(1500)
        zoomed = canvas_image(page)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        zoomed.save(ARTIFACTS / "maps-deployments-zoomed-in.png")
        assert changed_share(first, zoomed) > 0.1  # the comparison can see a zoom
        page.get_by_role("button", name="Reset map").click()
        wait_until_idle(page)
        page.wait_for_timeout(1500)
        assert changed_share(first, canvas_image(page)) < 0.005
        watch.assert_clean()
    finally:
        context.close()


def _hover(page, lon: float, lat: float) -> str | None:
    sys.path.insert(0, str(ARTIFACTS.parent.parent))
    from components.charts.maps import base
    from components.charts.maps.deck import to_pixels

    x, y = to_pixels(lon, lat, base.base().view)
    box = page.locator(MAP).first.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2 + x, box["y"] + box["height"] / 2 + y)
    page.wait_for_timeout(700)
    tip = page.locator(".deck-tooltip")
    return tip.inner_text() if tip.count() and tip.is_visible() else None


def test_tooltips_name_the_school_and_the_directory_or_the_site_and_its_reported_status(chromium, server):
    context, watch, page = open_map(chromium, server, "/community_safety", height=900)
    try:
        # Morningside Elementary (San Fernando): a safe-passage site, located through its reviewed match
        site = _hover(page, -118.43415, 34.288452)
        assert site is not None and site.startswith("Morningside Elementary School")
        assert "reported running in 2004 · status now unknown" in site
        assert "Location: state school directory (CDE, June 2018)" in site
        assert "CDE school directory, June 2018" not in site  # the schools' source line is theirs only
        # Owensmouth Continuation (Canoga Park): a district-run school of the directory, nothing else near it
        school = _hover(page, -118.60579, 34.195573)
        assert school == "Owensmouth Continuation\nHigh school · district-run\nCDE school directory, June 2018"
        watch.assert_clean()
    finally:
        context.close()


@pytest.mark.parametrize("width, height", [(1366, 768), (1024, 768), (390, 844)])
@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("slug", list(PAGES))
def test_every_map_at_three_widths_in_both_languages(chromium, server, slug, lang, width, height):
    phone = {"is_mobile": True, "has_touch": True} if width < 500 else {}
    path = f"/{slug}" + ("?lang=es" if lang == "es" else "")
    context, watch, page = open_map(chromium, server, path, width, height, **phone)
    try:
        img = canvas_image(page)
        assert ink(img) > 0.3  # the base map fills the canvas (land, lines, schools, symbols)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"maps-{slug}-{lang}-{width}.png"))  # the map as first seen
        text = page.locator("body").inner_text()
        credits = "Base map, drawn offline" if lang == "en" else "Mapa base, dibujado sin conexión"
        assert credits in text and "Los Angeles Times, Mapping L.A." in text
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1  # no sideways scrolling
        watch.assert_clean()
    finally:
        context.close()
