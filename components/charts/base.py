"""What every chart shares: the colour-blind-safe palette, the font and the base layout.

Colours come from the Okabe-Ito colour-blind-safe palette, and every bar also carries its value as text, so
colour never carries meaning alone.
"""

from __future__ import annotations

import plotly.graph_objects as go

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


BAR_COLOUR = "#0072B2"


FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=15, color="#1f2937")


def base_layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    fig.update_layout(
        title=dict(text=title, x=0, xanchor="left", font=dict(size=17)),
        font=FONT,
        height=height,
        margin=dict(l=10, r=30, t=64, b=40),  # room above the title for Plotly's toolbar on phones
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=False,
        hoverlabel=dict(font_size=14),
        separators=".,",
    )
    fig.update_xaxes(
        gridcolor="#e5e7eb", zeroline=True, zerolinecolor="#9ca3af", automargin=True, tickangle=0, nticks=6
    )
    fig.update_yaxes(automargin=True)
    return fig
