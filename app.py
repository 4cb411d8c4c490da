"""LAUSD school-safety dashboard: the navigation (from components/registry.py), then once per run what every
page needs — language, database check, link notes, presenter chrome — and a guard around the page.

Run with:  streamlit run app.py
"""

from __future__ import annotations

from functools import partial

import streamlit as st

from components import registry
from components.i18n import t
from components.perf.gc_tuning import tune_once
from components.ui import deck, handover, packet, shell, url_state
from components.ui.staff_auth import staff_configured

# No page_icon: a material icon favicon is fetched from a font CDN, which is unreachable offline.
st.set_page_config(page_title="LAUSD school safety", layout="wide")

url_state.new_run()  # link notes are per run
lang = shell.language()
shell.language_switch(lang)

# No page icons: the default page's icon becomes the favicon, fetched from a font CDN (unreachable offline).
# url_path = the slug = the file name, as Streamlit's pages/-folder mode routes (components/ui/handover.py).
shown = [p for p in registry.PAGES if not p.staff_only or staff_configured()]
pages = {p.slug: st.Page(p.file, title=t(p.title_key, lang), url_path=p.slug, default=p.default) for p in shown}
chosen = st.navigation(list(pages.values()))
slug = next(s for s, p in pages.items() if p is chosen)

if shell.database_ready(lang):
    url_state.reserve_note_slot()
    presenting = shell.presenter_chrome(lang)
    # presenting: the deck's slide for this step (or page) instead of the page (components/ui/deck.py)
    draw = partial(deck.show, slug, lang) if presenting else chosen.run
    with handover.publish(handover.Context(lang=lang, slug=slug, presenting=presenting)):
        if shell.run_guarded(draw, lang):
            if not presenting:
                shell.share_link(lang)
                packet.offer(slug, lang)  # the meeting packet (PDF), made only when pressed
            tune_once()  # once per server process, after a first page has loaded what the process keeps
