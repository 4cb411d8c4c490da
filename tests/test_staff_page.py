"""The staff page in AppTest: hidden unless configured, password in constant time, upload → problems or preview
→ publish → history → restore; and the app's start-up rebuild of a missing or damaged database."""

from __future__ import annotations

import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from components.ui.staff_auth import check_password
from data.build import fingerprint
from data.staff_password import make_hash
from data.startup import stored_fingerprint
from tests.conftest import DATA, ROOT

pytestmark = pytest.mark.apptest

APP = str(ROOT / "app.py")
PASSWORD = "correct horse battery staple"
SRC = "lausd-2024-04-09-safety-updates"
GOOD = (f"school_year,region,deployments,source_id,locator\n2024-25,East,9,{SRC},next deck East\n").encode()
BAD = (
    "school_year,region,deployments,source_id,locator\n"
    f"2024-25,East,9,{SRC},next deck East\n2024-25,Central,-3,{SRC},<b>x</b>\n"
).encode()


@pytest.fixture
def site(tmp_path, monkeypatch, test_database):
    """The staff page works on a copy of data/ and its own database (never the repository's)."""
    import queries

    data = tmp_path / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history"))
    db = tmp_path / "safety.duckdb"
    shutil.copy2(test_database, db)  # the session's database is built from the same CSVs
    monkeypatch.setenv("SAFETY_DATA_DIR", str(data))
    monkeypatch.setenv("SAFETY_DB_PATH", str(db))
    queries.reset()
    yield data, db
    queries.reset()


def staff_app(secrets: dict | None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    if secrets is not None:
        at.secrets["staff"] = secrets
    at.run()
    at.switch_page("pages/staff.py").run()
    return at


HASH = make_hash(PASSWORD)


def configured() -> dict:
    return {"password_hash": HASH}


def sign_in(at: AppTest, password: str = PASSWORD) -> AppTest:
    at.text_input(key="staff_password").set_value(password)
    at.button[0].click()  # the form's submit button
    return at.run()


def texts(at: AppTest) -> str:
    """What the reader sees, without the backslashes md_escape adds."""
    return re.sub(
        r"\\(.)",
        r"\1",
        "\n".join(e.value for kind in (at.error, at.success, at.info, at.caption, at.title, at.markdown) for e in kind),
    )


def test_check_password_is_exact():
    hashed = configured()["password_hash"]
    assert check_password(PASSWORD, hashed)
    assert not check_password(PASSWORD + " ", hashed) and not check_password("", hashed)
    assert not check_password(PASSWORD, hashed.upper())


def _not_in_navigation(secrets: dict | None) -> str:
    at = AppTest.from_file(APP, default_timeout=60)
    if secrets is not None:
        at.secrets["staff"] = secrets
    at.run()
    assert not at.exception and not at.error
    with pytest.raises(ValueError, match="Could not find a navigation page") as caught:
        at.switch_page("pages/staff.py")
    return str(caught.value)


def test_without_configuration_there_is_no_staff_page():
    message = _not_in_navigation(None)
    assert "pages/overview.py" in message and "staff" not in message.split("Known pages")[1]


@pytest.mark.parametrize(
    "bad",
    [
        {"password_sha256": "not-a-digest"},
        {"password_sha256": ""},
        {"password_hash": "not-a-hash"},
        {"password_hash": "$argon2i$v=19$m=16,t=2,p=1$c2FsdHNhbHQ$aGFzaA"},  # argon2i, not argon2id
        {"allowed_emails": ["a@lausd.net"]},
    ],
)  # e-mails without an [auth] provider
def test_a_broken_configuration_keeps_the_page_hidden(bad):
    _not_in_navigation(bad)


def test_wrong_password_then_right_password(site):
    at = staff_app(configured())
    assert not at.get("file_uploader")
    sign_in(at, "guess")
    assert "That password is not correct." in texts(at)
    assert not at.get("file_uploader")
    sign_in(at)
    assert not at.exception and not at.error
    assert len(at.get("file_uploader")) == 1 and "Signed in as staff (password)." in texts(at)


def test_upload_problems_then_preview_publish_and_restore(site):
    data, db = site
    original = (data / "deployments_by_region.csv").read_bytes()
    at = sign_in(staff_app(configured()))
    at.selectbox(key="staff_table").set_value("deployments_by_region")
    at.radio(key="staff_mode").set_value("upsert")
    at.run()

    at.get("file_uploader")[0].set_value(("bad.csv", BAD, "text/csv"))
    at.run()
    assert "cannot be published" in texts(at)
    problems = at.dataframe[0].value
    assert set(problems["Row"]) == {"2"} and set(problems["Column"]) == {"locator"}
    assert (data / "deployments_by_region.csv").read_bytes() == original

    at.get("file_uploader")[0].set_value(("next.csv", GOOD, "text/csv"))
    at.run()
    assert "The file is valid. Rows added: 1; changed: 0; removed: 0." in texts(at)
    assert at.dataframe[0].value.iloc[0]["region"] == "East"
    at.button(key="staff_publish").click().run()
    assert "Enter your name before publishing." in texts(at)
    at.text_input(key="staff_who").set_value("Ana")
    at.button(key="staff_publish").click().run()
    assert not at.exception, at.exception
    assert "Published as version" in texts(at)
    assert (data / "deployments_by_region.csv").read_bytes() == original + GOOD.split(b"\n", 1)[1]
    assert stored_fingerprint(db) == fingerprint(data)

    # history: the baseline and the publish; restore the baseline
    frame = at.dataframe[0].value
    assert list(frame["What"]) == ["publish", "data found on disk"] and frame.iloc[0]["Live now"] == "✓"
    assert frame.iloc[0]["Who"] == "Ana [staff (password)]"
    at.selectbox(key="staff_version").set_value(frame.iloc[1]["Version"]).run()
    assert "deployments_by_region: 0 added, 0 changed, 1 removed" in texts(at)
    at.text_input(key="staff_who_restore").set_value("Ana")
    at.button(key="staff_restore").click().run()
    assert "is published again, as version" in texts(at)
    assert (data / "deployments_by_region.csv").read_bytes() == original
    assert stored_fingerprint(db) == fingerprint(data)


def test_staff_page_in_spanish(site):
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["staff"] = configured()
    at.query_params["lang"] = "es"
    at.run()
    at.switch_page("pages/staff.py").run()
    assert [w.label for w in at.text_input if w.key == "staff_password"] == ["Contraseña del personal"]


@pytest.mark.parametrize("garbage", [None, b"", b"this is not a database", b"\x00" * 8192])
def test_a_missing_or_damaged_database_is_rebuilt_at_start_up(tmp_path, monkeypatch, garbage):
    import queries

    db = tmp_path / "safety.duckdb"
    if garbage is not None:
        db.write_bytes(garbage)
    monkeypatch.setenv("SAFETY_DB_PATH", str(db))
    queries.reset()
    try:
        at = AppTest.from_file(APP, default_timeout=60).run()
        assert not at.exception and not at.error
        toasts = [t.value for t in at.toast]
        if garbage is None:
            assert toasts == []  # a first build is silent
        else:
            assert toasts == [
                "The database file was missing or damaged, so it was rebuilt from the published CSV files."
            ]
        assert stored_fingerprint(db) == fingerprint(DATA)
        assert at.title and at.get("plotly_chart")  # the overview drew its charts from the rebuilt file
    finally:
        queries.reset()
