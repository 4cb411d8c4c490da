"""Pure builders: formatting, translations, escaping, exports, and figures that carry the right values."""

from __future__ import annotations

import csv
import datetime as dt
import re

import pandas as pd
import pytest

import queries
from components.charts import overview as overview_charts
from components.i18n import normalize_lang, t
from components.tables import overview as tables
from components.text import export, fmt
from components.text.citations import citation_line
from components.text.localized import localized
from components.text.markdown import md_escape, md_link, safe_url
from components.views import timeline as dated

YEAR = "2023-24"


# ---- translations: tests/test_i18n.py checks the catalog as a whole
@pytest.mark.parametrize(
    "raw,expected",
    [
        ("es", "es"),
        ("es-MX", "es"),
        ("ES", "es"),
        ("en-US", "en"),
        ("fr", "en"),
        ("", "en"),
        (None, "en"),
        ("<script>", "en"),
        ("e" * 5000, "en"),
    ],
)
def test_language_codes_are_normalised(raw, expected):
    assert normalize_lang(raw) == expected


# ---- formatting (Babel / CLDR)
def test_money_is_exact_to_the_dollar_and_compact_for_headlines():
    assert fmt.money(346_131_854, "en") == "$346,131,854"
    assert fmt.money(346_131_854, "en", compact=True) == "$346.1M"
    assert fmt.money(346_131_854, "es") == "$346,131,854"
    assert fmt.money(None) == "—" and fmt.money(float("nan")) == "—"


def test_percent_number_and_date():
    assert fmt.percent(44_485_774 / 346_131_854, "en") == "12.9%"
    assert fmt.number(3526, "en") == "3,526"
    assert fmt.date(dt.date(2024, 4, 9), "en") == "April 9, 2024"
    assert fmt.date(dt.date(2024, 4, 9), "es") == "9 de abril de 2024"
    assert fmt.date(dt.date(2021, 2, 1), "es", "month") == "febrero 2021"


# ---- escaping
def test_markdown_escaping_defuses_latex_links_and_html():
    assert md_escape("$44.5 million and $1.56 million") == r"\$44\.5 million and \$1\.56 million"
    hostile = "[click](javascript:alert(1)) <img src=x onerror=alert(1)> **bold**"
    escaped = md_escape(hostile)
    # every markdown-active character is backslash-escaped, so it renders as itself
    assert not re.search(r"(?<!\\)[\[\]()<>*$]", escaped), escaped
    assert md_escape("a\x00b\x1bc") == "abc"


def test_only_http_urls_become_links():
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,hi") is None
    assert safe_url("https://laist.com/news/x") == "https://laist.com/news/x"
    assert md_link("t", "https://a.org/x_(y)") == "[t](https://a.org/x_%28y%29)"
    assert md_link("t", "javascript:alert(1)") == "t"


# ---- exports
def test_csv_export_neutralises_formulas_and_carries_citations():
    frame = pd.DataFrame(
        {"label": ['=HYPERLINK("http://x")', "+1", "-cmd", "@SUM(A1)", "plain"], "value": [1, 2, -3, 4, 5]}
    )
    text = export.to_csv(frame, ["Source: LAUSD, District Safety Updates"]).decode("utf-8")
    lines = text.splitlines()
    assert lines[1].startswith("\"'=HYPERLINK")  # quoted by csv because of the inner quotes
    assert lines[2].startswith("'+1") and lines[3].startswith("'-cmd") and lines[4].startswith("'@SUM")
    assert lines[3].endswith(",-3")  # numbers stay numbers
    assert next(csv.reader([lines[-1]])) == ["# Source: LAUSD, District Safety Updates"]


# ---- figures
def test_spending_mix_figure_carries_the_published_values():
    frame = queries.run("budget_by_category", school_year=YEAR).frame
    fig = overview_charts.spending_mix(frame, YEAR, "en")
    bar = fig.data[0]
    values = dict(zip(bar.hovertext, bar.x))  # bars are placed by row number; each names itself
    assert values["Law enforcement"] == 44_485_774
    assert sum(bar.x) == 346_131_854
    assert fig.layout.title.text == "Spending mix by category, 2023-24"
    assert any("12.9%" in label for label in bar.text)
    alt = overview_charts.spending_mix_alt(frame, YEAR, "en")
    assert "Law enforcement: $44,485,774 (12.9%)" in alt


def test_deployment_figures_and_alt_text():
    frame = queries.run("deployments_by_region", school_year=YEAR).frame
    fig = overview_charts.deployments_bar(frame, "region", "By region", "Region", "en")
    assert dict(zip(fig.data[0].y, fig.data[0].x)) == {"East": 7, "North": 12, "South": 8, "West": 14}
    assert list(fig.data[0].y) == ["West", "South", "North", "East"]  # drawn bottom-up: East on top
    alt = overview_charts.deployments_alt(frame, "region", "by region", YEAR, "en")
    assert "North: 12" in alt and "West: 14" in alt


