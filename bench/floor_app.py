"""The floor the pages are compared with: a minimal Streamlit page drawing the same number of Plotly charts and
pydeck maps from small data already in memory (no database, no translations, no citations, no tables).

    streamlit run bench/floor_app.py   then open /?plots=4&maps=1   (bench/run.py does this)
"""

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
import streamlit as st

BARS = pd.DataFrame({"label": [f"Item {i}" for i in range(8)], "value": [5, 9, 3, 7, 4, 8, 2, 6]})
POINTS = pd.DataFrame(
    {
        "lat": [34.05 + i * 0.02 for i in range(8)],
        "lon": [-118.35 + i * 0.03 for i in range(8)],
        "n": [5, 9, 3, 7, 4, 8, 2, 6],
    }
)

plots = int(st.query_params.get("plots", "1"))
maps = int(st.query_params.get("maps", "0"))
st.title("Floor")
for i in range(plots):
    st.plotly_chart(go.Figure(go.Bar(x=BARS["label"], y=BARS["value"])), key=f"floor-chart-{i}")
for i in range(maps):
    layer = pdk.Layer(
        "ScatterplotLayer",
        POINTS,
        get_position="[lon, lat]",
        get_radius="n * 300",
        get_fill_color=[0, 114, 178],
        pickable=True,
    )
    st.pydeck_chart(
        pdk.Deck(
            layers=[layer],
            map_provider=None,  # no basemap fetch, like the app
            initial_view_state=pdk.ViewState(latitude=34.1, longitude=-118.25, zoom=8),
        ),
        key=f"floor-map-{i}",
        height=520,
    )
