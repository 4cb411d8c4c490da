"""Shared pieces of the benchmarks: a `streamlit run` server on its own loopback port, process CPU/memory from
/proc, and the machine description. Only 127.0.0.1 is ever used."""

from __future__ import annotations

import os
import platform
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from components import registry

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# The pages measured: every public page of the registry (components/registry.py).
PAGES = tuple(p.slug for p in registry.public_pages())
PATH = {p.slug: p.path for p in registry.public_pages()}  # the default page's URL path is empty
CLK_TCK = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def streamlit_server(
    script: str = "app.py",
    port: int | None = None,
    log_name: str = "server.log",
    env: dict | None = None,
    timeout_s: float = 60,
    log_path: Path | None = None,
    root: Path | None = None,
    extra_args: tuple[str, ...] = (),
):
    """`streamlit run script` on 127.0.0.1:port from `root` (default: this checkout); yields (base_url, Popen);
    stops it after.

    The server's output goes to `log_path` (default bench/out/<log_name>). Raises RuntimeError if it does not
    answer /_stcore/health within `timeout_s`. Used by the benchmarks and by the browser tests."""
    port = port or free_port()
    log_path = log_path or OUT / log_name
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = log_path.open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
            # As in production (deploy/): no file watcher, so a source edit elsewhere cannot reload modules mid-run.
            "--server.fileWatcherType",
            "none",
            *extra_args,
        ],
        cwd=root or ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(base, proc, timeout_s)
        yield base, proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def wait_healthy(base: str, proc: subprocess.Popen | None = None, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while True:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as resp:
                if resp.read().decode().strip() == "ok":
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{base} did not become healthy within {timeout_s} s")
        time.sleep(0.25)


def proc_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process (from /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def proc_rss_mb(pid: int) -> float:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE / 1e6


def machine() -> dict:
    import duckdb
    import pandas
    import plotly
    import streamlit

    mem_kb = next(
        int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
    )
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    try:
        chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        chromium = "not found"
    return {
        "nproc": os.cpu_count(),
        "memory_gb": round(mem_kb / 1e6, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "duckdb": duckdb.__version__,
        "pandas": pandas.__version__,
        "plotly": plotly.__version__,
        "chromium": chromium,
        "kernel": platform.release(),
        "loadavg_at_start": os.getloadavg(),
    }
