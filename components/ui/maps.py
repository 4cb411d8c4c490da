"""A view model's map on the page: its controls, the map, and everything said under it; what a click selects.

- Zoom in, Zoom out and Reset map are buttons (so a keyboard reaches them): each asks the shared builder for
  that variant of the same map (components/charts/maps/deck.deck). The wheel scrolls the page, never the map.
- The schools layer is a checkbox bound to ?schools= (1 shows it, 0 hides it; absent: the page's default).
  The URL is the truth, so a page reads it with `schools_shown` before building its view, and draws the box
  with `schools_toggle` where it belongs.
- On the Deployments map a click on a board district or a region selects it in the shared filter: the link's
  ?bd= or ?region= changes (and so the select box), and the page runs again for the new view. The map then
  gets a new key, so Streamlit forgets the click (its selection would dim every layer).
"""

from __future__ import annotations

import streamlit as st

from components.charts.maps import deck as map_deck
from components.charts.maps import deployments as dep_map
from components.i18n import t
from components.ui.url_state import from_url, set_param
from components.views.model import MapBlock

HEIGHT = 520
SCHOOLS = {"1": True, "0": False}


def schools_shown(default: bool) -> bool:
    """?schools= read from the link (1 or 0); the page's default when absent; a bad value is ignored."""
    value = from_url("schools", SCHOOLS)
    return default if value is None else value


def schools_toggle(lang: str, default: bool) -> bool:
    key = "map_schools"
    st.session_state[key] = schools_shown(default)

    def changed() -> None:
        chosen = bool(st.session_state.get(key))
        set_param("schools", None if chosen == default else ("1" if chosen else "0"))

    return st.checkbox(t("map.schools.toggle", lang), key=key, on_change=changed)


def _view_state(name: str) -> dict:
    return st.session_state.setdefault(f"_map_view_{name}", {"zoom": 0, "reset": 0, "picks": 0})


def _zoom(name: str, by: int) -> None:
    state = _view_state(name)
    state["zoom"] = min(max(state["zoom"] + by, map_deck.ZOOM_STEPS[0]), map_deck.ZOOM_STEPS[-1])


def _reset(name: str) -> None:
    state = _view_state(name)
    state["zoom"] = 0
    state["reset"] += 1


def _controls(name: str, lang: str) -> dict:
    """Zoom in / Zoom out / Reset map, in one row; returns this map's view state. The buttons act in callbacks
    (once per click, before the page runs), so a rerun can neither drop nor repeat a click."""
    state = _view_state(name)
    steps = map_deck.ZOOM_STEPS
    with st.container(horizontal=True, gap="small"):
        st.button(
            t("map.zoom_in", lang),
            key=f"{name}-zoom-in",
            disabled=state["zoom"] >= steps[-1],
            on_click=_zoom,
            args=(name, 1),
        )
        st.button(
            t("map.zoom_out", lang),
            key=f"{name}-zoom-out",
            disabled=state["zoom"] <= steps[0],
            on_click=_zoom,
            args=(name, -1),
        )
        st.button(
            t("map.reset", lang), key=f"{name}-reset", help=t("map.controls_help", lang), on_click=_reset, args=(name,)
        )
    return state


def _under(block: MapBlock) -> None:
    st.caption(block.summary)  # the map's text alternative, visible to everyone
    st.caption(block.legend)
    st.caption(block.keyboard)
    for caption in block.captions:
        st.caption(caption)


def map_block(block: MapBlock, lang: str) -> None:
    """A map with its controls and what is said under it (no selection)."""
    state = _controls(block.key, lang)
    deck = map_deck.deck(block.spec, state["zoom"], state["reset"])
    st.pydeck_chart(deck, height=HEIGHT, key=block.key, alt=block.alt)
    _under(block)


def deployments_map(block: MapBlock, lang: str, selected: dict) -> None:
    """The Deployments map: a click selects the area. `selected`: {"bd": .., "region": ..}."""
    state = _controls(block.key, lang)
    deck = map_deck.deck(block.spec, state["zoom"], state["reset"])
    event = st.pydeck_chart(
        deck,
        on_select="rerun",
        selection_mode="single-object",
        key=f"{block.key}-{state['picks']}",
        height=HEIGHT,
        alt=block.alt,
    )
    _under(block)
    pick = dep_map.picked(event.selection) if event is not None else None
    if pick is None:
        return
    state["picks"] += 1  # a new key next run: the click is forgotten, the filter keeps the choice
    param = "bd" if pick[0] == "board_district" else "region"
    if str(selected.get(param)) != pick[1]:
        set_param(param, pick[1])
    st.rerun()
