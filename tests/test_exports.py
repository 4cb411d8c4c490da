"""Exports that carry their sources (issue 17, items 4 and 6): stamped chart images and the meeting packet.

Fast: the stamp's words and layout, the packet read back with pypdf with image export turned off (no browser):
one page per saved view after a cover, each view's finding and citation, the links that reopen the views, the
date made and the data version, text from data kept as text. Slow (a headless Chromium, kaleido): every chart
of the saved sequence exported as PNG in English and Spanish, its stamp drawn on the image (the same image as
SVG keeps the words as text; the PNG's bands above and below the chart carry ink), and the packet's charts at
200 dpi or more.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from PIL import Image
from pypdf import PdfReader

from components.export import packet, render, stamp
from components.i18n import t
from components.text.markdown import md_plain
from components.views import deck
from components.views.model import Lead

ROOT_URL = "http://board.example:8501/"
MADE = dt.datetime(2030, 1, 2, 3, 4, tzinfo=dt.UTC)  # a fixed moment: the test reads it back


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def slides(lang: str):
    return [deck.step_slide(step, lang) for step in deck.sequence()]


def charts(lang: str):
    return [(s, s.lead.chart) for s in slides(lang) if s.lead is not None and s.lead.chart is not None]


@pytest.fixture
def no_browser(monkeypatch):
    monkeypatch.setenv("SAFETY_CHROMIUM", "")  # image export turned off: render.available() is False
    monkeypatch.setattr(render, "_cache", type(render._cache)())  # nothing drawn earlier is reused
    assert not render.available()


def links_of(page) -> list[str]:
    out = []
    for ref in page.get("/Annots") or []:
        note = ref.get_object()
        if note.get("/Subtype") == "/Link" and "/A" in note:
            out.append(str(note["/A"]["/URI"]))
    return list(dict.fromkeys(out))  # a link that wraps onto a second line is one annotation per line


# ------------------------------------------------------------------------------------------------ the stamp
def test_the_stamp_names_the_year_from_the_view_or_from_the_chart():
    for lang in ("en", "es"):
        for s, chart in charts(lang):
            fig = stamp.figure_of(chart)
            words = stamp.stamp_for(fig, chart.year, md_plain(chart.citation), lang)
            assert words.title and "<" not in words.title, s.page
            assert words.name == t("export.name", lang)
            if chart.year:
                assert words.year == t("export.year", lang, year=chart.year)
    overview = charts("es")[0][1]
    assert stamp.year_line(overview.year, overview.figure, "es").startswith("Año escolar ")
    incidents = next(c for s, c in charts("en") if s.page == "incidents")
    years = stamp.school_years(stamp.figure_of(incidents))
    assert len(years) > 1 and stamp.year_line(None, stamp.figure_of(incidents), "en") == t(
        "export.years", "en", first=years[0], last=years[-1]
    )


def test_the_stamp_lays_its_words_above_and_below_the_chart_as_text():
    words = stamp.Stamp("Budget <b>& lines</b>", "School year X", "Source: a <script> & b", "Name")
    fig = stamp.composite(b"\x89PNG fake", 500, words)
    texts = [a.text for a in fig.layout.annotations]
    assert "<b>Budget &lt;b&gt;&amp; lines&lt;/b&gt;</b>" in texts  # data text is text, never Plotly markup
    assert "Source: a &lt;script&gt; &amp; b" in texts
    image = fig.layout.images[0]
    chart_top, chart_bottom = image.y, image.y - image.sizey
    above = [a for a in fig.layout.annotations if a.y > chart_top]
    below = [a for a in fig.layout.annotations if a.y <= chart_bottom]
    assert len(above) == 2 and len(below) == 2  # title and year above; source and name below
    assert all(a.font.size >= 18 for a in fig.layout.annotations)  # readable on a slide
    assert fig.layout.width == stamp.WIDTH


# ------------------------------------------------------------------------------------------------ the packet
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_packet_has_a_cover_then_one_page_per_view_with_its_words_links_date_and_version(lang, no_browser):
    pdf = PdfReader(io.BytesIO(packet.sequence_pdf(lang, ROOT_URL, made=MADE)))
    views = slides(lang)
    assert len(pdf.pages) == len(views) + 1
    version = deck.data_version()
    assert version is not None and re.fullmatch(r"[0-9a-f]{12}", version.fingerprint)
    expected_links = [deck.link(ROOT_URL, s.page, s.params, lang) for s in views]
    assert expected_links[0].startswith(ROOT_URL + "?") and f"lang={lang}" in expected_links[0]
    pages = [flat(p.extract_text()) for p in pdf.pages]
    made = flat(packet.made_line(packet.Packet(lang, MADE, version, ())))
    for text in pages:
        assert made in text and version.fingerprint in text and version.built_at in text
    cover = pages[0]
    assert flat(t("export.packet.title", lang)) in cover
    assert links_of(pdf.pages[0]) == expected_links
    for s, page, text, link in zip(views, pdf.pages[1:], pages[1:], expected_links):
        assert flat(s.title) in text
        assert links_of(page) == [link], s.page
        if s.lead is None:
            assert flat(t("export.packet.no_chart", lang)) in text
            continue
        assert flat(md_plain(s.lead.finding)) in text, s.page
        citation = md_plain(s.lead.chart.citation or s.lead.citation) if s.lead.chart else md_plain(s.lead.citation)
        if citation:  # a long address may break across lines in the PDF: compared without spaces
            assert "".join(citation.split()) in "".join(text.split()), s.page
        if s.lead.chart is not None:
            assert flat(t("export.packet.no_image", lang)) in text  # said plainly, not a crash


def test_one_view_makes_a_one_page_packet_with_its_link(no_browser):
    pdf = PdfReader(io.BytesIO(packet.page_pdf("spending", {"level": "x"}, "es", ROOT_URL, made=MADE)))
    assert len(pdf.pages) == 1
    assert links_of(pdf.pages[0]) == [ROOT_URL + "spending?level=x&lang=es"]


def test_text_from_data_stays_text_in_the_packet(no_browser):
    s = slides("en")[0]
    hostile = "A <b>bold</b> claim & <a href='http://x.example'>a link</a> <script>x</script>"
    planted = replace(s, title=hostile, lead=Lead(hostile, hostile, None))
    pdf = PdfReader(io.BytesIO(packet.build([planted], packet.Packet("en", MADE, None, (ROOT_URL,), cover=False))))
    text = flat(pdf.pages[0].extract_text())
    assert flat(hostile) in text  # printed as written, markup and all
    assert links_of(pdf.pages[0]) == [ROOT_URL]  # the planted <a> made no link
    assert t("export.packet.version_unknown", "en") in text


# ------------------------------------------------------------------------------------------------ with Chromium
needs_browser = pytest.mark.skipif(not render.available(), reason="image export needs Chromium")


def _svg_words(svg: bytes) -> str:
    root = ET.fromstring(svg)
    return flat(" ".join("".join(e.itertext()) for e in root.iter() if e.tag.endswith("text")))


def _ink(image: Image.Image, box) -> int:
    """Dark pixels (text) in a box of the image."""
    grey = image.convert("L").crop(box)
    return sum(1 for v in grey.getdata() if v < 128)


@pytest.mark.slow
@needs_browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_chart_of_the_sequence_exports_a_png_with_its_stamp_drawn_on_it(lang):
    for s, chart in charts(lang):
        fig = stamp.figure_of(chart)
        words = stamp.stamp_for(fig, chart.year, md_plain(chart.citation or s.lead.citation), lang)
        png = stamp.png(fig, words)
        image = Image.open(io.BytesIO(png))
        assert image.format == "PNG" and image.width == stamp.WIDTH * stamp.SCALE, s.page
        # the words are on the image: the same composite as SVG holds them as text ...
        said = _svg_words(stamp.svg(fig, words))
        for part in (words.title, words.year, words.source, words.name):
            if part:
                for line in stamp._lines(part, stamp.SOURCE_WRAP):
                    for word in line.split()[:3]:
                        assert word in said, (s.page, word)
        assert flat(words.name) in said and (not words.year or flat(words.year) in said)
        # ... and the PNG's bands above and below the chart carry ink (the drawn stamp), its chart too
        composite = stamp.composite(b"", 100, words)  # the layout alone, to find the bands
        top_px = round((1 - composite.layout.images[0].y) * composite.layout.height) * stamp.SCALE
        bottom_band = stamp.SCALE * (composite.layout.height - top_px // stamp.SCALE - 100)
        assert _ink(image, (0, 0, image.width, top_px)) > 500, s.page
        assert _ink(image, (0, image.height - bottom_band, image.width, image.height)) > 500, s.page
        assert _ink(image, (0, top_px, image.width, image.height - bottom_band)) > 500, s.page


@pytest.mark.slow
@needs_browser
@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_packet_draws_each_chart_at_200_dpi_or_more(lang, tmp_path):
    data = packet.sequence_pdf(lang, ROOT_URL, made=MADE)
    pdf = PdfReader(io.BytesIO(data))
    views = slides(lang)
    assert len(pdf.pages) == len(views) + 1
    for s, page in zip(views, pdf.pages[1:]):
        images = list(page.images)
        if s.lead is None or s.lead.chart is None:
            assert not images
            continue
        assert len(images) == 1, s.page
        width_px = images[0].image.width
        assert width_px / (packet.FRAME_W / 72) >= 200, s.page  # drawn at most the frame's width
        assert flat(t("export.packet.no_image", lang)) not in flat(page.extract_text())
    if shutil.which("pdftoppm"):  # every page turns into an image that is not blank
        target = tmp_path / "page"
        (tmp_path / "p.pdf").write_bytes(data)
        subprocess.run(["pdftoppm", "-r", "30", "-png", str(tmp_path / "p.pdf"), str(target)], check=True)
        shots = sorted(tmp_path.glob("page-*.png"))
        assert len(shots) == len(pdf.pages)
        for shot in shots:
            assert _ink(Image.open(shot), (0, 0, 255, 330)) > 50, shot.name


# ------------------------------------------------------------------------------------------------ on the page
@pytest.mark.apptest
def test_each_chart_offers_its_stamped_png_and_the_sidebar_both_packets():
    from tests.apptest_support import run_page

    at = run_page("spending", lang="es")
    labels = [b.proto.label for b in at.main.get("download_button")]
    assert t("export.png", "es") in labels
    n = len(deck.sequence())
    assert [b.proto.label for b in at.sidebar.get("download_button")] == [
        t("export.packet.page", "es"),
        t("export.packet.sequence", "es", n=n),
    ]
    deck_bar = run_page("spending", present="1", step="2")
    assert t("export.packet.short", "en") in [b.proto.label for b in deck_bar.get("download_button")]


@pytest.mark.apptest
def test_without_chromium_each_chart_says_image_export_is_unavailable(monkeypatch):
    from tests.apptest_support import run_page

    monkeypatch.setenv("SAFETY_CHROMIUM", "")
    at = run_page("overview")
    assert not at.exception
    assert t("export.unavailable", "en") in [c.value for c in at.caption]
    assert t("export.png", "en") not in [b.proto.label for b in at.get("download_button")]
