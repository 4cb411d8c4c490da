"""Spanish all the way through, and English too (issue 17, item 3): no English sentence in the Spanish view and no
Spanish sentence in the English one, with an allow-list only for proper names and published titles taken from the
data (tests/language_support.py says how a sentence is judged and what is allowed).

- The pure check builds every page's view model for every year, filter value and presenter step in both languages
  and reads everything a reader can see or download: markdown, metrics, chart JSON (hover texts included), map
  JSON (labels, tooltips) and text alternatives, tables and the tables behind a click, CSV files (with their
  citation lines), slide figures, the records request.
- The AppTest check renders every section of every page, and every presenter step, through app.py and reads what
  Streamlit would send (every element's text, labels, help, chart JSON) and every data frame shown.
- Planted sentences, in copies of real output, prove the checker catches a leak in both directions.
"""

from __future__ import annotations

import copy
import json

import pandas as pd
import pytest

from tests.language_support import (
    Allowed,
    allowed,
    allowed_phrases,
    leaks,
    leaks_in,
    texts_of,
    view_outputs,
)

LANGS = ("es", "en")


def _report(found: list[str], lang: str) -> str:
    other = "English" if lang == "es" else "Spanish"
    return (
        f"{len(found)} {other} sentences in the {lang} view (fix the words or, for a published name, the data):\n"
        + ("\n".join(found[:200]))
    )


@pytest.mark.parametrize("lang", LANGS)
def test_every_view_model_speaks_one_language(lang):
    texts = [pair for where, obj in view_outputs(lang) for pair in texts_of(obj, where)]
    assert len(texts) > 20_000  # every page, year, filter and step was read
    found = leaks(texts, lang, allowed())
    assert not found, _report(found, lang)


# ------------------------------------------------------------------ the checker itself


def test_the_detector_judges_sentences_not_names():
    assert leaks_in("The district has not published the list of schools.", "es")
    assert leaks_in("El distrito no ha publicado la lista de las escuelas.", "en")
    assert not leaks_in("El distrito no ha publicado la lista de las escuelas.", "es")
    # names with Spanish or English function words are names, not sentences
    assert not leaks_in("Los Angeles Unified School District Board of Education", "en")
    assert not leaks_in("Fuente: Los Angeles Times, 9 de abril de 2024", "es")
    assert not leaks_in("LA School Police Department", "en")
    assert not leaks_in("Psychiatric Social Workers (PSWs)", "es")  # too short to judge, and no function word


def test_the_allow_list_comes_from_the_data():
    phrases = set(allowed_phrases())
    with open("data/sources.csv", encoding="utf-8") as fh:
        import csv

        titles = {r["title"] for r in csv.DictReader(fh)}
    assert titles <= phrases  # every source's title as published
    assert any("Psychiatric Social Workers" in p for p in phrases)  # a published budget-line name
    # no app sentence sneaks in: nothing from the message catalogs is allowed
    from components.i18n import CATALOG

    app_words = {v["en"] for v in CATALOG.values() if len(v["en"].split()) >= 4}
    assert not (app_words & phrases)


def _real_spanish_and_english():
    """The Overview's real output in both languages (view model: finding markdown and the lead chart)."""
    from components.views import overview

    offered, year = overview.offered()
    return overview.build(year, "es"), overview.build(year, "en")


@pytest.mark.parametrize("into", LANGS)
def test_the_checker_catches_a_sentence_planted_in_real_output(into):
    es, en = _real_spanish_and_english()
    target, source = (es, en) if into == "es" else (en, es)
    ok = allowed()
    real = list(texts_of(target, "overview"))
    assert not leaks(real, into, ok)  # the real output is clean...
    # ...and one sentence of the other language's real finding, planted in a copy of it, is found
    planted_sentence = source.lead.finding.split(". ")[0]
    planted = [(w, f"{t} {planted_sentence}.") if w.endswith("lead.finding") else (w, t) for w, t in real]
    found = leaks(planted, into, ok)
    assert found and all("lead.finding" in f for f in found), found

    # in a chart's hover text (the figure's JSON), copied from the real figure
    fig = copy.deepcopy(target.lead.chart.figure)
    trace = fig.data[0]
    sentence = (
        "The district has not published the schools where police were sent"
        if into == "es"
        else "El distrito no ha publicado las escuelas a las que se envió a la policía"
    )
    trace.hovertext = [sentence] * len(trace.x if trace.x is not None else trace.y)
    found = leaks(list(texts_of(fig, "chart")), into, ok)
    assert found and sentence in found[0]

    # in a table cell and in the CSV a reader downloads
    frame = pd.DataFrame({"a": [sentence]})
    assert leaks(list(texts_of(frame, "table")), into, ok)


