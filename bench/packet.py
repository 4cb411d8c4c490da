"""The meeting packet under load (issue 17): how long the PDF of the whole saved sequence takes, cold and warm,
as a reader gets it (a click on the deck bar's "Packet (PDF)" in headless Chromium, until the download is
complete), and what 10 viewers' pages cost while packets are being made, next to the same 10 viewers with no
packet and the framework's floor page (bench/floor_app.py) measured in the same run.

    .venv/bin/python -m bench.packet            # ~3 minutes on the 2-core machine

cold    the first packet after the server started (views of the sequence not built yet, Chromium not started)
warm    the same packet again (views and chart images built); then the other language's first packet
viewers 10 protocol clients (bench/wsclient.py) doing bench/viewers.py's scenario, "meeting" pacing, while a
        browser asks for one packet after another (English and Spanish in turn) until they are done

Results: bench/out/packet.json and the table printed (as pasted into BENCHMARKS.md). Only 127.0.0.1 is used.
"""

from __future__ import annotations

import io
import json
import sys
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

from bench import viewers
from bench.common import CHROMIUM, CHROMIUM_ARGS, OUT, machine, streamlit_server
from components.views import deck

N = 10


def _open_deck(browser, base: str, lang: str):
    page = browser.new_page(viewport={"width": 1366, "height": 768}, accept_downloads=True)
    page.goto(f"{base}/?present=1&step=1&lang={lang}")
    page.wait_for_selector('[data-test-script-state="notRunning"]', timeout=120_000)
    page.get_by_role("button", name="Packet (PDF)" if lang == "en" else "Paquete (PDF)").wait_for(timeout=60_000)
    return page


def _packet(page, lang: str) -> tuple[float, int, int]:
    """Seconds from the click to the whole PDF on disk, its size in bytes and its pages."""
    button = page.get_by_role("button", name="Packet (PDF)" if lang == "en" else "Paquete (PDF)")
    t0 = time.perf_counter()
    with page.expect_download(timeout=180_000) as info:
        button.click()
    data = Path(info.value.path()).read_bytes()
    seconds = time.perf_counter() - t0
    return seconds, len(data), len(PdfReader(io.BytesIO(data)).pages)


def run(log=print) -> dict:
    out: dict = {"machine": machine(), "views": len(deck.sequence())}
    with streamlit_server(log_name="server-packet.log") as (base, proc), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        en = _open_deck(browser, base, "en")
        out["cold_s"], out["bytes_en"], out["pages_en"] = _packet(en, "en")
        log(f"cold packet (en): {out['cold_s']:.2f} s, {out['bytes_en']:,} bytes, {out['pages_en']} pages")
        out["warm_s"] = min(_packet(en, "en")[0] for _ in range(3))
        log(f"warm packet (en): {out['warm_s']:.2f} s (best of 3)")
        es = _open_deck(browser, base, "es")
        out["first_es_s"], out["bytes_es"], out["pages_es"] = _packet(es, "es")
        log(f"first Spanish packet on a warm server: {out['first_es_s']:.2f} s, {out['bytes_es']:,} bytes")

        # 10 viewers with no packet, then 10 viewers while packets are made one after another
        # Playwright's sync API holds this thread's event loop: the viewers run on another thread
        baseline: dict = {}
        worker = threading.Thread(target=lambda: baseline.update(viewers.run_one(base, proc.pid, N, "meeting")))
        worker.start()
        worker.join()
        baseline["mode"] = "meeting, no packet"
        rows = [baseline]
        made: list[float] = []
        result: dict = {}
        worker = threading.Thread(target=lambda: result.update(viewers.run_one(base, proc.pid, N, "meeting")))
        worker.start()
        i = 0
        while worker.is_alive():
            lang, page = (("en", en), ("es", es))[i % 2]
            made.append(_packet(page, lang)[0])
            i += 1
        worker.join()
        result["mode"] = f"meeting, {len(made)} packets made meanwhile"
        rows.append(result)
        out["packets_during"] = made
        browser.close()
    with streamlit_server("bench/floor_app.py", log_name="server-packet-floor.log") as (base, proc):
        import asyncio

        asyncio.run(viewers._all(base, 1, "burst", 120, viewers.FLOOR_SCENARIO))
        rows.append(viewers.run_one(base, proc.pid, N, "meeting", scenario=viewers.FLOOR_SCENARIO))
    out["viewers"] = rows
    for r in rows:
        log(f"  {r['n']} viewers, {r['mode']}: p50 {r['p50_s']:.2f} s, p95 {r['p95_s']:.2f} s, {r['errors']} errors")
    if made:
        log(f"  packets made during the viewers' run: {len(made)}, {min(made):.2f}–{max(made):.2f} s each")
    return out


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    out = run()
    (OUT / "packet.json").write_text(json.dumps(out, indent=1, default=str))
    print(viewers.table(out["viewers"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
