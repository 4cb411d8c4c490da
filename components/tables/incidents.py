"""Incident and school-police figures made readable: periods, hedged values, the points and bars the charts draw,
the tables behind them, the disparity ratios with their formula, the Overview's headline, and the staff import's
tables. Frames in; frames and plain text out (the view model escapes text for markdown).

Periods are worded from the rows' structure (coverage, school year, dates) in the reader's language. Where the
structure cannot say it (a change with no starting year, "the first few weeks"), English shows the data's own
words (`period`, written by us in English) and Spanish a plain description; the tables keep the data's words in a
column that says it is English.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal

import pandas as pd
from babel.dates import format_date

from components.domain import disparity
from components.i18n import t
from components.text import fmt
from components.text.citations import kind_label
from components.text.localized import localized

# Known hedging words of the data (`qualifier`), each with its reading in both languages; a test checks that every
# qualifier in the data has one. Anything else is shown as "~value".
QUALIFIERS = {
    "about": "inc.q.about",
    "approximately": "inc.q.approximately",
    "nearly": "inc.q.nearly",
    "more than": "inc.q.more_than",
    "over": "inc.q.over",
    "at least": "inc.q.at_least",
    "less than": "inc.q.less_than",
    "one in four": "inc.q.one_in_four",
}


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA or value is pd.NaT


def text(value) -> str:
    return value if isinstance(value, str) else ""


def label(row, lang: str) -> str:
    """A series' name in the reader's language (from the data: label_en / label_es)."""
    return str(row["label_es"] if lang == "es" else row["label_en"])


def definition(row, lang: str) -> str:
    return str(row["definition_es"] if lang == "es" else row["definition_en"])


# ------------------------------------------------------------------------------------------- dates and periods


def _date(value) -> dt.date | None:
    if _missing(value):
        return None
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return pd.Timestamp(value).date()


def short_date(value, lang: str) -> str:
    """Apr 15 / 15 abr."""
    return format_date(_date(value), format="d MMM" if lang == "es" else "MMM d", locale=fmt.LOCALES[lang])


def month_year(value, lang: str) -> str:
    """'2024-09-14' or '2024-09' -> September 2024; '2022' stays."""
    if not isinstance(value, str) or len(value) < 7:
        return text(value)
    return format_date(_date(value[:7] + "-01"), format="MMMM y", locale=fmt.LOCALES[lang])


def medium_date(value, lang: str) -> str:
    """Sep 14, 2024 / 14 sept 2024 for a full date; otherwise as partial_date."""
    if isinstance(value, str) and len(value) == 10:
        return format_date(_date(value), format="medium", locale=fmt.LOCALES[lang])
    return partial_date(value, lang)


def partial_date(value, lang: str, short: bool = False) -> str:
    """A date written as precisely as the source gives it: '2024-09-14' -> September 14, 2024 (or Sep 2024 when
    short); '2024-05' -> May 2024; '2022' -> 2022."""
    if not isinstance(value, str) or not value:
        return ""
    parts = value.split("-")
    if len(parts) == 1:
        return value
    day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
    if len(parts) == 3 and not short:
        return fmt.date(day, lang, "day")
    return format_date(day, format="MMM y" if short else "MMMM y", locale=fmt.LOCALES[lang])


def _months(start: str, end: str, lang: str) -> str:
    """'2012-01', '2012-06' -> January to June 2012."""
    a, b = _date(start + "-01"), _date(end + "-01")
    month = lambda d: format_date(d, format="LLLL", locale=fmt.LOCALES[lang])  # noqa: E731
    if a.year == b.year:
        return t("inc.period.months", lang, start=month(a), end=month(b), year=a.year)
    return t("inc.period.months_years", lang, start=month(a), start_year=a.year, end=month(b), end_year=b.year)


def _fallback(row, lang: str, spanish: str) -> str:
    """English: the data's own words for the period; Spanish: a plain description (the table keeps the words)."""
    return text(row["period"]) if lang == "en" and text(row["period"]) else spanish


