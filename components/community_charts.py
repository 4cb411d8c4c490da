"""Pure builders for the Community-based safety page: frames from queries/ in; Plotly figures, display tables,
plain-text sentences and the records-request letter out. No database, no Streamlit.

Source kind is always carried as words (a badge label, a column, a text label beside each point), never by
colour alone; conflicting sources stay separate points and rows.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go

from components import fmt
from components.charts import FONT
from components.citations import kind_label
from components.i18n import t
from components.sites_map import status_text

EARMARK_METRICS = ("cbs_allocation_usd",)
EARMARK_TABLE_METRICS = ("cbs_allocation_usd", "cbs_allocation_total_usd")
SPENDING_METRICS = ("cbs_spent_usd", "cbs_unspent_percent", "safety_budget_spent_percent",
                    "cbo_funds_unspent_percent", "bsap_unspent_percent")
BSAP_METRICS = ("bsap_funding_usd",)
BSAP_TABLE_METRICS = ("bsap_funding_usd", "bsap_expansion_usd", "bsap_collective_funding_usd", "bsap_schools")

KIND_COLOUR = {"district": "#0072B2", "news": "#E69F00", "advocacy": "#CC79A7", "research": "#009E73",
               "government": "#56B4E9", "reference": "#555555"}
KIND_SYMBOL = {"district": "square", "news": "circle", "advocacy": "diamond", "research": "triangle-up",
               "government": "star", "reference": "x"}
# Streamlit badge colours; the badge always prints the kind in words.
KIND_BADGE = {"district": "blue", "news": "orange", "advocacy": "violet", "research": "green",
              "government": "gray", "reference": "gray"}


# ------------------------------------------------------------------------------------------- small helpers

def by_metric(frame: pd.DataFrame, metrics) -> pd.DataFrame:
    return frame[frame["metric"].isin(list(metrics))].reset_index(drop=True)


def _text(value) -> str:
    return value if isinstance(value, str) else ""


def value_text(value, unit: str, lang: str = "en", compact: bool = False) -> str:
    """A figure as the reader reads it: dollars, a share (stored 0–100), or a count."""
    if unit == "usd":
        return fmt.money(value, lang, compact=compact)
    if unit == "percent":
        return fmt.percent(float(value) / 100, lang, digits=0)
    return fmt.number(value, lang)


def approx_text(row, lang: str = "en") -> str:
    """'approximate (the source says “about”)', or '' when the source does not hedge."""
    return t("common.approx", lang, qualifier=row["qualifier"]) if bool(row["approx"]) else ""


def source_text(row, lang: str = "en") -> str:
    return f"{row['publisher']}, “{row['title']}” ({kind_label(row['source_kind'], lang)})"


def kind_badge(kind: str, lang: str = "en") -> tuple[str, str]:
    """(label, colour) for st.badge: the kind in words, with a colour as a second cue."""
    return kind_label(kind, lang), KIND_BADGE.get(kind, "gray")


def _start_year(school_year) -> int | None:
    return int(school_year[:4]) if isinstance(school_year, str) and len(school_year) >= 4 else None


def _school_year(start: int) -> str:
    return f"{start}-{(start + 1) % 100:02d}"


# ------------------------------------------------------------------------------------------- figures by year

def points_by_year(frame: pd.DataFrame, title: str, y_title: str, lang: str = "en") -> go.Figure:
    """One marker per source and year (never averaged): kind by symbol, colour and a text label."""
    data = frame[frame["school_year"].notna()].copy()
    data["start"] = data["school_year"].map(_start_year)
    data = data.sort_values(["start", "source_kind", "source_id"]).reset_index(drop=True)
    # Several sources for one year sit side by side, in a fixed order, so none hides another.
    data["slot"] = data.groupby("start").cumcount()
    data["n"] = data.groupby("start")["start"].transform("size")
    data["x"] = data["start"] + (data["slot"] - (data["n"] - 1) / 2) * 0.22
    fig = go.Figure()
    for kind in dict.fromkeys(data["source_kind"]):
        rows = data[data["source_kind"] == kind]
        # Values above and below in turn, so that side-by-side points never share a label line (phones too);
        # the kind is in the legend, the marker's shape and the hover, never in colour alone.
        positions = ["bottom center" if s % 2 else "top center" for s in rows["slot"]]
        fig.add_trace(go.Scatter(
            x=rows["x"], y=rows["value"].astype(float), mode="markers+text", name=kind_label(kind, lang),
            marker=dict(size=15, color=KIND_COLOUR.get(kind, "#555555"), symbol=KIND_SYMBOL.get(kind, "circle"),
                        line=dict(color="#111827", width=1)),
            text=[f"{('~' if a else '')}{value_text(v, u, lang, compact=True)}"
                  for v, u, a in zip(rows["value"], rows["unit"], rows["approx"])],
            textposition=positions, cliponaxis=False, textfont=dict(size=13),
            customdata=[[sy, value_text(v, u, lang), p, lab, _text(per)]
                        for sy, v, u, p, lab, per in zip(rows["school_year"], rows["value"], rows["unit"],
                                                         rows["publisher"], rows["label"], rows["period"])],
            hovertemplate="<b>%{customdata[0]}: %{customdata[1]}</b><br>%{customdata[3]}<br>"
                          "%{customdata[2]} (" + kind_label(kind, lang) + ") · %{customdata[4]}<extra></extra>",
        ))
    years = list(range(int(data["start"].min()), int(data["start"].max()) + 1)) if len(data) else []
    top = float(data["value"].max()) if len(data) else 1.0
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", font=dict(size=17)), font=FONT,
        height=380, margin=dict(l=10, r=20, t=96, b=40), plot_bgcolor="white", paper_bgcolor="white",
        showlegend=True, legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, title_text=""),
        hoverlabel=dict(font_size=14), separators=".,",
    )
    fig.update_xaxes(tickvals=years, ticktext=[_school_year(y) for y in years],
                     range=[years[0] - 0.9, years[-1] + 0.9] if years else None, gridcolor="#e5e7eb",
                     title_text=None, automargin=True)
    fig.update_yaxes(title_text=y_title, rangemode="tozero", range=[0, top * 1.3], tickprefix="$",
                     tickformat="~s", gridcolor="#e5e7eb", automargin=True)
    return fig


def points_alt(frame: pd.DataFrame, what: str, lang: str = "en") -> str:
    items = "; ".join(f"{sy}: {value_text(v, u, lang)} ({p}, {kind_label(k, lang)})"
                      for sy, v, u, p, k in zip(frame["school_year"], frame["value"], frame["unit"],
                                                frame["publisher"], frame["source_kind"]))
    return t("cbs.points.alt", lang, what=what, n=len(frame), items=items or "—")


def observations_table(frame: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame({
        t("cbs.col.year", lang): frame["school_year"].fillna(""),
        t("cbs.col.figure", lang): frame["label"],
        t("cbs.col.value", lang): [value_text(v, u, lang) for v, u in zip(frame["value"], frame["unit"])],
        t("cbs.col.approx", lang): [approx_text(r, lang) for _, r in frame.iterrows()],
        t("cbs.col.period", lang): frame["period"].fillna(""),
        t("cbs.col.basis", lang): [t(f"cbs.basis.{b}", lang) for b in frame["basis"]],
        t("col.source", lang): [source_text(r, lang) for _, r in frame.iterrows()],
        t("cbs.col.kind", lang): [kind_label(k, lang) for k in frame["source_kind"]],
        t("col.locator", lang): frame["locator"],
        t("col.note", lang): frame["note"].fillna(""),
    })


# ------------------------------------------------------------------------------------------- spent / unspent

def spending_reports(frame: pd.DataFrame, lang: str = "en") -> list[dict]:
    """One card per reported spent/unspent figure: what, how much, who says so, in words."""
    cards = []
    data = by_metric(frame, SPENDING_METRICS)
    data = data.assign(order=data["metric"].map(SPENDING_METRICS.index)).sort_values(["order", "school_year"])
    for _, r in data.iterrows():
        badge, colour = kind_badge(r["source_kind"], lang)
        cards.append({
            "title": t(f"cbs.report.{r['metric']}", lang),
            "value": value_text(r["value"], r["unit"], lang),
            "approx": approx_text(r, lang),
            "period": " · ".join(x for x in (_text(r["school_year"]), _text(r["period"])) if x),
            "badge": badge, "colour": colour, "kind": r["source_kind"],
            "source": t("cbs.report.says", lang, publisher=r["publisher"], title=r["title"]),
            "note": _text(r["note"]), "locator": r["locator"], "source_id": r["source_id"],
        })
    return cards


# ------------------------------------------------------------------------------------------- the CBSP lines

def cbsp_lines(frame: pd.DataFrame, lang: str = "en") -> list[dict]:
    """The 2023-24 pilot vendor line and the money moved from vacant officer positions, as metric cards."""
    out = []
    for _, r in frame.iterrows():
        approx = bool(r["approx"])
        shown = (f"~{fmt.money(r['amount_usd'], lang, compact=True)}" if approx
                 else fmt.money(r["amount_usd"], lang))
        out.append({
            "line": r["line"], "label": t(f"cbs.cbsp.{r['line']}", lang), "value": shown,
            "exact": fmt.money(r["amount_usd"], lang), "approx": approx_text(r, lang),
            "published_as": _text(r["published_as"]), "item": r["item"],
            "badge": kind_badge(r["source_kind"], lang),
        })
    return out


# ------------------------------------------------------------------------------------------- safe passages

def headline_count(counts: pd.DataFrame, metric: str = "safe_passage_programs") -> pd.Series | None:
    rows = counts[counts["metric"] == metric]
    return rows.iloc[0] if len(rows) else None


def counts_table(counts: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    return observations_table(counts, lang)


def location_text(row, lang: str = "en") -> str:
    lat, lon = row["lat"], row["lon"]
    if pd.isna(lat) or pd.isna(lon):
        return t("cbs.sites.no_location", lang)
    return f"{float(lat):.5f}, {float(lon):.5f}"


def sites_table(sites: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """Every named site, located or not; 'location not published' where no source gives coordinates."""
    return pd.DataFrame({
        t("cbs.col.school", lang): [n if isinstance(n, str) else a for n, a in zip(sites["school_name"], sites["area"])],
        t("cbs.col.area", lang): sites["area"].fillna(""),
        t("cbs.col.program", lang): sites["program"],
        t("cbs.col.provider", lang): sites["provider"].fillna(t("cbs.sites.no_provider", lang)),
        t("cbs.col.years", lang): sites["years"].fillna(t("cbs.sites.no_years", lang)),
        t("cbs.col.status", lang): [status_text(s, lang) for s in sites["status"]],
        t("cbs.col.location", lang): [location_text(r, lang) for _, r in sites.iterrows()],
        t("cbs.col.location_source", lang): sites["location_source_id"].fillna(""),
        t("col.source", lang): [source_text(r, lang) for _, r in sites.iterrows()],
        t("col.locator", lang): sites["locator"],
        t("col.note", lang): sites["note"].fillna(""),
    })


def roster_table(roster: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    def day(value) -> str:
        return "" if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()

    return pd.DataFrame({
        t("cbs.col.school", lang): roster["school"],
        t("col.board_district", lang): roster["board_district"].astype(int),
        t("col.region", lang): roster["region"],
        t("cbs.col.provider", lang): roster["provider"].fillna(t("cbs.roster.no_provider", lang)),
        t("cbs.col.start", lang): [day(v) for v in roster["start_date"]],
        t("cbs.col.end", lang): [day(v) for v in roster["end_date"]],
        t("cbs.col.status", lang): [status_text(s, lang) for s in roster["status"]],
        t("cbs.col.location", lang): [location_text(r, lang) for _, r in roster.iterrows()],
        t("cbs.col.origin", lang): t("cbs.roster.origin", lang),
    })


def status_legend(lang: str = "en") -> str:
    """Plain words for the map's shapes: '● running · ■ ended · ▲ proposed · ⬢ status unknown'."""
    return " · ".join(status_text(s, lang) for s in ("running", "ended", "proposed", "unknown"))


