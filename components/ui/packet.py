"""The meeting packet's buttons: "Meeting packet (PDF)" of this view and of the whole saved sequence, at the
foot of the sidebar on every page and in the deck's bar when presenting. The PDF (components/export/packet.py)
is made only when a button is pressed, on Streamlit's download thread, so drawing a page costs nothing more and
a packet being made never holds up the page of another viewer.
"""

from __future__ import annotations

import logging

import streamlit as st

from components import registry
from components.export import packet
from components.i18n import t
from components.ui import boardroom
from components.views import deck

log = logging.getLogger(__name__)
PDF = "application/pdf"


def root_url(slug: str) -> str:
    """The app's address (scheme, host, base path) from this page's address."""
    url = (st.context.url or "").split("?")[0].rstrip("/")
    for tail in (registry.page(slug).path, slug):
        if tail and url.endswith("/" + tail):
            return url[: -len(tail)]
    return url + "/"


def _sequence_size() -> int:
    try:
        return len(deck.sequence())
    except (OSError, ValueError, KeyError):
        return 0


def sequence_button(slug: str, lang: str, key: str = "packet-sequence", short: bool = False) -> None:
    """The packet of every saved view (nothing when the sequence cannot be read); `short`: the deck bar's label."""
    n = _sequence_size()
    if not n:
        return
    root = root_url(slug)
    st.download_button(
        t("export.packet.short", lang) if short else t("export.packet.sequence", lang, n=n),
        data=lambda: packet.sequence_pdf(lang, root),
        file_name=f"lausd-safety-packet-{lang}.pdf",
        mime=PDF,
        key=key,
        help=t("export.packet.help", lang),
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        width="stretch",
    )


def page_button(slug: str, lang: str) -> None:
    """The packet of this view, with the parameters of its link (as they stand after the page checked them)."""
    if slug not in registry.BY_SLUG or not registry.page(slug).presentable:
        return
    params = {k: v for k, v in boardroom.view_query().items() if k in registry.page(slug).params}
    root = root_url(slug)
    st.download_button(
        t("export.packet.page", lang),
        data=lambda: packet.page_pdf(slug, params, lang, root),
        file_name=f"lausd-safety-{slug}-{lang}.pdf",
        mime=PDF,
        key="packet-page",
        help=t("export.packet.help", lang),
        on_click="ignore",
        icon=":material/picture_as_pdf:",
        width="stretch",
    )


def offer(slug: str, lang: str) -> None:
    """Both packets at the foot of the sidebar (app.py, after the page has run)."""
    if slug not in registry.BY_SLUG or not registry.page(slug).presentable:
        return
    with st.sidebar:
        page_button(slug, lang)
        sequence_button(slug, lang)
