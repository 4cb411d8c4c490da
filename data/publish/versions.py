"""Publishing a checked upload or restoring an earlier version: every version kept in data/history/.

1. The complete new CSV set (all tables, plus schema.sql and manifest.json: who, when, what, fingerprint) is
   written to data/history/.staging-<id>/ and fsynced.
2. Under the database lock: a journal file (data/.publish-pending.json) names the version; the staging folder
   is renamed to data/history/<id>/.
3. The new database is built from that folder and swapped in atomically (data.build.build): the commit point.
   Readers see the old database or the new one, never a mix.
4. The CSVs that differ are copied into data/ (each one atomically); the journal is removed.

Killed anywhere in 2-4, the journal remains and the next start rolls forward (data/publish/journal.py). Killed
before 2, nothing in data/ changed. The CSVs in data/ and the database therefore always end up from the same
version.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import time
import uuid
from pathlib import Path

from data import staff_state
from data.build import build, fingerprint
from data.layout import DATA_DIR, PUBLISH_JOURNAL, SCHEMA_FILE, configured_db_path, csv_paths, history_dir
from data.problems import BuildError, ProblemsError
from data.publish.journal import apply_version, crash_point, db_lock, finish_interrupted, flock, fsync_dir, write_file
from data.publish.preview import Candidate, Change, PublishError, _staged_check, diff, shape

STAGING_PREFIX = ".staging-"
MAX_LISTED_CHANGES = 500  # changes listed in a manifest (the counts are always complete)


def _now_id() -> tuple[str, str]:
    now = dt.datetime.now(dt.UTC)
    return now.isoformat(timespec="seconds"), f"{now:%Y%m%dT%H%M%S%f}Z-{uuid.uuid4().hex[:8]}"


def _versions(hist: Path) -> list[Path]:
    if not hist.exists():
        return []
    return sorted(
        p for p in hist.iterdir() if p.is_dir() and not p.name.startswith(".") and (p / "manifest.json").exists()
    )


def _snapshot(folder: Path, data_dir: Path, replacements: dict[str, bytes]) -> dict[str, str]:
    """Write the complete CSV set (+ schema) into `folder`, fsynced. Returns {file name: sha256}."""
    folder.mkdir(parents=True)
    digests = {}
    for path in [data_dir / SCHEMA_FILE, *csv_paths(data_dir)]:
        if path.stem in replacements and path.suffix == ".csv":
            data = replacements[path.stem]
        elif path.exists():
            data = path.read_bytes()
        else:
            continue
        with open(folder / path.name, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        digests[path.name] = hashlib.sha256(data).hexdigest()
    return digests


def _write_manifest(folder: Path, manifest: dict) -> None:
    with open(folder / "manifest.json", "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, indent=2, ensure_ascii=False)
        fh.flush()
        os.fsync(fh.fileno())
    fsync_dir(folder)


def _record_baseline(data_dir: Path, hist: Path) -> Path | None:
    """Keep what is on disk as a version when it is not the latest one (first publish; edits through git).
    Returns the folder written, or None."""
    current = fingerprint(data_dir)
    versions = _versions(hist)
    if versions and json.loads((versions[-1] / "manifest.json").read_text())["fingerprint"] == current:
        return None
    at, vid = _now_id()
    stage = hist / f"{STAGING_PREFIX}{vid}"
    files = _snapshot(stage, data_dir, {})
    _write_manifest(
        stage,
        {
            "id": vid,
            "action": "baseline",
            "at": at,
            "who": "(found on disk: published before this version history, or edited in git)",
            "fingerprint": current,
            "files": files,
        },
    )
    os.rename(stage, hist / vid)
    fsync_dir(hist)
    return hist / vid


def _commit(
    data_dir: Path, db_path: Path, replacements: dict[str, bytes], meta: dict, expected_fingerprint: str | None
) -> dict:
    """Publish `replacements` ({stem: bytes}) as a new version. See the module docstring for the order.

    Everything that can refuse the publish happens before anything is written: the published data changed since the
    check, nothing would change, or the new data fails the build's rules or the proof (every page question on the
    staged data, data/proof.py). A refused publish writes nothing anywhere, not even in data/history."""
    started = time.monotonic()
    hist = history_dir(data_dir)
    with flock(db_path.parent / f".{db_path.name}.publish.lock"):  # one publish at a time (beside db_lock)
        with db_lock(db_path):
            finish_interrupted(data_dir, db_path)
        previous = fingerprint(data_dir)
        if expected_fingerprint is not None and previous != expected_fingerprint:
            raise PublishError(
                "The published data changed since this file was checked (someone else "
                "published). Check the file again and look at the new preview."
            )
        new_fp = fingerprint(data_dir, replacements)
        if new_fp == previous:
            raise PublishError("Nothing to publish: this is exactly the data that is published now.")
        try:
            _staged_check(data_dir, replacements)  # the rules and the proof, in memory
        except BuildError as exc:
            raise PublishError(f"The new data was refused before anything was written:\n{exc}") from None
        hist.mkdir(parents=True, exist_ok=True)
        for stale in hist.glob(f"{STAGING_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)
        baseline = _record_baseline(data_dir, hist)
        at, vid = _now_id()
        stage = hist / f"{STAGING_PREFIX}{vid}"
        files = _snapshot(stage, data_dir, replacements)
        manifest = {
            "id": vid,
            "at": at,
            **meta,
            "fingerprint": new_fp,
            "previous_fingerprint": previous,
            "files": files,
        }
        _write_manifest(stage, manifest)
        crash_point("staged")
        with db_lock(db_path):
            write_file(data_dir / PUBLISH_JOURNAL, json.dumps({"version": vid}).encode())
            fsync_dir(data_dir)
            crash_point("journal")
            os.rename(stage, hist / vid)
            fsync_dir(hist)
            crash_point("renamed")
            try:
                build(hist / vid, db_path)  # the commit point: the new database is swapped in atomically
            except BaseException:
                (data_dir / PUBLISH_JOURNAL).unlink(missing_ok=True)
                shutil.rmtree(hist / vid, ignore_errors=True)
                if baseline is not None:
                    shutil.rmtree(baseline, ignore_errors=True)
                raise
            crash_point("built")
            apply_version(hist / vid, data_dir)
            crash_point("applied")
            (data_dir / PUBLISH_JOURNAL).unlink()
            fsync_dir(data_dir)
    manifest["seconds"] = round(time.monotonic() - started, 2)
    return manifest


def _change_list(changes: list[Change]) -> list[dict]:
    return [
        {"kind": c.kind, "key": c.key, **({"columns": list(c.columns)} if c.columns else {})}
        for c in changes[:MAX_LISTED_CHANGES]
    ]


def _audited(action: str, who: str, client: str | None, detail: str, work):
    """Run a publish or restore and write its outcome to the audit log (data/staff_state.py), refused or not."""
    client = client or staff_state.command_line_client()
    try:
        manifest = work()
    except (PublishError, ProblemsError, OSError) as exc:
        reason = str(exc).strip().splitlines()
        staff_state.record(action, who, client, "refused", f"{detail}: {' '.join(reason[:2])}")
        raise
    staff_state.record(action, who, client, "done", f"{detail}: version {manifest['id']}")
    return manifest


def publish(
    candidate: Candidate,
    who: str,
    data_dir: Path = DATA_DIR,
    db_path: Path | None = None,
    note: str = "",
    client: str | None = None,
) -> dict:
    """Publish a checked upload. Returns the version's manifest. Raises PublishError when refused.
    Written to the audit log either way (`client`: where it came from; default: this machine's command line)."""
    return _audited(
        "publish",
        who.strip(),
        client,
        f"table {candidate.stem} from {candidate.filename}",
        lambda: _publish(candidate, who, data_dir, db_path, note),
    )


def _publish(candidate: Candidate, who: str, data_dir: Path, db_path: Path | None, note: str) -> dict:
    if not candidate.ok:
        raise PublishError(
            "This file has problems and cannot be published:\n" + "\n".join(f"- {p}" for p in candidate.problems[:25])
        )
    if not who.strip():
        raise PublishError("Say who is publishing (a name or e-mail address); it is kept in the history.")
    meta = {
        "action": "publish",
        "who": who.strip(),
        "table": candidate.stem,
        "mode": candidate.mode,
        "source_file": candidate.filename,
        "upload_sha256": candidate.upload_sha256,
        "note": note.strip(),
        "summary": candidate.counts(),
        "changes": _change_list(candidate.changes),
    }
    return _commit(
        Path(data_dir),
        Path(db_path) if db_path else configured_db_path(),
        {candidate.stem: candidate.new_bytes},
        meta,
        candidate.base_fingerprint,
    )


def history(data_dir: Path = DATA_DIR) -> list[dict]:
    """Every kept version, newest first; `current` is true for the one that matches data/ now."""
    current = fingerprint(Path(data_dir))
    out = []
    for folder in reversed(_versions(history_dir(data_dir))):
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        manifest["current"] = manifest.get("fingerprint") == current
        out.append(manifest)
    return out


def restore_preview(version: str, data_dir: Path = DATA_DIR) -> dict[str, dict[str, int]]:
    """What restoring `version` would change, per table: {stem: {"added": n, "changed": n, "removed": n}}."""
    folder = _version_folder(version, data_dir)
    out = {}
    for path in csv_paths(Path(data_dir)):
        old_file = folder / path.name
        if not old_file.exists() or not path.exists() or old_file.read_bytes() == path.read_bytes():
            continue
        changes = diff(path.stem, path.read_bytes(), old_file.read_bytes(), shape(path.stem, data_dir))
        out[path.stem] = {k: sum(1 for c in changes if c.kind == k) for k in ("added", "changed", "removed")}
    return out


def _version_folder(version: str, data_dir: Path) -> Path:
    hist = history_dir(data_dir)
    folder = hist / version
    if "/" in version or version.startswith(".") or not (folder / "manifest.json").exists():
        raise PublishError(f"There is no version '{version}' in {hist}.")
    return folder


def restore(
    version: str, who: str, data_dir: Path = DATA_DIR, db_path: Path | None = None, client: str | None = None
) -> dict:
    """Publish an earlier version's CSVs again, as a new version (the history is never rewritten). Audited."""
    return _audited(
        "restore", who.strip(), client, f"version {version}", lambda: _restore(version, who, data_dir, db_path)
    )


def _restore(version: str, who: str, data_dir: Path, db_path: Path | None) -> dict:
    data_dir = Path(data_dir)
    if not who.strip():
        raise PublishError("Say who is restoring (a name or e-mail address); it is kept in the history.")
    folder = _version_folder(version, data_dir)
    replacements = {p.stem: (folder / p.name).read_bytes() for p in csv_paths(data_dir) if (folder / p.name).exists()}
    base = fingerprint(data_dir)
    summary = restore_preview(version, data_dir)
    try:
        _staged_check(data_dir, replacements)  # the current schema must still accept the old CSVs
    except BuildError as exc:
        raise PublishError(f"Version {version} cannot be restored with the current schema:\n{exc}") from None
    meta = {"action": "restore", "who": who.strip(), "restored_from": version, "tables": summary}
    return _commit(data_dir, Path(db_path) if db_path else configured_db_path(), replacements, meta, base)
