"""Who may see the staff page: configured only through Streamlit secrets (.streamlit/secrets.toml, git-ignored).

    [staff]
    password_hash = "$argon2id$v=19$m=19456,t=2,p=1$..."   # python -m data.staff_password
    # recommended instead: an identity provider for st.login in an [auth] section, and
    allowed_emails = ["name@lausd.net"]
    # behind a proxy (deploy/nginx.conf), the header that carries the reader's address:
    client_header = "X-Forwarded-For"

Without a [staff] section the page is not in the navigation and shows nothing. The password is stored only as a
salted, slow argon2id hash and checked by argon2-cffi (data/staff_password.py); the old unsalted
`password_sha256` is refused with a message saying how to make a hash. Failed attempts are limited per client and
for everyone together in server-side state that survives new sessions and restarts (data/staff_state.py), and
every attempt is written to the audit log that the staff page shows.
"""

from __future__ import annotations

import ipaddress
import re

import streamlit as st

from components.i18n import t, tn
from data import staff_password, staff_state

_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


def staff_config() -> dict:
    """The [staff] section of the secrets, or {} when there are no secrets or no such section."""
    try:
        section = st.secrets.get("staff")
    except Exception:  # no secrets.toml at all (Streamlit raises), or an unreadable one
        return {}
    return dict(section) if section else {}


def password_hash(cfg: dict) -> str | None:
    """The configured argon2id hash, or None (nothing weaker is accepted)."""
    value = cfg.get("password_hash")
    return value if staff_password.is_argon2id(value) else None


def outdated_password(cfg: dict) -> bool:
    """A password configured the old way (an unsalted SHA-256), which is refused with a message."""
    old = cfg.get("password_sha256")
    return password_hash(cfg) is None and isinstance(old, str) and bool(_HEX64.fullmatch(old))


def allowed_emails(cfg: dict) -> set[str]:
    emails = cfg.get("allowed_emails") or []
    return {e.strip().lower() for e in emails if isinstance(e, str) and e.strip()}


def identity_provider_configured() -> bool:
    try:
        return bool(st.secrets.get("auth"))
    except Exception:
        return False


def staff_configured() -> bool:
    """True when an argon2id password hash, or an identity provider and allowed e-mails, are configured — or an
    outdated password, so that the page can say how to replace it."""
    cfg = staff_config()
    return (
        password_hash(cfg) is not None
        or outdated_password(cfg)
        or (bool(allowed_emails(cfg)) and identity_provider_configured())
    )


def check_password(candidate: str, hashed: str) -> bool:
    """True when the candidate matches the argon2id hash (constant-time, in argon2-cffi)."""
    return staff_password.verify(hashed, candidate)


def client_id(cfg: dict | None = None) -> str:
    """Where the reader connects from: st.context.ip_address, or the proxy's header named in [staff]
    client_header (its last address, the one the proxy added). "unknown" when neither is available."""
    cfg = staff_config() if cfg is None else cfg
    header = cfg.get("client_header")
    if isinstance(header, str) and header:
        try:
            value = st.context.headers.get(header)
        except Exception:
            value = None
        if value:
            return _address(value.split(",")[-1].strip())
    try:
        address = st.context.ip_address
    except Exception:
        address = None
    return _address(address)


def _address(value) -> str:
    """An IP address as text, or "unknown" for anything that is not one (no address; a test harness's stand-in)."""
    try:
        return str(ipaddress.ip_address(str(value).strip()))
    except ValueError:
        return staff_state.UNKNOWN_CLIENT


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
                staff_state.record("sign-in", email, client_id(cfg), "success", "district account")
                st.session_state["staff_user"] = email
                return email
            staff_state.record("sign-in", email or "-", client_id(cfg), "not allowed", "district account")
            st.error(t("staff.not_allowed", lang, email=email))
        else:
            st.button(t("staff.login_button", lang), on_click=st.login, key="staff_oidc")
    if outdated_password(cfg):
        st.error(t("staff.outdated_password", lang))
        return None
    hashed = password_hash(cfg)
    if hashed is None:
        return None
    if client_id(cfg) == staff_state.UNKNOWN_CLIENT:
        st.caption(t("staff.client_unknown", lang))
    with st.form("staff_login"):
        st.text_input(t("staff.password", lang), type="password", key="staff_password")
        # a callback runs once per click, before the script, so a rerun cannot drop the submission
        st.form_submit_button(t("staff.sign_in", lang), on_click=_try_password, args=(hashed, client_id(cfg)))
    outcome = st.session_state.pop("staff_login_outcome", None)
    if outcome == "locked":
        minutes = max(1, round(st.session_state.pop("staff_login_wait", 60) / 60))
        st.error(tn("staff.too_many", minutes, lang))
    elif outcome == "wrong":
        st.error(t("staff.wrong_password", lang))
    elif outcome == "unavailable":
        st.error(t("staff.sign_in_unavailable", lang, reason=st.session_state.pop("staff_login_reason", "")))
    return st.session_state.get("staff_user")


def _try_password(hashed: str, client: str) -> None:
    password = st.session_state.get("staff_password", "")
    st.session_state["staff_password"] = ""  # never keep it in the session
    try:
        decision = staff_state.begin_attempt(client)
    except staff_state.StateUnavailable as exc:  # cannot be limited, so not checked at all
        st.session_state["staff_login_outcome"] = "unavailable"
        st.session_state["staff_login_reason"] = str(exc)
        return
    if not decision.allowed:
        staff_state.record("sign-in", "staff (password)", client, "locked", f"limit for {decision.scope}")
        st.session_state["staff_login_outcome"] = "locked"
        st.session_state["staff_login_wait"] = decision.wait_seconds
        return
    ok = check_password(password, hashed)
    staff_state.finish_attempt(decision.attempt, ok)
    staff_state.record("sign-in", "staff (password)", client, "success" if ok else "wrong password")
    if ok:
        st.session_state["staff_user"] = "staff (password)"
    else:
        st.session_state["staff_login_outcome"] = "wrong"
