"""Board-room features in a real browser: a copied link reopens the same view (in a fresh browser), presenter
mode steps through the saved sequence with the keyboard, CSV exports carry the view's link, and printing hides
the controls."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from components.views import deck
from tests.browser_support import (  # noqa: F401
    RENDER_TIMEOUT_MS,
    chromium,
    load,
    open_context,
    screenshot,
    server,
    wait_until_idle,
)

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent


def test_a_copied_link_reopens_the_same_view(chromium, server):  # noqa: F811
    context, watch = open_context(chromium, server, viewport={"width": 1280, "height": 900})
    page = load(context, f"{server}/deployments?lang=es&section=map")  # the map's tab
    page.get_by_role("radiogroup", name="Mostrar en el mapa").get_by_text("Regiones").click()
    page.wait_for_url(re.compile(r"map=region"))
    wait_until_idle(page)
    copied = page.url
    assert "lang=es" in copied and "map=region" in copied and "section=map" in copied
    watch.assert_clean()
    context.close()

    fresh, watch2 = open_context(chromium, server, viewport={"width": 1280, "height": 900})
    again = load(fresh, copied)
    group = again.get_by_role("radiogroup", name="Mostrar en el mapa")
    assert group.get_by_role("radio", name="Regiones").is_checked()
    assert not group.get_by_role("radio", name="Distritos de la junta").is_checked()
    assert again.get_by_role("heading", level=1).first.inner_text().strip() != ""
    # Spanish held too (the sidebar filter can render a moment after the map's radio on a loaded machine)
    again.get_by_text("Región", exact=True).first.wait_for(timeout=RENDER_TIMEOUT_MS)
    watch2.assert_clean()
    fresh.close()


def test_presenter_mode_steps_through_the_saved_views_with_the_keyboard(chromium, server):  # noqa: F811
    sequence = list(csv.DictReader((ROOT / "presentations" / "board_meeting.csv").open(encoding="utf-8")))
    context, watch = open_context(chromium, server, viewport={"width": 1280, "height": 900})
    page = load(context, f"{server}/?present=1&step=1")
    # the step bar, then the step's title for the room (its year taken from the data)
    page.get_by_text(f"View 1 of {len(sequence)}", exact=True).wait_for()
    title = sequence[0]["title_en"].replace("{year}", "2023-24")
    page.get_by_role("heading", level=1, name=title).wait_for()
    # the page's finding, then its one chart (the wide form; the phone form is hidden at this width)
    finding = page.get_by_text(
        re.compile(
            r"^In 2023-24, the district's \$346\.1M safety budget gave \$120\.4M to psychiatric social workers and "
            r"\$44\.5M to sworn school-police officers: 2\.7 times as much for the social workers\.$"
        )
    )
    assert finding.count() == 1
    page.wait_for_function(
        """() => [...document.querySelectorAll('.js-plotly-plot')].filter(p => p.offsetParent !== null
            && p.querySelector('.main-svg')).length === 1""",
        timeout=RENDER_TIMEOUT_MS,
    )
    assert not page.locator('[data-testid="stSidebar"]').is_visible()  # no sidebar on a slide
    screenshot(page, "presenter-overview.png")
    page.get_by_role("heading", level=1).first.click()  # focus the page, not a widget
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"/spending\?.*step=2"))
    wait_until_idle(page)
    page.get_by_text(f"View 2 of {len(sequence)}", exact=True).wait_for()
    page.get_by_role("heading", level=1, name=sequence[1]["title_en"]).wait_for()
    assert "present=1" in page.url
    page.keyboard.press("ArrowLeft")
    page.wait_for_url(re.compile(r"step=1"))
    wait_until_idle(page)
    page.get_by_text(f"View 1 of {len(sequence)}", exact=True).wait_for()
    watch.assert_clean()
    context.close()


def test_csv_export_carries_the_view_link_and_print_hides_controls(chromium, server, tmp_path):  # noqa: F811
    context, watch = open_context(chromium, server, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = load(context, f"{server}/sources?kind=news&lang=es")
    with page.expect_download() as info:
        page.get_by_role("button", name="Descargar CSV").click()
    text = Path(info.value.path()).read_text(encoding="utf-8")
    assert (
        text.rstrip().splitlines()[-1] == f"# Vista: {server}/sources?kind=news&lang=es"
        or text.rstrip().splitlines()[-1] == f"# Vista: {server}/sources?lang=es&kind=news"
    )
    page.emulate_media(media="print")
    assert page.locator('[data-testid="stSidebar"]').evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator('[data-testid="stDownloadButton"]').first.evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator("h1").first.is_visible()
    watch.assert_clean()
    context.close()


def test_a_chart_downloads_as_a_stamped_png_offline(chromium, server):  # noqa: F811
    context, watch = open_context(chromium, server, viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = load(context, f"{server}/?lang=es")
    chart = page.locator(".js-plotly-plot").first
    chart.wait_for()
    chart.hover()
    assert chart.locator(".modebar-btn[data-title*='PNG']").count() == 0  # the bare camera image is gone
    button = page.locator('[data-testid="stDownloadButton"] button', has_text="Descargar imagen (PNG)").first
    with page.expect_download(timeout=60_000) as info:
        button.click()
    assert info.value.suggested_filename == "lausd-safety-spending-mix-2023-24.png"
    data = Path(info.value.path()).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert Image.open(io.BytesIO(data)).width == 2400  # readable on a slide: 1200 CSS px, twice over
    watch.assert_clean()  # no request left the machine: the server's own Chromium drew it
    context.close()


def test_the_deck_bar_downloads_the_meeting_packet(chromium, server):  # noqa: F811
    context, watch = open_context(chromium, server, viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page = load(context, f"{server}/spending?present=1&step=2&lang=es")
    button = page.get_by_role("button", name="Paquete (PDF)")
    with page.expect_download(timeout=120_000) as info:
        button.click()
    assert info.value.suggested_filename == "lausd-safety-packet-es.pdf"
    pdf = PdfReader(info.value.path())
    assert len(pdf.pages) == len(deck.sequence()) + 1  # the cover and the saved views
    assert "Paquete para la reunión" in pdf.pages[0].extract_text()
    watch.assert_clean()
    context.close()
