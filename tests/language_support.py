"""The language check: find English sentences in the Spanish view and Spanish sentences in the English one.

A sentence (text split at . ! ? ; : line breaks, " · ", " | " and table cells) of at least MIN_WORDS words
leaks when it holds at least MIN_OTHER function words of the other language and none of its own. Function
words are counted only in lower case (a capitalised "Los" in "Los Angeles", "LA", "Del Amo" is a name) — the
first word of a sentence too, unless the next word is capitalised as well.

The allow-list holds only proper names and published titles, taken from the data itself (allowed_phrases):
document titles and publishers as published (sources), published budget-line names and locations, the
school-police budget items, the places and programs the data names as published, and the locators (where in an
English document a figure is: the document's own slide and table titles, quoted in our words; see the report in
tests/test_language.py). A sentence is allowed when what is left after taking out every allowed phrase in it no
longer leaks, or when it is part of one allowed phrase (a title split at its colon).
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"

EN_WORDS = frozenset(
    [
        "the",
        "and",
        "of",
        "with",
        "is",
        "are",
        "for",
        "to",
        "which",
        "was",
        "were",
        "not",
        "this",
        "that",
        "these",
        "those",
        "from",
        "by",
        "in",
        "on",
        "at",
        "its",
        "their",
        "has",
        "have",
        "had",
        "been",
        "be",
        "or",
        "than",
        "into",
        "what",
        "who",
        "when",
        "where",
        "each",
        "every",
        "there",
        "it",
        "they",
    ]
)
ES_WORDS = frozenset(
    [
        "el",
        "la",
        "los",
        "las",
        "de",
        "del",
        "que",
        "y",
        "con",
        "para",
        "por",
        "una",
        "un",
        "es",
        "son",
        "no",
        "en",
        "se",
        "su",
        "sus",
        "al",
        "lo",
        "más",
        "como",
        "pero",
        "sin",
        "sobre",
        "entre",
        "cada",
        "este",
        "esta",
        "estos",
        "estas",
        "hay",
        "fue",
        "han",
        "ha",
        "cuando",
        "donde",
        "también",
        "según",
    ]
)
# Words both languages write: counted for neither.
_BOTH = EN_WORDS & ES_WORDS
OWN = {"en": EN_WORDS - _BOTH, "es": ES_WORDS - _BOTH}
OTHER = {"en": ES_WORDS - _BOTH, "es": EN_WORDS - _BOTH}
MIN_WORDS, MIN_OTHER = 4, 2

_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)")  # [text](url) -> text
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+")
_TAG = re.compile(r"<[^>]{0,200}>")
_TEMPLATE = re.compile(r"%\{[^}]*\}|\{[a-z_]+\}")
_SPLIT = re.compile(r"(?<=[.!?;:])\s+|\n+|\s+[·|—–]\s+|<br>|\s{2,}")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def clean(text: str) -> str:
    """Markdown and HTML taken out: a link's text stays, its address goes; escapes and emphasis go."""
    text = text.replace("<br>", "\n")
    text = _LINK.sub(r"\1", text)
    text = _URL.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _TEMPLATE.sub(" ", text)
    return re.sub(r"\\([\\`*_{}\[\]()#+\-.!$|>~])", r"\1", text).replace("**", "").replace("__", "")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SPLIT.split(clean(text)) if s and s.strip()]


def _counted(words: list[str]) -> list[str]:
    """The words whose function-word use counts: lower-case ones, and a capitalised first word not followed by
    another capitalised word (a name such as "Los Angeles")."""
    out = []
    for i, w in enumerate(words):
        if w.islower():
            out.append(w)
        elif i == 0 and w[:1].isupper() and w[1:].islower() and not (len(words) > 1 and words[1][:1].isupper()):
            out.append(w.lower())
    return out


def leaks_in(sentence: str, lang: str) -> bool:
    """Whether one sentence reads as the other language in a `lang` view."""
    words = _WORD.findall(sentence)
    if len(words) < MIN_WORDS or len(sentence.split()) < MIN_WORDS:  # words apart: not a base64 run or a URL
        return False
    counted = _counted(words)
    if any(w in OWN[lang] for w in counted):
        return False
    return sum(1 for w in counted if w in OTHER[lang]) >= MIN_OTHER


