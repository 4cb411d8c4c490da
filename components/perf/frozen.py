"""Figures and maps that are built once, shared between sessions, and so serialized once.

memo.cached hands every session the same Plotly figure and pydeck map. Streamlit still turns each of them into
JSON on every run: Plotly's to_dict() deep-copies the whole figure (1.3–1.6 ms per chart) and pydeck's to_json()
writes the map (2–4 ms) — with 100 viewers that was a tenth of the server's time (BENCHMARKS.md). These
subclasses remember that work. Never change one after it is built: its remembered form would go stale.
"""

from __future__ import annotations

import copy
import json
import weakref

import plotly.graph_objects as go
import pydeck as pdk

_DECK_JSON: weakref.WeakKeyDictionary[FrozenDeck, str] = weakref.WeakKeyDictionary()


class FrozenDeck(pdk.Deck):
    """pdk.Deck whose JSON is written once (compact: pydeck indents it, doubling the bytes sent)."""

    def to_json(self) -> str:
        text = _DECK_JSON.get(self)
        if text is None:
            text = _DECK_JSON[self] = json.dumps(
                json.loads(super().to_json()), separators=(",", ":"), ensure_ascii=False
            )
        return text


class FrozenFigure(go.Figure):
    """go.Figure whose to_dict() is computed once and then handed out as is (read it, never change it)."""

    def to_dict(self) -> dict:
        cached = self.__dict__.get("_frozen_dict")
        if cached is None:
            cached = super().to_dict()
            self.__dict__["_frozen_dict"] = cached
        return cached


def freeze(value):
    """A builder's result ready to share: figures become FrozenFigure; anything else is returned as is."""
    if isinstance(value, go.Figure) and not isinstance(value, FrozenFigure):
        return FrozenFigure(value)
    return value


def thawed(fig: go.Figure) -> go.Figure:
    """A private, changeable copy of a (possibly frozen) figure."""
    return go.Figure(copy.deepcopy(fig.to_dict()))
