"""Staff page: check, preview and publish a table's new CSV; see every version and restore one.

In the navigation only when configured in Streamlit secrets (components/ui/staff_auth.py). Lays out
components/views/staff.py; the buttons' work is components/ui/staff_actions.py.
"""

import streamlit as st

from components.i18n import t
from components.text.markdown import md_escape
from components.ui.handover import page_context
from components.ui.staff_actions import checked_upload, do_publish, do_restore, outcome
from components.ui.staff_auth import staff_gate
from components.views import staff

lang = page_context().lang
st.title(t("staff.title", lang))
who_signed_in = staff_gate(lang)
if not who_signed_in:
    st.stop()
suggested_who = "" if who_signed_in.startswith("staff") else who_signed_in

st.caption(t("staff.signed_in", lang, who=md_escape(who_signed_in)))
health = staff.health(lang)
if health:
    st.warning(health)
st.markdown(t("staff.intro", lang))
done, failed, failed_problems = outcome()
if done:
    st.success(md_escape(done))
if failed:
    st.error(staff.refusal(failed, failed_problems, lang))

tab_publish, tab_history, tab_audit, tab_imports = st.tabs(
    [
        t("staff.tab_publish", lang),
        t("staff.tab_history", lang),
        t("staff.tab_audit", lang),
        t("staff.tab_imports", lang),
    ]
)

with tab_publish:
    stem = st.selectbox(
        t("staff.table", lang), staff.tables_offered(), key="staff_table", placeholder=t("common.choose", lang)
    )
    st.caption(staff.columns_note(stem, lang))
    mode = st.radio(
        t("staff.mode", lang), staff.modes(), key="staff_mode", format_func=lambda m: t(f"staff.mode.{m}", lang)
    )
    upload = st.file_uploader(
        t("staff.upload", lang), type=["csv"], key="staff_upload", max_upload_size=staff.MAX_UPLOAD_MB
    )
    if upload is not None:
        with st.spinner(t("staff.checking", lang)):
            result = staff.checked(checked_upload(stem, mode, upload, staff.data_dir()), lang)
        for note in result.notes:
            st.info(note)
        if result.problems is not None:
            st.error(result.problems_title)
            st.dataframe(result.problems, hide_index=True, width="stretch")
        elif result.no_change:
            st.info(result.no_change)
        else:
            st.success(result.valid)
            for heading, frame in result.changes:
                st.subheader(heading)
                st.dataframe(frame, hide_index=True, width="stretch")
            st.text_input(t("staff.who", lang), key="staff_who", value=suggested_who)
            st.text_input(t("staff.note", lang), key="staff_note")
            st.button(
                t("staff.publish_button", lang), type="primary", key="staff_publish", on_click=do_publish, args=(lang,)
            )

with tab_history:
    versions = staff.versions()
    if not versions:
        st.info(t("staff.history_empty", lang))
    else:
        st.dataframe(staff.history_table(versions, lang), hide_index=True, width="stretch")
        version = st.selectbox(
            t("staff.restore_pick", lang),
            [m["id"] for m in versions],
            key="staff_version",
            placeholder=t("common.choose", lang),
        )
        if next(m for m in versions if m["id"] == version)["current"]:
            st.info(t("staff.restore_same", lang))
        else:
            st.markdown(staff.restore_text(version, lang))
            st.text_input(t("staff.who", lang), key="staff_who_restore", value=suggested_who)
            st.button(t("staff.restore_button", lang), key="staff_restore", on_click=do_restore, args=(lang,))

with tab_audit:
    log_view = staff.audit(lang)
    st.caption(log_view.intro)
    if log_view.table is not None:
        st.dataframe(log_view.table, hide_index=True, width="stretch")
    else:
        st.info(log_view.message)

with tab_imports:  # loaded from the command line, outside the published data (README: "For district staff")
    st.subheader(t("dep.staff.title", lang))
    st.markdown(t("dep.staff.body", lang))