def period_text(row, lang: str) -> str:
    """When a figure is from, in the reader's language, from the row's coverage, school year and dates."""
    cov, year = row["coverage"], text(row["school_year"])
    start, end = text(row.get("period_start")), text(row.get("period_end"))
    reported = partial_date(text(row.get("reported_on")), lang)
    if cov == "full_year":
        return year
    if cov == "first_month":
        return t("inc.period.first_month", lang, year=year)
    if cov == "partial_year":
        if not _missing(row.get("as_of")):
            return t("inc.period.to_date", lang, year=year, date=short_date(row["as_of"], lang))
        if start and end and len(start) == 7 and len(end) == 7:
            return t("inc.period.part", lang, year=year, part=_months(start, end, lang))
        if start:
            return t(
                "inc.period.from_date",
                lang,
                year=year,
                date=short_date(start, lang) if len(start) == 10 else partial_date(start, lang),
                reported=medium_date(text(row.get("reported_on")), lang),
            )
        return _fallback(row, lang, t("inc.period.part_of", lang, year=year))
    if cov == "calendar_year":
        return t("inc.period.calendar", lang, year=start[:4])
    if cov == "partial_calendar_year":
        return _months(start[:7], end[:7], lang) if len(start) >= 7 and len(end) >= 7 else start[:4]
    if cov == "multi_year_total":
        return t("inc.period.total", lang, start=start[:4], end=end[:4])
    if cov == "multi_year_period":
        return t("inc.period.span", lang, start=start[:4], end=end[:4])
    if cov == "change":
        base = text(row.get("base_school_year"))
        if base:
            return t("inc.period.change", lang, year=year, base=base)
        if year:
            return _fallback(row, lang, t("inc.period.change_to", lang, year=year))
        return _fallback(
            row, lang, t("inc.period.unstated", lang, reported=reported) if reported else t("inc.period.none", lang)
        )
    if cov == "point_in_time":
        return t("inc.period.point", lang, year=year, reported=reported) if year else reported
    # unspecified: the source does not say what the figure covers
    if start and start == end:
        return t("inc.period.unstated_year", lang, year=start)
    return _fallback(
        row, lang, t("inc.period.unstated", lang, reported=reported) if reported else t("inc.period.none", lang)
    )


def years_covered(row) -> tuple[int, int]:
    """The calendar years a figure falls in (for chart titles): from its dates, else from its school year (a part
    of a school year with no dates is counted from the autumn it starts in)."""
    start, end = text(row.get("period_start")), text(row.get("period_end"))
    year = text(row.get("school_year"))
    first = int(start[:4]) if start else int(year[:4])
    if end:
        last = int(end[:4])
    elif not _missing(row.get("as_of")):
        last = _date(row["as_of"]).year
    elif year and row["coverage"] in ("full_year", "change"):
        last = int(year[:4]) + 1
    else:
        last = first
    return first, last


def school_year_span(frame: pd.DataFrame, lang: str) -> str:
    """'2017-18 to 2024-25': the first and last school year of a set of school-year figures."""
    found = sorted(set(frame["school_year"].dropna()))
    return found[0] if len(found) == 1 else t("inc.years", lang, first=found[0], last=found[-1])


def year_span(frame: pd.DataFrame) -> str:
    """'2009–2013': the calendar years a set of figures spans."""
    spans = [years_covered(r) for _, r in frame.iterrows()]
    first, last = min(s[0] for s in spans), max(s[1] for s in spans)
    return str(first) if first == last else f"{first}–{last}"


# ------------------------------------------------------------------------------------------- values


def number(value, unit: str, lang: str) -> str:
    """A figure without hedge: a count with separators, a share as a percent with the decimals it was given."""
    if _missing(value):
        return "—"
    if unit == "percent":
        return percent(value, lang)
    if unit == "ratio":
        return t("inc.times", lang, n=fmt.number(value, lang, digits=_decimals(value)))
    return fmt.number(value, lang, digits=_decimals(value))


def _decimals(value) -> int:
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def percent(value, lang: str) -> str:
    """A share stored 0-100 with the decimals it was published with: 8.4 -> 8.4%, 25 -> 25%."""
    return fmt.percent(Decimal(repr(float(value))) / 100, lang, digits=_decimals(value))


def hedged(figure: str, approx: bool, qualifier, lang: str) -> str:
    """The figure with the source's own hedge in the reader's language: 'about 4,000', 'more than 100,000'."""
    if not approx:
        return figure
    key = QUALIFIERS.get(text(qualifier).strip().lower())
    return t(key, lang, value=figure) if key else f"~{figure}"


