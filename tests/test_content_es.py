"""Content in Spanish as data (issue 17, item 1) and every CSV row with its source (item 5).

- Every text of data/ that a reader sees has a reviewed Spanish version beside it, in every row; `make check`
  names the file, row and column of one that is missing, and so does a staff upload.
- The Community and Deployments pages in Spanish show the Spanish texts, not the English ones.
- A CSV built from any table of the pages names, on every row, its source's title, publisher, date and link.
"""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
import pytest

from components.text import export
from components.text.localized import localized
from data.build import check
from data.layout import MANIFEST
from data.problems import BuildError
from tests.conftest import DATA, edit_csv, read_csv

YEAR = "2023-24"

# Every text column of the data that a page shows (the app's own words are in components/i18n). Published names
# stay as published and their Spanish column is an explanation shown beside them; proper names (schools, people,
# organisations, document titles) and locators are not translated (data/README.md says why).
SHOWN = {
    "policy_points": ["summary"],
    "deployment_conditions": ["label"],
    "unpublished_data": ["description"],
    "timeline": ["event"],
    "spending_categories": ["label"],
    "location_levels": ["published_label"],
    "budget_lines": ["position_item"],
    "laspd_budget_items": ["item", "note"],
    "town_halls": ["employees_time", "parents_time"],
    "safe_passage_sites": ["area", "program", "provider", "years", "status_reported", "note"],
    "regions": ["region"],
    "map_label_points": ["method"],
    "later_years": ["period", "statement", "reliability_note"],
    "laspd_history": ["period", "label", "note"],
    "cbs_funding": ["period", "label", "note"],
    "safe_passage_counts": ["period", "label", "note"],
    "district_budget_context": ["period", "label", "note"],
    "enrollment_context": ["period", "label", "note"],
    "enrollment": ["definition"],
    "sources": ["title", "note"],  # a descriptive [title] is ours; a published title repeats as published
    "incidents": ["period", "note"],
    "disparities": ["period", "note"],
    "climate_survey": ["item", "note"],
}
# Columns whose Spanish must read differently from the English in every row (no copied English sentences).
SENTENCES = {
    "policy_points": "summary",
    "deployment_conditions": "label",
    "unpublished_data": "description",
    "timeline": "event",
    "spending_categories": "label",
    "map_label_points": "method",
    "later_years": "reliability_note",
    "laspd_history": "label",
    "cbs_funding": "label",
    "safe_passage_counts": "label",
    "enrollment": "definition",
    "incidents": "note",
    "disparities": "note",
}
# descriptive titles are in [brackets] (our words); published titles stay as published in both columns


def english(row: dict, column: str) -> str:
    return row[column] if column in row else row[column + "_en"]


@pytest.mark.parametrize("stem", sorted(SHOWN))
def test_every_shown_text_has_its_spanish_version_in_every_row(stem):
    rows = read_csv(stem)
    assert rows, stem
    for column in SHOWN[stem]:
        assert column + "_es" in rows[0], f"data/{stem}.csv has no {column}_es column"
        for number, row in enumerate(rows, start=1):
            en, es = english(row, column).strip(), row[column + "_es"].strip()
            assert bool(en) == bool(es), f"data/{stem}.csv row {number}: {column!r} and {column}_es disagree"


@pytest.mark.parametrize("stem", sorted(SENTENCES))
def test_spanish_sentences_are_not_the_english_copied(stem):
    column = SENTENCES[stem]
    for number, row in enumerate(read_csv(stem), start=1):
        if row[column].strip():
            assert row[column + "_es"] != row[column], f"data/{stem}.csv row {number}: {column}_es is the English"


def test_descriptive_titles_are_translated_and_published_titles_stay_as_published():
    for row in read_csv("sources"):
        if row["title"].startswith("["):
            assert row["title_es"].startswith("[") and row["title_es"] != row["title"], row["source_id"]
        else:
            assert row["title_es"] == row["title"], row["source_id"]


