"""One citation line for everything some query results drew on: the documents and where in them; and, for a
table that can be downloaded, each row's own sources."""

from __future__ import annotations

from functools import partial

import numpy as np
import pandas as pd

import queries
from components.perf.memo import cached
from components.text import export
from components.text.citations import citation_line, citation_summary, locators_of
from components.views.model import Table
from queries import QueryResult


def part_of(result: QueryResult, frame) -> QueryResult:
    """The rows of a result that a chart uses, with only their source ids (so its citation names only those)."""
    return QueryResult(frame, tuple(sorted(set(frame["source_id"].dropna()))))


def cite(*results: QueryResult, lang: str, summary_over: int = 3, main_only: bool = False) -> str:
    """One citation line for everything these query results drew on, with their locators.

    Past `summary_over` documents a line stops being readable: then count them by kind; the table names each.
    main_only: cite only the results' own `source_id` column (not e.g. the board members' sources).
    Built once per (results, database version, language): the database version covers the sources table.
    """
    return _citation(results, queries.data_version(), lang, summary_over, main_only)


@cached
def _citation(results: tuple, _data_version: tuple, lang: str, summary_over: int, main_only: bool) -> str:
    ids = sorted({sid for r in results for sid in (r.frame["source_id"].dropna() if main_only else r.source_ids)})
    if not ids:
        return ""
    sources = queries.run("sources_by_id", source_ids=ids).frame
    if len(sources) > summary_over:
        return citation_summary(sources, lang)
    locators: dict[str, list[str]] = {}
    for r in results:
        for sid, loc in locators_of(r.frame).items():
            if loc not in locators.setdefault(sid, []):
                locators[sid].append(loc)
    return citation_line(sources, {sid: "; ".join(locs) for sid, locs in locators.items()}, lang)


def source_ids_per_row(frame: pd.DataFrame) -> list[tuple[str, ...]]:
    """Each row's source ids, from every `source_id`, `*_source_id` and `source_ids` (a list) column: a row
    drawn from several documents (a count and its board member, a budget and its enrollment) names them all."""
    columns = [c for c in frame.columns if c in ("source_id", "source_ids") or c.endswith("_source_id")]
    rows = []
    for record in frame[columns].itertuples(index=False):
        ids: list[str] = []
        for value in record:
            for sid in value if isinstance(value, (list, tuple, np.ndarray)) else [value]:
                if isinstance(sid, str) and sid not in ids:
                    ids.append(sid)
        rows.append(tuple(ids))
    return rows


def sourced(
    table: Table,
    frame: pd.DataFrame | None,
    lang: str,
    ids: list[tuple[str, ...]] | None = None,
    unpublished: tuple[str, str, str, str] | None = None,
) -> Table:
    """`table` (a display frame, or a function giving one, built when opened) with four more columns naming each
    row's sources — title, publisher, date, link — so that a downloaded CSV carries, row by row, where every
    figure comes from. The rows of `table` are the rows of `frame` (the query result it was built from), in the
    same order; `ids` gives each row's source ids instead when a row is not one row of one result (a comparison
    of two years). `unpublished`: the four cells for rows no published source stands behind."""
    ids = source_ids_per_row(frame) if ids is None else ids
    wanted = sorted({sid for row in ids for sid in row})
    sources = queries.run("sources_by_id", source_ids=wanted).frame if wanted else pd.DataFrame(columns=["source_id"])
    if callable(table):
        return partial(_with_sources, table, ids, sources, lang, unpublished)
    return _with_sources(table, ids, sources, lang, unpublished)


def _with_sources(table: Table, ids: list, sources: pd.DataFrame, lang: str, unpublished) -> pd.DataFrame:
    shown = table() if callable(table) else table
    if len(shown) != len(ids):
        raise ValueError(f"a table of {len(shown)} rows was given the sources of {len(ids)} rows")
    columns = export.source_columns(ids, sources, lang, unpublished)
    return pd.concat([shown.reset_index(drop=True), columns], axis=1)
