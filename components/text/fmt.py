"""Numbers, money, shares and dates formatted for the reader's language by Babel (CLDR data), not by hand."""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_compact_currency, format_currency, format_decimal, format_percent

# US Spanish keeps US digit grouping and the $ sign, which is what LA readers expect on a US-dollar budget.
LOCALES = {"en": "en_US", "es": "es_US"}


def _locale(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["en"])


def is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(math.isnan(value))
    except TypeError:
        return False


def money(value, lang: str = "en", compact: bool = False) -> str:
    """Whole dollars ($346,131,854), or compact ($346.1M) for headlines."""
    if is_missing(value):
        return "—"
    if compact:
        return format_compact_currency(Decimal(str(value)), "USD", locale=_locale(lang), fraction_digits=1)
    return format_currency(Decimal(str(value)), "USD", format="¤#,##0", locale=_locale(lang), currency_digits=False)


def number(value, lang: str = "en", digits: int = 0) -> str:
    if is_missing(value):
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(Decimal(str(value)), format=pattern, locale=_locale(lang))


def percent(share, lang: str = "en", digits: int = 1) -> str:
    """A share given as a fraction (0.1285 -> 12.9%)."""
    if is_missing(share):
        return "—"
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "%"
    return format_percent(Decimal(str(share)), format=pattern, locale=_locale(lang))


def date(value, lang: str = "en", precision: str = "day") -> str:
    if value is None:
        return "—"
    if hasattr(value, "date") and not isinstance(value, dt.date):
        value = value.date()
    if isinstance(value, dt.datetime):
        value = value.date()
    fmt = "long" if precision == "day" else "MMMM y"
    return format_date(value, format=fmt, locale=_locale(lang))


def text_or_empty(value) -> str:
    """A text cell as it is, or '' for a missing one."""
    return value if isinstance(value, str) else ""


def value_text(value, unit: str, lang: str = "en", compact: bool = False) -> str:
    """A figure as the reader reads it: dollars, a share (stored 0–100), or a count."""
    if unit == "usd":
        return money(value, lang, compact=compact)
    if unit == "percent":
        return percent(float(value) / 100, lang, digits=0)
    return number(value, lang)
