"""Issue 18's load check: while a 20,000-row file is being checked on the staff page, ten viewers' p95 must stay
within 1.5x of their p95 without it.

    .venv/bin/python -m bench.staff_load            (also: python -m bench.run --only staff)

One server on a scratch copy of the data (SAFETY_DATA_DIR, SAFETY_DB_PATH, SAFETY_STAFF_STATE in a temporary folder;
staff secrets from a temporary secrets.toml via --secrets.files), so nothing in the checkout changes. Two runs of
ten protocol viewers (bench/viewers.py, "meeting" mode): without any check, then with a headless Chromium signed in
on the staff page uploading a 20,000-row laspd_history file whose last row breaks a rule (the heaviest check: the
whole file is loaded, then the bad row is found by halving), again and again (each upload slightly different, so
nothing is served from the session's cache) until the viewers finish. Reports both p95s, their ratio, and how long
each check took from upload to result.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import viewers
from bench.common import CHROMIUM, CHROMIUM_ARGS, OUT, ROOT, streamlit_server
from data.staff_password import make_hash

PASSWORD = "bench staff password"
SRC = "lausd-2024-04-09-safety-updates"
ROWS = 20_000


def hostile_file(variant: int) -> bytes:
    header = (ROOT / "data" / "laspd_history.csv").read_text(encoding="utf-8").splitlines()[0]
    rows = [header] + [
        f"o-{variant}-{i},2023-24,,sworn_officers,{i},count,false,,{'adopted' if i < ROWS - 1 else 'guessed'},"
        f"L {i},{SRC},row {i},,"
        for i in range(ROWS)
    ]
    return ("\n".join(rows) + "\n").encode()


def _uploader(base: str, stop: threading.Event, seconds: list[float], errors: list[str], folder: Path) -> None:
    """The staff member's browser (run by `uploader_process`: a separate, lowest-priority process)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        try:
            page.goto(f"{base}/staff", wait_until="networkidle")
            page.get_by_label("Staff password").fill(PASSWORD)
            page.get_by_role("button", name="Sign in").click()
            page.get_by_text("Signed in as").wait_for(timeout=60_000)
            page.locator("[data-testid=stSelectbox]").first.click()
            page.keyboard.type("laspd_history")
            page.keyboard.press("Enter")
            page.get_by_text("Columns, in this order: obs_id").wait_for(timeout=60_000)
            variant = 0
            while not stop.is_set():
                variant += 1
                path = folder / f"laspd_history_{variant}.csv"
                path.write_bytes(hostile_file(variant))
                started = time.perf_counter()
                page.locator("input[type=file]").set_input_files(str(path))  # replaces the previous file
                page.get_by_text(path.name).wait_for(timeout=60_000)
                with contextlib.suppress(Exception):  # the spinner shows while the file is checked (or it is over)
                    page.locator("[data-testid=stSpinner]").wait_for(state="attached", timeout=5_000)
                page.locator("[data-testid=stSpinner]").wait_for(state="detached", timeout=180_000)
                page.get_by_text("This file cannot be published").wait_for(timeout=60_000)
                seconds.append(time.perf_counter() - started)
        except Exception as exc:  # reported, never retried
            errors.append(f"{type(exc).__name__}: {str(exc)[:300]}")
            page.screenshot(path=str(OUT / "staff_load_error.png"))
        finally:
            browser.close()


