"""All the benchmarks of BENCHMARKS.md in one run (not part of the test suite):

    .venv/bin/python -m bench.run                      # everything (~15 min on the 2-core machine)
    .venv/bin/python -m bench.run --only pages,scale   # parts: pages, scale, viewers, lb

pages   per page: server time cold/warm, time until every chart and map has drawn in headless Chromium, bytes
        sent; the floor page (bench/floor_app.py) with the same number of charts and maps; ratios (bench/pages.py)
scale   the Deployments page's campus-record aggregations over 10k / 1M / 10M synthetic records (bench/scale.py)
viewers 10, 50, 100 simultaneous sessions against one server (bench/viewers.py)
lb      two app servers behind nginx (deploy/), stickiness check and 100 viewers (bench/lb.py)

Every server listens on 127.0.0.1 only, on a free port; every loop is bounded. Results: bench/out/results.json
and bench/out/results.md (tables as pasted into BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from bench.common import OUT, machine


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="pages,scale,viewers,lb")
    parser.add_argument("--viewers", default="10,50,100")
    parser.add_argument("--sizes", default="10000,1000000,10000000")
    args = parser.parse_args(argv)
    parts = set(args.only.split(","))
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict = {"machine": machine(), "started": time.strftime("%Y-%m-%d %H:%M:%S")}
    md = [f"machine: {results['machine']}"]
    print(md[0], flush=True)

    def log(text):
        print(text, flush=True)

    if "pages" in parts:
        from bench import pages

        log("pages (cold/warm server time, draw time, bytes; floor)")
        results["pages"] = pages.run(log=log)
        md += ["", "## pages", pages.table(results["pages"])]
    if "scale" in parts:
        from bench import scale

        log("query scaling (synthetic campus records)")
        t0 = time.perf_counter()
        scale.main(["--sizes", args.sizes, "--json", str(OUT / "scale.json")])
        results["scale"] = json.loads((OUT / "scale.json").read_text())
        results["scale_seconds"] = time.perf_counter() - t0
    if "viewers" in parts:
        from bench import viewers
        from bench.common import streamlit_server

        rows = []
        with streamlit_server(log_name="server-viewers.log") as (base, proc):
            import asyncio

            asyncio.run(viewers._all(base, 1, "burst", 120))  # warm the process once
            for n in (int(x) for x in args.viewers.split(",")):
                rows.append(viewers.run_one(base, proc.pid, n, "meeting"))
                log(
                    f"  {n} viewers (meeting): p50 {rows[-1]['p50_s']:.2f} s, p95 {rows[-1]['p95_s']:.2f} s, "
                    f"{rows[-1]['errors']} errors"
                )
            rows.append(viewers.run_one(base, proc.pid, max(int(x) for x in args.viewers.split(",")), "burst"))
            log(f"  burst: p50 {rows[-1]['p50_s']:.2f} s, p95 {rows[-1]['p95_s']:.2f} s, {rows[-1]['errors']} errors")
        # The floor for many viewers: the same interactions on the floor page, so the framework's own cost per
        # interaction is measured on this machine in the same run.
        with streamlit_server("bench/floor_app.py", log_name="server-viewers-floor.log") as (base, proc):
            asyncio.run(viewers._all(base, 1, "burst", 120, viewers.FLOOR_SCENARIO))
            n = max(int(x) for x in args.viewers.split(","))
            rows.append(viewers.run_one(base, proc.pid, n, "meeting", scenario=viewers.FLOOR_SCENARIO))
            log(f"  floor page, {n} viewers: p50 {rows[-1]['p50_s']:.2f} s, p95 {rows[-1]['p95_s']:.2f} s")
        results["viewers"] = rows
        md += ["", "## viewers (one server)", viewers.table(rows)]
    if "lb" in parts:
        from bench import lb, viewers

        log("two servers behind nginx")
        results["lb"] = lb.check(log=log)
        if "viewers" in results["lb"]:
            md += ["", "## viewers (two servers + nginx)", viewers.table([results["lb"]["viewers"]])]
        md += ["", "## lb", json.dumps({k: v for k, v in results["lb"].items() if k != "viewers"}, default=str)]
    (OUT / "results.json").write_text(json.dumps(results, indent=1, default=str))
    (OUT / "results.md").write_text("\n".join(md) + "\n")
    print("\n".join(md[1:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
