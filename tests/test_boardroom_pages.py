"""Board-room features in Streamlit's AppTest: hostile link values on every page (ignored with a note, never an
exception, never echoed), valid link values reopen the view, presenter mode's slides, exports' view link,
the saved sequence file, and a Spanish page that shows no English app text."""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import registry
from components.i18n import CATALOG
from components.ui import boardroom
from components.views import deck
from tests.test_pages import assert_clean, plain, rendered_strings

pytestmark = pytest.mark.apptest

ROOT = Path(__file__).resolve().parent.parent
PAGES = tuple(p.slug for p in registry.public_pages())
NOTE = "A value in the link was not recognised and was ignored"


def run_page(page: str, **params) -> AppTest:
    """A fresh session opened directly at `page` with these link parameters (its first run is that page)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    if not registry.page(page).default:
        at.switch_page(registry.page(page).file)
    at.run()
    return at


def text_of(at: AppTest) -> str:
    return "\n".join(plain(s) for s in rendered_strings(at))


SCRIPT = "<script>alert('x')</script>"
HOSTILE = {
    "region": "Narnia",
    "bd": "9",
    "map": SCRIPT,
    "kind": "x" * 5000,
    "basis": "records",
    "level": "nope," + "y" * 300,
    "present": "<img src=x onerror=alert(1)>",
    "step": "999",
}


@pytest.mark.parametrize("page", PAGES)
def test_hostile_link_values_are_ignored_with_a_note_and_never_echoed(page):
    at = run_page(page, lang="es-<b>", **HOSTILE)
    assert_clean(at)
    # long hexadecimal runs are the data's version fingerprints, not an echo ("…ec9990a…" once contained 999)
    text = re.sub(r"\b[0-9a-f]{12,}\b", "<fingerprint>", text_of(at))
    assert "Un valor del enlace no se reconoció y se ignoró" not in text  # lang was unreadable: English
    assert NOTE in text
    for needle in ("Narnia", "alert(", "<script", "onerror", "xxxxxxxxxx", "yyyyyyyyyy", "999"):
        assert needle not in text, needle
    # Every value the page reads was dropped from the link, so a copied link is clean.
    for name in ("lang", "present", "step"):
        assert name not in at.query_params, name


def test_each_bound_widget_names_its_parameter_when_it_ignores_it():
    at = run_page("deployments", map="sideways", region="North", section="map")
    assert_clean(at)
    assert f"{NOTE}: map." in text_of(at)
    assert at.query_params["region"] in ("North", ["North"])
    assert at.radio(key="dep_map_kind").value == "board_district"


@pytest.mark.parametrize(
    "page, params, check",
    [
        (
            "deployments",
            {"map": "region", "bd": "3", "section": "map"},  # the map kind is in the Map tab
            lambda at: at.radio(key="dep_map_kind").value == "region" and at.selectbox(key="filter_bd").value == 3,
        ),
        ("sources", {"kind": "news"}, lambda at: at.selectbox(key="source_kind").value == "news"),
        (
            "spending",
            {"level": "districtwide,school_site", "section": "lines"},  # the level filter is in the Lines tab
            lambda at: list(at.session_state["sp_levels"]) == ["school_site", "districtwide"],
        ),
        ("overview", {"present": "1"}, lambda at: at.toggle(key="br_present").value is True),
    ],
)
def test_valid_link_values_reopen_the_view(page, params, check):
    at = run_page(page, **params)
    assert_clean(at)
    assert check(at)
    assert NOTE not in text_of(at)


def test_choosing_a_value_writes_a_stable_code_into_the_link():
    at = run_page("deployments", lang="es", section="map")
    at.radio(key="dep_map_kind").set_value("region").run()
    assert at.query_params["map"] in ("region", ["region"])  # a code, not the Spanish label "Regiones"
    at.selectbox(key="filter_bd").set_value(7).run()
    assert at.query_params["bd"] in ("7", ["7"])
    at.radio(key="dep_map_kind").set_value("board_district").run()
    assert "map" not in at.query_params  # the default keeps the link short


def _budget_2023_24() -> dict[str, int]:
    """The 2023-24 table's total, its psychiatric social workers and its law-enforcement lines, from the CSVs."""
    import csv

    rows = list(csv.DictReader((ROOT / "data" / "budget_lines.csv").open(encoding="utf-8")))
    cats = {
        r["line_id"]: r["category_id"]
        for r in csv.DictReader((ROOT / "data" / "budget_line_categories.csv").open(encoding="utf-8"))
    }
    year = [r for r in rows if r["school_year"] == "2023-24"]
    return {
        "total": sum(int(r["budgeted_usd"]) for r in year),
        "psw": sum(int(r["budgeted_usd"]) for r in year if r["line_id"] == "psychiatric-social-workers"),
        "police": sum(int(r["budgeted_usd"]) for r in year if cats.get(r["line_id"]) == "law_enforcement"),
    }


