"""The two pages run in Streamlit's AppTest: real figures, the reconciliation notes, charts, language, Sources.

These assert what a reader sees (labels, values, notes), not only that the script ran. The data come from
data/*.csv through the app's own start-up check (ensure_database), or from the database SAFETY_DB_PATH points
to when a conftest sets it; both are built from the same CSVs, so the expected figures are the same.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from google.protobuf.json_format import MessageToDict
from streamlit.testing.v1 import AppTest

from components.i18n import LANGS
from components.ui.shell import LANG_SCRIPT

pytestmark = pytest.mark.apptest

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
SOURCES_CSV = ROOT / "data" / "sources.csv"


# ------------------------------------------------------------------------------------------- helpers


def run_app(lang: str | None = None, section: str | None = None) -> AppTest:
    """A fresh session of the app, optionally opened with ?lang=... and ?section=<key> (the tab a reader opened),
    run once (it lands on the Overview)."""
    at = AppTest.from_file(str(APP), default_timeout=60)
    if lang is not None:
        at.query_params["lang"] = lang
    if section is not None:
        at.query_params["section"] = section
    at.run()
    return at


def plain(markdown: str) -> str:
    """Markdown as the reader sees it: drop the backslash escapes md_escape adds ("\\$346" -> "$346")."""
    return re.sub(r"\\(.)", r"\1", markdown)


def assert_clean(at: AppTest) -> None:
    """No uncaught exception and no st.error box (the app turns page failures into st.error)."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def rendered_strings(at: AppTest) -> list[str]:
    """Every string in every element and block the run produced (main area and sidebar), labels and help
    texts included, read from the protobufs the browser would receive. A map's and a chart's spec (JSON text)
    are read as JSON: their strings (labels, tooltips, titles, hover texts) count, their numbers (coordinates,
    positions such as 3.1799999999999997) and packed numeric arrays ("bdata") are not text."""
    found: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for k, v in value.items():
                if k in ("json", "spec") and isinstance(v, str):
                    try:
                        walk(json.loads(v))
                    except ValueError:
                        walk(v)
                elif k not in ("id", "bdata"):  # ids are hashes (e.g. "…dd999f…"), bdata packed numbers
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for root in (at.main, at.sidebar):
        for node in root:  # iterating a block walks all its descendants
            proto = getattr(node, "proto", None)
            if proto is not None and getattr(proto, "body", None) not in STATIC_SCRIPTS:
                walk(MessageToDict(proto))
    return found


# The app's one script: a constant that sets <html lang> (components/ui/shell.py), never a link or data value.
STATIC_SCRIPTS = frozenset(LANG_SCRIPT.format(lang=code) for code in LANGS)