def test_a_published_title_is_allowed_but_the_same_words_as_our_sentence_are_not():
    title = "Black, Brown and Over-Policed in L.A. Schools: Structural Proposals to End the School-to-Prison Pipeline"
    ok = Allowed([title])
    assert not leaks([("cite", f"Fuente: Labor/Community Strategy Center, “{title}” (2013; informe)")], "es", ok)
    assert leaks([("cite", "The schools are over-policed and the district is to blame for this.")], "es", ok)


# ------------------------------------------------------------------ what Streamlit sends, page by page


def _sections(slug: str) -> list[str | None]:
    from components.views import compare, incidents, overview, spending

    if slug == "overview":
        view = overview.build(overview.offered()[1], "en")
    elif slug == "spending":
        view = spending.build(spending.offered()[1], "en")
    elif slug == "incidents":
        view = incidents.build("en")
    elif slug == "compare":
        c = compare.controls("en")
        view = compare.build(c.year, c.vs, "en")
    elif slug == "sources":
        return ["list", "data"]
    else:
        return [None]  # one run shows the whole page
    return [s.key for s in view.sections]


def _shown(at) -> list[tuple[str, str]]:
    """What a reader of a run sees: every element's strings (a JSON text, such as a chart's config, read as JSON:
    its values, not its keys — the Spanish modebar dictionary is keyed by Plotly's English), every data frame's
    cells. A static <style> sheet is not shown."""
    from tests.language_support import _json_texts
    from tests.test_pages import rendered_strings

    texts = []
    for s in rendered_strings(at):
        if s.lstrip().startswith("<style"):
            continue
        if s.lstrip().startswith("{"):
            try:
                texts.extend(_json_texts(json.loads(s), "element.json"))
                continue
            except ValueError:
                pass
        texts.append(("element", s))
    for frame in at.dataframe:
        value = frame.value
        if isinstance(value, pd.DataFrame):
            texts.extend(texts_of(value, "dataframe"))
    return texts


def _public_pages() -> list[str]:
    from components import registry

    return [p.slug for p in registry.public_pages()]


@pytest.mark.apptest
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", _public_pages())
def test_every_section_of_every_page_speaks_one_language(slug, lang):
    from tests.apptest_support import run_page

    texts, runs = [], 0
    extra = {"table": "incidents"} if slug == "sources" else {}
    for section in _sections(slug):
        at = run_page(slug, section=section, lang=lang, **extra)
        assert not at.exception, at.exception
        texts.extend(_shown(at))
        runs += 1
    found = leaks(texts, lang, allowed())
    assert not found, f"{slug}, {runs} sections: " + _report(found, lang)


@pytest.mark.apptest
@pytest.mark.parametrize("lang", LANGS)
def test_every_presenter_step_speaks_one_language(lang):
    from components.views import deck
    from tests.apptest_support import run_page

    texts = []
    for i, step in enumerate(deck.sequence()):
        at = run_page(step.page, lang=lang, present="1", step=str(i + 1), **dict(step.params))
        assert not at.exception, at.exception
        texts.extend(_shown(at))
    found = leaks(texts, lang, allowed())
    assert not found, _report(found, lang)


def test_chart_json_is_read_with_its_hover_texts():
    """The figure reader sees hover texts and customdata-free labels (a sentence only in a hover is checked)."""
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=[1], y=["a"], hovertext=["El distrito no ha publicado la lista de las escuelas"]))
    assert any("publicado" in text for _, text in texts_of(fig, "f"))
    assert json.loads(fig.to_json())["data"][0]["hovertext"]


@pytest.mark.apptest
@pytest.mark.parametrize("lang", LANGS)
def test_the_page_declares_its_language_once_per_run(lang):
    """<html lang> (the browser test, tests/test_browser.py, sees it applied): one static script per run, with
    the view's language."""
    from components.ui.shell import LANG_SCRIPT
    from tests.apptest_support import run_page

    at = run_page("incidents", lang=lang)
    bodies = [n.proto.body for n in [*at.main, *at.sidebar] if type(n).__name__ == "Html"]
    assert bodies == [LANG_SCRIPT.format(lang=lang)]