class Allowed:
    """Proper names and published titles (longest first), and a check of one flagged sentence against them."""

    def __init__(self, phrases: Iterable[str]):
        cleaned = {clean(p).strip() for p in phrases if isinstance(p, str)}
        self.phrases = sorted((p for p in cleaned if len(p) >= 4), key=len, reverse=True)
        self._joined = "\n".join(self.phrases)

    def without(self, text: str) -> str:
        """The text with every allowed phrase in it replaced by a separator."""
        for phrase in self.phrases:
            if phrase in text:
                text = text.replace(phrase, " · ")
        return text

    def covers(self, sentence: str, lang: str) -> bool:
        if len(sentence) >= 8 and sentence in self._joined:
            return True  # a piece of one allowed phrase (a title split at its colon)
        rest = sentence
        for phrase in self.phrases:
            if phrase in rest:
                rest = rest.replace(phrase, " · ")
        return all(not leaks_in(s, lang) for s in _SPLIT.split(rest) if s.strip())


def leaks(texts: Iterable[tuple[str, str]], lang: str, allowed: Allowed) -> list[str]:
    """'where: sentence' for every sentence of (where, text) pairs that reads as the other language. A text with a
    leaking sentence is read again with its allowed phrases taken out first (a title may hold a ; or a :)."""
    found, seen = [], set()
    for where, text in texts:
        if text in seen:
            continue
        seen.add(text)
        flagged = [s for s in sentences(text) if leaks_in(s, lang)]
        if not flagged:
            continue
        rest = allowed.without(clean(text))
        for sentence in sentences(rest):
            if leaks_in(sentence, lang) and not allowed.covers(sentence, lang):
                found.append(f"{where}: {sentence}")
    return found


# ------------------------------------------------------------------ the allow-list, from the data


def _csv(name: str) -> list[dict[str, str]]:
    path = DATA / f"{name}.csv"
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


# Columns of the data that hold a published name or title (shown as published in both languages; their `_es`
# column, where there is one, explains them) or a proper name.
PUBLISHED_COLUMNS = {
    "sources": ("title", "publisher", "mirror_of"),
    "budget_lines": ("position_item", "location"),
    "laspd_budget_items": ("item",),
}
NAME_COLUMNS = (
    "school",
    "site",
    "school_name",
    "name",
    "name_in_source",
    "other_names",
    "program",
    "provider",
    "organization",
    "vendor",
    "outlet",
    "place",
)


@lru_cache(maxsize=1)
def allowed_phrases() -> tuple[str, ...]:
    """Every published title and proper name the data holds, and every locator (see the module's docstring)."""
    phrases: set[str] = set()
    for path in sorted(DATA.glob("*.csv")):
        rows = _csv(path.stem)
        if not rows:
            continue
        columns = set(PUBLISHED_COLUMNS.get(path.stem, ())) | {c for c in rows[0] if c in NAME_COLUMNS}
        columns |= {c for c in rows[0] if c == "locator" or c.endswith("_locator")}
        for row in rows:
            for column in columns:
                value = row.get(column)
                if value:
                    phrases.add(value)
    return tuple(sorted(phrases))


def allowed() -> Allowed:
    return Allowed(allowed_phrases())


# ------------------------------------------------------------------ every text in a view model


def texts_of(value, where: str = "") -> Iterator[tuple[str, str]]:
    """(where, text) for every string a reader can see in a view model's output: markdown, figures (their JSON,
    hover texts included), tables (column names and cells), tables behind a click (called), slide figures
    (called), CSV files (the Download's frame written as the CSV a reader downloads, with its citation)."""
    from plotly.basedatatypes import BaseFigure

    from components.text import export

    if value is None or isinstance(value, (bool, int, float)):
        return
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, bytes):
        yield from _csv_texts(value.decode("utf-8"), where)
    elif isinstance(value, BaseFigure):
        yield from _json_texts(json.loads(value.to_json()), where + ".figure")
    elif isinstance(value, pd.DataFrame):
        yield from _frame_texts(value, where)
    elif type(value).__name__ == "MapSpec":  # a map: what the browser receives (labels, tooltips)
        from components.charts.maps.deck import deck

        yield from _json_texts(json.loads(deck(value).to_json()), where + ".map")
    elif isinstance(value, pd.Series):
        yield from texts_of(value.tolist(), where)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from texts_of(getattr(value, f.name), f"{where}.{f.name}")
        if hasattr(value, "frame") and hasattr(value, "citation"):  # a Download: its CSV as downloaded
            csv_bytes = export.to_csv(value.frame, [value.citation])
            yield from _csv_texts(csv_bytes.decode("utf-8"), where + ".csv")
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from texts_of(k, where)
            yield from texts_of(v, f"{where}[{k}]")
    elif isinstance(value, (list, tuple, set, frozenset)):
        for i, v in enumerate(value):
            yield from texts_of(v, f"{where}[{i}]")
    elif callable(value):
        yield from texts_of(_call(value), where + "()")
    elif hasattr(value, "to_json"):
        yield from _json_texts(json.loads(value.to_json()), where + ".json")