def test_every_translation_column_of_the_data_is_listed_here():
    """A new `_es` column (or a new shown text) gets into SHOWN, so the first test guards it."""
    listed = {(stem, c) for stem, columns in SHOWN.items() for c in columns}
    incident_tables = {"incident_series", "climate_survey", "incident_annotations"}  # their own tests
    for _table, stems in MANIFEST:
        for stem in stems:
            if stem in incident_tables:
                continue
            header = list(read_csv(stem)[0])
            for column in header:
                if column.endswith("_es"):
                    assert (stem, column[:-3]) in listed, f"data/{stem}.csv: {column} is not in SHOWN"


def test_published_names_stay_as_published_with_the_explanation_beside_them():
    row = next(r for r in read_csv("budget_lines") if r["line_id"] == "psychiatric-social-workers")
    assert localized(row, "position_item", "en", published=True) == "Psychiatric Social Workers (PSWs)"
    assert (
        localized(row, "position_item", "es", published=True)
        == "Psychiatric Social Workers (PSWs) — trabajadores sociales psiquiátricos"
    )
    assert localized(row, "position_item", "es") == "trabajadores sociales psiquiátricos"
    # the incident tables name both sides (label_en, label_es): the helper reads them the same way
    assert localized({"label_en": "Fights", "label_es": "Peleas"}, "label", "es") == "Peleas"
    assert localized({"label_en": "Fights", "label_es": "Peleas"}, "label", "en") == "Fights"


# ------------------------------------------------------------------------------------------- the build


def test_make_check_names_a_missing_spanish_text(data_copy):
    edit_csv(data_copy / "policy_points.csv", 3, "summary_es", "")
    with pytest.raises(BuildError) as caught:
        check(data_copy)
    assert (
        "data/policy_points.csv, row 3 (line 4 of the file), column 'summary_es': is empty, but this text is shown "
        "to readers and needs its Spanish version"
    ) in str(caught.value)


@pytest.mark.parametrize(
    "stem,row,column",
    [
        ("laspd_budget_items", 1, "note_es"),  # an optional text: needed where the English one is there
        ("cbs_funding", 5, "label_es"),  # one of the five files of the observations table
        ("regions", 2, "region_es"),
        ("sources", 2, "note_es"),
    ],
)
def test_a_missing_spanish_text_is_named_in_any_table(data_copy, stem, row, column):
    edit_csv(data_copy / f"{stem}.csv", row, column, "  ")
    with pytest.raises(BuildError) as caught:
        check(data_copy)
    assert f"data/{stem}.csv, row {row} (line {row + 1} of the file), column '{column}': is empty" in str(caught.value)


def test_a_spanish_text_without_its_english_is_refused(data_copy):
    edit_csv(data_copy / "laspd_budget_items.csv", 2, "note_es", "una nota sin su versión en inglés")
    with pytest.raises(BuildError, match=r"laspd_budget_items.csv, row 2 .*column 'note_es'.*English one \('note'\)"):
        check(data_copy)


def test_a_staff_upload_without_a_spanish_text_is_refused_with_its_row_and_column(data_copy):
    from data.publish import prepare

    text = (data_copy / "deployment_conditions.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    rows[2][rows[0].index("label_es")] = ""  # the second data row
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    cand = prepare("deployment_conditions", out.getvalue().encode(), "conditions.csv", data_dir=data_copy)
    assert not cand.ok
    message = "\n".join(str(p) for p in cand.problems)
    assert "conditions.csv, row 2 (line 3 of the file), column 'label_es'" in message
    assert "needs its Spanish version" in message


# ------------------------------------------------------------------------------------------- the pages


def _texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    parts += [s.value for s in at.subheader] + [i.value for i in at.info] + [w.value for w in at.warning]
    parts += [c.value for c in at.code]
    return re.sub(r"\\(.)", r"\1", "\n".join(parts))


def _open(page: str, params: dict | None = None, **state):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(DATA.parent / "app.py"), default_timeout=60)
    at.query_params["lang"] = "es"
    at.run()
    at.switch_page(page)
    for key, value in (params or {}).items():  # after the switch: the default page drops parameters it does not read
        at.query_params[key] = value
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.mark.apptest
def test_deployments_page_in_spanish_shows_the_spanish_policy_and_conditions(tmp_path, monkeypatch):
    monkeypatch.setenv("SAFETY_IMPORTS_DIR", str(tmp_path / "imports"))
    text = _texts(_open("pages/deployments.py", {"section": "conditions"}))
    for row in read_csv("policy_points"):
        assert row["summary_es"] in text
        assert row["summary"] not in text
    for row in read_csv("deployment_conditions"):
        assert row["label_es"] in text
        assert f"- {row['label']}\n" not in text + "\n"
    shown = _texts(_open("pages/deployments.py", {"map": "region", "section": "map"}))
    assert "Norte: 12" in shown  # the map's text alternative names the regions in Spanish
    assert "Norte: 12 de 41 despliegues" in _texts(_open("pages/deployments.py", {"region": "North"}))  # the finding


