"""CSV exports that carry their citations and, on every row, that row's sources; cells cannot run as spreadsheet
formulas."""

from __future__ import annotations

import csv
import io

import pandas as pd

from components.i18n import t
from components.text.localized import localized

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value):
    """Prefix text that a spreadsheet would run as a formula with an apostrophe (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame, citation_lines: list[str]) -> bytes:
    """The table as UTF-8 CSV, followed by a blank line and one '# ' line per citation."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([neutralize(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False):
        writer.writerow(["" if pd.isna(v) else neutralize(v) for v in row])
    writer.writerow([])
    for line in citation_lines:
        writer.writerow([neutralize("# " + line)])
    return out.getvalue().encode("utf-8")


SOURCE_HEADERS = ("export.col.title", "export.col.publisher", "export.col.published", "export.col.link")


def source_link(source: dict, lang: str = "en") -> str:
    """Where a reader finds a source: its URL; else the part of the address the research gives; else, for a
    shared document without a public address, its title — never an internal file name."""
    if isinstance(source.get("url"), str) and source["url"]:
        return source["url"]
    if isinstance(source.get("reference"), str) and source["reference"]:
        return t("export.link.partial", lang, reference=source["reference"])
    return t("export.link.document", lang, title=localized(source, "title", lang))


def source_columns(
    ids_per_row: list[tuple[str, ...]],
    sources: pd.DataFrame,
    lang: str = "en",
    unpublished: tuple[str, str, str, str] | None = None,
) -> pd.DataFrame:
    """Four columns naming every row's sources (title, publisher, date published, link), headed in the reader's
    language; a row drawn from several documents names each, joined by ' | '. `unpublished`: the four cells for
    rows with no published source (staff-imported records)."""
    by_id = {r["source_id"]: r for r in sources.to_dict("records")}
    cells: list[list[str]] = []
    for ids in ids_per_row:
        found = [by_id[i] for i in ids if i in by_id]
        if not found and unpublished is not None:
            cells.append(list(unpublished))
            continue
        cells.append(
            [
                " | ".join(localized(s, "title", lang) for s in found),
                " | ".join(s["publisher"] for s in found),
                " | ".join(
                    s["published"] if isinstance(s["published"], str) else t("export.undated", lang) for s in found
                ),
                " | ".join(source_link(s, lang) for s in found),
            ]
        )
    return pd.DataFrame(cells, columns=[t(h, lang) for h in SOURCE_HEADERS], dtype=object)