def _slide_parts(at: AppTest) -> dict:
    """What a presenter's slide shows in the main area: title, the finding, its charts, captions, expanders."""
    texts = [plain(m.value) for m in at.markdown if not m.value.startswith("<style")]
    return {
        "title": [x.value for x in at.title],
        "texts": texts,
        "charts": [c.key for c in at.get("plotly_chart")],
        "captions": [plain(c.value) for c in at.main.caption],
        "expanders": len(at.main.expander),
    }


def test_presenter_mode_shows_each_step_as_one_slide():
    """Presenter mode (?present=1&step=N) draws the step's slide instead of the page: the step's title for the room,
    the page's finding for the step's view, its one chart (sent in a wide and a phone form) and its source line;
    no captions or expanders besides."""
    b = _budget_2023_24()
    views = deck.sequence()
    assert [(s.page, s.title_en) for s in views[:3]] == [
        ("overview", "The {year} safety budget at a glance"),
        ("spending", "Where the safety budget goes"),
        ("spending", "What $5M of school-police money would pay for"),
    ]

    at = run_page("overview", present="1", step="1")
    assert_clean(at)
    slide = _slide_parts(at)
    assert slide["title"] == ["The 2023-24 safety budget at a glance"]
    finding = (
        f"In 2023-24, the district's ${b['total'] / 1e6:.1f}M safety budget gave ${b['psw'] / 1e6:.1f}M to "
        f"psychiatric social workers and ${b['police'] / 1e6:.1f}M to sworn school-police officers: "
        f"{b['psw'] / b['police']:.1f} times as much for the social workers."
    )
    assert finding == (
        "In 2023-24, the district's $346.1M safety budget gave $120.4M to psychiatric social workers and $44.5M "
        "to sworn school-police officers: 2.7 times as much for the social workers."
    )
    assert slide["texts"] == [f"**View 1 of {len(views)}**", finding]
    assert slide["charts"] == ["deck-spending-mix-left", "deck-spending-mix-above"]  # one chart, two forms
    assert slide["expanders"] == 0 and len(slide["captions"]) == 1
    assert "District Safety Updates" in slide["captions"][0] and "April 9, 2024" in slide["captions"][0]
    assert at.button(key="br_next").proto.shortcut.lower() in ("right", "arrowright")

    at = run_page("spending", present="1", step="2")
    assert_clean(at)
    slide = _slide_parts(at)
    assert slide["title"] == ["Where the safety budget goes"]
    share = f"{b['police'] / b['total']:.1%}"
    assert share == "12.9%"
    assert f"school police (the law-enforcement lines) get ${b['police'] / 1e6:.1f}M ({share})" in slide["texts"][1]
    assert slide["texts"][1].startswith(
        f"In 2023-24, the 12 lines of the safety budget add up to ${b['total'] / 1e6:.1f}M."
    )
    assert slide["charts"] == ["deck-sp-lines-left", "deck-sp-lines-above"]
    bars = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert bars["layout"]["font"]["size"] >= 18  # large type for the room
    assert slide["expanders"] == 0 and len(slide["captions"]) == 1
    assert "District Safety Budget" in slide["captions"][0]

    # the what-if step: what the link's move pays for, over the lines it changes
    at = run_page("spending", present="1", step="3")
    assert_clean(at)
    slide = _slide_parts(at)
    assert slide["title"] == ["What $5M of school-police money would pay for"]
    assert ("Move 1: $5,000,000 from Sworn Peace Officers to Psychiatric Social Workers (PSWs) = 31.2 FTEs") in slide[
        "texts"
    ][1]
    assert slide["charts"] == ["deck-sp-scenario-lines-left", "deck-sp-scenario-lines-above"]

    # outside the sequence: the page's own slide, and how many views the saved sequence holds
    at = run_page("overview", present="1")
    assert_clean(at)
    slide = _slide_parts(at)
    assert slide["title"] == ["Overview"]
    assert f"Saved sequence of {len(views)} views for a meeting." in slide["texts"] and finding in slide["texts"]


