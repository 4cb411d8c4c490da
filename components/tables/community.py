"""Community-based safety tables, cards and sentences: the money by source, the pilot lines, safe-passage
sites, town halls, what is not published and the records-request letter. Frames in; frames and plain text out.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from components.charts.maps.sites import roster_status, row_status, where_from
from components.i18n import t
from components.text import fmt
from components.text.citations import kind_label
from components.text.localized import localized

EARMARK_METRICS = ("cbs_allocation_usd",)


EARMARK_TABLE_METRICS = ("cbs_allocation_usd", "cbs_allocation_total_usd")


SPENDING_METRICS = (
    "cbs_spent_usd",
    "cbs_unspent_percent",
    "safety_budget_spent_percent",
    "cbo_funds_unspent_percent",
    "bsap_unspent_percent",
)


BSAP_METRICS = ("bsap_funding_usd",)


BSAP_TABLE_METRICS = ("bsap_funding_usd", "bsap_expansion_usd", "bsap_collective_funding_usd", "bsap_schools")


# Streamlit badge colours; the badge always prints the kind in words.
KIND_BADGE = {
    "district": "blue",
    "news": "orange",
    "advocacy": "violet",
    "research": "green",
    "government": "gray",
    "reference": "gray",
}


def by_metric(frame: pd.DataFrame, metrics) -> pd.DataFrame:
    return frame[frame["metric"].isin(list(metrics))].reset_index(drop=True)


def approx_text(row, lang: str = "en") -> str:
    """'approximate (the source says “about”)', or '' when the source does not hedge."""
    return t("common.approx", lang, qualifier=row["qualifier"]) if bool(row["approx"]) else ""


def source_text(row, lang: str = "en") -> str:
    return f"{row['publisher']}, “{localized(row, 'title', lang)}” ({kind_label(row['source_kind'], lang)})"


def kind_badge(kind: str, lang: str = "en") -> tuple[str, str]:
    """(label, colour) for st.badge: the kind in words, with a colour as a second cue."""
    return kind_label(kind, lang), KIND_BADGE.get(kind, "gray")


def observations_table(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("cbs.col.year", lang): frame["school_year"].fillna(""),
            t("cbs.col.figure", lang): localized(frame, "label", lang),
            t("cbs.col.value", lang): [fmt.value_text(v, u, lang) for v, u in zip(frame["value"], frame["unit"])],
            t("cbs.col.approx", lang): [approx_text(r, lang) for _, r in frame.iterrows()],
            t("cbs.col.period", lang): localized(frame, "period", lang).fillna(""),
            t("cbs.col.basis", lang): [t(f"cbs.basis.{b}", lang) for b in frame["basis"]],
            t("col.source", lang): [source_text(r, lang) for _, r in frame.iterrows()],
            t("cbs.col.kind", lang): [kind_label(k, lang) for k in frame["source_kind"]],
            t("col.locator", lang): frame["locator"],
            t("col.note", lang): localized(frame, "note", lang).fillna(""),
        }
    )


def spending_reports(frame: pd.DataFrame, lang: str = "en") -> list[dict]:
    """One card per reported spent/unspent figure: what, how much, who says so, in words."""
    cards = []
    data = by_metric(frame, SPENDING_METRICS)
    data = data.assign(order=data["metric"].map(SPENDING_METRICS.index)).sort_values(["order", "school_year"])
    for _, r in data.iterrows():
        badge, colour = kind_badge(r["source_kind"], lang)
        cards.append(
            {
                "title": t(f"cbs.report.{r['metric']}", lang),
                "value": fmt.value_text(r["value"], r["unit"], lang),
                "approx": approx_text(r, lang),
                "period": " · ".join(
                    x
                    for x in (fmt.text_or_empty(r["school_year"]), fmt.text_or_empty(localized(r, "period", lang)))
                    if x
                ),
                "badge": badge,
                "colour": colour,
                "kind": r["source_kind"],
                "source": t("cbs.report.says", lang, publisher=r["publisher"], title=localized(r, "title", lang)),
                "note": fmt.text_or_empty(localized(r, "note", lang)),
                "locator": r["locator"],
                "source_id": r["source_id"],
            }
        )
    return cards


def cbsp_lines(frame: pd.DataFrame, year: str, lang: str = "en") -> list[dict]:
    """A year's pilot vendor line and the money moved from vacant officer positions, as metric cards."""
    out = []
    for _, r in frame.iterrows():
        approx = bool(r["approx"])
        shown = f"~{fmt.money(r['amount_usd'], lang, compact=True)}" if approx else fmt.money(r["amount_usd"], lang)
        out.append(
            {
                "line": r["line"],
                "label": t(f"cbs.cbsp.{r['line']}", lang, year=year),
                "value": shown,
                "exact": fmt.money(r["amount_usd"], lang),
                "approx": approx_text(r, lang),
                "published_as": fmt.text_or_empty(r["published_as"]),
                "item": quoted_name(r, "item", lang),
                "badge": kind_badge(r["source_kind"], lang),
            }
        )
    return out