def test_spanish_figures_are_translated():
    frame = tables.with_category_labels(queries.run("budget_by_category", school_year=YEAR).frame, "es")
    fig = overview_charts.spending_mix(frame, YEAR, "es")
    assert fig.layout.title.text.startswith("Distribución del gasto")
    # each bar's name is written above it (direct labels), in Spanish
    assert "Salud mental y bienestar" in {a.text for a in fig.layout.annotations}


def test_timeline_is_a_dated_list_with_every_event_written_out():
    frame = queries.run("timeline").frame
    for lang in ("en", "es"):
        text = dated.dated_list(frame, lang)
        lines = text.splitlines()
        assert len(lines) == len(frame)  # one line per event, none hidden behind a hover
        for line, r in zip(lines, frame.itertuples(index=False)):
            assert md_escape(localized(r, "event", lang)) in line
            assert md_escape(t(f"timeline.kind.{r.kind}", lang)) in line
            assert md_escape(r.publisher) in line
    # an event text from data stays text: markdown and links escaped
    hostile = frame.head(1).assign(event="[click](https://evil.example) **now**")
    assert md_escape("[click](https://evil.example) **now**") in dated.dated_list(hostile, "en")


# ---- notes and citations
def test_reconciliation_notes_flag_the_fte_difference():
    frame = queries.run("budget_reconciliation", school_year=YEAR).frame
    notes = dict(
        (sentence.split(":")[0], (ok, sentence)) for ok, sentence in tables.reconciliation_notes(frame, "budget", "en")
    )
    ok, sentence = notes["Staff positions (FTEs)"]
    assert not ok and "3,526" in sentence and "3,525" in sentence and "difference 1" in sentence
    ok, sentence = notes["Dollars"]
    assert ok and "$346,131,854" in sentence


def test_citation_line_names_publisher_title_date_kind_and_locator():
    sources = queries.run("sources_by_id", source_ids=["lausd-2024-04-09-safety-updates"]).frame
    line = citation_line(sources, {"lausd-2024-04-09-safety-updates": "slide 'X'"}, "en")
    plain = re.sub(r"\\(.)", r"\1", line)
    assert plain.startswith("Source: Los Angeles Unified School District")
    assert "“District Safety Updates”" in plain and "April 9, 2024" in plain
    assert "district document" in plain and plain.endswith("slide 'X'")


def test_category_names_and_line_names_come_from_the_data_in_the_readers_language():
    frame = queries.run("budget_by_category", school_year=YEAR).frame
    es = tables.with_category_labels(frame, "es").set_index("category_id")
    en = tables.with_category_labels(frame, "en").set_index("category_id")
    assert es.loc["law_enforcement", "category"] == "Fuerzas del orden"
    assert en.loc["law_enforcement", "category"] == "Law enforcement"
    # published line names stay as published; Spanish adds the explanation beside them
    assert list(es.loc["law_enforcement", "position_items"]) == [
        "Sworn Peace Officers — agentes de policía juramentados"
    ]
    assert list(en.loc["law_enforcement", "position_items"]) == ["Sworn Peace Officers"]
    # a category added in the data brings its own names: nothing to add to the app's catalogs
    extra = frame.head(1).assign(category_id="brand_new", category="Brand new", category_es="Nueva")
    assert tables.with_category_labels(extra, "es")["category"].iloc[0] == "Nueva"


def test_the_lead_lines_chart_names_the_largest_lines_and_groups_the_rest():
    from components.charts import spending as spending_charts

    lines = queries.run("budget_lines", school_year=YEAR).frame.assign(
        share=lambda f: f["budgeted_usd"] / f["budgeted_usd"].sum()
    )
    lines = lines.rename(columns={"line_name": "position_item"}) if "position_item" not in lines else lines
    fig = spending_charts.lines_bar(lines.assign(category="c", fte=1.0, cost_per_fte=1.0, location="l"), YEAR, "en")
    bar = fig.data[0]
    top = lines.sort_values("budgeted_usd", ascending=False).head(spending_charts.LEAD_LINES)
    assert list(bar.x[::-1][: len(top)]) == [float(v) for v in top["budgeted_usd"]]  # largest on top
    rest = len(lines) - len(top)
    assert len(bar.x) == len(top) + 1  # one grey bar for the others, which says how many they are
    assert bar.x[0] == float(lines["budgeted_usd"].sum() - top["budgeted_usd"].sum())  # to the dollar
    names = " ".join(a.text for a in fig.layout.annotations)
    assert f"{rest} smaller lines" in names