def run(log=print, n: int = 10) -> dict:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(scratch)
        data = tmp / "data"
        shutil.copytree(
            ROOT / "data",
            data,
            ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history", "imports", "*.sqlite3*"),
        )
        secrets = tmp / "secrets.toml"
        secrets.write_text(f'[staff]\npassword_hash = "{make_hash(PASSWORD)}"\n')
        env = {
            "SAFETY_DATA_DIR": str(data),
            "SAFETY_DB_PATH": str(tmp / "safety.duckdb"),
            "SAFETY_STAFF_STATE": str(tmp / "staff_state.sqlite3"),
            "SAFETY_IMPORTS_DIR": str(tmp / "imports"),
        }
        with streamlit_server(
            log_name="server-staff-load.log", env=env, extra_args=("--secrets.files", str(secrets))
        ) as (base, proc):
            viewers.run_one(base, proc.pid, 2, "burst")  # warm the pages
            log("  ten viewers without a check")
            without = viewers.run_one(base, proc.pid, n, "meeting")
            # The staff browser runs at the lowest priority (nice 19): on a real site it is on the staff member's
            # own computer, not on the server's two cores.
            report, stop_file = tmp / "uploader.json", tmp / "stop"
            uploader = subprocess.Popen(
                ["nice", "-n", "19", sys.executable, "-m", "bench.staff_load", "--uploader", base, str(tmp)],
                cwd=ROOT,
            )
            deadline = time.monotonic() + 180
            while not report.exists() and uploader.poll() is None and time.monotonic() < deadline:
                time.sleep(0.5)  # until the first check has finished: checks are under way from here on
            log("  ten viewers while 20,000-row files are checked on the staff page")
            during = viewers.run_one(base, proc.pid, n, "meeting")
            stop_file.write_text("stop")
            try:
                uploader.wait(timeout=240)
            except subprocess.TimeoutExpired:
                uploader.kill()
            found = json.loads(report.read_text()) if report.exists() else {"seconds": [], "errors": ["no report"]}
            seconds, errors = found["seconds"], found["errors"]
    result = {
        "viewers": n,
        "p95_without_s": without["p95_s"],
        "p95_during_s": during["p95_s"],
        "ratio": during["p95_s"] / without["p95_s"] if without["p95_s"] else float("nan"),
        "p50_without_s": without["p50_s"],
        "p50_during_s": during["p50_s"],
        "viewer_errors": without["errors"] + during["errors"],
        "checks": len(seconds),
        "check_seconds_median": statistics.median(seconds) if seconds else None,
        "check_seconds_max": max(seconds) if seconds else None,
        "uploader_errors": errors,
        "without": without,
        "during": during,
    }
    (OUT / "staff_load.json").write_text(json.dumps(result, indent=1, default=str))
    return result


def table(r: dict) -> str:
    return "\n".join(
        [
            "| viewers | p50 without | p95 without | p50 during checks | p95 during checks | ratio (p95) | checks run | "
            "check time (median, max) | errors |",
            "|---|---|---|---|---|---|---|---|---|",
            f"| {r['viewers']} | {r['p50_without_s']:.2f} s | {r['p95_without_s']:.2f} s | {r['p50_during_s']:.2f} s | "
            f"{r['p95_during_s']:.2f} s | {r['ratio']:.2f}x | {r['checks']} | "
            f"{r['check_seconds_median'] or 0:.1f} s, {r['check_seconds_max'] or 0:.1f} s | "
            f"{r['viewer_errors']} viewer, {len(r['uploader_errors'])} uploader |",
        ]
    )


def uploader_process(base: str, folder: str) -> int:
    """Upload, check, remove, again, until <folder>/stop exists; each check's seconds go to <folder>/uploader.json."""
    folder_path = Path(folder)
    stop = threading.Event()
    seconds: list[float] = []
    errors: list[str] = []

    def watch() -> None:
        while not (folder_path / "stop").exists():
            (folder_path / "uploader.json.tmp").write_text(json.dumps({"seconds": seconds, "errors": errors}))
            if seconds or errors:
                (folder_path / "uploader.json.tmp").replace(folder_path / "uploader.json")
            time.sleep(0.5)
        stop.set()

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    _uploader(base, stop, seconds, errors, folder_path)
    (folder_path / "uploader.json").write_text(json.dumps({"seconds": seconds, "errors": errors}))
    return 0


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--uploader":
        return uploader_process(sys.argv[2], sys.argv[3])
    result = run()
    print(table(result))
    if result["uploader_errors"]:
        print("uploader:", result["uploader_errors"], file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
