"""What the staff page's buttons do. Run as on_click callbacks: once per click, before the script reruns, so a
rerun can never drop (or repeat) a publish. Results are left in session state for the page to show.

An upload is checked in a separate worker process (one, kept for the server's life, at a lower priority: nice 10):
a 20,000-row file takes seconds of Python work, and in the server's own process it would hold the interpreter that
every other viewer's page needs (BENCHMARKS.md: the load check). If the worker cannot run, the check runs here.
"""

from __future__ import annotations

import atexit
import concurrent.futures
import hashlib
import logging
import multiprocessing
import threading

import streamlit as st

from components.i18n import t
from components.ui.staff_auth import client_id
from data.build import fingerprint
from data.intake import Deadline
from data.layout import configured_db_path, data_dir_default
from data.problems import ProblemsError
from data.publish import Candidate, PublishError, prepare, publish, restore

log = logging.getLogger("safety_dashboard")
_worker: dict[str, concurrent.futures.ProcessPoolExecutor] = {}
_worker_lock = threading.Lock()


def _signed_in_as() -> str:
    return st.session_state.get("staff_user") or ""


def _refused(exc: Exception, lang: str) -> None:
    """A refused publish or restore: its reason, each coded problem in the reader's language."""
    problems = getattr(exc, "problems", None)
    st.session_state["staff_error"] = t("staff.refused", lang, reason=str(exc) if not problems else "")
    st.session_state["staff_error_problems"] = list(problems or [])


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
            configured_db_path(),
            str(st.session_state.get("staff_note", "")),
            client=client_id(),
        )
    except (PublishError, ProblemsError, OSError) as exc:
        log.warning("publish refused: %s", exc)
        _refused(exc, lang)
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
        manifest = restore(
            version, f"{who} [{_signed_in_as()}]", data_dir_default(), configured_db_path(), client=client_id()
        )
    except (PublishError, ProblemsError, OSError) as exc:
        log.warning("restore refused: %s", exc)
        _refused(exc, lang)
        return
    st.session_state.pop("staff_checked", None)
    st.session_state["staff_done"] = t("staff.restored", lang, old=version, version=manifest["id"])


def _pool() -> concurrent.futures.ProcessPoolExecutor:
    with _worker_lock:
        if "pool" not in _worker:
            # spawn: a fresh interpreter, not a fork of the server and its threads
            pool = concurrent.futures.ProcessPoolExecutor(
                max_workers=1, mp_context=multiprocessing.get_context("spawn")
            )
            atexit.register(pool.shutdown, wait=False, cancel_futures=True)
            _worker["pool"] = pool
        return _worker["pool"]


def check_upload(stem: str, data: bytes, name: str, mode: str, data_dir) -> Candidate:
    """prepare() in the worker process, within the check's time limit; here when the worker is unavailable."""
    limit = Deadline(name).seconds + 30
    try:
        return _pool().submit(prepare, stem, data, name, mode, data_dir).result(timeout=limit)
    except (concurrent.futures.process.BrokenProcessPool, OSError, RuntimeError) as exc:
        log.warning("the check worker is unavailable (%s); checking in the server process", exc)
        with _worker_lock:
            _worker.pop("pool", None)
        return prepare(stem, data, name, mode, data_dir)


def checked_upload(stem: str, mode: str, upload, data_dir) -> Candidate:
    """The upload checked against the published data (remembered in the session until the file, the table, the
    mode or the published data change, so a rerun does not check it again)."""
    data = upload.getvalue()
    cache_key = (stem, mode, upload.name, hashlib.sha256(data).hexdigest(), fingerprint(data_dir))
    if st.session_state.get("staff_checked", (None,))[0] != cache_key:
        st.session_state["staff_checked"] = (cache_key, check_upload(stem, data, upload.name, mode, data_dir))
    return st.session_state["staff_checked"][1]


def outcome() -> tuple[str | None, str | None, list]:
    """What the last button did: (success message, error message, coded problems), each shown once."""
    return (
        st.session_state.pop("staff_done", None),
        st.session_state.pop("staff_error", None),
        st.session_state.pop("staff_error_problems", []),
    )
