"""Board-room features in Streamlit's AppTest: hostile link values on every page (ignored with a note, never an
exception, never echoed), valid link values reopen the view, presenter mode's summaries, exports' view link,
the saved sequence file, and a Spanish page that shows no English app text."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components import registry
from components.i18n import CATALOG
from components.ui import boardroom
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
    text = text_of(at)
    assert "Un valor del enlace no se reconoció y se ignoró" not in text  # lang was unreadable: English
    assert NOTE in text
    for needle in ("Narnia", "alert(", "<script", "onerror", "xxxxxxxxxx", "yyyyyyyyyy", "999"):
        assert needle not in text, needle
    # Every value the page reads was dropped from the link, so a copied link is clean.
    for name in ("lang", "present", "step"):
        assert name not in at.query_params, name


def test_each_bound_widget_names_its_parameter_when_it_ignores_it():
    at = run_page("deployments", map="sideways", region="North")
    assert_clean(at)
    assert f"{NOTE}: map." in text_of(at)
    assert at.query_params["region"] in ("North", ["North"])
    assert at.radio(key="dep_map_kind").value == "board_district"


@pytest.mark.parametrize(
    "page, params, check",
    [
        (
            "deployments",
            {"map": "region", "bd": "3"},
            lambda at: at.radio(key="dep_map_kind").value == "region" and at.selectbox(key="filter_bd").value == 3,
        ),
        ("sources", {"kind": "news"}, lambda at: at.selectbox(key="source_kind").value == "news"),
        (
            "spending",
            {"level": "districtwide,school_site"},
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
    at = run_page("deployments", lang="es")
    at.radio(key="dep_map_kind").set_value("region").run()
    assert at.query_params["map"] in ("region", ["region"])  # a code, not the Spanish label "Regiones"
    at.selectbox(key="filter_bd").set_value(7).run()
    assert at.query_params["bd"] in ("7", ["7"])
    at.radio(key="dep_map_kind").set_value("board_district").run()
    assert "map" not in at.query_params  # the default keeps the link short


def test_presenter_mode_puts_a_plain_summary_under_each_chart():
    at = run_page("overview", present="1")
    assert_clean(at)
    text = text_of(at)
    # Computed here from the CSVs' published total and the law-enforcement lines.
    import csv

    rows = list(csv.DictReader((ROOT / "data" / "budget_lines.csv").open(encoding="utf-8")))
    cats = {
        r["line_id"]: r["category_id"]
        for r in csv.DictReader((ROOT / "data" / "budget_line_categories.csv").open(encoding="utf-8"))
    }
    total = sum(int(r["budgeted_usd"]) for r in rows if r["school_year"] == "2023-24")
    police = sum(
        int(r["budgeted_usd"])
        for r in rows
        if r["school_year"] == "2023-24" and cats.get(r["line_id"]) == "law_enforcement"
    )
    expected = f"In 2023-24, school police were {police / total:.1%} of the ${total / 1e6:.1f}M safety budget."
    assert expected == "In 2023-24, school police were 12.9% of the $346.1M safety budget."
    assert expected in text
    assert "had the most short-term police deployments" in text
    assert f"Saved sequence of {len(boardroom.load_sequence())} views for a meeting." in text
    assert at.button(key="br_next").proto.shortcut.lower() in ("right", "arrowright")


def test_the_saved_sequence_names_real_pages_and_known_parameters():
    steps = boardroom.load_sequence()
    assert len(steps) >= 3
    for page, params, title_en, title_es in steps:
        assert page in PAGES and title_en and title_es and title_en != title_es
        assert set(params) <= set(boardroom.VIEW_PARAMS)


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
