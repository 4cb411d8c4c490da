"""Keep Python's garbage collector from re-walking what a server process keeps for its whole life.

Measured with 100 viewers on one server (BENCHMARKS.md): the collector took ~20% of the server's time, mostly
full (generation-2) collections of ~120 ms each that walk every live object — pandas, Plotly's validators,
DuckDB, the app's modules and the figures shared by components/memo. After the first page has run:
- gc.freeze() moves everything alive then out of the collector's sight for good;
- higher thresholds make young collections rarer, so fewer short-lived objects are promoted and full
  collections become rare (10 → 0 in the benchmark run; collector time 2.6 s → 0.7 s).
Cyclic garbage is still collected; reference counting frees everything else at once, as always. Streamlit's
own full collection after every run is off in .streamlit/config.toml (runner.postScriptGC) for the same reason.
"""

from __future__ import annotations

import atexit
import gc
import threading

THRESHOLDS = (7000, 20, 50)  # Python's defaults: (700, 10, 10)

_lock = threading.Lock()
_tuned = False


def tune_once() -> bool:
    """Collect, freeze what is alive, raise the thresholds; only the first call in a process does anything."""
    global _tuned  # noqa: PLW0603 (once per process, by design)
    if _tuned:
        return False
    with _lock:
        if _tuned:
            return False
        gc.collect()  # what is garbage now is freed, not frozen
        gc.freeze()
        gc.set_threshold(*THRESHOLDS)
        # At exit, hand the frozen objects back so the interpreter's last collection frees them (otherwise
        # DuckDB's bindings report them as leaked in the server log).
        atexit.register(gc.unfreeze)
        _tuned = True
        return True
