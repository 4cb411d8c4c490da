"""Per-page figures: server time (cold, warm), time until every chart and map has drawn in headless Chromium,
bytes sent to the browser — and the same for the floor page (bench/floor_app.py) with as many charts and maps.

Server time = from the BackMsg asking for a run to the ForwardMsg saying the script finished, measured by the
protocol client in bench/wsclient.py (no rendering): cold = the first run of that page on a freshly started
server (process caches empty; the server is restarted for every page), warm = median of new sessions afterwards.
Draw time = Playwright, a new browser context (empty cache) per visit, warm server: from page.goto() until the
script is idle and every Plotly chart has its SVG marks and every deck.gl map has a sized canvas (+2 frames).
Bytes = Chrome DevTools Protocol: encoded (on-the-wire) bytes of every HTTP response + websocket frame payloads.
"""

from __future__ import annotations

import asyncio
import base64
import statistics
import time

from bench import common
from bench.common import CHROMIUM, CHROMIUM_ARGS, streamlit_server
from bench.wsclient import StreamlitSession

APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'
PAGES: tuple = ()  # empty = all of bench.common.PAGES
DRAWN_JS = """([plots, maps]) => {
    const ps = [...document.querySelectorAll('.js-plotly-plot')];
    const plotsOk = ps.length === plots && ps.every(p => p.querySelector('.main-svg')
        && p.querySelector('g.points path, .barlayer path, .treemaplayer path, .scatterlayer path, .pielayer path'));
    const cs = [...document.querySelectorAll('[data-testid="stDeckGlJsonChart"] canvas')];
    const mapsOk = cs.length >= maps && cs.slice(0, Math.max(maps, 0)).every(c => c.width > 0 && c.height > 0);
    return plotsOk && mapsOk;
}"""


