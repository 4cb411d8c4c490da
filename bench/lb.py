"""The two-server set-up of deploy/ checked locally: deploy/run_two_servers.sh starts two app servers and nginx on
loopback ports; visitors (protocol clients that first load the page over HTTP, like a browser, and keep its
cookie) must each stay on one server, and both servers must serve some of them. Then one real Chromium visit
through nginx (websocket upgrade, gzip) and N simultaneous viewers spread over both servers."""

from __future__ import annotations

import asyncio
import os
import subprocess
import urllib.request
from collections import Counter
from pathlib import Path

from bench.common import OUT, ROOT, free_port, proc_cpu_seconds
from bench.wsclient import StreamlitSession


async def _visitor(base: str, i: int) -> dict:
    with urllib.request.urlopen(base + "/", timeout=30) as resp:
        http_upstream = resp.headers.get("X-Upstream")
        cookie = resp.headers.get("Set-Cookie", "").split(";", 1)[0]
    async with StreamlitSession(base, headers={"Cookie": cookie}) as s:
        ws_upstream = s.response_headers.get("X-Upstream") or s.response_headers.get("x-upstream")
        runs = [await s.run("", ""), await s.run("deployments", "region=South")]
    return {"http": http_upstream, "ws": ws_upstream, "ok": all(r.ok for r in runs)}


def check(visitors: int = 20, viewers_n: int = 100, log=print) -> dict:
    ports = {
        "LB_PORT": str(free_port()),
        "APP_PORT_1": str(free_port()),
        "APP_PORT_2": str(free_port()),
        "RUN_DIR": str(OUT / "lb-check"),
    }
    env = {**os.environ, **ports}
    script = str(ROOT / "deploy" / "run_two_servers.sh")
    subprocess.run([script, "start"], env=env, check=True, timeout=180)
    base = f"http://127.0.0.1:{ports['LB_PORT']}"
    result: dict = {"ports": ports}
    try:
        from bench.pages import _browser_visits
        from bench.viewers import run_one

        async def many():
            return await asyncio.gather(*(_visitor(base, i) for i in range(visitors)))

        seen = asyncio.run(many())
        result["visitors"] = visitors
        result["sticky"] = sum(1 for v in seen if v["http"] == v["ws"] and v["ws"])
        result["ok"] = sum(1 for v in seen if v["ok"])
        result["per_backend"] = dict(Counter(v["ws"] for v in seen))
        log(
            f"  {visitors} visitors: {result['sticky']} stayed on one server, {result['ok']} ran without errors, "
            f"per server {result['per_backend']}"
        )
        from playwright.sync_api import sync_playwright

        from bench.common import CHROMIUM, CHROMIUM_ARGS

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            _browser_visits(browser, f"{base}/deployments", 2, 1, 1)
            result["browser_deployments"] = _browser_visits(browser, f"{base}/deployments", 2, 1, 3)
            browser.close()
        log(
            f"  Chromium through nginx, /deployments: drawn in {result['browser_deployments']['draw_s']:.2f} s, "
            f"{result['browser_deployments']['bytes_first_visit'] / 1e3:.0f} kB first visit"
        )
        pids = [int(Path(ports["RUN_DIR"], f"app-{ports[k]}.pid").read_text()) for k in ("APP_PORT_1", "APP_PORT_2")]
        if viewers_n:
            cpu0 = sum(proc_cpu_seconds(p) for p in pids)
            row = run_one(base, pids[0], viewers_n, "meeting")  # RSS figures: server 1 only
            row["server_cpu_s"] = sum(proc_cpu_seconds(p) for p in pids) - cpu0
            row["server_cpu_s_per_session"] = row["server_cpu_s"] / viewers_n
            row["server_cpu_util"] = row["server_cpu_s"] / row["wall_s"]
            row["mode"] = "meeting, 2 servers + nginx"
            result["viewers"] = row
            log(
                f"  {viewers_n} viewers through nginx: p50 {row['p50_s']:.2f} s, p95 {row['p95_s']:.2f} s, "
                f"{row['errors']} errors"
            )
        access = Path(ports["RUN_DIR"], "logs", "access.log").read_text().splitlines()
        result["access_log_upstreams"] = dict(
            Counter(line.split("upstream=")[1].split()[0] for line in access if "/_stcore/stream" in line)
        )
    finally:
        subprocess.run([script, "stop"], env=env, timeout=60)
    return result
