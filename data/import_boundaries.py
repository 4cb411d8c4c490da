"""Import official LAUSD board-district and region polygons into data/imports/boundaries.duckdb.

    python -m data.import_boundaries --board-districts FILE_OR_URL --regions FILE_OR_URL

Either option may be given alone; the other kind, if imported before, is kept. A URL must be http(s) and
return GeoJSON in WGS84 longitude/latitude, e.g. the official map services' query URLs:

  board districts (LA GeoHub, LAUSD_Schools layer 7):
    https://maps.lacity.org/lahub/rest/services/LAUSD_Schools/MapServer/7/query?where=1%3D1&outFields=*&outSR=4326&f=geojson
  regions (LA Unified regions layer):
    https://services3.arcgis.com/9QBcCnjxM5EBVdGe/ArcGIS/rest/services/LA_Unified_Regions/FeatureServer/0/query?where=1%3D1&outFields=*&outSR=4326&f=geojson

Every file is checked (data/geojson.py) before anything is written: malformed JSON, wrong geometry types,
projected coordinates (State Plane feet: outSR=4326 missing), unknown ids or missing districts are refused
with a plain message, and the existing database is left exactly as it was. The new file is swapped in
atomically. When it exists, the Deployments map draws a choropleth instead of label-point symbols.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from data import geojson as geo
from data import intake
from data.import_store import read_existing, write_atomically
from data.layout import imports_dir
from data.problems import StorageError
from data.rules import limit

DB_NAME = "boundaries.duckdb"
MAX_BYTES = limit("import_bytes")
TIMEOUT_S = 60
SCHEMA = """
CREATE TABLE import_info (
    kind        VARCHAR PRIMARY KEY CHECK (kind IN ('board_district', 'region')),
    source      VARCHAR NOT NULL,
    imported_at TIMESTAMP NOT NULL,
    features    INTEGER NOT NULL
);
CREATE TABLE boundaries (
    kind     VARCHAR NOT NULL REFERENCES import_info (kind),
    key      VARCHAR NOT NULL,
    geometry VARCHAR NOT NULL,  -- GeoJSON geometry, WGS84 lon/lat
    PRIMARY KEY (kind, key),
    CHECK ((kind = 'board_district' AND key IN ('1', '2', '3', '4', '5', '6', '7'))
           OR (kind = 'region' AND key IN ('North', 'East', 'South', 'West')))
);
"""


class SourceError(Exception):
    """Input that cannot be read; the message is for staff."""


def read_source(location: str) -> bytes:
    """The bytes of a local file or an http(s) URL, at most MAX_BYTES, through the hardened reader (data/intake.py):
    a regular file only (never a link, pipe or device), read in chunks within the byte and time limits."""
    parts = urlsplit(location)
    try:
        if parts.scheme in ("http", "https"):
            try:
                request = urllib.request.Request(location, headers={"User-Agent": "lausd-safety-dashboard import"})
                with urllib.request.urlopen(request, timeout=TIMEOUT_S) as resp:
                    return intake.read_stream(resp, location, MAX_BYTES)
            except urllib.error.HTTPError as exc:
                raise SourceError(f"{location}: the server answered {exc.code} {exc.reason}") from None
            except (urllib.error.URLError, OSError) as exc:
                reason = getattr(exc, "reason", exc)
                reason = getattr(reason, "strerror", None) or str(reason).split("] ")[-1]
                raise SourceError(f"{location}: could not be fetched ({reason})") from None
        if parts.scheme and len(parts.scheme) > 1:  # "C:" style drive letters are paths, not schemes
            raise SourceError(f"{location}: only files and http(s) URLs can be imported")
        return intake.read_file(Path(location), location, MAX_BYTES)
    except intake.IntakeError as exc:
        raise SourceError("\n".join(str(p) for p in exc.problems)) from None


def import_boundaries(sources: dict[str, str], target: Path | None = None) -> dict[str, int]:
    """Validate every given kind's GeoJSON, then write all of them (plus kept kinds) in one atomic swap."""
    target = target or imports_dir() / DB_NAME
    checked: dict[str, tuple[str, dict[str, dict]]] = {}
    for kind, location in sources.items():
        checked[kind] = (location, geo.boundaries(read_source(location), kind, location))
    kept_info = [
        r
        for r in read_existing(target, "SELECT kind, source, imported_at, features FROM old.import_info")
        if r[0] not in checked
    ]
    kept_rows = [
        r for r in read_existing(target, "SELECT kind, key, geometry FROM old.boundaries") if r[0] not in checked
    ]
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)

    def fill(con) -> None:
        con.execute(SCHEMA)
        for row in kept_info:
            con.execute("INSERT INTO import_info VALUES (?, ?, ?, ?)", list(row))
        for row in kept_rows:
            con.execute("INSERT INTO boundaries VALUES (?, ?, ?)", list(row))
        for kind, (location, shapes) in checked.items():
            con.execute("INSERT INTO import_info VALUES (?, ?, ?, ?)", [kind, location, now, len(shapes)])
            for key, geometry in shapes.items():
                con.execute(
                    "INSERT INTO boundaries VALUES (?, ?, ?)", [kind, key, json.dumps(geometry, separators=(",", ":"))]
                )
        counts = dict(con.execute("SELECT kind, count(*) FROM boundaries GROUP BY kind").fetchall())
        for kind, (_, shapes) in checked.items():
            if counts.get(kind) != len(shapes):
                raise RuntimeError("the new boundaries file did not hold what was imported")

    write_atomically(target, fill)
    return {kind: len(shapes) for kind, (_, shapes) in checked.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--board-districts", metavar="FILE_OR_URL", help="GeoJSON of the 7 board districts")
    parser.add_argument("--regions", metavar="FILE_OR_URL", help="GeoJSON of the 4 regions")
    parser.add_argument("--db", type=Path, default=None, help=f"target file (default data/imports/{DB_NAME})")
    args = parser.parse_args(argv)
    sources = {k: v for k, v in (("board_district", args.board_districts), ("region", args.regions)) if v}
    if not sources:
        parser.error("give --board-districts, --regions, or both")
    try:
        counts = import_boundaries(sources, args.db)
    except geo.GeoError as exc:
        print(exc, file=sys.stderr)
        return 1
    except SourceError as exc:
        print(f"{exc}\nThe boundaries were not imported; nothing was changed.", file=sys.stderr)
        return 1
    except StorageError as exc:
        print(f"The boundaries were not imported. {exc}", file=sys.stderr)
        return 1
    target = args.db or imports_dir() / DB_NAME
    print(f"Imported into {target}: " + ", ".join(f"{n} {k.replace('_', ' ')} polygons" for k, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
