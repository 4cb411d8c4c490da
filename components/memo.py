"""Build a figure, its text alternative or its table once per distinct input, for every session of the server.

The builders in components/ are pure functions of their inputs (frames from queries/, the language, labels).
Rebuilding a Plotly figure costs 15–90 ms (Plotly validates every property); a hundred people opening the same
link ask for the same figures, so the server builds each once and hands out the same object (BENCHMARKS.md).

Inputs are keyed by content, so published data that changes after a staff publish gives new keys on its own:
nothing to invalidate.
- A frame is keyed by its pickled bytes (0.1 ms, against 2 ms for Streamlit's frame hashing): equal bytes mean
  equal frames, so a key can miss but never mix two inputs.
- frame_of(result) is keyed by the query behind it (database file identity, query, parameters), not hashed.
- Never change a frame in place after handing it to cached() (pages derive new frames instead), and never
  change a result: it is shared between sessions (ui.chart_block copies a figure before enlarging it).
"""

from __future__ import annotations

import hashlib
import pickle
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Callable, TypeVar

import pandas as pd

from components.frozen import freeze
from queries import QueryResult

T = TypeVar("T")
MAX_ENTRIES = 1024  # figures are 5–60 kB each; 2 languages × the filter combinations of every chart fit easily


def cached(builder: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """builder(*args, **kwargs), computed once per distinct (builder, inputs) in this server process.

    Pass a query's result as `result.frame` (keyed by the frame's content) or, cheaper, as `frame_of(result)`
    (keyed by the query that produced it, never hashed).
    """
    return _call(builder, args, kwargs)


_frame_keys: dict[int, tuple[weakref.ref, bytes]] = {}


def _frame_key(frame: pd.DataFrame) -> bytes:
    """A frame's content key, remembered for as long as the frame lives: frames that cached() returned are the
    same objects on every run, so they are keyed once per server rather than once per run."""
    known = _frame_keys.get(id(frame))
    if known is not None and known[0]() is frame:
        return known[1]
    key = hashlib.blake2b(pickle.dumps(frame, protocol=5), digest_size=20).digest()
    ident = id(frame)
    _frame_keys[ident] = (weakref.ref(frame, lambda _ref: _frame_keys.pop(ident, None)), key)
    return key


@dataclass(frozen=True)
class FrameOf:
    """Stands for `result.frame` in a cached() call, keyed by the query instead of the frame's bytes."""
    result: QueryResult


def frame_of(result: QueryResult) -> FrameOf:
    return FrameOf(result)


def _unwrap(value: Any) -> Any:
    return value.result.frame if isinstance(value, FrameOf) else value


def _result_key(result: QueryResult) -> tuple:
    """A query's result is keyed by the query that produced it (database file, name, parameters)."""
    return result.key if result.key is not None else (_frame_key(result.frame), result.source_ids)


_PLAIN = (str, int, float, bool, bytes, type(None))


def _key(value: Any) -> Any:
    """A hashable stand-in for one argument: equal keys only for equal inputs (type included: 1 is not 1.0)."""
    if isinstance(value, _PLAIN):
        return (type(value).__name__, value)
    if isinstance(value, FrameOf):
        return ("result", _result_key(value.result))
    if isinstance(value, QueryResult):
        return ("result", _result_key(value))
    if isinstance(value, pd.DataFrame):
        return ("frame", _frame_key(value))
    if isinstance(value, (tuple, list)):
        return (type(value).__name__, tuple(_key(v) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple((_key(k), _key(v)) for k, v in value.items()))
    # Anything else (dataclasses, sets, ...): its pickled bytes, as for frames.
    return ("pickle", hashlib.blake2b(pickle.dumps(value, protocol=5), digest_size=20).digest())


class _LRU:
    """A bounded, thread-safe map from keys to built results, oldest dropped first.

    Not st.cache_resource: on every call it inspects the function's signature and walks its own hasher, which
    was ~15% of the server's time with 100 viewers (BENCHMARKS.md); the keys above cost a few microseconds.
    Two sessions asking for a missing entry at once may both build it; the results are equal.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return True, self._items[key]
        return False, None

    def put(self, key, value) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def __len__(self) -> int:
        return len(self._items)


_results = _LRU(MAX_ENTRIES)


def _call(builder: Callable, args: tuple, kwargs: dict) -> Any:
    key = (builder, _key(args), _key(kwargs))  # the function object itself: two lambdas never share a key
    found, value = _results.get(key)
    if not found:
        value = freeze(builder(*(_unwrap(a) for a in args), **{k: _unwrap(v) for k, v in kwargs.items()}))
        _results.put(key, value)
    return value


def clear() -> None:
    """Forget every cached result (tests; never needed for a data change, see the module docstring)."""
    _results.clear()
