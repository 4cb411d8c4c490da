"""Issue 18, class 3: one hardened reader (data/intake.py) for every upload and import.

Hostile inputs, generated here: links (to /dev/zero, to a real file), a named pipe, a folder, a device, a huge file,
too many rows, a slow check, the text rules in the campus-records import (which had none), impossible dates, a
5,000-digit GeoJSON number, a 1,000,000-vertex boundary file, degenerate rings, a read-only imports folder, a full
disk, and `publish` without --yes on a closed standard input. Each gets a plain message naming the file (and row and
column), no traceback and no error number, and nothing changes.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from data import import_boundaries as ib
from data import import_campus_records as ic
from data import import_roster as ir
from data import intake
from data.publish import cli
from tests.conftest import DATA, ROOT

HEADER = "date,school,board_district,region,reason,lat,lon"
GOOD = f"{HEADER}\n2024-02-01,Synthetic A,2,East,mass-school-threats,34.05,-118.25\n"
JARGON = ("Traceback", "Errno", "[Errno", "INT128", "INT64", "DECIMAL(", "Error:", "MemoryError", "RecursionError")


def plain(text: str) -> None:
    for word in JARGON:
        assert word not in text, text


@pytest.fixture
def imports(tmp_path, monkeypatch):
    folder = tmp_path / "imports"
    monkeypatch.setenv("SAFETY_IMPORTS_DIR", str(folder))
    return folder


def run_import(argv: list[str], capsys) -> tuple[int, str]:
    code = ic.main(argv)
    err = capsys.readouterr().err
    return code, err


# ------------------------------------------------------------------------------------------- what is read


def test_a_link_to_dev_zero_is_refused_at_once(tmp_path, imports, capsys):
    link = tmp_path / "records.csv"
    link.symlink_to("/dev/zero")
    started = time.monotonic()
    code, err = run_import([str(link)], capsys)
    assert code == 1 and "is a link to another file" in err and time.monotonic() - started < 5
    plain(err)
    assert not imports.exists() or not list(imports.iterdir())


def test_a_link_to_a_good_file_is_refused_too(tmp_path, imports, capsys):
    real = tmp_path / "real.csv"
    real.write_text(GOOD)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    code, err = run_import([str(link)], capsys)
    assert code == 1 and "link" in err


def test_a_named_pipe_never_hangs(tmp_path, imports):
    pipe = tmp_path / "records.csv"
    os.mkfifo(pipe)
    proc = subprocess.run(
        [sys.executable, "-m", "data.import_campus_records", str(pipe)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "SAFETY_IMPORTS_DIR": str(imports)},
    )
    assert proc.returncode == 1 and "is a pipe or socket, not a file" in proc.stderr
    plain(proc.stderr)


@pytest.mark.parametrize(
    "make, words",
    [
        (lambda tmp: tmp, "is a folder, not a file"),
        (lambda tmp: Path("/dev/null"), "is a device, not a file"),
        (lambda tmp: tmp / "missing.csv", "there is no such file"),
    ],
)
def test_folders_devices_and_missing_files(tmp_path, imports, capsys, make, words):
    code, err = run_import([str(make(tmp_path))], capsys)
    assert code == 1 and words in err
    plain(err)


def test_a_60_mb_file_is_refused_without_reading_it_all(tmp_path, imports, capsys):
    big = tmp_path / "big.csv"
    with open(big, "wb") as fh:
        fh.write(GOOD.encode())
        fh.seek(60 * 1024 * 1024)
        fh.write(b"\n")
    code, err = run_import([str(big)], capsys)
    assert code == 1 and "larger than 50 MB" in err
    plain(err)


def test_too_many_rows_is_refused_with_the_limit(tmp_path, imports, capsys):
    rows = "2024-02-01,S,2,East,mass-school-threats,,\n" * (ic.MAX_ROWS + 1)
    path = tmp_path / "many.csv"
    path.write_text(HEADER + "\n" + rows)
    code, err = run_import([str(path)], capsys)
    assert code == 1 and "the limit is 100,000" in err
    plain(err)


def test_a_check_that_runs_too_long_stops_with_a_message(tmp_path, monkeypatch):
    monkeypatch.setattr(intake.Deadline, "passed", lambda self: True)
    rows = "".join(f"2024-02-01,S{i},2,East,mass-school-threats,,\n" for i in range(2_500))
    with pytest.raises(ic.RecordsError) as caught:
        ic.parse_records((HEADER + "\n" + rows).encode(), "slow.csv")
    assert "checking took longer than" in str(caught.value) and "split the file" in str(caught.value)


# ------------------------------------------------------------------------------------------- the same text rules

CAMPUS_HOSTILE = {
    "formula": ('=HYPERLINK("http://x","y")', "school", "formula"),
    "markup": ("<img src=x onerror=alert(1)>", "school", "markup"),
    "control": ("Synthetic\x07School", "school", "control character"),
    "zero-width": ("Synthetic\u200bSchool", "school", "invisible"),
    "direction": ("Synthetic \u202eloohcS", "school", "invisible"),
    "newline-in-name": ("Synthetic\nSchool", "school", "line break"),
    "reason-formula": ("@SUM(1)", "reason", "formula"),
}


@pytest.mark.parametrize("case", list(CAMPUS_HOSTILE))
def test_the_campus_import_applies_the_upload_text_rules(tmp_path, imports, capsys, case):
    value, column, words = CAMPUS_HOSTILE[case]
    row = {"date": "2024-02-01", "school": "Synthetic A", "reason": "mass-school-threats"}
    row[column] = value
    import csv
    import io

    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(HEADER.split(","))
    w.writerow([row["date"], row["school"], "2", "East", row["reason"], "", ""])
    path = tmp_path / "hostile.csv"
    path.write_text(out.getvalue())
    code, err = run_import([str(path)], capsys)
    assert code == 1 and words in err and f"column '{column}'" in err and "row 1" in err, err
    plain(err)


@pytest.mark.parametrize(
    "date, words",
    [
        ("1000-01-01", "outside the dates allowed"),
        ("9999-12-31", "outside the dates allowed"),
        ("2999-01-01", "outside"),
    ],
)
def test_impossible_campus_dates_are_refused(tmp_path, imports, capsys, date, words):
    path = tmp_path / "dates.csv"
    path.write_text(f"{HEADER}\n{date},Synthetic A,2,East,mass-school-threats,,\n")
    code, err = run_import([str(path)], capsys)
    assert code == 1 and words in err and "column 'date'" in err


def test_the_roster_refuses_a_link_and_applies_the_rules(tmp_path):
    real = tmp_path / "roster.csv"
    real.write_text(
        "school,board_district,region,provider,start_date,end_date,status\nS,1,South,P,1000-01-01,,running\n"
    )
    with pytest.raises(ir.RosterError, match="outside the dates allowed"):
        ir.import_roster(real, tmp_path / "r.duckdb")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with pytest.raises(ir.RosterError, match="link"):
        ir.import_roster(link, tmp_path / "r.duckdb")


# ------------------------------------------------------------------------------------------- GeoJSON


def square(lon: float, lat: float, size: float = 0.01, extra: int = 0) -> list:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size]]
    ring += [[lon, lat + size * (1 - i / (extra + 1))] for i in range(1, extra + 1)]
    return [ring + [[lon, lat]]]


def layer(polygons: dict[str, list]) -> str:
    return json.dumps(
        {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "properties": {"Region": k}, "geometry": {"type": "Polygon", "coordinates": v}}
                for k, v in polygons.items()
            ],
        }
    )


def regions(**override) -> dict[str, list]:
    base = {r: square(-118.4 + i * 0.05, 34.0) for i, r in enumerate(("North", "East", "South", "West"))}
    base.update(override)
    return base


def import_regions(tmp_path, text: str, capsys) -> tuple[int, str]:
    path = tmp_path / "regions.geojson"
    path.write_text(text)
    code = ib.main(["--regions", str(path), "--db", str(tmp_path / "b.duckdb")])
    return code, capsys.readouterr().err


def test_a_million_vertex_layer_is_refused_stating_the_limit(tmp_path, capsys):
    code, err = import_regions(tmp_path, layer(regions(North=square(-118.4, 34.0, 0.01, extra=1_000_000))), capsys)
    assert code == 1 and "more than 100,000 coordinate pairs" in err and "limit" in err
    plain(err)


def test_a_5000_digit_number_is_refused(tmp_path, capsys):
    text = layer(regions()).replace("34.0]", "3" + "4" * 4999 + "]", 1)
    code, err = import_regions(tmp_path, text, capsys)
    assert code == 1 and "5,000 digits" in err
    plain(err)


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "1e999"])
def test_non_numbers_in_geojson_are_refused(tmp_path, capsys, literal):
    text = layer(regions()).replace("34.0]", f"{literal}]", 1)
    code, err = import_regions(tmp_path, text, capsys)
    assert code == 1 and "nothing was changed" in err
    plain(err)


def test_a_ring_without_area_is_refused(tmp_path, capsys):
    flat = [[[-118.4, 34.0], [-118.3, 34.0], [-118.2, 34.0], [-118.4, 34.0]]]
    code, err = import_regions(tmp_path, layer(regions(East=flat)), capsys)
    assert code == 1 and "no area" in err


# ------------------------------------------------------------------------------------------- where it is written


@pytest.fixture
def read_only_folder(tmp_path):
    """A folder nothing can be written in, not even by root: the immutable flag (ext4, as root)."""
    folder = tmp_path / "imports"
    folder.mkdir()
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (needs root on ext4)")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_a_read_only_imports_folder_is_said_plainly(tmp_path, read_only_folder, capsys):
    good = tmp_path / "good.csv"
    good.write_text(GOOD)
    code = ic.main([str(good), "--db", str(read_only_folder / "campus_deployments.duckdb")])
    err = capsys.readouterr().err
    assert code == 1 and "read-only" in err and "nothing was changed" in err, err
    plain(err)
    roster = tmp_path / "roster.csv"
    roster.write_text(
        "school,board_district,region,provider,start_date,end_date,status\nS,1,South,P,2023-01-01,,running\n"
    )
    assert ir.main([str(roster), "--db", str(read_only_folder / "roster.duckdb")]) == 1
    err = capsys.readouterr().err
    assert "read-only" in err
    plain(err)


def test_a_full_disk_is_said_plainly_and_leaves_nothing(tmp_path, monkeypatch, capsys):
    good = tmp_path / "good.csv"
    good.write_text(GOOD)
    target = tmp_path / "imports" / "campus_deployments.duckdb"
    target.parent.mkdir()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code = ic.main([str(good), "--db", str(target)])
    err = capsys.readouterr().err
    assert code == 1 and "the disk is full" in err
    plain(err)
    assert list(target.parent.iterdir()) == []  # no temporary file left


@pytest.mark.slow  # a crash, a kill or another process (pytest.ini)
def test_a_full_disk_during_publish_is_said_plainly(tmp_path, monkeypatch, capsys):
    import shutil

    from data.build import build

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history"))
    db = tmp_path / "safety.duckdb"
    build(data, db)
    upload = tmp_path / "next.csv"
    upload.write_text(
        "school_year,region,deployments,source_id,locator\n2024-25,East,9,lausd-2024-04-09-safety-updates,x\n"
    )
    before = db.read_bytes()

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    code = cli.main(
        [
            "--data-dir",
            str(data),
            "--db",
            str(db),
            "publish",
            "deployments_by_region",
            str(upload),
            "--mode",
            "upsert",
            "--who",
            "t",
            "--yes",
        ]
    )
    err = capsys.readouterr().err
    monkeypatch.undo()
    assert code == 1 and ("disk is full" in err or "no space left" in err), err
    plain(err)
    assert db.read_bytes() == before


@pytest.mark.slow  # a crash, a kill or another process (pytest.ini)
def test_publish_without_yes_on_a_closed_stdin(tmp_path):
    import shutil

    from data.build import build

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history"))
    db = tmp_path / "safety.duckdb"
    build(data, db)
    upload = tmp_path / "next.csv"
    upload.write_text(
        "school_year,region,deployments,source_id,locator\n2024-25,East,9,lausd-2024-04-09-safety-updates,x\n"
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "data.publish",
            "--data-dir",
            str(data),
            "--db",
            str(db),
            "publish",
            "deployments_by_region",
            str(upload),
            "--mode",
            "upsert",
            "--who",
            "t",
        ],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1 and "no answer" in proc.stderr and "--yes" in proc.stderr
    plain(proc.stderr)
    assert not (data / "history").exists()


def test_publish_refuses_a_link_and_a_folder_plainly(tmp_path, capsys):
    link = tmp_path / "next.csv"
    link.symlink_to("/dev/zero")
    assert cli.main(["publish", "deployments_by_region", str(link), "--who", "t", "--yes"]) == 1
    assert "link" in capsys.readouterr().err
    assert cli.main(["check", "deployments_by_region", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "is a folder" in err
    plain(err)