def value_text(row, lang: str) -> str:
    return hedged(number(row["value"], row["unit"], lang), bool(row["approx"]), row["qualifier"], lang)


def source_words(row, lang: str) -> str:
    """'Los Angeles Times (news report)': who published a figure and what kind of source it is, in words."""
    return f"{row['publisher']} ({kind_label(row['source_kind'], lang)})"


def hover(row, lang: str, head: str | None = None) -> str:
    """A point's or bar's hover: value and period, the series, when it was reported, the source and its kind."""
    lines = [f"<b>{head or value_text(row, lang)}</b> · {period_text(row, lang)}", label(row, lang)]
    if text(row.get("reported_on")):
        lines.append(t("inc.reported", lang, date=partial_date(row["reported_on"], lang)))
    lines.append(source_words(row, lang))
    return "<br>".join(html_text(x) for x in lines)


def html_text(value: str) -> str:
    """Plotly reads a little HTML in hover text: keep data text as text (only our <b> and <br> are markup)."""
    return (
        str(value)
        .replace("<b>", "\x01")
        .replace("</b>", "\x02")
        .replace("<", "&lt;")
        .replace("\x01", "<b>")
        .replace("\x02", "</b>")
    )


# ------------------------------------------------------------------------------------------- over time


def time_points(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One series' full-year and part-year figures as chart points: role full (the latest report of a year),
    earlier (a report a later one revised), partial (part of a year); each with its year and value as text."""
    data = rows[rows["coverage"].isin(["full_year", "partial_year"]) & rows["value"].notna()].copy()
    out = []
    for _, r in data.iterrows():
        year = r["school_year"]
        value = value_text(r, lang)
        if r["coverage"] == "partial_year":
            role = "partial"
            part = t("inc.point.to", lang, date=short_date(r["as_of"], lang)) if not _missing(r["as_of"]) else ""
            words = [year, part, value] if part else [year, t("inc.point.part", lang), value]
        else:
            same = data[(data["school_year"] == year) & (data["coverage"] == "full_year")]
            latest = same.sort_values("reported_on", na_position="first").iloc[-1]["obs_id"]
            role = "full" if r["obs_id"] == latest else "earlier"
            words = [year, value]
            if len(same) > 1:
                when = partial_date(text(r["reported_on"]), lang, short=True)
                words.append(t("inc.point.reported" if role == "full" else "inc.point.first_reported", lang, date=when))
        out.append(
            {
                "obs_id": r["obs_id"],
                "series_id": r["series_id"],
                "school_year": year,
                "value": float(r["value"]),
                "role": role,
                "text": "<br>".join(html_text(w) for w in words if w),
                "hover": hover(r, lang),
                "source_id": r["source_id"],
                "locator": r["locator"],
            }
        )
    return pd.DataFrame(
        out, columns=["obs_id", "series_id", "school_year", "value", "role", "text", "hover", "source_id", "locator"]
    )


def first_month_points(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The same series' first-month figures: compared only with each other (role full: joined year to year)."""
    data = rows[(rows["coverage"] == "first_month") & rows["value"].notna()]
    return pd.DataFrame(
        [
            {
                "obs_id": r["obs_id"],
                "series_id": r["series_id"],
                "school_year": r["school_year"],
                "value": float(r["value"]),
                "role": "full",
                "text": html_text(r["school_year"]) + "<br>" + html_text(value_text(r, lang)),
                "hover": hover(r, lang),
                "source_id": r["source_id"],
                "locator": r["locator"],
            }
            for _, r in data.iterrows()
        ],
        columns=["obs_id", "series_id", "school_year", "value", "role", "text", "hover", "source_id", "locator"],
    )


def annotation_date(row, lang: str) -> str:
    precision = row["date_precision"]
    if precision == "school_year" or _missing(row["event_date"]):
        return text(row["school_year"])
    return fmt.date(_date(row["event_date"]), lang, "day" if precision == "day" else "month")


def marks(annotations: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Dated decisions for the time charts: x (the date) and the key's words ("June 30, 2020: Board cuts …")."""
    dated = annotations[annotations["event_date"].notna() & (annotations["date_precision"] != "school_year")]
    return pd.DataFrame(
        {
            "annotation_id": dated["annotation_id"],
            "x": [pd.Timestamp(d) for d in dated["event_date"]],
            "key_text": [
                f"{annotation_date(r, lang)}: {r['label_es'] if lang == 'es' else r['label_en']}"
                for _, r in dated.iterrows()
            ],
        }
    )


def undated_marks(annotations: pd.DataFrame, lang: str) -> list[str]:
    """Decisions the sources date only to a school year: said under the charts, never drawn at an invented date."""
    rows = annotations[annotations["event_date"].isna() | (annotations["date_precision"] == "school_year")]
    return [
        t(
            "inc.time.undated_item",
            lang,
            label=r["label_es"] if lang == "es" else r["label_en"],
            year=text(r["school_year"]),
            source=source_words(r, lang),
        )
        for _, r in rows.iterrows()
    ]


def missing_years(rows: pd.DataFrame) -> list[str]:
    """School years between a series' first and last full-year figure that have none."""
    years = sorted({int(y[:4]) for y in rows.loc[rows["coverage"] == "full_year", "school_year"].dropna()})
    if not years:
        return []
    return [f"{s}-{(s + 1) % 100:02d}" for s in range(years[0], years[-1] + 1) if s not in years]


def time_alt(rows: pd.DataFrame, marks_frame: pd.DataFrame, lang: str) -> str:
    """The time chart's text alternative: every figure with its period and report date, the gaps and the marks."""
    items = []
    for _, r in rows[rows["value"].notna()].iterrows():
        item = f"{period_text(r, lang)}: {value_text(r, lang)}"
        if text(r["reported_on"]) and (rows["school_year"] == r["school_year"]).sum() > 1:
            item += " (" + t("inc.reported", lang, date=partial_date(r["reported_on"], lang)) + ")"
        items.append(item)
    gaps = missing_years(rows)
    return t(
        "inc.time.alt",
        lang,
        what=label(rows.iloc[0], lang),
        items="; ".join(items),
        gaps=", ".join(gaps) if gaps else "—",
        marks="; ".join(marks_frame["key_text"]) if len(marks_frame) else "—",
    )


# ------------------------------------------------------------------------------------------- bars in panels


BAR_COLUMNS = [
    "panel", "panel_title", "category", "trace", "colour", "value", "text", "style", "hover", "series_id", "scale"
]  # fmt: skip


def bar(panel, panel_title, category, row, lang: str, *, trace=None, colour="#0072B2", text_value=None, hollow=None):
    """One bar of charts.panel_bars from a figure row: labelled with its (hedged) value; hollow for part of a
    period (a part-year or part-calendar-year figure)."""
    if hollow is None:
        hollow = row["coverage"] in ("partial_year", "partial_calendar_year", "first_month")
    return {
        "panel": panel,
        "panel_title": panel_title,
        "category": category,
        "trace": trace or row["series_id"],
        "colour": colour,
        "value": float(row["value"]) if not _missing(row["value"]) else float("nan"),
        "text": html_text(text_value or value_text(row, lang)),
        "style": "hollow" if hollow else "solid",
        "hover": hover(row, lang),
        "series_id": row["series_id"],
        "scale": scale_of(row),
    }


def scale_of(row) -> str:
    """Bars drawn to one scale: shares with shares, counts of schools apart, every other count together."""
    if row["unit"] == "percent":
        return "percent"
    return "schools" if row["unit"] == "schools" else "count"


def bars_alt(bars: pd.DataFrame, title: str, lang: str) -> str:
    parts = []
    for panel_title, part in bars.groupby("panel_title", sort=False):
        items = ", ".join(f"{c}: {x}".replace("<br>", " ") for c, x in zip(part["category"], part["text"]))
        parts.append(f"{panel_title.replace('<br>', ' ')} — {items}")
    return t("inc.bars.alt", lang, title=title, items="; ".join(parts))


# ------------------------------------------------------------------------------------------- tables behind charts


def figures_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every figure a chart or list uses, as published: series, group, period, value and hedge, coverage, when it
    was reported, the source and its kind, where in the source, and the data's own English words."""
    return pd.DataFrame(
        {
            t("inc.col.figure", lang): [label(r, lang) for _, r in rows.iterrows()],
            t("inc.col.group", lang): [group_label(r["group_key"], lang) for _, r in rows.iterrows()],
            t("inc.col.period", lang): [period_text(r, lang) for _, r in rows.iterrows()],
            t("inc.col.value", lang): [
                value_text(r, lang) if not _missing(r["value"]) else t("inc.not_available", lang)
                for _, r in rows.iterrows()
            ],
            t("inc.col.coverage", lang): [t(f"inc.coverage.{c}", lang) for c in rows["coverage"]],
            t("inc.col.reported", lang): [partial_date(text(r), lang) for r in rows["reported_on"]],
            t("col.source", lang): [f"{r['publisher']}, “{r['title']}”" for _, r in rows.iterrows()],
            t("inc.col.kind", lang): [kind_label(k, lang) for k in rows["source_kind"]],
            t("col.locator", lang): rows["locator"],
            t("inc.col.period_words", lang): localized(rows, "period", lang).fillna(""),
            t("inc.col.note", lang): localized(rows, "note", lang).fillna(""),
        }
    )


GROUP_KEYS = {
    "elementary", "middle", "high", "rifles_shotguns", "knives_daggers", "handguns", "guns", "knives", "battery",
    "aggravated_assault", "arson", "black", "white", "latinx", "hispanic_male", "hispanic_female", "other", "all",
}  # fmt: skip


def group_label(key, lang: str) -> str:
    """A group's name: school levels, weapon and item types, offences, groups of students in the reader's language;
    Local Districts keep their published names (Central, East)."""
    if _missing(key):
        return ""
    return t(f"inc.group.{key}", lang) if key in GROUP_KEYS else str(key)


# ------------------------------------------------------------------------------------------- disparities


def group_in_sentence(key, lang: str) -> str:
    """A group's name inside a sentence: Spanish lower-cases it ("estudiantes afroamericanos"); English keeps
    "Black students"."""
    name = group_label(key, lang)
    return name[:1].lower() + name[1:] if lang == "es" else name


def disparity_period(row, lang: str) -> str:
    if text(row["school_year"]):
        return row["school_year"]
    start, end = text(row["period_start"]), text(row["period_end"])
    if start and end and start != end:
        return f"{start[:4]}–{end[:4]}"
    if start:
        return t("inc.disp.year_unstated", lang, year=start[:4])
    return t("inc.disp.no_year", lang, date=partial_date(text(row["reported_on"]), lang))


def _share_of(row, prefix: str) -> disparity.Share | None:
    value = row[f"{prefix}_share"]
    if _missing(value):
        return None
    return disparity.share(value, bool(row[f"{prefix}_approx"]), text(row[f"{prefix}_qualifier"]) or None)


def share_text(row, prefix: str, lang: str) -> str:
    value = row[f"{prefix}_share"]
    if _missing(value):
        return t("common.not_published", lang)
    return hedged(percent(value, lang), bool(row[f"{prefix}_approx"]), row[f"{prefix}_qualifier"], lang)


def disparity_ratio(row) -> disparity.Ratio | None:
    """The row's ratio, exact (components/domain/disparity.py); None when either share is missing or a bound."""
    action, enrollment = _share_of(row, "action"), _share_of(row, "enrollment")
    if action is None or enrollment is None:
        return None
    return disparity.ratio(action, enrollment)


def ratio_number(r: disparity.Ratio, lang: str) -> str:
    shown = r.shown.normalize()
    digits = max(0, -shown.as_tuple().exponent)
    return fmt.number(shown, lang, digits=digits)


def ratio_sentence(row, lang: str) -> str:
    """'25% of arrests ÷ 8% of students ≈ 3.1 times their share', with the source's hedges in words, or why no
    ratio can be given."""
    action = t(f"inc.disp.action_short.{row['action']}", lang)
    r = disparity_ratio(row)
    left = t(
        "inc.disp.formula",
        lang,
        action_share=share_text(row, "action", lang),
        action=action,
        enrollment_share=share_text(row, "enrollment", lang),
    )
    if r is None:
        return left + " " + t("inc.disp.no_ratio", lang)
    if r.relation in ("=", "≈"):
        result = t(
            "inc.disp.result_exact" if r.relation == "=" else "inc.disp.result_rounded", lang, n=ratio_number(r, lang)
        )
    elif r.relation == ">":
        result = t("inc.disp.result_more", lang, n=ratio_number(r, lang), exact=_quotient(row, r, lang))
    elif r.relation == "<":
        result = t("inc.disp.result_less", lang, n=ratio_number(r, lang), exact=_quotient(row, r, lang))
    else:
        result = t("inc.disp.result_about", lang, n=ratio_number(r, lang))
    return f"{left} {result}"


def _quotient(row, r: disparity.Ratio, lang: str) -> str:
    """'25 ÷ 9 = 2.78': the bound's own quotient to two decimals, so a reader can check the arithmetic."""
    value = Decimal(r.exact.numerator) / Decimal(r.exact.denominator)
    a = number(row["action_share"], "count", lang)
    e = number(row["enrollment_share"], "count", lang)
    return f"{a} ÷ {e} = {fmt.number(value.quantize(Decimal('0.01')), lang, digits=2)}"


def disparity_key(row) -> tuple:
    """Rows shown together: one source, one period, one kind of police action."""
    return (row["source_id"], disparity_period(row, "en"), row["action"])


def disparity_bars(frame: pd.DataFrame, lang: str, enrollment_colour: str, action_colour: str) -> pd.DataFrame:
    """Per source, period and action (a panel), each group's share of enrollment beside its share of the action;
    a share the source did not publish is said, not drawn; a hedged share is hollow and says its hedge."""
    out = []
    for panel, (_, part) in enumerate(frame.groupby(frame.apply(disparity_key, axis=1), sort=False)):
        first = part.iloc[0]
        title = t(
            "inc.disp.panel",
            lang,
            source=source_words(first, lang),
            period=disparity_period(first, lang),
            action=t(f"inc.disp.action.{first['action']}", lang),
        )
        for _, r in part.iterrows():
            group = group_label(r["group_key"], lang)
            for prefix, colour, key_words in (
                ("enrollment", enrollment_colour, "inc.disp.bar_enrollment"),
                ("action", action_colour, "inc.disp.bar_action"),
            ):
                value = r[f"{prefix}_share"]
                words = t(
                    key_words,
                    lang,
                    share=share_text(r, prefix, lang),
                    action=t(f"inc.disp.action_bar.{r['action']}", lang),
                )
                out.append(
                    {
                        "panel": panel,
                        "panel_title": title,
                        "category": group,
                        "trace": prefix,
                        "colour": colour,
                        "value": float(value) if not _missing(value) else float("nan"),
                        "text": html_text(words),
                        "style": "hollow" if bool(r[f"{prefix}_approx"]) else "solid",
                        "hover": html_text(f"{group} · {disparity_period(r, lang)}")
                        + "<br>"
                        + html_text(words)
                        + "<br>"
                        + html_text(source_words(r, lang)),
                        "series_id": f"disparity:{r['source_id']}:{r['action']}:{prefix}",
                        "scale": "percent",
                    }
                )
    return pd.DataFrame(out, columns=BAR_COLUMNS)


def disparity_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("inc.col.group", lang): [group_label(g, lang) for g in frame["group_key"]],
            t("inc.col.period", lang): [disparity_period(r, lang) for _, r in frame.iterrows()],
            t("inc.col.action", lang): [t(f"inc.disp.action.{a}", lang) for a in frame["action"]],
            t("inc.col.enrollment_share", lang): [share_text(r, "enrollment", lang) for _, r in frame.iterrows()],
            t("inc.col.action_share", lang): [share_text(r, "action", lang) for _, r in frame.iterrows()],
            t("inc.col.ratio", lang): [ratio_sentence(r, lang) for _, r in frame.iterrows()],
            t("col.source", lang): [f"{r['publisher']}, “{r['title']}”" for _, r in frame.iterrows()],
            t("inc.col.kind", lang): [kind_label(k, lang) for k in frame["source_kind"]],
            t("col.locator", lang): frame["locator"],
            t("inc.col.period_words", lang): localized(frame, "period", lang).fillna(""),
            t("inc.col.note", lang): localized(frame, "note", lang).fillna(""),
        }
    )


