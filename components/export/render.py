"""Plotly figures as PNG or SVG, drawn offline by one headless Chromium that every session shares.

Kaleido 1.x (Plotly's own image export, maintained with plotly.py) drives a Chrome or Chromium it finds on the
machine; we point it at Debian's /usr/bin/chromium (scripts/setup.sh installs it). Plotly's JavaScript comes from
the plotly package and MathJax is off, so nothing is fetched from the network.

One browser (one tab) is started on the first image and kept: a first image costs 1–2 s, the next ones
0.1–0.5 s. It runs on its own thread with its own event loop; sessions hand it figures and wait on a future,
so a session that waits holds no lock that another session's page needs. When the browser is missing,
`available()` is False and the pages say so instead of offering an image.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import shutil
import threading
from collections import OrderedDict
from concurrent.futures import Future

import kaleido
import plotly.graph_objects as go
import plotly.io as pio

TIMEOUT_S = 60  # one image; a packet asks for one per view
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_CACHE_ENTRIES = 64  # rendered images, keyed by the figure's JSON and the size: a packet's ~8 charts × 2 languages

_cache: OrderedDict[bytes, bytes] = OrderedDict()
_cache_lock = threading.Lock()
_pending: dict[bytes, Future] = {}  # images being drawn, so two sessions asking for one share its drawing


class Unavailable(RuntimeError):
    """No browser to draw images with, or it failed."""


def browser_path() -> str | None:
    """The Chromium (or Chrome) that draws images: $SAFETY_CHROMIUM if set (an empty value turns images off),
    else the first on PATH."""
    forced = os.environ.get("SAFETY_CHROMIUM")
    if forced is not None:
        return forced if forced and os.access(forced, os.X_OK) else None
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


def available() -> bool:
    return browser_path() is not None


class _Browser:
    """The one browser: its event loop on its own thread, started with the first image."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.loop: asyncio.AbstractEventLoop | None = None
        self.kaleido: kaleido.Kaleido | None = None

    def started(self) -> asyncio.AbstractEventLoop:
        with self.lock:
            if self.loop is None:
                self.loop = asyncio.new_event_loop()
                threading.Thread(target=self.loop.run_forever, name="image-export", daemon=True).start()
            return self.loop

    async def draw(self, fig_dict: dict, opts: dict) -> bytes:
        if self.kaleido is None:
            path = browser_path()
            if path is None:
                raise Unavailable("no Chromium found")
            k = kaleido.Kaleido(n=1, timeout=TIMEOUT_S, mathjax=False, path=path, headless=True)
            await k.open()
            self.kaleido = k
        try:
            return await self.kaleido.calc_fig(fig_dict, opts=opts)
        except Exception:
            # a browser that died or hung is replaced at the next image
            old, self.kaleido = self.kaleido, None
            with contextlib.suppress(Exception):
                await old.close()
            raise


_BROWSER = _Browser()


def _key(fig_dict: dict, opts: dict) -> bytes:
    # Plotly's own JSON writer: numpy arrays in full (str() would elide a long one and mix two figures up)
    return hashlib.blake2b((pio.to_json(fig_dict, validate=False) + json.dumps(opts)).encode(), digest_size=20).digest()


def _job(fig: go.Figure | dict, fmt: str, width: int, height: int | None, scale: float) -> tuple[bytes, Future | bytes]:
    """The image's key and either its bytes (drawn before) or the future of its drawing (started now, or by an
    earlier caller who asked for the same image)."""
    fig_dict = fig if isinstance(fig, dict) else fig.to_dict()
    height = height or int((fig_dict.get("layout") or {}).get("height") or 450)
    opts = {"format": fmt, "width": width, "height": height, "scale": scale}
    key = _key(fig_dict, opts)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return key, _cache[key]
        if key in _pending:
            return key, _pending[key]
        if not available():
            raise Unavailable("no Chromium found")
        future = asyncio.run_coroutine_threadsafe(_BROWSER.draw(fig_dict, opts), _BROWSER.started())
        _pending[key] = future
    future.add_done_callback(lambda done: _settle(key, done))
    return key, future


def _settle(key: bytes, done: Future) -> None:
    with _cache_lock:
        _pending.pop(key, None)
        if not done.cancelled() and done.exception() is None:
            _cache[key] = done.result()
            while len(_cache) > _CACHE_ENTRIES:
                _cache.popitem(last=False)


def start(fig: go.Figure | dict, fmt: str = "png", width: int = 1200, height: int | None = None, scale: float = 1):
    """Start drawing an image that `image` will be asked for soon (the packet starts every chart while it
    builds the next view's words: Chromium draws on the other core). Does nothing when images are unavailable."""
    with contextlib.suppress(Unavailable):
        _job(fig, fmt, width, height, scale)


def image(fig: go.Figure | dict, fmt: str = "png", width: int = 1200, height: int | None = None, scale: float = 1):
    """The figure drawn as `fmt` ("png" or "svg") bytes, `width` CSS pixels wide (× `scale` for PNG pixels).
    Raises Unavailable when there is no browser or it fails."""
    _, job = _job(fig, fmt, width, height, scale)
    if isinstance(job, bytes):
        return job
    try:
        return job.result(timeout=TIMEOUT_S + 30)
    except Unavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - whatever the browser did, the caller says "unavailable"
        raise Unavailable(f"image export failed: {exc!r}") from exc
