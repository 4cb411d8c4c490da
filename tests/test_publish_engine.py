"""Publishing: preview, atomic publish with history, restore in one step, refusals, readers during the swap."""

from __future__ import annotations

import csv
import datetime as dt
import json
import shutil
import threading
import time
from pathlib import Path

import duckdb
import pytest

from data.build import build, fingerprint
from data.layout import PUBLISH_JOURNAL
from data.publish import PublishError, history, prepare, publish, restore, restore_preview
from data.publish.cli import main
from data.startup import ensure_database, stored_fingerprint
from tests.conftest import DATA

TODAY = dt.date(2026, 11, 22)
SRC = "lausd-2024-04-09-safety-updates"
HEADER = "school_year,region,deployments,source_id,locator\n"


def rows_in_db(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(":memory:")
    try:
        con.execute("ATTACH $p AS db (READ_ONLY)", {"p": str(db)})
        return con.execute(sql).fetchall()
    finally:
        con.close()


def csv_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    root = tmp_path_factory.mktemp("engine")
    shutil.copytree(DATA, root / "data", ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history"))
    build(root / "data", root / "safety.duckdb")
    return root


@pytest.fixture
def site(template, tmp_path):
    """A copy of the published data with its own database, as on a server (copied: cheaper than a build)."""
    shutil.copytree(template / "data", tmp_path / "data")
    shutil.copy2(template / "safety.duckdb", tmp_path / "safety.duckdb")
    return tmp_path / "data", tmp_path / "safety.duckdb"


def next_year(east=9, north=11) -> bytes:
    return (
        HEADER + f"2024-25,East,{east},{SRC},next deck East\n2024-25,North,{north},{SRC},next deck North\n"
    ).encode()


def test_upsert_adds_next_years_rows_and_keeps_everything_else(site):
    data, db = site
    original = (data / "deployments_by_region.csv").read_bytes()
    other = {p.name: p.read_bytes() for p in data.glob("*.csv") if p.name != "deployments_by_region.csv"}
    cand = prepare("deployments_by_region", next_year(), "next.csv", "upsert", data, today=TODAY)
    assert cand.ok and cand.counts() == {"added": 2, "changed": 0, "removed": 0}
    assert [c.key for c in cand.changes] == [
        {"school_year": "2024-25", "region": "East"},
        {"school_year": "2024-25", "region": "North"},
    ]
    manifest = publish(cand, "Ana Staff", data, db, note="April deck")
    new = (data / "deployments_by_region.csv").read_bytes()
    assert new.startswith(original)  # published rows untouched, byte for byte
    assert new[len(original) :] == next_year()[len(HEADER) :]
    assert {p.name: p.read_bytes() for p in data.glob("*.csv") if p.name != "deployments_by_region.csv"} == other
    assert rows_in_db(
        db, "SELECT region, deployments FROM db.deployments_by_region WHERE school_year = '2024-25' ORDER BY region"
    ) == [("East", 9), ("North", 11)]
    assert stored_fingerprint(db) == fingerprint(data) == manifest["fingerprint"]
    assert not (data / PUBLISH_JOURNAL).exists()
    versions = history(data)
    assert [v["action"] for v in versions] == ["publish", "baseline"]
    top = versions[0]
    assert top["current"] and top["who"] == "Ana Staff" and top["table"] == "deployments_by_region"
    assert top["summary"] == {"added": 2, "changed": 0, "removed": 0} and top["note"] == "April deck"
    assert dt.datetime.fromisoformat(top["at"]).tzinfo is not None
    folder = data / "history" / top["id"]
    assert (folder / "deployments_by_region.csv").read_bytes() == new
    assert json.loads((folder / "manifest.json").read_text())["fingerprint"] == fingerprint(data)
    assert sorted(p.name for p in data.iterdir() if p.name.startswith(".")) == []


def test_replace_shows_changed_and_removed_rows(site):
    data, db = site
    published = csv_rows(data / "deployments_by_region.csv")
    rows = [r for r in published if r["region"] != "West"]
    rows[0] = {**rows[0], "deployments": str(int(rows[0]["deployments"]) + 1)}
    text = HEADER + "".join(",".join(f'"{v}"' if "," in v else v for v in r.values()) + "\n" for r in rows)
    cand = prepare("deployments_by_region", text.encode(), "fix.csv", "replace", data, today=TODAY)
    assert cand.ok, cand.problems
    changed = [c for c in cand.changes if c.kind == "changed"]
    removed = [c for c in cand.changes if c.kind == "removed"]
    assert len(changed) == 1 and changed[0].columns == ("deployments",)
    assert changed[0].before["deployments"] == published[0]["deployments"]
    assert [c.key["region"] for c in removed] == ["West"] and cand.counts()["added"] == 0


def test_restore_brings_back_the_exact_bytes_and_database(site):
    data, db = site
    before = {p.name: p.read_bytes() for p in data.glob("*.csv")}
    db_before = rows_in_db(db, "SELECT * FROM db.deployments_by_region ORDER BY ALL")
    publish(prepare("deployments_by_region", next_year(), "a.csv", "upsert", data, today=TODAY), "a", data, db)
    baseline = history(data)[-1]
    assert baseline["action"] == "baseline"
    assert restore_preview(baseline["id"], data) == {"deployments_by_region": {"added": 0, "changed": 0, "removed": 2}}
    manifest = restore(baseline["id"], "Ana", data, db)
    assert {p.name: p.read_bytes() for p in data.glob("*.csv")} == before
    assert rows_in_db(db, "SELECT * FROM db.deployments_by_region ORDER BY ALL") == db_before
    assert stored_fingerprint(db) == fingerprint(data)
    versions = history(data)
    assert [v["action"] for v in versions] == ["restore", "publish", "baseline"]
    assert versions[0]["restored_from"] == baseline["id"] and versions[0]["current"] and versions[2]["current"]
    assert manifest["tables"] == {"deployments_by_region": {"added": 0, "changed": 0, "removed": 2}}


def test_a_stale_preview_is_refused(site):
    data, db = site
    first = prepare("deployments_by_region", next_year(), "a.csv", "upsert", data, today=TODAY)
    second = prepare("deployments_by_region", next_year(east=1), "b.csv", "upsert", data, today=TODAY)
    publish(second, "b", data, db)
    snapshot = (data / "deployments_by_region.csv").read_bytes()
    with pytest.raises(PublishError, match="changed since this file was checked"):
        publish(first, "a", data, db)
    assert (data / "deployments_by_region.csv").read_bytes() == snapshot


def test_no_change_and_no_name_are_refused(site):
    data, db = site
    same = prepare(
        "deployments_by_region",
        (data / "deployments_by_region.csv").read_bytes(),
        "same.csv",
        "replace",
        data,
        today=TODAY,
    )
    assert same.ok and same.changes == []
    with pytest.raises(PublishError, match="Nothing to publish"):
        publish(same, "a", data, db)
    with pytest.raises(PublishError, match="who is publishing"):
        publish(prepare("deployments_by_region", next_year(), "a.csv", "upsert", data, today=TODAY), " ", data, db)


def test_unknown_version_is_refused(site):
    data, db = site
    for bad in ("nope", "../data", ".staging-x"):
        with pytest.raises(PublishError, match="no version"):
            restore(bad, "a", data, db)


@pytest.mark.slow  # a crash, a kill or another process (pytest.ini)
def test_the_command_publishes_lists_and_restores(site, tmp_path, capsys):
    data, db = site
    upload = tmp_path / "next.csv"
    upload.write_bytes(next_year())
    base = ["--data-dir", str(data), "--db", str(db)]
    assert main([*base, "check", "deployments_by_region", str(upload), "--mode", "upsert"]) == 0
    assert "2 added, 0 changed, 0 removed" in capsys.readouterr().out
    assert (
        main([*base, "publish", "deployments_by_region", str(upload), "--mode", "upsert", "--who", "cli", "--yes"]) == 0
    )
    assert "Published version" in capsys.readouterr().out
    assert main([*base, "history"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].startswith("* ") and "publish" in listing[0] and "baseline" in listing[1]
    assert rows_in_db(db, "SELECT count(*) FROM db.deployments_by_region WHERE school_year = '2024-25'") == [(2,)]
    assert main([*base, "restore", "no-such-version", "--who", "cli", "--yes"]) == 1
    assert "no version 'no-such-version'" in capsys.readouterr().err
    assert main([*base, "recover"]) == 0
    assert "Nothing was pending" in capsys.readouterr().out


@pytest.mark.slow
def test_readers_keep_working_and_see_old_or_new_during_publishes(site, monkeypatch):
    """Threads read through queries.run (the app's read-only path) while publishes swap the database."""
    import queries

    data, db = site
    monkeypatch.setenv("SAFETY_DB_PATH", str(db))
    queries.reset()
    allowed = {0, 2}  # rows for 2024-25: none before, two after each publish
    seen, errors, stop = set(), [], threading.Event()

    def reader():
        while not stop.is_set():
            try:
                frame = queries.run("deployments_by_region", school_year="2024-25").frame
                seen.add(len(frame))
            except Exception:  # noqa: BLE001 - any failure is the finding
                import traceback

                errors.append(traceback.format_exc())
            time.sleep(0.001)  # a session reads, then draws; it does not spin

    if "school_year" not in queries.parameters("deployments_by_region"):
        pytest.skip("query signature changed")
    threads = [threading.Thread(target=reader) for _ in range(3)]
    for th in threads:
        th.start()
    try:
        for n in range(2):
            publish(
                prepare("deployments_by_region", next_year(east=20 + n), f"{n}.csv", "upsert", data, today=TODAY),
                "t",
                data,
                db,
            )
    finally:
        stop.set()
        for th in threads:
            th.join()
        queries.reset()
    assert errors == []
    assert seen <= allowed and 2 in seen


def test_the_public_connection_is_read_only():
    import queries

    queries.run("build_info")  # opens the app's connection
    cursor = queries._reader.cursor()
    try:
        with pytest.raises(duckdb.Error, match="read-only"):
            cursor.execute("CREATE TABLE staff_was_here (x INTEGER)")
        with pytest.raises(duckdb.Error, match="read-only"):
            cursor.execute("DELETE FROM budget_lines")
    finally:
        cursor.close()


@pytest.mark.slow  # a crash, a kill or another process (pytest.ini)
def test_ensure_database_finishes_an_interrupted_publish(site):
    """A journal left behind (the process died after the swap began) is rolled forward at the next start."""
    data, db = site
    cand = prepare("deployments_by_region", next_year(), "a.csv", "upsert", data, today=TODAY)
    manifest = publish(cand, "a", data, db)
    # put the old CSV back and leave the journal, as if the process had died before copying the CSVs
    baseline = history(data)[-1]["id"]
    shutil.copy2(data / "history" / baseline / "deployments_by_region.csv", data / "deployments_by_region.csv")
    (data / PUBLISH_JOURNAL).write_text(json.dumps({"version": manifest["id"]}))
    result = ensure_database(data, db)
    assert result.action == "current"
    assert not (data / PUBLISH_JOURNAL).exists()
    assert fingerprint(data) == stored_fingerprint(db) == manifest["fingerprint"]