# ------------------------------------------------------------------------------------------- students' answers


def students_words(group: str, level: str, lang: str) -> str:
    """'all students' / 'Black students, all school levels' / 'all students, High school'."""
    who = t("inc.climate.all_students", lang) if group == "all" else group_label(group, lang)
    if level == "all":
        return who if group == "all" else t("inc.climate.students", lang, group=who, level=t("inc.level.all", lang))
    return t("inc.climate.students", lang, group=who, level=t(f"inc.level.{level}", lang))


def climate_bars(frame: pd.DataFrame, lang: str, colour: str) -> pd.DataFrame:
    """One panel per source, question and group of students: its answers (one level) or its levels (one answer),
    each bar labelled with its percent; the question as the source gives it, or said to be our description."""
    out = []
    item_col = "item_es" if lang == "es" else "item_en"
    groups = frame.groupby(["source_id", item_col, "student_group"], sort=False)
    for panel, ((source, item, group), part) in enumerate(groups):
        head = part.iloc[0]
        one_level = part["school_level"].nunique() == 1
        wording = t(
            "inc.climate.quoted" if head["item_basis"] == "quoted" else "inc.climate.described", lang, item=item
        )
        title = t(
            "inc.climate.panel",
            lang,
            year=head["school_year"],
            students=students_words(group, head["school_level"] if one_level else "all", lang),
            item=wording,
            source=source_words(head, lang),
        )
        for _, r in part.iterrows():
            category = (
                t(f"inc.climate.response.{r['response']}", lang) if one_level else group_label(r["school_level"], lang)
            )
            value = hedged(percent(r["value"], lang), bool(r["approx"]), r["qualifier"], lang)
            out.append(
                {
                    "panel": panel,
                    "panel_title": title,
                    "category": "<br>".join(textwrap.wrap(category, 20)),
                    "trace": source,
                    "colour": colour,
                    "value": float(r["value"]),
                    "text": value,
                    "style": "solid",
                    "hover": html_text(f"{r['school_year']} · {category}: {value}")
                    + "<br>"
                    + html_text(source_words(r, lang)),
                    "series_id": f"climate:{source}:{r['survey']}:{group}",
                    "scale": "percent",
                }
            )
    return pd.DataFrame(out, columns=BAR_COLUMNS)


