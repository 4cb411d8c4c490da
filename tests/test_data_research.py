"""A reader for the research fact tables in ../shared/sources/research, and checks that it reads them whole.

Other data tests import `research_rows`, `rows_citing` and `numbers_in` from here to check a CSV row against the
research row of its source: the research tables carry each figure's URL, value and a verbatim snippet.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal

from tests.conftest import SHARED

RESEARCH_FILES = ("facts_budget.md", "facts_geo.md", "facts_2024_2026.md")
_SPLIT = re.compile(r"(?<!\\)\|")


def _key(header: str) -> str:
    h = header.strip().lower()
    if "snippet" in h:
        return "snippet"
    if h.startswith("source"):
        return "source"
    if h.startswith("mirror"):
        return "flag"
    return h


@functools.cache
def research_rows(name: str | None = None) -> tuple[dict, ...]:
    """Every data row of every markdown table, as {column: cell} plus '_file' and '_section' (the heading)."""
    rows: list[dict] = []
    for file in (name,) if name else RESEARCH_FILES:
        path = SHARED / "research" / file
        assert path.exists(), f"{path} missing (../shared must sit beside the repo)"
        section, header, previous = "", None, ""
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                section, header = line.lstrip("#").strip(), None
            elif line.startswith("|"):
                cells = [c.strip().replace("\\|", "|") for c in _SPLIT.split(line.strip())[1:-1]]
                if not previous.startswith("|"):
                    header = [_key(c) for c in cells]
                elif set("".join(cells)) <= set("-: "):
                    pass
                elif header:
                    rows.append({**dict(zip(header, cells)), "_file": file, "_section": section})
            else:
                header = None if line.strip() else header
            previous = line
    return tuple(rows)


def row_by_id(row_id: str) -> dict:
    """A row of facts_2024_2026.md by its id (L1, S3, B10, ...)."""
    found = [r for r in research_rows("facts_2024_2026.md") if r.get("#") == row_id]
    assert len(found) == 1, f"research row {row_id}: {len(found)} found"
    return found[0]


def _address(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).rstrip("/")


def rows_citing(source: dict) -> list[dict]:
    """Research rows whose source cell names this source (by URL without scheme, document file or reference)."""
    keys = [
        k
        for k in (
            _address(source["url"]) if source.get("url") else "",
            source.get("document_file") or "",
            source.get("reference") or "",
        )
        if k
    ]
    out = []
    for row in research_rows():
        cell = row.get("source", "") + " " + row.get("sources + snippets", "")
        cell = re.sub(r"https?://(www\.)?", "", cell)
        if any(re.search(re.escape(k) + r"(?![\w-])", cell) for k in keys):  # budget-cut is not budget-cuts
            out.append(row)
    return out


def numbers_in(text: str) -> set[Decimal]:
    found = set()
    for m in re.finditer(r"\d[\d,]*(?:\.\d+)?", text):
        try:
            found.add(Decimal(m.group(0).replace(",", "")))
        except ArithmeticError:
            continue
    return found


def value_in(value: Decimal, text: str) -> bool:
    """The value appears in the text as written, in millions or in billions."""
    value = abs(Decimal(value))
    candidates = {value, value / Decimal(1_000_000), value / Decimal(1_000_000_000)}
    return any(c.normalize() == n.normalize() for c in candidates for n in numbers_in(text))


# ------------------------------------------------------------------------------------------- the reader reads all


def test_second_round_tables_are_read_whole():
    ids = [r["#"] for r in research_rows("facts_2024_2026.md") if "#" in r]
    assert [i for i in ids if i.startswith("L")] == [f"L{n}" for n in range(1, 13)]
    assert [i for i in ids if i.startswith("S")] == [f"S{n}" for n in range(1, 5)]
    assert [i for i in ids if i.startswith("B")] == [f"B{n}" for n in range(1, 16)]
    assert "held flat" in row_by_id("L5")["value"]
    assert row_by_id("L8")["snippet"].startswith('"Deputy Chief 1')


def test_budget_catalogue_section_one_has_its_59_rows():
    section = [r for r in research_rows("facts_budget.md") if r["_section"].startswith("1. LASPD budget")]
    assert len(section) == 59
    assert all(r["snippet"].startswith('"') for r in section)


def test_rows_citing_finds_a_source_by_url_and_by_document():
    by_url = rows_citing({"url": "https://laist.com/news/lausd-school-police-budget-cuts"})
    assert by_url and all("laist.com/news/lausd-school-police-budget-cuts" in r["source"] for r in by_url)
    june = rows_citing({"url": "https://laist.com/news/lausd-school-police-budget-cut"})
    assert june and not any("budget-cuts" in r["source"] for r in june)
    by_doc = rows_citing({"document_file": "002_94dd27a37a6f2334.txt"})
    assert any("Sworn Peace Officers" in r["snippet"] for r in by_doc)
