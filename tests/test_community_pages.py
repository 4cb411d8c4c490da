"""The Community-based safety page in Streamlit's AppTest: it runs, shows its figures from the CSVs, in both
languages, and with an imported (synthetic) roster shows it beside the published facts, labelled."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.import_roster import import_roster

pytestmark = pytest.mark.apptest

ROOT = Path(__file__).resolve().parent.parent
PAGE = "pages/community_safety.py"


def open_page(lang: str | None = None, open_request: bool = True, section: str | None = None) -> AppTest:
    """The page with one section (tab) open; the first one when `section` is None."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if lang:
        at.query_params["lang"] = lang
    at.run()
    if section:  # after the first page's run, which drops what it does not know from the link
        at.query_params["section"] = section
    at.switch_page(PAGE)
    at.session_state["open-cbs-request"] = open_request  # the records-request letter opens on demand
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    return at


def plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def csv_rows(name: str) -> list[dict]:
    with open(ROOT / "data" / f"{name}.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture
def no_roster(tmp_path, monkeypatch):
    monkeypatch.setenv("SAFETY_IMPORTS_DIR", str(tmp_path / "no-imports"))


def test_page_leads_with_the_pilot_money_and_shows_the_published_figures(no_roster):
    at = open_page()
    assert at.title[0].value == "Community-based safety and safe passages"
    vendor = next(r for r in csv_rows("budget_lines") if r["line_id"] == "cbsp-vendor-support")
    lead = plain(next(m.value for m in at.markdown if not m.value.startswith("<style")))
    assert lead.startswith("The district's 2023-24 safety budget gives the community-based safety pilot")
    assert f"${int(vendor['budgeted_usd']):,} (Pilot vendor support, 2023-24)" in lead
    assert "No district document reports how much of the community-based safety money was spent." in lead
    metrics = {m.label: m.value for m in at.metric}
    programs = next(r for r in csv_rows("safe_passage_counts") if r["metric"] == "safe_passage_programs")
    assert metrics[f"Safe-passage programs ({programs['school_year']})"] == programs["value"]
    assert metrics["Pilot vendor support, 2023-24"] == f"${int(vendor['budgeted_usd']):,}"
    assert metrics["Moved from vacant officer positions"] == "~$3.7M"
    assert len(at.get("plotly_chart")) == 2 and not at.get("deck_gl_json_chart")  # the map waits for its tab
    badges = " ".join(plain(m.value) for m in at.markdown)
    assert "district document" in badges and "advocacy organization" in badges and "news report" in badges

    # the sites table lists every named site; the two that name an area, not a school, say why they are not drawn
    at = open_page(section="passages")
    sites = next(df.value for df in at.dataframe if "Location (lat, lon)" in df.value.columns)
    assert len(sites) == len(csv_rows("safe_passage_sites"))
    assert (sites["Location (lat, lon)"] == "not drawn: names an area, not a school").sum() == 2
    assert sites["Location (lat, lon)"].str.match(r"^3\d\.\d{5}, -118\.\d{5}$").sum() == 17
    text = " ".join(c.value for c in at.caption)
    assert "17 of 19 named safe\\-passage sites are drawn" in text and "4 of 4 town\\-hall schools" in text
    assert any("No district roster has been imported" in i.value for i in at.info)
    assert len(at.get("deck_gl_json_chart")) == 1

    # town halls and the decisions as a dated list (no hovering)
    at = open_page(section="engagement")
    halls = next(df.value for df in at.dataframe if "Parents" in df.value.columns)
    assert list(halls["School or area"]) == [r["school_name"] for r in csv_rows("town_halls")]
    dated = plain(" ".join(m.value for m in at.markdown))
    assert all(r["event"] in dated for r in csv_rows("timeline"))

    letter = open_page(section="gaps").code[0].value
    assert all(r["description"] in letter for r in csv_rows("unpublished_data"))


def test_the_request_letter_is_sent_only_when_opened(no_roster):
    closed = open_page(open_request=False, section="gaps")
    assert not closed.main.code  # (the sidebar holds the "Copy link" box)
    assert "Copy this list as a records request" in [e.label for e in closed.expander]
    assert any(b.label == "Download the request (.txt)" for b in closed.get("download_button"))


def test_page_in_spanish(no_roster):
    at = open_page("es")
    assert at.title[0].value == "Seguridad comunitaria y pasos seguros"
    lead = plain(next(m.value for m in at.markdown if not m.value.startswith("<style")))
    assert lead.startswith("El presupuesto de seguridad 2023-24 del distrito asigna")
    assert "Ley de Registros Públicos de California" in open_page("es", section="gaps").code[0].value


def test_page_shows_an_imported_roster_labelled_as_unpublished(tmp_path, monkeypatch):
    src = tmp_path / "fixture_roster.csv"
    src.write_text(
        "school,board_district,region,provider,start_date,end_date,status,lat,lon\n"
        "Fixture School North,3,North,Fixture Provider,2024-08-12,,running,34.2,-118.5\n"
        "Fixture School South,7,South,,2023-08-14,2024-06-07,ended,,\n",
        encoding="utf-8",
    )
    db = tmp_path / "safe_passage_roster.duckdb"
    import_roster(src, db)
    monkeypatch.setenv("SAFETY_IMPORTS_DIR", str(tmp_path))
    at = open_page(section="passages")
    warning = plain(" ".join(w.value for w in at.warning))
    assert "District-supplied and not published: 2 rows" in warning and "fixture_roster.csv" in warning
    table = next(df.value for df in at.dataframe if "Origin" in df.value.columns)
    assert list(table["School or area"]) == ["Fixture School North", "Fixture School South"]
    assert set(table["Origin"]) == {"district-supplied, not published"}
    spec = at.get("deck_gl_json_chart")[0].proto.json
    assert "Fixture School North" in spec and "Fixture School South" not in spec  # only rows with lat/lon
