"""A pydeck Deck that writes its JSON once.

st.pydeck_chart serializes the deck on every run (pydeck's to_json: 2–4 ms for these maps, 4% of the server's
time with 100 viewers, BENCHMARKS.md). The maps are built once per input by memo.cached and shared between
sessions, never changed afterwards, so their JSON can be written once too.
"""

from __future__ import annotations

import weakref

import pydeck as pdk

_JSON: "weakref.WeakKeyDictionary[FrozenDeck, str]" = weakref.WeakKeyDictionary()


class FrozenDeck(pdk.Deck):
    """pdk.Deck whose to_json() is computed on first use and remembered. Do not change it after that."""

    def to_json(self) -> str:
        text = _JSON.get(self)
        if text is None:
            text = _JSON[self] = super().to_json()
        return text
