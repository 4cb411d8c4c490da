"""What the staff page's buttons do. Run as on_click callbacks: once per click, before the script reruns, so a
rerun can never drop (or repeat) a publish. Results are left in session state for the page to show."""

from __future__ import annotations

import hashlib
import logging

import streamlit as st

from components.i18n import t
from data.build import fingerprint
from data.layout import data_dir_default, default_db_path
from data.problems import BuildError
from data.publish import Candidate, PublishError, prepare, publish, restore

log = logging.getLogger("safety_dashboard")


def _signed_in_as() -> str:
    return st.session_state.get("staff_user") or ""


def do_publish(lang: str) -> None:
    checked = st.session_state.get("staff_checked")
    who = str(st.session_state.get("staff_who", "")).strip()
    if not _signed_in_as() or not checked:
        return
    if not who:
        st.session_state["staff_error"] = t("staff.need_who", lang)
        return
    try:
        manifest = publish(
            checked[1],
            f"{who} [{_signed_in_as()}]",
            data_dir_default(),
            default_db_path(),
            str(st.session_state.get("staff_note", "")),
        )
    except (PublishError, BuildError, OSError) as exc:
        log.warning("publish refused: %s", exc)
        st.session_state["staff_error"] = t("staff.refused", lang, reason=str(exc))
        return
    st.session_state.pop("staff_checked", None)
    st.session_state["staff_done"] = t("staff.published", lang, version=manifest["id"], seconds=manifest["seconds"])


def do_restore(lang: str) -> None:
    version = st.session_state.get("staff_version")
    who = str(st.session_state.get("staff_who_restore", "")).strip()
    if not _signed_in_as() or not version:
        return
    if not who:
        st.session_state["staff_error"] = t("staff.need_who", lang)
        return
    try:
        manifest = restore(version, f"{who} [{_signed_in_as()}]", data_dir_default(), default_db_path())
    except (PublishError, BuildError, OSError) as exc:
        log.warning("restore refused: %s", exc)
        st.session_state["staff_error"] = t("staff.refused", lang, reason=str(exc))
        return
    st.session_state.pop("staff_checked", None)
    st.session_state["staff_done"] = t("staff.restored", lang, old=version, version=manifest["id"])


def checked_upload(stem: str, mode: str, upload, data_dir) -> Candidate:
    """The upload checked against the published data (remembered in the session until the file, the table, the
    mode or the published data change, so a rerun does not check it again)."""
    data = upload.getvalue()
    cache_key = (stem, mode, upload.name, hashlib.sha256(data).hexdigest(), fingerprint(data_dir))
    if st.session_state.get("staff_checked", (None,))[0] != cache_key:
        st.session_state["staff_checked"] = (cache_key, prepare(stem, data, upload.name, mode, data_dir))
    return st.session_state["staff_checked"][1]


def outcome() -> tuple[str | None, str | None]:
    """What the last button did: (success message, error message), each shown once."""
    return st.session_state.pop("staff_done", None), st.session_state.pop("staff_error", None)
