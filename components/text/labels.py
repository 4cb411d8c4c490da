"""How an area is named: a board district ("Board District 3", short "BD 3") or a region (its published name, or
in Spanish the name data/regions.csv gives it: `names`, from components/views/names.py)."""

from __future__ import annotations

from collections.abc import Mapping

from components.i18n import t


def group_label(kind: str, key, lang: str = "en", names: Mapping[str, str] | None = None) -> str:
    """'Board District 3' / 'Distrito 3 de la junta'; a region by `names` (the reader's language), else its key."""
    if kind == "board_district":
        return t("filter.bd_n", lang, n=int(key))
    return (names or {}).get(str(key), str(key))


def short_label(kind: str, key, lang: str = "en", names: Mapping[str, str] | None = None) -> str:
    if kind == "board_district":
        return t("ov.dep.bd_label", lang, n=int(key))
    return (names or {}).get(str(key), str(key))


def next_school_year(school_year: str) -> str:
    """The school year after one written like the data writes them ("YYYY-YY"): the next July to June."""
    start = int(school_year[:4]) + 1
    return f"{start}-{(start + 1) % 100:02d}"