def climate_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("inc.col.year", lang): frame["school_year"],
            t("inc.col.item", lang): frame["item_es" if lang == "es" else "item_en"],
            t("inc.col.item_basis", lang): [t(f"inc.climate.basis.{b}", lang) for b in frame["item_basis"]],
            t("inc.col.students", lang): [
                t("inc.climate.students", lang, group=group_label(g, lang), level=group_label(lv, lang))
                for g, lv in zip(frame["student_group"], frame["school_level"])
            ],
            t("inc.col.response", lang): [t(f"inc.climate.response.{x}", lang) for x in frame["response"]],
            t("inc.col.value", lang): [
                hedged(percent(v, lang), bool(a), q, lang)
                for v, a, q in zip(frame["value"], frame["approx"], frame["qualifier"])
            ],
            t("col.source", lang): [f"{r['publisher']}, “{r['title']}”" for _, r in frame.iterrows()],
            t("inc.col.kind", lang): [kind_label(k, lang) for k in frame["source_kind"]],
            t("col.locator", lang): frame["locator"],
            t("inc.col.note", lang): localized(frame, "note", lang).fillna(""),
        }
    )


# ------------------------------------------------------------------------------------------- deployments


def deployment_bars(frame: pd.DataFrame, label_column: str, panel_title: str, series: str, lang: str) -> pd.DataFrame:
    """A year's short-term deployments per region or board district, as published (one panel)."""
    return pd.DataFrame(
        [
            {
                "panel": 0,
                "panel_title": panel_title,
                "category": str(r[label_column]),
                "trace": series,
                "colour": "#0072B2",
                "value": float(r["deployments"]),
                "text": fmt.number(r["deployments"], lang),
                "style": "solid",
                "hover": html_text(
                    t("ov.dep.hover", lang, n=fmt.number(r["deployments"], lang), share=fmt.percent(r["share"], lang))
                ),
                "series_id": series,
                "scale": "deployments",
            }
            for _, r in frame.iterrows()
        ],
        columns=BAR_COLUMNS,
    )