def source_rows() -> list[dict[str, str]]:
    with SOURCES_CSV.open(newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def source_count(at: AppTest) -> int:
    """The number in the Sources page's "N sources" caption (exactly one such caption)."""
    counts = [int(m.group(1)) for c in at.caption if (m := re.fullmatch(r"(\d+) sources", c.value))]
    assert len(counts) == 1, [c.value for c in at.caption]
    return counts[0]


@pytest.fixture(scope="module")
def overview() -> AppTest:
    """One English run of the Overview with its "How we checked" section open, shared by the checks below."""
    return run_app(section="checks")


# ------------------------------------------------------------------------------------------- Overview


def test_overview_runs_cleanly_with_the_published_headline_figures():
    overview = run_app()  # the first section: the year's key figures
    assert_clean(overview)
    assert overview.title[0].value == "Where LAUSD's school-safety money goes"
    metrics = {m.label: m for m in overview.metric}
    assert list(metrics) == [
        "Safety budget 2023-24",
        "Staff positions (FTEs)",
        "School police share",
        "Police deployments 2023-24",
        "Campuses with a deployment",
        "Share of district sites",
        "Fights & aggression 2023-24",
    ]

    budget = metrics["Safety budget 2023-24"]
    assert (budget.value, budget.proto.delta) == ("$346.1M", "$346,131,854")

    # The source's FTE total (3,526) is shown as published; the delta says what its lines add up to.
    fte = metrics["Staff positions (FTEs)"]
    assert fte.value == "3,526"
    assert "3,525" in fte.proto.delta

    police = metrics["School police share"]
    assert (police.value, police.proto.delta) == ("12.9%", "$44,485,774")

    assert metrics["Police deployments 2023-24"].value == "41"
    assert metrics["Campuses with a deployment"].value == "36"
    # 36 of "~780" sites: the share inherits the source's hedge.
    share = metrics["Share of district sites"]
    assert share.value == "~4.6%" and "~780 sites" in share.proto.delta

    # The incident headline: the latest whole school year against the one before, the revised year at its latest
    # report (4,950 in September 2024, not the 4,569 of May 2024).
    fights = metrics["Fights & aggression 2023-24"]
    assert (fights.value, fights.proto.delta) == ("6,620", "+1,670 (+33.7%) from 2022-23")
    assert "4,950 as reported in September 2024" in plain(fights.proto.help)


def test_overview_flags_the_fte_mismatch_and_confirms_the_dollar_total(overview):
    # Exactly one warning: the FTE total; the dollars reconcile, so they get a check mark, not a warning.
    warnings = [plain(w.value) for w in overview.warning]
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith(
        "Staff positions (FTEs): the source publishes a total of 3,526, but its lines add up to 3,525 (difference 1)."
    )

    notes = [plain(m.value) for m in overview.markdown]
    assert "✓ Dollars: the published total $346,131,854 equals the sum of the 12 lines." in notes
    assert not any("Dollars" in w for w in warnings)


def test_overview_leads_with_the_finding_and_the_spending_mix():
    first = run_app()
    charts = first.get("plotly_chart")
    assert len(charts) == 1  # a first visit draws the finding's chart; the other sections open on demand
    assert json.loads(charts[0].proto.spec)["layout"]["title"]["text"] == "Spending mix by category, 2023-24"
    finding = next(plain(m.value) for m in first.markdown if m.value.startswith("In 2023"))
    assert finding == (
        "In 2023-24, the district's $346.1M safety budget gave $120.4M to psychiatric social workers and $44.5M "
        "to sworn school-police officers: 2.7 times as much for the social workers."
    )


def test_overview_draws_three_charts_and_a_dated_list_when_opened():
    charts = run_app(section="deployments").get("plotly_chart")
    titles_and_types = [
        (spec["layout"]["title"]["text"], {trace["type"] for trace in spec["data"]})
        for spec in (json.loads(c.proto.spec) for c in charts)
    ]
    assert titles_and_types == [
        ("Spending mix by category, 2023-24", {"bar"}),
        ("By region", {"bar"}),
        ("By board district", {"bar"}),
    ]
    # the decisions are a dated list written out (no hovering): every event with its date
    events = list(csv.DictReader((ROOT / "data" / "timeline.csv").open(encoding="utf-8")))
    text = "\n".join(plain(m.value) for m in run_app(section="timeline").markdown)
    assert all(e["event"] in text for e in events)
    assert "June 30, 2020** — Board votes 4-3" in text


# ------------------------------------------------------------------------------------------- language


def test_lang_es_in_the_url_renders_the_overview_in_spanish():
    at = run_app(lang="es")
    assert_clean(at)
    assert at.title[0].value == "A dónde va el dinero de seguridad escolar de LAUSD"
    assert [m.label for m in at.metric] == [
        "Presupuesto 2023-24",
        "Puestos (FTE)",
        "Parte de la policía escolar",
        "Despliegues policiales 2023-24",
        "Planteles con un despliegue",
        "Parte de los sitios del distrito",
        "Peleas y agresiones 2023-24",
    ]
    assert [t.label for t in at.tabs] == [
        "Cifras principales, 2023-24",
        "Dónde se desplegó a la policía escolar, 2023-24",
        "Decisiones e informes clave",
        "Cómo lo comprobamos: los totales publicados frente a sus líneas",
    ]
    # Same figures, Spanish words around them; the sidebar switch follows the URL.
    assert at.metric[1].proto.delta == "las líneas suman 3,525"
    assert at.sidebar.radio[0].label == "Idioma" and at.sidebar.radio[0].value == "es"
    checks = run_app(lang="es", section="checks")
    assert "diferencia de 1" in plain(checks.warning[0].value)


HOSTILE_LANGS = {
    "script-tag": "<script>alert(1)</script>",
    # 5,000 characters of markdown/HTML that would inject a link or an image if it were ever echoed.
    "5000-chars": ("[x](javascript:alert(1))<img src=x onerror=alert(2)>" * 200)[:5000],
}


@pytest.mark.parametrize("raw", HOSTILE_LANGS.values(), ids=HOSTILE_LANGS.keys())
def test_hostile_lang_falls_back_to_english_and_is_never_echoed(raw):
    assert len(raw) in (25, 5000)
    at = run_app(lang=raw)
    assert_clean(at)
    assert at.title[0].value == "Where LAUSD's school-safety money goes"
    assert at.metric[0].label == "Safety budget 2023-24"
    assert at.sidebar.radio[0].value == "en"
    # The value must not reach the page in any form: not raw, not escaped, not in part.
    strings = rendered_strings(at)
    assert strings, "nothing was rendered"
    for text in strings:
        assert raw not in text
        # no fragment of it either (the data itself may say "alert", as in "to alert the school police")
        assert "alert(" not in text.lower() and "<script" not in text.lower() and "onerror" not in text.lower()


# ------------------------------------------------------------------------------------------- Sources


def test_sources_page_counts_every_source_and_filters_by_kind():
    rows = source_rows()
    district = sum(1 for r in rows if r["kind"] == "district")
    assert 0 < district < len(rows)  # otherwise the filter check below proves nothing

    at = run_app()
    at.switch_page("pages/sources.py").run()
    assert_clean(at)
    assert at.title[0].value == "Sources"
    assert source_count(at) == len(rows)
    assert len(at.dataframe[0].value) == len(rows)

    at.selectbox(key="source_kind").set_value("district").run()
    assert_clean(at)
    assert source_count(at) == district
    assert len(at.dataframe[0].value) == district