# ------------------------------------------------------------------------------------------- engagement

def town_halls_table(halls: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    return pd.DataFrame({
        t("col.date", lang): [fmt.date(pd.Timestamp(d).date(), lang) for d in halls["event_date"]],
        t("col.region", lang): halls["region"],
        t("cbs.col.school", lang): halls["school_name"],
        t("cbs.col.employees", lang): halls["employees_time"],
        t("cbs.col.parents", lang): halls["parents_time"],
        t("col.locator", lang): halls["locator"],
    })


def town_halls_alt(halls: pd.DataFrame, lang: str = "en") -> str:
    items = "; ".join(f"{fmt.date(pd.Timestamp(d).date(), lang)}, {r}, {s}"
                      for d, r, s in zip(halls["event_date"], halls["region"], halls["school_name"]))
    return t("cbs.halls.alt", lang, n=len(halls), items=items)


def event_row(events: pd.DataFrame, event_id: str) -> pd.Series | None:
    rows = events[events["event_id"] == event_id]
    return rows.iloc[0] if len(rows) else None


# ------------------------------------------------------------------------------------------- not published

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
    """'Publisher, “Title” (date; kind), locator' in plain text."""
    bits = [b for b in (_published_date(row["published"], lang), kind_label(row["source_kind"], lang)) if b]
    where = row["url"] if isinstance(row["url"], str) and row["url"] else (
        t("src.seed", lang, file=row["document_file"]) if isinstance(row["document_file"], str) else "")
    text = f"{row['publisher']}, “{row['title']}” ({'; '.join(bits)}), {row['locator']}"
    return f"{text} — {where}" if where else text


def unpublished_items(gaps: pd.DataFrame, lang: str = "en") -> list[dict]:
    return [{"item": r["item"], "description": r["description"], "referred": referring_text(r, lang)}
            for _, r in gaps.iterrows()]


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
    return t("cbs.eng.summit", lang, date=fmt.date(row["event_date"], lang, row["date_precision"]),
             event=row["event"])


def roster_label(info: pd.DataFrame | None, rows: int, lang: str = "en") -> str:
    """'District-supplied roster, not published: N rows imported on … from file …'."""
    if info is None or info.empty:
        return t("cbs.roster.label", lang, n=rows, when="—", file="—")
    r = info.iloc[0]
    return t("cbs.roster.label", lang, n=rows, when=pd.Timestamp(r["imported_at"]).strftime("%Y-%m-%d %H:%M"),
             file=r["file_name"])
