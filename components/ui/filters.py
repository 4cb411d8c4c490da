"""The region and board-district filters, bound to ?region= and ?bd= so a link reopens them."""

from __future__ import annotations

import streamlit as st

from components.i18n import t
from components.ui.url_state import url_widget

ALL = ""


def geo_filters(regions: list[str], board_districts: list[int], lang: str, region_names: dict | None = None) -> dict:
    """Region and board-district select boxes side by side on the page, above what they change (stacked on a
    phone, never hidden in the sidebar); their options come from the data, each region named in the reader's
    language (`region_names`; the link keeps the published name: ?region=North).

    Returns {"region": "North" | None, "board_district": 1..7 | None}; unknown link values are ignored with a
    short note (never echoed back).
    """
    # "" is "all" (a real option, so the box says "All regions" rather than Streamlit's empty placeholder)
    left, right = st.columns(2)
    with left:
        region = url_widget(
            st.selectbox,
            t("filter.region", lang),
            [ALL, *regions],
            param="region",
            key="filter_region",
            default=ALL,
            format_func=lambda r: (region_names or {}).get(r, r) if r else t("filter.all_regions", lang),
        )
    with right:
        bd = url_widget(
            st.selectbox,
            t("filter.board_district", lang),
            [ALL, *board_districts],
            param="bd",
            key="filter_bd",
            default=ALL,
            format_func=lambda n: t("filter.all_board_districts", lang) if not n else t("filter.bd_n", lang, n=n),
        )
    return {"region": region or None, "board_district": bd or None}


def year_choice(offered: tuple[str, ...], default: str | None, lang: str) -> str | None:
    """The school year, bound to ?year= (the newest complete year when the link has none); the options are the
    years the data holds for this page, newest first."""
    if not offered:
        return None
    return url_widget(
        st.segmented_control,
        t("years.label", lang),
        list(offered),
        param="year",
        key="year",
        default=default,
        help=t("years.help", lang),
        required=True,
    )