def _call(fn: Callable):
    try:
        return fn()
    except TypeError:
        return fn("left")  # Chart.slide(names_at)


def _json_texts(value, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield where, value
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in ("type", "mode", "xaxis", "yaxis", "uid", "legendgroup", "customdata", "ids"):
                yield from _json_texts(v, where)
    elif isinstance(value, list):
        for v in value:
            yield from _json_texts(v, where)


def _frame_texts(frame: pd.DataFrame, where: str) -> Iterator[tuple[str, str]]:
    for c in frame.columns:
        yield f"{where}.columns", str(c)
    for c in frame.columns:
        for v in frame[c].tolist():
            if isinstance(v, str):
                yield f"{where}[{c}]", v


def _csv_texts(text: str, where: str) -> Iterator[tuple[str, str]]:
    for row in csv.reader(io.StringIO(text)):
        for cell in row:
            if cell:
                yield where, cell.lstrip("'")


# ------------------------------------------------------------------ every view model of every page


def view_outputs(lang: str) -> Iterator[tuple[str, object]]:
    """(where, view-model output) for every page, every year it offers, every filter value and presenter step.
    The map specs are given as their pydeck JSON (what the browser receives: labels, tooltips)."""
    from components import registry
    from components.views import community, compare, deployments, incidents, overview, since, sources, spending
    from components.views import deck as slides

    offered, _ = overview.offered()
    for year in offered:
        yield f"overview {year}", overview.build(year, lang)
    offered, _ = spending.offered()
    for year in offered:
        yield f"spending {year}", spending.build(year, lang)
        yield f"spending {year} lead", spending.lead(year, lang, spending.example_moves())
        if spending.has_budget(year):
            b = spending.budget(year, lang)
            yield f"spending {year} budget", (b.labels, b.level_labels, b.citation)  # b.lines: working columns
            yield f"spending {year} scenario", spending.scenario(year, lang, spending.example_moves())
            yield f"spending {year} refused", spending.scenario(year, lang, "nope>x:1,sworn-peace-officers>x:9e99")
            for levels in [(), *((lv,) for lv in b.levels)]:
                yield f"spending {year} lines {levels}", spending.breakdown(year, lang, levels)
    yield "spending series", spending.series(lang)
    yield "spending single year", spending.single_year_counts(lang)
    yield "since", since.build(lang)
    offered, _ = deployments.offered()
    for year in offered:
        c = deployments.controls(year, lang)
        yield f"deployments {year} controls", c
        if not deployments.complete(year):
            yield f"deployments {year} partial", deployments.partial_year(year, lang)
            continue
        yield f"deployments {year}", deployments.build(year, lang, "published", None, None)
        for kind in c.kind_names:
            yield (
                f"deployments {year} map {kind}",
                deployments.map_view(year, lang, "published", kind, None, None, True),
            )
        for region in c.regions:
            yield f"deployments {year} {region}", deployments.build(year, lang, "published", region, None)
            yield (
                f"deployments {year} {region} map",
                deployments.map_view(year, lang, "published", "region", region, None),
            )
        for bd in c.board_districts:
            yield f"deployments {year} BD{bd}", deployments.build(year, lang, "published", None, bd)
            yield (
                f"deployments {year} BD{bd} map",
                deployments.map_view(year, lang, "published", "board_district", None, bd),
            )
        region, bd = c.regions[0], c.board_districts[0]  # both together: the finding says why they are not crossed
        yield f"deployments {year} {region} BD{bd}", deployments.build(year, lang, "published", region, bd)
    yield "incidents", incidents.build(lang)
    offered, _ = community.offered()
    for year in offered:
        yield f"community {year}", community.build(year, lang)
    yield "community sites map", community.sites_map_block(lang)
    c = compare.controls(lang)
    yield "compare controls", c
    for year in c.offered:
        for vs in (None, *c.offered):
            if vs != year:
                yield f"compare {year} vs {vs}", compare.build(year, vs, lang)
    yield "sources lead", sources.lead(lang)
    c = sources.controls(lang)
    yield "sources controls", c
    for kind in c.kinds:
        yield f"sources {kind or 'all'}", sources.build(kind, lang)
    d = sources.data_controls(lang)
    yield "data controls", d
    for table in d.tables:
        yield f"data {table}", sources.table_rows(table, lang)
    for i, step in enumerate(slides.sequence()):
        yield f"deck step {i + 1} ({step.page})", slides.step_slide(step, lang)
    for page in registry.PAGES:
        if page.presentable:
            yield f"deck page {page.slug}", slides.page_slide(page.slug, {}, lang)