@pytest.mark.apptest
def test_community_page_in_spanish_shows_the_spanish_unpublished_items_and_letter(tmp_path, monkeypatch):
    monkeypatch.setenv("SAFETY_IMPORTS_DIR", str(tmp_path / "imports"))
    at = _open("pages/community_safety.py", {"section": "gaps"}, **{"open-cbs-request": True})
    text = _texts(at)
    letter = at.code[0].value
    for row in read_csv("unpublished_data"):
        assert row["description_es"] in text and row["description_es"] in letter
        assert row["description"] not in text and row["description"] not in letter
    at = _open("pages/community_safety.py", {"section": "engagement"})
    text = _texts(at)
    for row in read_csv("timeline"):  # the decisions, written out in Spanish
        assert row["event_es"] in text and row["event"] not in text
    sites = next(
        df.value
        for df in _open("pages/community_safety.py", {"section": "passages"}).dataframe
        if "Programa" in df.value.columns
    )
    assert "Safe Passage (patrullas de voluntarios)" in set(sites["Programa"])
    halls = next(df.value for df in at.dataframe if "Padres" in df.value.columns)
    assert set(halls["Padres"]) == {"6:00 a 7:30 p. m."} and "Sur" in set(halls["Región"])


# ------------------------------------------------------------------------------------------- CSV exports


def _csv(table) -> list[dict]:
    frame = table() if callable(table) else table
    text = export.to_csv(frame, ["Source: …"]).decode("utf-8")
    body = text.split("\n\n")[0]  # the rows, before the citation lines
    return list(csv.DictReader(io.StringIO(body)))


def _view_tables(name: str, lead, sections):
    """(name, table) for every chart's data, table behind a click and downloadable table of a view: its lead's
    chart, then each section's items (side-by-side columns included)."""
    from components.views.model import Chart, Columns, DataTable, Download

    def walk(items):
        for x in items:
            if isinstance(x, Columns):
                for column in x.columns:
                    yield from walk(column)
            elif isinstance(x, (Chart, DataTable)):
                yield f"{name} {x.key}", x.table
            elif isinstance(x, Download):
                yield f"{name} {x.key}", x.frame

    if lead is not None and lead.chart is not None:
        yield f"{name} {lead.chart.key}", lead.chart.table
    for section in sections:
        yield from walk(section.items)