def quoted_name(row, column: str, lang: str = "en") -> str:
    """A published name in quotation marks, as printed; in Spanish its explanation follows outside them:
    “Community Based Safety Pilot (CBSP) Vendor-Provided Support” — apoyo prestado por proveedores …"""
    name = f"“{localized(row, column, 'en')}”"
    return f"{name} — {localized(row, column, lang)}" if lang == "es" else name


def headline_count(counts: pd.DataFrame, metric: str = "safe_passage_programs") -> pd.Series | None:
    rows = counts[counts["metric"] == metric]
    return rows.iloc[0] if len(rows) else None


def counts_table(counts: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    return observations_table(counts, lang)


def location_text(row, lang: str = "en") -> str:
    """'34.02299, -118.34610'; for a site without a location, why (no school named, or no reviewed match)."""
    lat, lon = row["lat"], row["lon"]
    if pd.isna(lat) or pd.isna(lon):
        if "located_by" not in row:  # a roster row
            return t("cbs.sites.no_location", lang)
        return t("map.sites.no_school" if pd.isna(row["school_id"]) else "map.sites.no_match", lang)
    return f"{float(lat):.5f}, {float(lon):.5f}"


def sites_table(sites: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Every named site, located or not; 'location not published' where no source gives coordinates. School
    names stay as published; the other texts are in the reader's language."""
    area = localized(sites, "area", lang)
    return pd.DataFrame(
        {
            t("cbs.col.school", lang): [n if isinstance(n, str) else a for n, a in zip(sites["school_name"], area)],
            t("cbs.col.area", lang): area.fillna(""),
            t("cbs.col.program", lang): localized(sites, "program", lang),
            t("cbs.col.provider", lang): localized(sites, "provider", lang).fillna(t("cbs.sites.no_provider", lang)),
            t("cbs.col.years", lang): localized(sites, "years", lang).fillna(t("cbs.sites.no_years", lang)),
            t("cbs.col.status", lang): [row_status(r, lang) for _, r in sites.iterrows()],
            t("map.col.status_reported", lang): localized(sites, "status_reported", lang).fillna(""),
            t("cbs.col.location", lang): [location_text(r, lang) for _, r in sites.iterrows()],
            t("cbs.col.location_source", lang): [
                where_from(r, lang) if r["located_by"] in ("directory", "source") else "" for _, r in sites.iterrows()
            ],
            t("col.source", lang): [source_text(r, lang) for _, r in sites.iterrows()],
            t("col.locator", lang): sites["locator"],
            t("col.note", lang): localized(sites, "note", lang).fillna(""),
        }
    )


def roster_table(roster: pd.DataFrame, lang: str = "en", names: dict | None = None) -> pd.DataFrame:
    """The district-supplied roster (staff import); `names`: region key -> the name in the reader's language."""

    def day(value) -> str:
        return "" if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()

    return pd.DataFrame(
        {
            t("cbs.col.school", lang): roster["school"],
            t("col.board_district", lang): roster["board_district"].astype(int),
            t("col.region", lang): [(names or {}).get(r, r) for r in roster["region"]],
            t("cbs.col.provider", lang): roster["provider"].fillna(t("cbs.roster.no_provider", lang)),
            t("cbs.col.start", lang): [day(v) for v in roster["start_date"]],
            t("cbs.col.end", lang): [day(v) for v in roster["end_date"]],
            t("cbs.col.status", lang): [roster_status(s, lang) for s in roster["status"]],
            t("cbs.col.location", lang): [location_text(r, lang) for _, r in roster.iterrows()],
            t("cbs.col.origin", lang): t("cbs.roster.origin", lang),
        }
    )


def town_halls_table(halls: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("col.date", lang): [fmt.date(pd.Timestamp(d).date(), lang) for d in halls["event_date"]],
            t("col.region", lang): localized(halls, "region", lang),
            t("cbs.col.school", lang): halls["school_name"],
            t("cbs.col.employees", lang): localized(halls, "employees_time", lang),
            t("cbs.col.parents", lang): localized(halls, "parents_time", lang),
            t("col.locator", lang): halls["locator"],
        }
    )


def town_halls_alt(halls: pd.DataFrame, lang: str = "en") -> str:
    items = "; ".join(
        f"{fmt.date(pd.Timestamp(d).date(), lang)}, {r}, {s}"
        for d, r, s in zip(halls["event_date"], localized(halls, "region", lang), halls["school_name"])
    )
    return t("cbs.halls.alt", lang, n=len(halls), items=items)


def event_row(events: pd.DataFrame, event_id: str) -> pd.Series | None:
    rows = events[events["event_id"] == event_id]
    return rows.iloc[0] if len(rows) else None


def _published_date(value, lang: str) -> str:
    if not isinstance(value, str) or not value:
        return ""
    parts = value.split("-")
    try:
        if len(parts) == 3:
            return fmt.date(dt.date.fromisoformat(value), lang)
        if len(parts) == 2:
            return fmt.date(dt.date(int(parts[0]), int(parts[1]), 1), lang, "month")
    except ValueError:
        return value
    return value


def referring_text(row, lang: str = "en") -> str:
    """'Publisher, “Title” (date; kind), locator — URL' in plain text. A document with no public address is
    named by its publisher, title and date only: the file name of our copy means nothing to the district."""
    bits = [b for b in (_published_date(row["published"], lang), kind_label(row["source_kind"], lang)) if b]
    where = row["url"] if isinstance(row["url"], str) and row["url"] else ""
    text = f"{row['publisher']}, “{localized(row, 'title', lang)}” ({'; '.join(bits)}), {row['locator']}"
    return f"{text} — {where}" if where else text


def unpublished_items(gaps: pd.DataFrame, lang: str = "en") -> list[dict]:
    return [
        {"item": r["item"], "description": localized(r, "description", lang), "referred": referring_text(r, lang)}
        for _, r in gaps.iterrows()
    ]


def request_letter(gaps: pd.DataFrame, lang: str = "en") -> str:
    """A plain-text records request built from the unpublished-data rows, ready to copy or download."""
    lines = [t("cbs.letter.to", lang), t("cbs.letter.subject", lang), "", t("cbs.letter.opening", lang), ""]
    for number, item in enumerate(unpublished_items(gaps, lang), start=1):
        lines.append(f"{number}. {item['description']}.")
        lines.append("   " + t("cbs.letter.referred", lang, source=item["referred"]))
        lines.append("")
    lines += [t("cbs.letter.closing", lang), "", t("cbs.letter.signature", lang)]
    return "\n".join(lines) + "\n"


def summit_text(row, lang: str = "en") -> str:
    date = fmt.date(row["event_date"], lang, row["date_precision"])
    return t("cbs.eng.summit", lang, date=date, event=localized(row, "event", lang))


def roster_label(info: pd.DataFrame | None, rows: int, lang: str = "en") -> str:
    """'District-supplied roster, not published: N rows imported on … from file …'."""
    if info is None or info.empty:
        return t("cbs.roster.label", lang, n=rows, when="—", file="—")
    r = info.iloc[0]
    return t(
        "cbs.roster.label",
        lang,
        n=rows,
        when=pd.Timestamp(r["imported_at"]).strftime("%Y-%m-%d %H:%M"),
        file=r["file_name"],
    )
