"""Issue 18, class 4: sign-in that resists guessing.

- The password is stored as a salted argon2id hash; the old unsalted SHA-256 is refused with a message saying how
  to make a hash (python -m data.staff_password).
- Failed attempts are limited per client and for everyone, in server-side state (SQLite) that survives new sessions
  and restarts: the old limit was per browser session, so a hundred wrong guesses over twenty sessions and then the
  right one signed in.
- Every sign-in attempt and every publish and restore is in the audit log that staff read on the staff page.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from data import staff_password, staff_state
from tests.conftest import DATA, ROOT

APP = str(ROOT / "app.py")
PASSWORD = "correct horse battery staple"
HASH = staff_password.make_hash(PASSWORD)
SRC = "lausd-2024-04-09-safety-updates"


@pytest.fixture
def state(tmp_path, monkeypatch):
    path = tmp_path / "staff_state.sqlite3"
    monkeypatch.setenv("SAFETY_STAFF_STATE", str(path))
    return path


def new_session(secrets: dict, lang: str = "en") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["staff"] = secrets
    if lang != "en":
        at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/staff.py").run()
    return at


def sign_in(at: AppTest, password: str) -> AppTest:
    at.text_input(key="staff_password").set_value(password)
    at.button[0].click()
    return at.run()


def shown(at: AppTest) -> str:
    return "\n".join(e.value for kind in (at.error, at.info, at.caption, at.markdown) for e in kind)


# ------------------------------------------------------------------------------------------- the hash


def test_the_hash_is_salted_and_slow():
    a, b = staff_password.make_hash(PASSWORD), staff_password.make_hash(PASSWORD)
    assert a != b and a.startswith("$argon2id$") and "m=19456,t=2" in a
    assert staff_password.verify(a, PASSWORD) and not staff_password.verify(a, PASSWORD[:-1])
    assert not staff_password.is_argon2id(hashlib.sha256(PASSWORD.encode()).hexdigest())


def test_the_hash_command_prints_the_secrets_line():
    proc = subprocess.run(
        [sys.executable, "-m", "data.staff_password", "--stdin"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stdout.splitlines() if x.startswith("password_hash = "))
    assert staff_password.verify(line.split('"')[1], PASSWORD)
    short = subprocess.run(
        [sys.executable, "-m", "data.staff_password", "--stdin"],
        input="short\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert short.returncode == 1 and "at least 12 characters" in short.stderr and "Traceback" not in short.stderr


@pytest.mark.apptest
def test_the_old_sha256_secret_is_refused_with_how_to_make_a_hash(state):
    at = new_session({"password_sha256": hashlib.sha256(PASSWORD.encode()).hexdigest()})
    assert not at.exception
    assert "python -m data.staff_password" in shown(at) and "password_hash" in shown(at)
    assert not [w for w in at.text_input if w.key == "staff_password"]  # no form: nothing weaker is accepted
    es = new_session({"password_sha256": hashlib.sha256(PASSWORD.encode()).hexdigest()}, lang="es")
    assert "ya no se acepta" in shown(es)


# ------------------------------------------------------------------------------------------- the limits


@pytest.mark.apptest
def test_the_limit_holds_across_new_sessions(state):
    """Five wrong guesses in five different sessions; a sixth session with the right password is refused."""
    for _ in range(staff_state.FAILURES_PER_CLIENT):
        at = sign_in(new_session({"password_hash": HASH}), "guess")
        assert "That password is not correct." in shown(at)
    at = sign_in(new_session({"password_hash": HASH}), PASSWORD)
    assert "Too many failed attempts" in shown(at)
    assert not at.get("file_uploader")  # not signed in, even with the right password
    log = staff_state.audit_log()
    assert [x["outcome"] for x in log[:6]] == ["locked"] + ["wrong password"] * 5
    assert all(x["client"] == staff_state.UNKNOWN_CLIENT for x in log)  # AppTest has no address


def test_the_limit_survives_a_restart(state):
    """The counter is in a file: another process (a restarted server) sees the same failures."""
    for _ in range(staff_state.FAILURES_PER_CLIENT):
        decision = staff_state.begin_attempt("203.0.113.7")
        assert decision.allowed
        staff_state.finish_attempt(decision.attempt, ok=False)
    code = (
        "from data import staff_state\n"
        "d = staff_state.begin_attempt('203.0.113.7')\n"
        "print(d.allowed, d.scope)\n"
        "print(staff_state.begin_attempt('198.51.100.1').allowed)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert proc.stdout.split() == ["False", "client", "True"], proc.stderr


def test_a_global_limit_stops_guessing_from_many_addresses(state):
    for n in range(staff_state.FAILURES_ALL_CLIENTS):
        decision = staff_state.begin_attempt(f"198.51.100.{n}")
        assert decision.allowed
    refused = staff_state.begin_attempt("192.0.2.200")
    assert not refused.allowed and refused.scope == "everyone" and refused.wait_seconds > 0


def test_parallel_guesses_cannot_slip_past_the_limit(state):
    """Each attempt is counted before its password is checked, in one transaction: 30 at once, 5 get through."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(8) as pool:
        decisions = list(pool.map(lambda _: staff_state.begin_attempt("203.0.113.9"), range(30)))
    assert sum(d.allowed for d in decisions) == staff_state.FAILURES_PER_CLIENT