# ------------------------------------------------------------------------------------------- the Overview's headline


def headline(frame: pd.DataFrame) -> dict | None:
    """The latest full-year figure of one series and its change from the school year before, computed only between
    full-year rows of that series (queries/incidents_headline.sql); where a year was revised, its latest report.
    None when there is no figure; no change when the year before has none or either figure is hedged."""
    latest = frame[frame["is_latest_year"] & frame["is_latest_report"]]
    if latest.empty:
        return None
    now = latest.iloc[0]
    before = frame[~frame["is_latest_year"] & frame["is_latest_report"]]
    out = {"row": now, "before": None, "revised": False, "change": None, "change_pct": None}
    if not before.empty and not bool(now["approx"]) and not bool(before.iloc[0]["approx"]):
        prev = before.iloc[0]
        out["before"] = prev
        out["revised"] = int(prev["reports_for_year"]) > 1
        out["change"] = Decimal(repr(float(now["value"]))) - Decimal(repr(float(prev["value"])))
        out["change_pct"] = out["change"] / Decimal(repr(float(prev["value"])))
    return out


def headline_texts(frame: pd.DataFrame, lang: str) -> dict | None:
    """The Overview's incident headline as words: label, value, the change line and the help text (markdown-safe
    apart from the values, which the caller escapes through md_escape in the catalog's placeholders)."""
    h = headline(frame)
    if h is None:
        return None
    now, prev = h["row"], h["before"]
    out = {
        "label": t("ov.m.incidents", lang, year=now["school_year"]),
        "value": value_text(now, lang),
        "delta": None,
        "help": t("ov.m.incidents_help", lang, what=label(now, lang), source=source_words(now, lang)),
    }
    if prev is not None:
        out["delta"] = t(
            "ov.m.incidents_delta",
            lang,
            change=signed(h["change"], lang),
            pct=signed(h["change_pct"], lang, percent_digits=1),
            year=prev["school_year"],
        )
        revised = t("ov.m.incidents_revised", lang, date=month_year(prev["reported_on"], lang)) if h["revised"] else ""
        out["help"] = t(
            "ov.m.incidents_help_change",
            lang,
            what=label(now, lang),
            year=prev["school_year"],
            value=value_text(prev, lang),
            revised=revised,
            source=source_words(now, lang),
        )
    return out


