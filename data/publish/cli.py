"""Staff publishing from the command line.

    python -m data.publish check   TABLE FILE [--mode replace|upsert]     validate and preview only
    python -m data.publish publish TABLE FILE --who NAME [--mode ...] [--yes]
    python -m data.publish history                                        every published version
    python -m data.publish restore VERSION --who NAME [--yes]             publish an earlier version again
    python -m data.publish recover                                        finish an interrupted publish

TABLE is the name of a published CSV in data/ (e.g. budget_lines, deployments_by_region). `replace` (default):
the file is the complete new table. `upsert`: the file's rows are added, or replace the published rows with the
same key (school_year + line_id for budget lines, ...); other published rows stay.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from data import intake
from data.layout import data_dir_default, stems
from data.problems import ProblemsError, os_reason
from data.publish.preview import MODES, Candidate, PublishError, prepare
from data.publish.versions import history, publish, restore, restore_preview
from data.startup import recover


def _print_candidate(cand: Candidate) -> None:
    for note in cand.notes:
        print("note:", note)
    if cand.problems:
        print(
            f"{cand.filename} cannot be published ({len(cand.problems)} problem(s)); nothing was changed:",
            file=sys.stderr,
        )
        for p in cand.problems[:25]:
            print(f"- {p}", file=sys.stderr)
        if len(cand.problems) > 25:
            print(f"- … and {len(cand.problems) - 25} more", file=sys.stderr)
        return
    counts = cand.counts()
    print(
        f"{cand.filename} is valid for data/{cand.stem}.csv ({cand.mode}): {counts['added']} added, "
        f"{counts['changed']} changed, {counts['removed']} removed."
    )
    for c in cand.changes[:50]:
        key = ", ".join(f"{k}={v}" for k, v in c.key.items())
        extra = f" ({', '.join(c.columns)})" if c.columns else ""
        print(f"  {c.kind:8} {key}{extra}")
    if len(cand.changes) > 50:
        print(f"  … and {len(cand.changes) - 50} more")


def _confirm(question: str) -> bool | None:
    """Ask on the terminal; None when there is no one to answer (standard input closed or not readable)."""
    try:
        return input(question).strip().lower() in ("y", "yes")
    except (EOFError, OSError):
        return None
    except KeyboardInterrupt:
        return False


NO_ANSWER = "{what}: there was no answer (standard input is closed). Run it again with --yes to {verb} without asking."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m data.publish", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="folder of the published CSVs")
    parser.add_argument("--db", type=Path, default=None, help="database file (default data/safety.duckdb)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("check", "publish"):
        p = sub.add_parser(name)
        p.add_argument("table", choices=stems(), metavar="TABLE")
        p.add_argument("file", type=Path)
        p.add_argument("--mode", choices=MODES, default="replace")
        if name == "publish":
            p.add_argument("--who", required=True)
            p.add_argument("--note", default="")
            p.add_argument("--yes", action="store_true", help="publish without asking")
    sub.add_parser("history")
    r = sub.add_parser("restore")
    r.add_argument("version")
    r.add_argument("--who", required=True)
    r.add_argument("--yes", action="store_true")
    sub.add_parser("recover")
    args = parser.parse_args(argv)
    data_dir = args.data_dir or data_dir_default()
    try:
        if args.command in ("check", "publish"):
            raw = intake.read_file(args.file, args.file.name, intake.limit("upload_bytes"))
            cand = prepare(args.table, raw, args.file.name, args.mode, data_dir)
            _print_candidate(cand)
            if not cand.ok:
                return 1
            if args.command == "check":
                return 0
            answer = True if args.yes else _confirm("Publish these changes? [y/N] ")
            if answer is None:
                print(NO_ANSWER.format(what="Not published", verb="publish"), file=sys.stderr)
                return 1
            if not answer:
                print("Not published.")
                return 1
            m = publish(cand, args.who, data_dir, args.db, args.note)
            print(f"Published version {m['id']} in {m['seconds']} s.")
        elif args.command == "history":
            for m in history(data_dir):
                what = m.get("table") or m.get("restored_from") or ""
                mark = "*" if m["current"] else " "
                print(
                    f"{mark} {m['id']}  {m['at']}  {m['action']:8} {what:32} {m.get('who', '')}  "
                    f"{m.get('summary', m.get('tables', ''))}"
                )
        elif args.command == "restore":
            preview = restore_preview(args.version, data_dir)
            for stem, c in preview.items():
                print(f"  {stem}: {c['added']} added, {c['changed']} changed, {c['removed']} removed")
            answer = True if args.yes else _confirm(f"Restore {args.version}? [y/N] ")
            if answer is None:
                print(NO_ANSWER.format(what="Not restored", verb="restore"), file=sys.stderr)
                return 1
            if not answer:
                print("Not restored.")
                return 1
            m = restore(args.version, args.who, data_dir, args.db)
            print(f"Restored {args.version} as version {m['id']} in {m['seconds']} s.")
        elif args.command == "recover":
            done = recover(data_dir, args.db)
            print(
                f"Finished interrupted publish {done}." if done else "Nothing was pending; the database is up to date."
            )
        return 0
    except (PublishError, ProblemsError) as exc:
        print(exc, file=sys.stderr)
        return 1
    except OSError as exc:  # a file or folder that cannot be read or written: in words, never an error number
        print(f"Nothing was changed: {getattr(exc, 'filename', '') or 'a file'} — {os_reason(exc)}.", file=sys.stderr)
        return 1
