"""Many simultaneous viewers against one server: N protocol clients (bench/wsclient.py), each its own Streamlit
session, each doing the same bounded scenario of page opens and filter changes. Reports p50/p95 seconds per
interaction (request → script finished), errors, and the server's CPU seconds and memory per session (/proc).

Two modes: "meeting" = everyone opens within the first 2 s and then waits 1–4 s (seeded random) between
interactions, like people reading a projected page; "burst" = everyone starts at the same instant with no pauses,
the worst case. A filter change is sent the way the page gets it from a shared link (?region=&bd= in the query
string of the rerun request), which runs the same queries as changing the select box.
"""

from __future__ import annotations

import asyncio
import random
import statistics
import threading
import time

from bench.common import proc_cpu_seconds, proc_rss_mb
from bench.wsclient import StreamlitSession

SCENARIO = (
    ("", ""),
    ("deployments", ""),
    ("deployments", "region=North"),
    ("deployments", "region=North&bd=3"),
    ("spending", ""),
    ("community_safety", ""),
)
# The same six interactions on the floor page (bench/floor_app.py): as many charts and maps as each page of
# SCENARIO, from data in memory; the extra parameters only make each request a distinct rerun, as a filter does.
FLOOR_SCENARIO = (
    ("", "plots=4&maps=0"),
    ("", "plots=2&maps=1"),
    ("", "plots=2&maps=1&region=North"),
    ("", "plots=2&maps=1&region=North&bd=3"),
    ("", "plots=5&maps=0"),
    ("", "plots=3&maps=1"),
)


def percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = max(0, min(len(values) - 1, round(q * (len(values) - 1))))
    return values[k]


async def _viewer(
    base: str, i: int, mode: str, times: list, errors: list, timeout_s: float, headers=None, scenario=SCENARIO
):
    rng = random.Random(i)
    if mode == "meeting":
        await asyncio.sleep(rng.uniform(0, 2))
    try:
        async with StreamlitSession(base, timeout_s=timeout_s, headers=headers) as s:
            for page, query in scenario:
                r = await s.run(page, query)
                times.append(r.seconds)
                if not r.ok:
                    errors.append(f"viewer {i} {page}?{query}: {r.error}")
                if mode == "meeting":
                    await asyncio.sleep(rng.uniform(1, 4))
    except Exception as exc:  # connection refused/closed: counted, never retried
        errors.append(f"viewer {i}: {type(exc).__name__}: {exc}")


async def _all(base: str, n: int, mode: str, timeout_s: float, scenario=SCENARIO):
    times: list[float] = []
    errors: list[str] = []
    await asyncio.gather(*(_viewer(base, i, mode, times, errors, timeout_s, scenario=scenario) for i in range(n)))
    return times, errors


def run_one(base: str, pid: int, n: int, mode: str, timeout_s: float = 180, scenario=SCENARIO) -> dict:
    rss_base = proc_rss_mb(pid)
    peak = [rss_base]
    stop = threading.Event()

    def sample():
        while not stop.wait(0.25):
            peak[0] = max(peak[0], proc_rss_mb(pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    cpu0, t0 = proc_cpu_seconds(pid), time.perf_counter()
    times, errors = asyncio.run(_all(base, n, mode, timeout_s, scenario))
    wall, cpu = time.perf_counter() - t0, proc_cpu_seconds(pid) - cpu0
    stop.set()
    sampler.join()
    time.sleep(1)
    return {
        "n": n,
        "mode": mode if scenario is SCENARIO else f"{mode} (floor page)",
        "interactions": len(times),
        "errors": len(errors),
        "error_examples": errors[:3],
        "p50_s": statistics.median(times) if times else float("nan"),
        "p95_s": percentile(times, 0.95),
        "max_s": max(times) if times else float("nan"),
        "wall_s": wall,
        "server_cpu_s": cpu,
        "server_cpu_s_per_session": cpu / n,
        "server_cpu_util": cpu / wall,
        "rss_before_mb": rss_base,
        "rss_peak_mb": peak[0],
        "rss_per_session_mb": (peak[0] - rss_base) / n,
        "rss_after_mb": proc_rss_mb(pid),
    }


def table(rows: list[dict]) -> str:
    lines = [
        "| sessions | mode | interactions | errors | p50 s | p95 s | max s | wall s | server CPU s (per session) "
        "| server CPU use | RSS before → peak MB | MB per session |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['n']} | {r['mode']} | {r['interactions']} | {r['errors']} | {r['p50_s']:.2f} | "
            f"{r['p95_s']:.2f} | {r['max_s']:.2f} | {r['wall_s']:.0f} | {r['server_cpu_s']:.0f} "
            f"({r['server_cpu_s_per_session']:.2f}) | {r['server_cpu_util'] * 100:.0f}% | "
            f"{r['rss_before_mb']:.0f} → {r['rss_peak_mb']:.0f} | {r['rss_per_session_mb']:.1f} |"
        )
    return "\n".join(lines)
