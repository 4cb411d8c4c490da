"""What every chart shares: the colour-blind-safe palette, the font and the base layout.

Colours come from the Okabe-Ito colour-blind-safe palette, and every bar also carries its value as text, so
colour never carries meaning alone.
"""

from __future__ import annotations

import plotly.graph_objects as go

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


BAR_COLOUR = "#0072B2"


INK = "#1f2937"  # every chart text: 14.7:1 on white (axis labels were 12 px grey at 3.7:1 under the theme)
TEXT_SIZE = 13  # the smallest chart text on a page; presenter mode draws 18 (components/ui/blocks.py)
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=15, color=INK)


def base_layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    """Every chart's frame: a dark, readable type scale, no default template (7 kB of JSON per chart, and its
    greys), room above the title for the toolbar."""
    fig.update_layout(
        template="none",
        title=dict(text=title, x=0, xanchor="left", font=dict(size=17, color=INK)),
        font=FONT,
        legend=dict(font=dict(size=TEXT_SIZE, color=INK)),
        height=height,
        margin=dict(l=10, r=30, t=64, b=40),  # room above the title for Plotly's toolbar on phones
        plot_bgcolor="white",
        paper_bgcolor="white",
        showlegend=False,
        hoverlabel=dict(font_size=14),
        separators=".,",
    )
    axis = dict(
        automargin=True,
        tickfont=dict(size=TEXT_SIZE, color=INK),
        title_font=dict(size=14, color=INK),
        linecolor="#6b7280",
        showgrid=True,
        gridcolor="#e5e7eb",
    )
    fig.update_xaxes(zeroline=True, zerolinecolor="#9ca3af", tickangle=0, nticks=6, **axis)
    fig.update_yaxes(**axis)
    return fig


def direct_labels(fig: go.Figure, names: list[str], top: float, room: float = 1.55, row: int = 58) -> go.Figure:
    """Horizontal bars read without an axis or hovering: each bar's name written above it (so the bars get the
    chart's whole width, on a phone too), its value at its end (the trace's outside text), no value axis (the
    labels carry the values; ticks collided at 390 px). `names` in the y order of the trace (bottom first)."""
    fig.update_yaxes(
        showticklabels=False,
        title_text=None,
        type="category",
        categoryorder="array",
        categoryarray=names,
        showgrid=False,
    )
    fig.update_xaxes(
        showticklabels=False,
        title_text=None,
        showgrid=False,
        zeroline=True,
        zerolinecolor="#6b7280",
        range=[0, (top or 1) * room],
    )
    for name in names:
        fig.add_annotation(
            x=0,
            y=name,
            text=name,
            showarrow=False,
            xanchor="left",
            yanchor="bottom",
            yshift=11,
            font=dict(size=14, color=INK),
            align="left",
        )
    fig.update_traces(width=0.46, textfont=dict(size=14, color=INK), selector=dict(type="bar"))
    fig.update_layout(height=70 + row * max(len(names), 1), bargap=0.5, margin=dict(l=4, r=8, t=64, b=8))
    return fig
