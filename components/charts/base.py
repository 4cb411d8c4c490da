"""What every chart shares: the colour-blind-safe palette, the font and the base layout.

Colours come from the Okabe-Ito colour-blind-safe palette, and every bar also carries its value as text, so
colour never carries meaning alone.
"""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from components.perf.frozen import thawed

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]


BAR_COLOUR = "#0072B2"


INK = "#1f2937"  # every chart text: 14.7:1 on white (axis labels were 12 px grey at 3.7:1 under the theme)
TEXT_SIZE = 13  # the smallest chart text on a page; presenter mode draws 18 (components/ui/blocks.py)
FONT = dict(family="Source Sans Pro, Arial, sans-serif", size=15, color=INK)


TITLE_WRAP = 40  # characters of a chart title per line: 17 px bold fits a 390 px phone's chart


def title_top(title: str) -> tuple[str, int]:
    """A chart title wrapped to fit a phone (words never split; the title arrives HTML-escaped), and the top
    margin it needs: the toolbar's room plus its lines."""
    lines = textwrap.wrap(title, TITLE_WRAP, break_long_words=False, break_on_hyphens=False) or [title]
    return "<br>".join(lines), 64 + 22 * (len(lines) - 1)


def base_layout(fig: go.Figure, title: str, height: int) -> go.Figure:
    """Every chart's frame: a dark, readable type scale, no default template (7 kB of JSON per chart, and its
    greys), room above the title for the toolbar; a long title wraps rather than being cut on a phone."""
    title, top = title_top(title)
    fig.update_layout(
        template="none",
        title=dict(text=title, x=0, xanchor="left", font=dict(size=17, color=INK)),
        font=FONT,
        legend=dict(font=dict(size=TEXT_SIZE, color=INK)),
        height=height,
        margin=dict(l=10, r=30, t=top, b=40),  # room above the title for Plotly's toolbar on phones
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


NAME_WRAP = 44  # characters of a bar's name per line: 14 px text fits a 390 px phone's chart
PHONE_SLIDE_WRAP = 32  # the same at a slide's 18 px on a phone (names_at="phone")


def _wrapped(name: str, width: int = NAME_WRAP) -> list[str]:
    # names arrive HTML-escaped; words are never split, so an entity stays whole
    return textwrap.wrap(name, width, break_long_words=False, break_on_hyphens=False) or [name]


def direct_labels(
    fig: go.Figure, names: list[str], top: float, room: float = 1.55, row: int = 58, names_at: str = "above"
) -> go.Figure:
    """Horizontal bars read without an axis or hovering: each bar's name written above it (so the bars get the
    chart's whole width, on a phone too), its value at its end (the trace's outside text), no value axis (the
    labels carry the values; ticks collided at 390 px). `names` in the y order of the trace (bottom first).
    A long name wraps onto a second line, and its bar moves down to make room (rows are placed by number).

    names_at="left": the names as the axis's labels instead, one row per bar (`row` px): the compact form a
    projected slide uses, where the screen is wide and short. names_at="phone": above the bars, wrapped shorter
    for a slide's larger type on a phone."""
    left = names_at == "left"
    width = 0.62 if left else 0.46  # of a row
    extra_line = 0.42  # of a row: the room one more line of a name takes
    wrap = PHONE_SLIDE_WRAP if names_at == "phone" else NAME_WRAP
    wrapped = [_wrapped(n, wrap) for n in names]
    # a name is written above its bar: a name of more lines pushes the bars above it up to make room
    positions = [0.0]
    for lines in wrapped[:-1]:
        positions.append(positions[-1] + 1 + (0 if left else extra_line * (len(lines) - 1)))
    at = dict(zip(names, positions))
    for trace in fig.data:
        if trace.type == "bar" and trace.y is not None:
            trace.hovertext = list(trace.y)  # the hover names the bar, not its row number
            trace.y = [at.get(v, v) for v in trace.y]
            if trace.hovertemplate:
                trace.hovertemplate = trace.hovertemplate.replace("%{y}", "%{hovertext}")
    top_lines = len(wrapped[-1]) if wrapped else 1
    upper = positions[-1] + (0.5 if left else width / 2 + extra_line * top_lines + 0.1)
    span = upper + 0.5
    fig.update_yaxes(
        type="linear",
        range=[-0.5, upper],
        showticklabels=left,
        tickmode="array",
        tickvals=positions,
        ticktext=["<br>".join(lines) for lines in wrapped],
        title_text=None,
        showgrid=False,
        zeroline=False,
        ticks="",
    )
    fig.update_xaxes(
        showticklabels=False,
        title_text=None,
        showgrid=False,
        zeroline=True,
        zerolinecolor="#6b7280",
        range=[0, (top or 1) * room],
    )
    if not left:
        for lines, pos in zip(wrapped, positions):
            fig.add_annotation(
                x=0,
                y=pos + width / 2,
                text="<br>".join(lines),
                showarrow=False,
                xanchor="left",
                yanchor="bottom",
                yshift=2,  # just above the bar
                font=dict(size=14, color=INK),
                align="left",
            )
    fig.update_traces(width=width, textfont=dict(size=14, color=INK), selector=dict(type="bar"))
    fig.update_layout(
        height=round(fig.layout.margin.t + 6 + row * span), margin=dict(l=4, r=8, t=fig.layout.margin.t, b=8)
    )
    return fig


PRESENTED_TEXT = 18  # every chart text when presenting to a room


def presented(fig: go.Figure, height: int | None = None, title_wrap: int = 40) -> go.Figure:
    """A private copy of a (shared) figure for a projector (and the exported images and packet): every text at least 18 px, the title larger and
    wrapped to `title_wrap` characters a line (with the room above the plot it needs)."""
    out = thawed(fig)
    title = (out.layout.title.text or "").replace("<br>", " ")
    lines = textwrap.wrap(title, title_wrap, break_long_words=False) or [""]
    out.update_layout(
        font={"size": PRESENTED_TEXT},
        legend={"font": {"size": PRESENTED_TEXT}},
        title={
            "font": {"size": 22},
            "text": "<br>".join(lines),
            "yref": "container",
            "y": 1,
            "yanchor": "top",
            "pad": {"t": 34},  # under Plotly's toolbar
        },
        height=height or max(fig.layout.height or 450, 560),
        margin={"t": 48 + 28 * len(lines)},
    )
    out.update_xaxes(tickfont={"size": PRESENTED_TEXT}, title_font={"size": PRESENTED_TEXT})
    out.update_yaxes(tickfont={"size": PRESENTED_TEXT}, title_font={"size": PRESENTED_TEXT})
    for trace in out.data:
        if "textfont" in trace:
            trace.textfont.size = max(trace.textfont.size or 0, PRESENTED_TEXT)
    for note in out.layout.annotations:
        note.font.size = max(note.font.size or 0, PRESENTED_TEXT)
    return out
