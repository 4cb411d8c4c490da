"""A view model's map on the page, and what a click on it selects.

A click on a board district or a region selects it in the shared filter: the link's ?bd= or ?region= changes
(and so the select box), and the page runs again for the new view.
"""

from __future__ import annotations

import streamlit as st

from components.charts import deployment_map as maps
from components.text.markdown import md_escape
from components.ui.url_state import set_param


def deployments_map(view_map, key: str, selected: dict) -> None:
    """The map with its text alternative under it; a click selects the area. `selected`: {"bd": .., "region": ..}."""
    event = st.pydeck_chart(
        view_map.deck, on_select="rerun", selection_mode="single-object", key=key, height=520, alt=view_map.summary
    )
    st.caption(md_escape(view_map.summary))  # the map's text alternative, visible to everyone
    pick = maps.picked(event.selection) if event is not None else None
    if pick == st.session_state.get("dep_map_pick"):
        return
    st.session_state["dep_map_pick"] = pick
    if pick is None:
        return
    param = "bd" if pick[0] == "board_district" else "region"
    if str(selected.get(param)) != pick[1]:
        set_param(param, pick[1])
        st.rerun()
