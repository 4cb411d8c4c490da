"""Staff page: check, preview and publish a table's new CSV; see every version and restore one.

In the navigation only when configured in Streamlit secrets (components/staff_auth.py). The work is done by
data/publish.py (the same engine as `python -m data.publish`).
"""

import hashlib

import streamlit as st

from components.i18n import t
from components.shell import start_page
from components.markdown import md_escape
from components.staff_actions import do_publish, do_restore
from components.staff_auth import staff_gate
from components.staff_tables import changes_frame, history_frame, problems_frame, summary_text
from data.build import fingerprint
from data.layout import data_dir_default, stems
from data.publish import MODES, history, prepare, restore_preview, shape
from data.validate_upload import MAX_BYTES

lang = start_page()
st.title(t("staff.title", lang))
who_signed_in = staff_gate(lang)
if not who_signed_in:
    st.stop()

data_dir = data_dir_default()
st.caption(t("staff.signed_in", lang, who=md_escape(who_signed_in)))
st.markdown(t("staff.intro", lang))

done = st.session_state.pop("staff_done", None)
if done:
    st.success(md_escape(done))
failed = st.session_state.pop("staff_error", None)
if failed:
    st.error(md_escape(failed))

tab_publish, tab_history = st.tabs([t("staff.tab_publish", lang), t("staff.tab_history", lang)])

with tab_publish:
    stem = st.selectbox(t("staff.table", lang), stems(), key="staff_table")
    st.caption(t("staff.columns", lang, columns=", ".join(c.name for c in shape(stem, data_dir).columns)))
    mode = st.radio(t("staff.mode", lang), MODES, key="staff_mode",
                    format_func=lambda m: t(f"staff.mode.{m}", lang))
    upload = st.file_uploader(t("staff.upload", lang), type=["csv"], key="staff_upload",
                              max_upload_size=MAX_BYTES // 1_000_000)
    if upload is not None:
        data = upload.getvalue()
        cache_key = (stem, mode, upload.name, hashlib.sha256(data).hexdigest(), fingerprint(data_dir))
        if st.session_state.get("staff_checked", (None,))[0] != cache_key:
            st.session_state["staff_checked"] = (cache_key, prepare(stem, data, upload.name, mode, data_dir))
        cand = st.session_state["staff_checked"][1]
        for note in cand.notes:
            st.info(md_escape(note))
        if cand.problems:
            st.error(t("staff.problems", lang, n=len(cand.problems)))
            st.dataframe(problems_frame(cand.problems, lang), hide_index=True, width="stretch")
        elif not cand.changes:
            st.info(t("staff.no_change", lang))
        else:
            st.success(t("staff.valid", lang, **cand.counts()))
            for kind in ("added", "changed", "removed"):
                frame = changes_frame(cand.changes, kind, lang)
                if len(frame):
                    st.subheader(t(f"staff.{kind}", lang))
                    st.dataframe(frame, hide_index=True, width="stretch")
            who = st.text_input(t("staff.who", lang), key="staff_who",
                                value="" if who_signed_in.startswith("staff") else who_signed_in)
            note = st.text_input(t("staff.note", lang), key="staff_note")
            st.button(t("staff.publish_button", lang), type="primary", key="staff_publish",
                      on_click=do_publish, args=(lang,))

with tab_history:
    versions = history(data_dir)
    if not versions:
        st.info(t("staff.history_empty", lang))
    else:
        st.dataframe(history_frame(versions, lang), hide_index=True, width="stretch")
        version = st.selectbox(t("staff.restore_pick", lang), [m["id"] for m in versions], key="staff_version")
        chosen = next(m for m in versions if m["id"] == version)
        if chosen["current"]:
            st.info(t("staff.restore_same", lang))
        else:
            st.markdown(t("staff.restore_preview", lang,
                          summary=md_escape(summary_text(restore_preview(version, data_dir), lang))))
            who_restore = st.text_input(t("staff.who", lang), key="staff_who_restore",
                                        value="" if who_signed_in.startswith("staff") else who_signed_in)
            st.button(t("staff.restore_button", lang), key="staff_restore", on_click=do_restore, args=(lang,))
