"""A text from the data in the reader's language: the one place that picks it.

Every text in data/ that a reader sees has its reviewed Spanish version in the column beside it, named after it:
`summary` and `summary_es` (the incident tables name both sides: `label_en` and `label_es`). The build refuses a
row whose Spanish text is missing (data/build.py), so a page never has to guess.

Published names stay as published in every language (a budget line, a school-police budget item, a location level
as the source prints it): their `_es` column holds a Spanish explanation, which `published=True` shows after the
name — "Psychiatric Social Workers (PSWs) — trabajadores sociales psiquiátricos".
"""

from __future__ import annotations

import math

import pandas as pd

GLOSS = " — "  # between a published name and its Spanish explanation


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def _get(row, name: str):
    """A field of one row: a mapping or pd.Series (row[name]) or a namedtuple from itertuples (row.name)."""
    if hasattr(row, "_fields"):
        return getattr(row, name)
    return row[name]


def _has(row, name: str) -> bool:
    if hasattr(row, "_fields"):
        return name in row._fields
    return name in row


def _english_name(row, column: str) -> str:
    return column if _has(row, column) or not _has(row, column + "_en") else column + "_en"


def _one(row, column: str, lang: str, published: bool):
    english = _get(row, _english_name(row, column))
    english = None if _missing(english) else english
    if lang != "es":
        return english
    spanish = _get(row, column + "_es")  # KeyError: the query did not select the Spanish column
    if _missing(spanish):
        return english  # the build refuses this for published data; never leave a reader without the text
    if published and english is not None:
        return f"{english}{GLOSS}{spanish}"
    return spanish


def localized(data, column: str, lang: str, *, published: bool = False):
    """`column` of one row (a pd.Series, a mapping or an itertuples row) or of every row of a DataFrame (a Series
    with the frame's index) in `lang`: the English text, or in Spanish its `<column>_es` version. With
    `published=True` the column is a published name: Spanish shows "name — explanation". A missing text stays
    missing (None), so a caller can say "not given" in its own words."""
    if isinstance(data, pd.DataFrame):
        values = [_one(row, column, lang, published) for row in data.to_dict("records")]
        return pd.Series(values, index=data.index, dtype=object)
    return _one(data, column, lang, published)
