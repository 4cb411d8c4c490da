"""One citation line for everything some query results drew on: the documents and where in them."""

from __future__ import annotations

import queries
from components.perf.memo import cached
from components.text.citations import citation_line, citation_summary, locators_of
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
