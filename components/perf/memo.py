"""`@cached`: build a figure, a text alternative, a citation or a whole view once per distinct input, for every
session of the server.

The builders in components/ are pure functions of their inputs (frames from queries/, the language, labels).
Rebuilding a Plotly figure costs 15–90 ms (Plotly validates every property); a hundred people opening the same
link ask for the same figures, so the server builds each once and hands out the same object (BENCHMARKS.md).

Inputs are keyed by content, so published data that changes after a staff publish gives new keys on its own:
nothing to invalidate.
- A frame is keyed by its pickled bytes (0.1 ms, against 2 ms for Streamlit's frame hashing): equal bytes mean
  equal frames, so a key can miss but never mix two inputs. The key is remembered for as long as the frame lives.
- A query result (queries.QueryResult) is keyed by the query behind it (database file identity, query,
  parameters), never hashed.
- `@cached(data=True)` (view models, which ask queries/ themselves) adds the identity of the published database
  and of every staff import to the key: a publish or an import gives new keys.
- Never change a result after it is handed out: it is shared between sessions (ui.blocks copies a figure
  before enlarging it). Figures come back as FrozenFigure, serialized once.

One LRU implementation (cachetools) holds the results, bounded per decorated function.
"""

from __future__ import annotations

import functools
import hashlib
import pickle
import threading
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd
from cachetools import LRUCache

import queries
from components.perf.frozen import freeze
from queries import QueryResult

F = TypeVar("F", bound=Callable[..., Any])
BUILDER_ENTRIES = 1024  # figures are 5–60 kB each; 2 languages × the filter combinations of every chart fit easily
VIEW_ENTRIES = 256  # a view holds a page's figures (50–300 kB): every year × filter × language of a busy day

_frame_keys: dict[int, tuple[weakref.ref, bytes]] = {}
_caches: list[LRUCache] = []


def _frame_key(frame: pd.DataFrame) -> bytes:
    """A frame's content key, remembered for as long as the frame lives: frames held by a cached view are the
    same objects on every run, so they are keyed once per server rather than once per run."""
    known = _frame_keys.get(id(frame))
    if known is not None and known[0]() is frame:
        return known[1]
    key = hashlib.blake2b(pickle.dumps(frame, protocol=5), digest_size=20).digest()
    ident = id(frame)
    _frame_keys[ident] = (weakref.ref(frame, lambda _ref: _frame_keys.pop(ident, None)), key)
    return key


def _result_key(result: QueryResult) -> tuple:
    """A query's result is keyed by the query that produced it (database file, name, parameters)."""
    return result.key if result.key is not None else (_frame_key(result.frame), result.source_ids)


_PLAIN = (str, int, float, bool, bytes, type(None))


def _key(value: Any) -> Any:
    """A hashable stand-in for one argument: equal keys only for equal inputs (type included: 1 is not 1.0)."""
    if isinstance(value, _PLAIN):
        return (type(value).__name__, value)
    if isinstance(value, QueryResult):
        return ("result", _result_key(value))
    if isinstance(value, pd.DataFrame):
        return ("frame", _frame_key(value))
    if isinstance(value, (tuple, list)):
        return (type(value).__name__, tuple(_key(v) for v in value))
    if isinstance(value, dict):
        return ("dict", tuple((_key(k), _key(v)) for k, v in value.items()))
    # Anything else (dataclasses, sets, Series, ...): its pickled bytes, as for frames.
    return ("pickle", hashlib.blake2b(pickle.dumps(value, protocol=5), digest_size=20).digest())


def data_state() -> tuple:
    """The identity of everything a view reads: the published database file and each staff import file."""
    from queries import imports  # noqa: PLC0415 (queries.imports imports queries; kept light at import time)

    return (queries.data_version(), imports.versions())


def cached(fn: F | None = None, *, data: bool = False, maxsize: int | None = None) -> F:
    """Decorator: fn(*args, **kwargs) computed once per distinct input in this server process, LRU-bounded.

    `data=True` for view models: the key also holds data_state(), so a publish or an import rebuilds them.
    Two sessions asking for a missing entry at once may both build it; the results are equal.
    """

    def decorate(func: F) -> F:
        store = LRUCache(maxsize or (VIEW_ENTRIES if data else BUILDER_ENTRIES))
        lock = threading.Lock()
        _caches.append(store)

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            key = (_key(args), _key(kwargs), data_state() if data else None)
            with lock:
                found = store.get(key, _MISSING)
            if found is not _MISSING:
                return found
            value = freeze(func(*args, **kwargs))
            with lock:
                store[key] = value
            return value

        wrapper.cache = store  # type: ignore[attr-defined]  (tests look at what was kept)
        return wrapper  # type: ignore[return-value]

    return decorate(fn) if fn is not None else decorate  # type: ignore[return-value]


_MISSING = object()


def clear() -> None:
    """Forget every cached result (tests; never needed for a data change, see the module docstring)."""
    for store in _caches:
        store.clear()