def _arun(coro):
    """asyncio.run in a worker thread (Playwright's sync API owns this thread's event loop)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def _ws_runs(base: str, path: str, query: str, warm_runs: int) -> dict:
    # The first session stays connected while the warm sessions come and go, as on a server people are using:
    # Streamlit drops its compiled-script cache whenever the last session disconnects, which a warm server
    # with viewers never sees (and the floor is measured the same way).
    async with StreamlitSession(base) as keeper:
        cold = await keeper.run(path, query)
        assert cold.ok, (path, cold.error)
        warm = []
        for _ in range(warm_runs):
            async with StreamlitSession(base) as s:
                r = await s.run(path, query)
            assert r.ok, (path, r.error)
            warm.append(r)
    return {
        "cold_s": cold.seconds,
        "warm_s": statistics.median(r.seconds for r in warm),
        "warm_all_s": [round(r.seconds, 4) for r in warm],
        "ws_bytes": warm[-1].bytes_received,
        "plots": (cold.elements or {}).get("plotly_chart", 0),
        "maps": (cold.elements or {}).get("deck_gl_json_chart", 0),
    }


def _browser_visits(browser, url: str, plots: int, maps: int, visits: int) -> dict:
    times, totals, static, ws, revisit = [], [], [], [], []
    for _ in range(visits):
        context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
        # No context.route() here: Playwright turns the HTTP cache off when routing, and the revisit figure
        # needs the cache. Requests that leave the machine are counted instead (the app makes none).
        foreign: list[str] = []
        context.on(
            "request",
            lambda r, foreign=foreign: (
                None
                if r.url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:"))
                else foreign.append(r.url)
            ),
        )
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        counts = {"http": 0, "static": 0, "ws": 0}
        urls: dict[str, str] = {}
        cached: set[str] = set()
        cdp.on("Network.responseReceived", lambda e, urls=urls: urls.__setitem__(e["requestId"], e["response"]["url"]))
        cdp.on("Network.requestServedFromCache", lambda e, cached=cached: cached.add(e["requestId"]))

        def finished(e, counts=counts, urls=urls, cached=cached):
            if e["requestId"] in cached:
                return  # from the browser's cache: nothing was sent
            counts["http"] += e["encodedDataLength"]
            if "/static/" in urls.get(e["requestId"], ""):
                counts["static"] += e["encodedDataLength"]

        def frame(e, counts=counts):
            r = e["response"]
            counts["ws"] += len(base64.b64decode(r["payloadData"])) if r.get("opcode") == 2 else len(r["payloadData"])

        cdp.on("Network.loadingFinished", finished)
        cdp.on("Network.webSocketFrameReceived", frame)
        t0 = time.perf_counter()
        page.goto(url)
        page.locator(APP_IDLE).wait_for(timeout=60_000)
        page.wait_for_function(DRAWN_JS, arg=[plots, maps], timeout=60_000)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        times.append(time.perf_counter() - t0)
        page.wait_for_timeout(300)  # late responses (fonts, media) still count
        totals.append(counts["http"] + counts["ws"])
        static.append(counts["static"])
        ws.append(counts["ws"])
        # The same page again in the same context: the browser cache now holds Streamlit's own files.
        before = dict(counts)
        page.goto(url)  # a new visit (not a reload, which would revalidate everything)
        page.locator(APP_IDLE).wait_for(timeout=60_000)
        page.wait_for_function(DRAWN_JS, arg=[plots, maps], timeout=60_000)
        page.wait_for_timeout(300)
        revisit.append(counts["http"] + counts["ws"] - before["http"] - before["ws"])
        assert not foreign, f"requests left the machine: {foreign[:3]}"
        context.close()
    return {
        "draw_s": statistics.median(times),
        "draw_all_s": [round(t, 3) for t in times],
        "bytes_first_visit": int(statistics.median(totals)),
        "bytes_static": int(statistics.median(static)),
        "bytes_ws": int(statistics.median(ws)),
        "bytes_revisit": int(statistics.median(revisit)),
    }


def run(warm_runs: int = 5, visits: int = 3, log=print) -> dict:
    from playwright.sync_api import sync_playwright

    results: dict = {"pages": {}, "floor": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name in PAGES or common.PAGES:
                path = common.PATH[name]
                with streamlit_server(log_name=f"server-{name}.log") as (base, _proc):
                    ws = _arun(_ws_runs(base, path, "", warm_runs))
                    _browser_visits(browser, f"{base}/{path}", ws["plots"], ws["maps"], 1)  # warm the browser path too
                    br = _browser_visits(browser, f"{base}/{path}", ws["plots"], ws["maps"], visits)
                results["pages"][name] = {**ws, **br}
                log(
                    f"  {name}: cold {ws['cold_s']:.3f} s, warm {ws['warm_s']:.3f} s, drawn {br['draw_s']:.2f} s, "
                    f"{ws['plots']} charts + {ws['maps']} maps, {br['bytes_first_visit'] / 1e3:.0f} kB first visit"
                )
            with streamlit_server("bench/floor_app.py", log_name="server-floor.log") as (base, _proc):
                for plots, maps in sorted({(r["plots"], r["maps"]) for r in results["pages"].values()}):
                    query = f"plots={plots}&maps={maps}"
                    ws = _arun(_ws_runs(base, "", query, warm_runs))
                    _browser_visits(browser, f"{base}/?{query}", plots, maps, 1)
                    br = _browser_visits(browser, f"{base}/?{query}", plots, maps, visits)
                    results["floor"][query] = {**ws, **br}
                    log(f"  floor {query}: warm {ws['warm_s']:.3f} s, drawn {br['draw_s']:.2f} s")
        finally:
            browser.close()
    return results


def table(results: dict) -> str:
    head = (
        "| page | charts+maps | server cold s | server warm s | floor warm s | warm / floor | all drawn s | "
        "floor drawn s | drawn / floor | first visit kB | of which Streamlit static kB | page data (websocket) kB | "
        "revisit kB |"
    )
    lines = [head, "|" + "---|" * head.count("|")[:-1] if False else "|" + "---|" * (head.count("|") - 1)]
    for name, r in results["pages"].items():
        f = results["floor"][f"plots={r['plots']}&maps={r['maps']}"]
        lines.append(
            f"| {name} | {r['plots']}+{r['maps']} | {r['cold_s']:.2f} | {r['warm_s']:.3f} | {f['warm_s']:.3f} | "
            f"{r['warm_s'] / f['warm_s']:.1f}x | {r['draw_s']:.2f} | {f['draw_s']:.2f} | {r['draw_s'] / f['draw_s']:.2f}x | "
            f"{r['bytes_first_visit'] / 1e3:.0f} | {r['bytes_static'] / 1e3:.0f} | {r['bytes_ws'] / 1e3:.0f} | "
            f"{r['bytes_revisit'] / 1e3:.0f} |"
        )
    return "\n".join(lines)
