"""Before and after in one run: the same pages of two checkouts of the app, measured alternately on this machine,
beside the framework's floor page (not part of the test suite):

    .venv/bin/python -m bench.compare --before ../wt-base            # e.g. a worktree of the previous commit
    .venv/bin/python -m bench.compare --before ../wt-base --after .  # (after defaults to this checkout)

For each page: server time cold and warm (the protocol client, no rendering), the time until every chart and
map has drawn in headless Chromium, and the page data (websocket bytes of a first visit; bench/pages.py has the
method). Each page is measured for "before" and then
"after" before moving to the next page, so a machine that gets busier affects both. The floor page is measured
once per chart count. Prints a markdown table; results go to bench/out/compare.json.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench import common
from bench.common import CHROMIUM, CHROMIUM_ARGS, OUT, machine, streamlit_server
from bench.pages import _arun, _browser_visits, _ws_runs


def measure(browser, root: Path, name: str, warm_runs: int, visits: int) -> dict:
    path = common.PATH[name]
    with streamlit_server(log_name=f"server-compare-{root.name}-{name}.log", root=root) as (base, _proc):
        ws = _arun(_ws_runs(base, path, "", warm_runs))
        _browser_visits(browser, f"{base}/{path}", ws["plots"], ws["maps"], 1)  # warm the browser path
        br = _browser_visits(browser, f"{base}/{path}", ws["plots"], ws["maps"], visits)
    return {**ws, **br}


def run(before: Path, after: Path, warm_runs: int, visits: int, pages=None, log=print) -> dict:
    from playwright.sync_api import sync_playwright

    results: dict = {"machine": machine(), "before": str(before), "after": str(after), "pages": {}, "floor": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name in pages or common.PAGES:
                row = {
                    label: measure(browser, root, name, warm_runs, visits)
                    for label, root in (("before", before), ("after", after))
                }
                results["pages"][name] = row
                log(
                    f"  {name}: warm {row['before']['warm_s']:.3f} -> {row['after']['warm_s']:.3f} s, "
                    f"drawn {row['before']['draw_s']:.2f} -> {row['after']['draw_s']:.2f} s"
                )
            counts = sorted({(r["after"]["plots"], r["after"]["maps"]) for r in results["pages"].values()})
            with streamlit_server("bench/floor_app.py", log_name="server-compare-floor.log") as (base, _proc):
                for plots, maps in counts:
                    query = f"plots={plots}&maps={maps}"
                    ws = _arun(_ws_runs(base, "", query, warm_runs))
                    _browser_visits(browser, f"{base}/?{query}", plots, maps, 1)
                    results["floor"][query] = {
                        **ws,
                        **_browser_visits(browser, f"{base}/?{query}", plots, maps, visits),
                    }
        finally:
            browser.close()
    return results


def table(results: dict) -> str:
    lines = [
        "| page | charts+maps | warm s before | warm s after | floor warm s | after / floor | drawn s before | "
        "drawn s after | floor drawn s | after / floor | page data kB before | page data kB after |",
        "|" + "---|" * 12,
    ]
    for name, row in results["pages"].items():
        b, a = row["before"], row["after"]
        f = results["floor"][f"plots={a['plots']}&maps={a['maps']}"]
        lines.append(
            f"| {name} | {a['plots']}+{a['maps']} | {b['warm_s']:.3f} | {a['warm_s']:.3f} | {f['warm_s']:.3f} "
            f"| {a['warm_s'] / f['warm_s']:.2f}x | {b['draw_s']:.2f} | {a['draw_s']:.2f} | {f['draw_s']:.2f} "
            f"| {a['draw_s'] / f['draw_s']:.2f}x | {b['bytes_ws'] / 1e3:.0f} | {a['bytes_ws'] / 1e3:.0f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="checkout of the app before the change")
    parser.add_argument("--after", type=Path, default=common.ROOT, help="checkout after (default: this one)")
    parser.add_argument("--warm-runs", type=int, default=7)
    parser.add_argument("--visits", type=int, default=3)
    parser.add_argument("--pages", default="", help="comma-separated page slugs (default: every public page)")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    pages = [p for p in args.pages.split(",") if p] or None
    results = run(args.before.resolve(), args.after.resolve(), args.warm_runs, args.visits, pages)
    (OUT / "compare.json").write_text(json.dumps(results, indent=1, default=str))
    print(f"machine: {results['machine']}")
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
