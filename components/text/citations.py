"""Citation lines: which documents a chart or figure came from, and where in them."""

from __future__ import annotations

import pandas as pd

from components.i18n import t, tn
from components.text import fmt
from components.text.localized import localized
from components.text.markdown import md_escape, md_link


def kind_label(kind: str, lang: str = "en") -> str:
    return t(f"kind.{kind}", lang)


def _published(value, lang: str) -> str:
    """'2024-04-09' -> 'April 9, 2024'; '2020-06' -> 'June 2020'; '2021' stays."""
    if not isinstance(value, str) or not value:
        return ""
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return fmt.date(pd.Timestamp(value).date(), lang, "day")
        if len(parts) == 2:
            return fmt.date(pd.Timestamp(value + "-01").date(), lang, "month")
    except ValueError:
        return value
    return value


def cite_one(source: pd.Series, locator: str | None, lang: str = "en") -> str:
    """One source as markdown: Publisher, “Title” (date; kind), locator — the title links to the URL."""
    title = md_link(f"“{localized(source, 'title', lang)}”", source.get("url"))
    bits = [b for b in (_published(source.get("published"), lang), kind_label(source["kind"], lang)) if b]
    text = f"{md_escape(source['publisher'])}, {title} ({md_escape('; '.join(bits))})"
    mirror = source.get("mirror_of")
    if isinstance(mirror, str) and mirror:
        text += f" [{md_escape(t('src.mirror', lang, outlet=mirror))}]"
    if isinstance(locator, str) and locator:
        text += f", {md_escape(locator)}"
    return text


def citation_line(sources: pd.DataFrame, locators: dict[str, str] | None = None, lang: str = "en") -> str:
    """'Source: …' (or 'Sources: a; b') for every source in `sources`, in the frame's order."""
    locators = locators or {}
    cites = [cite_one(row, locators.get(row["source_id"]), lang) for _, row in sources.iterrows()]
    if not cites:
        return ""
    key = "cite.line" if len(cites) == 1 else "cite.lines"
    return t(key, lang, citations="; ".join(cites))


def source_names(sources: pd.DataFrame, lang: str = "en") -> dict[str, str]:
    """source_id -> 'Publisher, “Title” (published)': the short name a sentence uses for a document."""
    return {
        r["source_id"]: f"{r['publisher']}, “{localized(r, 'title', lang)}”"
        + (f" ({r['published']})" if isinstance(r["published"], str) else "")
        for r in sources.to_dict("records")
    }


def citation_summary(sources: pd.DataFrame, lang: str = "en") -> str:
    """For charts that draw on many documents: count them by kind and point to the table's source column."""
    counts = sources["kind"].value_counts()
    kinds = ", ".join(f"{n} × {kind_label(k, lang)}" for k, n in counts.items())
    return tn("cite.summary", len(sources), lang, kinds=kinds)


def locators_of(frame: pd.DataFrame) -> dict[str, str]:
    """Collapse a result's (source_id, locator) pairs into one locator text per source."""
    found: dict[str, list[str]] = {}
    if "source_id" not in frame.columns or "locator" not in frame.columns:
        return {}
    for sid, loc in zip(frame["source_id"], frame["locator"]):
        if isinstance(sid, str) and isinstance(loc, str):
            found.setdefault(sid, [])
            if loc not in found[sid]:
                found[sid].append(loc)
    return {sid: _common_locator(locs) for sid, locs in found.items()}


def _common_locator(locs: list[str]) -> str:
    """Many rows of one table share a prefix ('slide X, table row 1', '… row 2'): name the shared part once."""
    if len(locs) == 1:
        return locs[0]
    prefix = locs[0]
    for loc in locs[1:]:
        while not loc.startswith(prefix):
            prefix = prefix[:-1]
    cut = max(prefix.rfind(","), prefix.rfind(";"))
    if cut > 10:
        return prefix[:cut]
    return "; ".join(locs[:3]) + ("; …" if len(locs) > 3 else "")