def test_the_saved_sequence_names_real_pages_and_known_parameters():
    import csv
    from urllib.parse import parse_qsl, urlsplit

    steps = deck.sequence()
    assert len(steps) >= 3
    for step in steps:
        assert step.page in PAGES and step.title_en and step.title_es and step.title_en != step.title_es
        assert set(dict(step.params)) <= set(boardroom.VIEW_PARAMS)
    # every parameter a saved link names is one its page reads (the deck would drop any other without a word)
    with (ROOT / "presentations" / "board_meeting.csv").open(newline="", encoding="utf-8") as fh:
        links = [urlsplit(row["link"].strip()) for row in csv.DictReader(fh)]
    assert len(links) == len(steps)
    for link, step in zip(links, steps):
        assert link.path.strip("/") == step.page
        assert dict(parse_qsl(link.query)) == dict(step.params)


def test_csv_exports_end_with_citation_and_view_line(monkeypatch):
    import pandas as pd

    from components.text import export
    from components.ui import blocks as ui

    monkeypatch.setattr(boardroom, "view_url", lambda: "http://x/spending?level=districtwide&lang=es")
    lines = export.to_csv(pd.DataFrame({"a": ["=1+1"]}), ui.export_lines("Src \\$1", "es")).decode().splitlines()
    assert lines[1] == "'=1+1"  # a formula stays text
    assert lines[-2:] == ["# Src $1", "# Vista: http://x/spending?level=districtwide&lang=es"]


# ------------------------------------------------------------------------------------------- Spanish
def published_text() -> str:
    """Every text cell of the published CSVs: titles and labels that stay as published (not app text)."""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "data").glob("*.csv")))


def english_fragments() -> set[str]:
    """Literal pieces (15+ characters) of English catalog texts whose Spanish differs, leaving out any piece
    that also occurs in the published data (an event title such as "Board resolutions for ..." is data)."""
    published = published_text()
    pieces = set()
    for entry in CATALOG.values():
        if entry.get("es") == entry["en"]:
            continue
        for literal, *_ in string.Formatter().parse(entry["en"]):
            for piece in re.split(r"[*_`\[\]()]", literal or ""):
                chunk = piece.strip(" .,:;—-")
                if len(chunk) >= 15 and chunk not in entry["es"] and chunk not in published:
                    pieces.add(chunk)
    return pieces


@pytest.mark.parametrize("page", PAGES)
def test_spanish_pages_show_no_english_app_text(page):
    at = run_page(page, lang="es", present="1")
    assert_clean(at)
    strings = [plain(s) for s in rendered_strings(at)]
    fragments = english_fragments()
    slipped = sorted({f for f in fragments for s in strings if f in s})
    assert slipped == []