def _tables(lang: str):
    """(name, table) for the tables behind the charts and the downloadable tables of the pages."""
    from components.views import community, compare, deployments, overview, sources, spending

    ov = overview.build(YEAR, lang)
    yield from _view_tables("overview", ov.lead, ov.sections)
    dep = deployments.build(YEAR, lang, "published", None, None)
    yield from _view_tables("deployments", dep.lead, dep.sections)
    yield ("deployments regions", dep.by_region.table)  # the lead shows the regions; the charts tab both
    for kind in ("board_district", "region"):
        shown = deployments.map_view(YEAR, lang, "published", kind, None, None)
        yield (f"deployments label points {kind}", shown.points_table.table)
    com = community.build(YEAR, lang)
    yield from _view_tables("community", com.lead, com.sections)
    yield from (("community bsap", com.bsap.table), ("community sites", com.sites.frame))
    sp = spending.build(YEAR, lang)
    yield from _view_tables("spending", spending.lead(YEAR, lang), sp.sections)
    yield from ((f"spending series {i}", chart.table) for i, (chart, _) in enumerate(sp.series))
    parts = spending.breakdown(YEAR, lang, ())
    yield from (("spending lines", parts.table.frame), ("spending treemap", parts.treemap.table))
    scenario = spending.scenario(YEAR, lang, spending.example_moves())
    yield from (
        ("spending what-if mix", scenario.mix.table),
        ("spending what-if lines", scenario.lines_chart.table),
        ("spending what-if moves", scenario.moves_table.table),
    )
    yield ("data browser town halls", sources.table_rows("town_halls", lang).frame)
    cmp = compare.build(YEAR, None, lang)  # one budget year: the series are what exist
    yield from _view_tables("compare", cmp.lead, cmp.sections)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_every_exported_csv_row_names_its_source_title_publisher_date_and_link(lang):
    from components.i18n import t

    titles = {r["title_es" if lang == "es" else "title"] for r in read_csv("sources")}
    publishers = {r["publisher"] for r in read_csv("sources")}
    headers = [t(h, lang) for h in export.SOURCE_HEADERS]
    date = re.compile(r"((19|20)\d\d(-\d\d){0,2}|" + re.escape(t("export.undated", lang)) + ")")
    seen = 0
    for name, table in _tables(lang):
        rows = _csv(table)
        assert rows, name
        for number, row in enumerate(rows, start=1):
            where = f"{name}, row {number}"
            title, publisher, published, link = (row[h] for h in headers)
            assert title and set(title.split(" | ")) <= titles, f"{where}: {title!r}"
            assert publisher and set(publisher.split(" | ")) <= publishers, f"{where}: {publisher!r}"
            assert all(date.fullmatch(d) for d in published.split(" | ")), f"{where}: {published!r}"
            for one in link.split(" | "):
                assert one.startswith(("https://", "http://")) or ": " in one, f"{where}: {link!r}"
                assert not re.search(r"\d{3}_[0-9a-f]{16}\.txt", one), f"{where}: a file name in {link!r}"
            seen += 1
    assert seen > 150


def test_the_board_district_csv_names_each_rows_documents():
    """The counts come from the district's presentation and each board member from its own source: both named."""
    from components.views import overview

    bd = next(t for name, t in _view_tables("overview", None, overview.build(YEAR, "en").sections) if "bd" in name)
    rows = _csv(bd)
    assert len(rows) == 7
    for row in rows:
        assert row["Source title"].startswith("District Safety Updates")
        assert row["Publisher"].startswith("Los Angeles Unified School District")
        assert row["Published"].startswith("2024-04-09")
        assert row["Source link"].startswith("document without a public link: District Safety Updates")
    assert {len(r["Source title"].split(" | ")) for r in rows} == {2}  # the member's source too


def test_exports_stay_neutralised_and_in_the_readers_language():
    from components.views import deployments

    rows = _csv(deployments.build(YEAR, "es", "published", None, None).policy_table.table)
    assert list(rows[0])[-4:] == [
        "Título de la fuente",
        "Quién la publica",
        "Fecha de publicación",
        "Enlace de la fuente",
    ]
    assert rows[0]["Punto (nuestro resumen)"] == read_csv("policy_points")[0]["summary_es"]
    frame = export.source_columns(
        [("x",)],
        pd.DataFrame(
            [
                {
                    "source_id": "x",
                    "title": "=HYPERLINK(1)",
                    "publisher": "-p",
                    "published": None,
                    "url": None,
                    "reference": None,
                }
            ]
        ),
        "en",
    )
    assert export.to_csv(frame, []).decode().splitlines()[1].startswith("'=HYPERLINK(1),'-p,not dated,")
