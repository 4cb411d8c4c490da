"""Staff imports: official boundaries (from a file and from a local HTTP server) and campus records.
Bad input is refused with a plain message, and the database file stays byte-for-byte what it was."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import threading
from collections import Counter

import duckdb
import pytest

from data import import_boundaries as ib
from data import import_campus_records as ic
from queries import imports as imported
from tests import deployments_support as synth


@pytest.fixture
def imports(tmp_path, monkeypatch):
    folder = tmp_path / "imports"
    monkeypatch.setenv("SAFETY_IMPORTS_DIR", str(folder))
    return folder


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def http_server(tmp_path):
    """Serves tmp_path/www on 127.0.0.1 (free port); bounded: stops itself at the end of the test."""
    www = tmp_path / "www"
    www.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep stderr for the importer's messages
            pass

    handler = functools.partial(Quiet, directory=str(www))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.timeout = 5
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    try:
        yield www, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_boundaries_from_files_then_queried(imports, tmp_path):
    (tmp_path / "bd.geojson").write_text(json.dumps(synth.board_districts()))
    (tmp_path / "rg.geojson").write_text(json.dumps(synth.regions()))
    assert ib.main(["--board-districts", str(tmp_path / "bd.geojson"), "--regions", str(tmp_path / "rg.geojson")]) == 0
    bds = imported.run("boundaries", "boundaries", kind="board_district").frame
    assert bds["key"].tolist() == [str(n) for n in range(1, 8)]
    expected = synth.board_districts()["features"][6]["geometry"]
    assert json.loads(bds.set_index("key").loc["7", "geometry"]) == expected
    assert imported.run("boundaries", "boundaries", kind="region").frame["key"].tolist() == sorted(synth.REGIONS)


def test_boundaries_from_a_local_http_server_and_the_other_kind_is_kept(imports, tmp_path, http_server):
    www, base = http_server
    (tmp_path / "rg.geojson").write_text(json.dumps(synth.regions()))
    assert ib.main(["--regions", str(tmp_path / "rg.geojson")]) == 0
    (www / "query.geojson").write_text(json.dumps(synth.board_districts("BOE")))
    url = f"{base}/query.geojson?where=1%3D1&outFields=*&outSR=4326&f=geojson"
    assert ib.main(["--board-districts", url]) == 0
    info = imported.run("boundaries", "boundaries", kind="board_district").frame
    assert len(info) == 7 and set(info["source"]) == {url}
    assert len(imported.run("boundaries", "boundaries", kind="region").frame) == 4  # kept


def test_refused_geojson_leaves_the_database_unchanged(imports, tmp_path, http_server, capsys):
    www, base = http_server
    (tmp_path / "bd.geojson").write_text(json.dumps(synth.board_districts()))
    assert ib.main(["--board-districts", str(tmp_path / "bd.geojson")]) == 0
    db = imports / "boundaries.duckdb"
    before = digest(db)
    (www / "feet.geojson").write_text(json.dumps(synth.to_state_plane(synth.board_districts())))
    (www / "broken.geojson").write_text('{"type": "FeatureCollection", "features": [')
    bad_id = synth.board_districts()
    bad_id["features"][0]["properties"]["DISTRICT"] = "8"
    (tmp_path / "bad_id.geojson").write_text(json.dumps(bad_id))
    (tmp_path / "empty.geojson").write_text("")
    cases = [
        (["--board-districts", f"{base}/feet.geojson"], "State Plane"),
        (["--board-districts", f"{base}/broken.geojson"], "not valid JSON"),
        (["--board-districts", f"{base}/missing.geojson"], "answered 404"),
        (["--board-districts", str(tmp_path / "bad_id.geojson")], "'8' is not a board district"),
        (["--board-districts", str(tmp_path / "empty.geojson")], "is empty"),
        (["--board-districts", str(tmp_path / "nope.geojson")], "no such file"),
        (["--board-districts", "ftp://example.invalid/x"], "only files and http(s) URLs"),
        # a good regions file with a bad districts file: nothing at all is written
        (["--regions", str(tmp_path / "bd.geojson")], "no Region property"),
    ]
    for argv, phrase in cases:
        assert ib.main(argv) == 1, argv
        err = capsys.readouterr().err
        assert phrase in err and "nothing was changed" in err, (argv, err)
        assert "Traceback" not in err
        assert digest(db) == before, argv
    assert sorted(p.name for p in imports.iterdir()) == ["boundaries.duckdb"]  # no temp files left behind


def test_campus_records_import_and_aggregates(imports, tmp_path):
    text, rows = synth.records(60, seed=11)
    (tmp_path / "records.csv").write_text(text)
    assert ic.main([str(tmp_path / "records.csv")]) == 0
    by_bd = imported.run("campus_deployments", "campus_by_board_district", region=None).frame
    assert dict(zip(by_bd["board_district"], by_bd["deployments"])) == {
        int(k): v for k, v in Counter(r["board_district"] for r in rows).items()
    }
    west = imported.run("campus_deployments", "campus_by_board_district", region="West").frame
    assert west["deployments"].sum() == sum(r["region"] == "West" for r in rows)
    assert west["share"].sum() == pytest.approx(1.0)
    by_region = imported.run("campus_deployments", "campus_by_region", board_district=3).frame
    assert dict(zip(by_region["region"], by_region["deployments"])) == dict(
        Counter(r["region"] for r in rows if r["board_district"] == "3")
    )
    pts = imported.run("campus_deployments", "campus_points", region=None, board_district=None).frame
    assert pts["deployments"].sum() == sum(1 for r in rows if r["lat"])
    summary = imported.run("campus_deployments", "campus_summary", region=None, board_district=None).frame.iloc[0]
    assert summary["records"] == 60 and summary["file_name"] == "records.csv"
    assert summary["campuses"] == len({r["school"].lower() for r in rows})


def test_campus_records_without_coordinate_columns_and_by_label(imports, tmp_path):
    (tmp_path / "r.csv").write_text(
        "date,school,board_district,region,reason\n2024-02-01,Synthetic A,2,east,Mass school threats (MST)\n"
    )
    assert ic.main([str(tmp_path / "r.csv")]) == 0
    con = duckdb.connect(str(imports / "campus_deployments.duckdb"), read_only=True)
    try:
        assert con.execute("SELECT region, reason, lat FROM campus_deployments").fetchall() == [
            ("East", "mass-school-threats", None)
        ]
    finally:
        con.close()


@pytest.mark.parametrize(
    "content, phrase",
    [
        (
            "date,school,board_district,region,reason,lat,lon\n2024-01-05,A,8,North,community-violence,,\n",
            "row 1 (line 2 of the file), column 'board_district': 8 is outside the allowed range for board district: 1 to 7",
        ),
        (
            "date,school,board_district,region,reason,lat,lon\n2024-01-05,A,1,Central,community-violence,,\n",
            "column 'region': 'Central' is not a region",
        ),
        (
            "date,school,board_district,region,reason,lat,lon\n2024-01-05,A,1,North,curfew,,\n",
            "column 'reason': 'curfew' is not an authorizing reason",
        ),
        (
            "date,school,board_district,region,reason,lat,lon\n05/01/2024,A,1,North,community-violence,,\n",
            "column 'date': '05/01/2024' is not a date",
        ),
        (
            "date,school,board_district,region,reason,lat,lon\n2024-01-05,A,1,North,community-violence,6400000,1800000\n",
            "not in the Los Angeles area",
        ),
        (
            "date,school,board_district,region,reason,lat,lon\n2024-01-05,A,1,North,community-violence,34.0,\n",
            "both be decimal numbers",
        ),
        ("school,date\nA,2024-01-01\n", "the header row must be exactly"),
        ("date,school,board_district,region,reason,lat,lon\n", "has a header but no records"),
        ("", "is empty"),
        ('date,school,board_district,region,reason\n"2024-01-05,A,1\n', "not a well-formed CSV"),
    ],
)
def test_bad_campus_records_refused_and_database_unchanged(imports, tmp_path, capsys, content, phrase):
    text, _ = synth.records(5)
    (tmp_path / "good.csv").write_text(text)
    assert ic.main([str(tmp_path / "good.csv")]) == 0
    db = imports / "campus_deployments.duckdb"
    before = digest(db)
    (tmp_path / "bad.csv").write_text(content)
    assert ic.main([str(tmp_path / "bad.csv")]) == 1
    err = capsys.readouterr().err
    assert phrase in err and "nothing was changed" in err and "Traceback" not in err
    assert digest(db) == before


def test_template_header_is_the_documented_layout():
    from pathlib import Path

    template = Path(ic.__file__).resolve().parent / "templates" / "campus_deployments_template.csv"
    assert template.read_text().strip() == ",".join(ic.COLUMNS)


# ------------------------------------------------------------------------------------------- CDS codes

DORSEY = "19647331932383"  # Susan Miller Dorsey Senior High in data/school_directory_2018.csv


def test_campus_records_may_carry_a_cds_code_and_are_then_placed_from_the_directory(imports, tmp_path):
    from components.charts.maps.deployments import campus_rows
    from queries import run

    (tmp_path / "r.csv").write_text(
        "date,school,board_district,region,reason,lat,lon,cds_code\n"
        f"2024-02-01,Dorsey HS,1,South,community-violence,,,{DORSEY}\n"
        f"2024-02-09,Dorsey HS,1,South,mass-school-threats,,,{DORSEY}\n"
        "2024-03-01,Synthetic B,2,East,community-violence,34.05,-118.2,\n"
        "2024-03-02,Synthetic C,3,North,community-violence,,,\n"
    )
    assert ic.main([str(tmp_path / "r.csv")]) == 0
    pts = imported.run("campus_deployments", "campus_points", region=None, board_district=None).frame
    assert sorted(pts["school"]) == ["Dorsey HS", "Synthetic B"]  # C has neither a code nor coordinates
    rows = campus_rows(pts, run("school_directory_points").frame)
    by_name = {r["t"].split("\n")[0]: r for r in rows}
    directory = next(r for r in csv_rows_of("school_directory_2018") if r["cds_code"] == DORSEY)
    assert (by_name["Dorsey HS"]["lat"], by_name["Dorsey HS"]["lon"]) == (
        float(directory["lat"]),
        float(directory["lon"]),
    )
    assert by_name["Dorsey HS"]["deployments"] == 2
    assert (by_name["Synthetic B"]["lat"], by_name["Synthetic B"]["lon"]) == (34.05, -118.2)


@pytest.mark.parametrize(
    "code, phrase",
    [
        ("19647330000000", "is not the CDS code of an active LAUSD school"),  # the district office's own code
        ("1964733193238", "is not the CDS code"),  # 13 digits
        ("abc", "is not the CDS code"),
    ],
)
def test_a_cds_code_outside_the_directory_is_refused(imports, tmp_path, capsys, code, phrase):
    (tmp_path / "r.csv").write_text(
        f"date,school,board_district,region,reason,cds_code\n2024-02-01,A,1,South,community-violence,{code}\n"
    )
    assert ic.main([str(tmp_path / "r.csv")]) == 1
    err = capsys.readouterr().err
    assert "column 'cds_code'" in err and phrase in err and "nothing was changed" in err
    assert not (imports / "campus_deployments.duckdb").exists()


def test_records_imported_before_cds_codes_still_read(imports):
    """A file written by the earlier importer (no cds_code column) is read as having no codes."""
    imports.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(imports / "campus_deployments.duckdb"))
    con.execute(
        ic.SCHEMA.replace(
            ",\n    cds_code        VARCHAR CHECK (cds_code IS NULL OR regexp_full_match(cds_code, '[0-9]{14}'))", ""
        )
    )
    con.execute("INSERT INTO import_info VALUES ('old.csv', 'x', TIMESTAMP '2024-01-01 00:00:00', 1)")
    con.execute(
        "INSERT INTO campus_deployments VALUES (1, DATE '2024-01-05', 'A', 1, 'North', 'community-violence', 34.1, -118.4)"
    )
    con.close()
    pts = imported.run("campus_deployments", "campus_points", region=None, board_district=None).frame
    assert list(pts["school"]) == ["A"] and pts["cds_code"].isna().all()


def csv_rows_of(name: str) -> list[dict]:
    import csv
    from pathlib import Path

    with open(Path(ic.__file__).resolve().parent / f"{name}.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))
