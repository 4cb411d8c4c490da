"""Who may see the staff page: configured only through Streamlit secrets (.streamlit/secrets.toml, git-ignored).

    [staff]
    password_sha256 = "<64 hex digits>"        # printf '%s' 'the password' | sha256sum
    # or, with an identity provider configured for st.login in an [auth] section:
    allowed_emails = ["name@lausd.net"]

Without a [staff] section the page is not in the navigation and shows nothing. Passwords are compared as
SHA-256 digests in constant time (hmac.compare_digest).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import time

import streamlit as st

from components.i18n import t

_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


def staff_config() -> dict:
    """The [staff] section of the secrets, or {} when there are no secrets or no such section."""
    try:
        section = st.secrets.get("staff")
    except Exception:  # no secrets.toml at all (Streamlit raises), or an unreadable one
        return {}
    return dict(section) if section else {}


def password_digest(cfg: dict) -> str | None:
    digest = cfg.get("password_sha256")
    return digest.lower() if isinstance(digest, str) and _HEX64.fullmatch(digest) else None


def allowed_emails(cfg: dict) -> set[str]:
    emails = cfg.get("allowed_emails") or []
    return {e.strip().lower() for e in emails if isinstance(e, str) and e.strip()}


def identity_provider_configured() -> bool:
    try:
        return bool(st.secrets.get("auth"))
    except Exception:
        return False


def staff_configured() -> bool:
    """True when a valid password digest, or an identity provider and allowed e-mails, are configured."""
    cfg = staff_config()
    return password_digest(cfg) is not None or (bool(allowed_emails(cfg)) and identity_provider_configured())


def check_password(candidate: str, digest: str) -> bool:
    """Constant-time comparison of the candidate's SHA-256 digest with the configured one."""
    given = hashlib.sha256(candidate.encode("utf-8")).hexdigest()
    return hmac.compare_digest(given.encode("ascii"), digest.lower().encode("ascii"))


_MAX_ATTEMPTS = 5
_LOCKOUT_SECONDS = 60


def staff_gate(lang: str) -> str | None:
    """Who is signed in as staff, or None after drawing the sign-in form (or nothing, when not configured)."""
    cfg = staff_config()
    if not staff_configured():
        st.info(t("staff.unavailable", lang))
        return None
    if st.session_state.get("staff_user"):
        return st.session_state["staff_user"]
    emails = allowed_emails(cfg)
    if emails and identity_provider_configured():
        if getattr(st.user, "is_logged_in", False):
            email = str(st.user.get("email") or "").strip().lower()
            if email in emails:
                st.session_state["staff_user"] = email
                return email
            st.error(t("staff.not_allowed", lang, email=email))
        else:
            st.button(t("staff.login_button", lang), on_click=st.login, key="staff_oidc")
    digest = password_digest(cfg)
    if digest is None:
        return None
    with st.form("staff_login"):
        st.text_input(t("staff.password", lang), type="password", key="staff_password")
        # a callback runs once per click, before the script, so a rerun cannot drop the submission
        st.form_submit_button(t("staff.sign_in", lang), on_click=_try_password, args=(digest,))
    outcome = st.session_state.pop("staff_login_outcome", None)
    if outcome == "locked":
        st.error(t("staff.too_many", lang))
    elif outcome == "wrong":
        st.error(t("staff.wrong_password", lang))
    return st.session_state.get("staff_user")


def _try_password(digest: str) -> None:
    password = st.session_state.get("staff_password", "")
    st.session_state["staff_password"] = ""  # never keep it in the session
    attempts = [a for a in st.session_state.get("staff_attempts", []) if time.time() - a < _LOCKOUT_SECONDS]
    if len(attempts) >= _MAX_ATTEMPTS:
        st.session_state["staff_login_outcome"] = "locked"
    elif check_password(password, digest):
        st.session_state["staff_user"] = "staff (password)"
        st.session_state.pop("staff_attempts", None)
    else:
        st.session_state["staff_attempts"] = [*attempts, time.time()]
        st.session_state["staff_login_outcome"] = "wrong"
