"""The Incidents page in Streamlit's AppTest, through app.py: English and Spanish runs show the figures, the
claim and its check, every chart with a citation; the Spanish run shows no English app or data text (apart from
proper names and published titles); imported campus records appear as a labelled, district-supplied second view."""

from __future__ import annotations

import json

import pytest

from data import import_campus_incidents as ii
from tests.apptest_support import whole_page
from tests.conftest import read_csv
from tests.test_boardroom_pages import english_fragments, text_of
from tests.test_pages import assert_clean, plain, rendered_strings

pytestmark = pytest.mark.apptest


def opened(lang: str = "en", **params):
    """The page section by section, as a reader opening each tab would."""
    from components.views import incidents

    keys = [section.key for section in incidents.build(lang).sections]
    return whole_page("incidents", keys, **({"lang": lang} if lang != "en" else {}), **params)


@pytest.fixture(scope="module")
def english():
    return opened()


@pytest.fixture(scope="module")
def spanish():
    return opened("es")


def chart_specs(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def test_the_page_runs_in_english_with_its_charts_and_sections(english):
    assert_clean(english)
    assert english.title[0].value == "Incidents and school-police activity"
    headings = [t.label for t in english.runs[0].tabs]
    assert headings[:7] == [
        "Incidents over the years",
        "School-police activity",
        "Who is arrested and cited",
        "Where incidents happen",
        "How safe students say they feel",
        "Every other published figure",
        "Campus incident records supplied by the district (not published)",
    ]
    specs = chart_specs(english)
    assert len(specs) == 14  # 13 charts and the lead's whole-years chart of fights
    titles = [s["layout"]["title"]["text"].replace("<br>", " ") for s in specs]
    assert "Fights and physical aggression incidents, 2017-18 to 2024-25" in titles
    assert "School-police arrests, citations and diversions, 2014–2017 (totals for the whole period)" in titles
    assert any(t.startswith("Tickets, citations and summonses to students, 2009–2013") for t in titles)


def test_every_chart_has_a_citation_with_its_kind_of_source(english):
    captions = [plain(c.value) for c in english.caption]
    citations = [c for c in captions if c.startswith(("Source: ", "Sources: "))]
    assert len(citations) >= 13
    kinds = ("district document", "news report", "advocacy organization", "research institute")
    assert all(any(k in c for k in kinds) for c in citations), citations


def test_the_claim_and_the_figures_it_is_checked_against_are_on_the_page(english):
    text = text_of(english)
    assert "Checking a claim: “8% of students, 25% of arrests”" in text
    assert "The article gives no year and names no data source for these two shares." in text
    assert "25% of arrests ÷ 8% of students ≈ 3.1 times their share" in text
    assert "25% of arrests, citations and referrals ÷ less than 9% of students = more than 2.7 times" in text
    assert "21% of arrests ÷ 8.4% of students = 2.5 times their share" in text
    assert "2022-23 was revised: 4,569 reported May 2024" in text


def test_the_spanish_page_shows_no_english_app_or_data_text(spanish):
    assert_clean(spanish)
    assert spanish.title[0].value == "Incidentes y actividad de la policía escolar"
    strings = [plain(s) for s in rendered_strings(spanish)]
    slipped = sorted({f for f in english_fragments() for s in strings if f in s})
    assert slipped == []
    data_english = set()
    for r in read_csv("incident_series"):
        data_english |= {r["label_en"], r["definition_en"]}
    for r in read_csv("incidents"):
        data_english |= {r["period"], r["note"]}
    for r in read_csv("climate_survey"):
        data_english.add(r["item_en"])
    for r in read_csv("incident_annotations"):
        data_english.add(r["label_en"])
    leaked = sorted({e for e in data_english if e and len(e) > 12 for s in strings if e in s})
    assert leaked == []
    assert len(chart_specs(spanish)) == 14
    assert "25% de los arrestos ÷ 8% del alumnado ≈ 3.1 veces su proporción" in "\n".join(strings)


def test_imported_campus_records_show_as_a_labelled_second_view(tmp_path, monkeypatch):
    folder = tmp_path / "imports"
    monkeypatch.setenv("SAFETY_IMPORTS_DIR", str(folder))
    (tmp_path / "records.csv").write_text(
        "date,school,cds_code,category,count\n"
        "2024-03-04,Synthetic High A,19647330100289,fights,3\n"
        "2024-03-05,Synthetic High A,19647330100289,weapons,1\n"
        "2024-03-06,Synthetic Middle B,,fights,4\n"
    )
    assert ii.main([str(tmp_path / "records.csv")]) == 0
    at = opened()
    assert_clean(at)
    warnings = [plain(w.value) for w in at.warning]
    banner = next(w for w in warnings if w.startswith("District-supplied, not published"))
    assert "3 records (8 incidents) at 2 schools" in banner and "records.csv" in banner
    assert len(at.get("plotly_chart")) == 15  # the lead's, 13 on the page, the records' chart
    table = at.dataframe[-1].value
    assert set(table["School (as written in the file)"]) == {"Synthetic High A", "Synthetic Middle B"}
    assert table["Incidents"].sum() == 8
    assert "N.E.W. Academy of Science and Arts" in set(table["In the 2018 state directory as"])
    assert any("By school only: region and board district are not shown" in plain(c.value) for c in at.caption)