def signed(value: Decimal, lang: str, percent_digits: int | None = None) -> str:
    """+1,670 / −3.2% (a true minus sign)."""
    sign = "+" if value > 0 else ("−" if value < 0 else "±")
    body = (
        fmt.percent(abs(value), lang, digits=percent_digits)
        if percent_digits is not None
        else fmt.number(abs(value), lang)
    )
    return sign + body


# ------------------------------------------------------------------------------------------- staff import


def import_by_school(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """District-supplied counts by school and category, with whether the CDS code is in the 2018 state directory."""
    return pd.DataFrame(
        {
            t("inc.imp.col.school", lang): frame["school"],
            t("inc.imp.col.cds", lang): frame["cds_code"].fillna(""),
            t("inc.imp.col.directory", lang): [
                (text(n) or t("inc.imp.directory_no", lang)) if text(c) else t("inc.imp.no_cds", lang)
                for n, c in zip(frame["directory_name"], frame["cds_code"])
            ],
            t("inc.imp.col.category", lang): [t(f"inc.cat.{c}", lang) for c in frame["category"]],
            t("inc.imp.col.count", lang): frame["incidents"].astype(int),
            t("inc.imp.col.first", lang): [fmt.date(d, lang) for d in frame["first_date"]],
            t("inc.imp.col.last", lang): [fmt.date(d, lang) for d in frame["last_date"]],
        }
    )


def import_bars(frame: pd.DataFrame, title: str, lang: str) -> pd.DataFrame:
    """District-supplied counts by category (one panel: one import, one count)."""
    return pd.DataFrame(
        [
            {
                "panel": 0,
                "panel_title": title,
                "category": t(f"inc.cat.{r['category']}", lang),
                "trace": "import",
                "colour": "#009E73",
                "value": float(r["incidents"]),
                "text": fmt.number(r["incidents"], lang),
                "style": "solid",
                "hover": html_text(
                    t("inc.imp.hover", lang, n=fmt.number(r["incidents"], lang), schools=fmt.number(r["schools"], lang))
                ),
                "series_id": "campus_incidents_import",
                "scale": "count",
            }
            for _, r in frame.iterrows()
        ],
        columns=BAR_COLUMNS,
    )