def test_a_success_does_not_count_as_a_failure(state):
    for _ in range(10):
        decision = staff_state.begin_attempt("203.0.113.10")
        assert decision.allowed
        staff_state.finish_attempt(decision.attempt, ok=True)


def test_sign_in_is_refused_when_its_record_cannot_be_written(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("SAFETY_STAFF_STATE", str(blocker / "staff_state.sqlite3"))
    with pytest.raises(staff_state.StateUnavailable) as caught:
        staff_state.begin_attempt("x")
    assert "sign-in record" in str(caught.value) and "Errno" not in str(caught.value)
    assert staff_state.record("sign-in", "x", "y", "wrong password") is False  # the log never raises


# ------------------------------------------------------------------------------------------- the audit log


@pytest.mark.apptest
def test_sign_in_and_publish_are_in_the_audit_log_staff_read(state, tmp_path, monkeypatch, test_database):
    import queries

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history"))
    db = tmp_path / "safety.duckdb"
    shutil.copy2(test_database, db)
    monkeypatch.setenv("SAFETY_DATA_DIR", str(data))
    monkeypatch.setenv("SAFETY_DB_PATH", str(db))
    queries.reset()
    try:
        at = sign_in(new_session({"password_hash": HASH}), "wrong one")
        at = sign_in(at, PASSWORD)
        at.selectbox(key="staff_table").set_value("deployments_by_region")
        at.radio(key="staff_mode").set_value("upsert")
        at.run()
        upload = f"school_year,region,deployments,source_id,locator\n2024-25,East,9,{SRC},next deck East\n".encode()
        at.get("file_uploader")[0].set_value(("next.csv", upload, "text/csv"))
        at.run()
        at.text_input(key="staff_who").set_value("Ana")
        at.button(key="staff_publish").click().run()
        assert not at.exception
        log = staff_state.audit_log()
        assert [(x["action"], x["outcome"]) for x in log[:3]] == [
            ("publish", "done"),
            ("sign-in", "success"),
            ("sign-in", "wrong password"),
        ]
        assert log[0]["who"] == "Ana [staff (password)]" and "deployments_by_region" in log[0]["detail"]
        frame = at.dataframe[-1].value  # the log tab's table
        assert list(frame.columns) == ["When (UTC)", "Who", "From where", "What", "Outcome", "Details"]
        assert list(frame["Outcome"][:3]) == ["done", "signed in", "wrong password"]
    finally:
        queries.reset()


def test_a_command_line_publish_is_audited_refused_or_not(state, tmp_path):
    from data.build import build
    from data.publish import PublishError, prepare, publish

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history"))
    db = tmp_path / "safety.duckdb"
    build(data, db)
    same = prepare(
        "deployments_by_region", (data / "deployments_by_region.csv").read_bytes(), "same.csv", "replace", data
    )
    with pytest.raises(PublishError):
        publish(same, "Ana", data, db)
    line = staff_state.audit_log()[0]
    assert line["action"] == "publish" and line["outcome"] == "refused" and "Nothing to publish" in line["detail"]
    assert line["client"].startswith("command line on ")
