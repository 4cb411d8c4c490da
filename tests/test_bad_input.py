"""Broken CSV files get a plain message naming the file (and row and column), never a traceback."""

from __future__ import annotations

import pytest

from data.build import build
from data.problems import BuildError


def _write(path, data: bytes) -> None:
    path.write_bytes(data)


def _header(path) -> bytes:
    return path.read_bytes().splitlines()[0]


CASES = {
    "not utf-8": (
        lambda p: _write(p, _header(p) + b"\n" + "2023-24,caf\xe9".encode("latin-1") + b"\n"),
        "is not UTF-8 text",
    ),
    "nul byte": (lambda p: _write(p, _header(p) + b"\n\x00\x00\n"), "NUL byte"),
    "empty file": (lambda p: _write(p, b""), "is empty"),
    "ragged row": (lambda p: _write(p, p.read_bytes() + b"2023-24,extra\n"), "cells but the header has"),
    "blank line": (lambda p: _write(p, p.read_bytes() + b"\n,,,,,,,,\n"), "empty line"),
    "unclosed quote": (lambda p: _write(p, p.read_bytes() + b'2023-24,"open\n'), "quote that is never closed"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_budget_file_is_explained(data_copy, tmp_path, case):
    damage, words = CASES[case]
    damage(data_copy / "budget_lines.csv")
    with pytest.raises(BuildError) as caught:
        build(data_copy, tmp_path / "out.duckdb")
    assert "data/budget_lines.csv" in str(caught.value)
    assert words in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_byte_order_mark_from_a_spreadsheet_is_accepted(data_copy, tmp_path):
    path = data_copy / "budget_lines.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    counts = build(data_copy, tmp_path / "out.duckdb")
    assert counts["budget_lines"] == 12


def test_missing_file_is_named(data_copy, tmp_path):
    (data_copy / "timeline.csv").unlink()
    with pytest.raises(BuildError, match=r"data/timeline.csv: the file is missing"):
        build(data_copy, tmp_path / "out.duckdb")


def test_many_problems_are_listed_together_up_to_a_limit(data_copy, tmp_path):
    path = data_copy / "budget_lines.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = [lines[0]] + [
        ",".join(["2023-24", f"x{i}", "X", "x", "school_site", "abc", "-", "maybe", "src", "loc"]) for i in range(40)
    ]
    path.write_text("\n".join(bad) + "\n", encoding="utf-8")
    with pytest.raises(BuildError) as caught:
        build(data_copy, tmp_path / "out.duckdb")
    assert len(caught.value.problems) == 120  # fte, budgeted_usd, approx in each of 40 rows
    assert "… and 95 more" in str(caught.value)
