"""Issue 18, class 5: text from data is text.

Streamlit 1.67's markdown turns every bare address in a text node into a live link after parsing — its bundle
(StreamlitMarkdown.*.js) runs GFM's autolink-literal transform, the regular expression below, over the parsed
text, so backslash escapes do not stop it. These tests model what remark hands that transform (the text outside
code spans and link labels, unescaped) and check that no address from data survives in it; a browser test checks
the rendered page (no <a> from a title).

Also: parameters a page does not read are dropped from the link and never written into a CSV's "View:" line.
"""

from __future__ import annotations

import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from components import registry
from components.text.citations import cite_one
from components.text.markdown import md_escape, md_link, md_plain
from data.build import build
from tests.conftest import DATA, ROOT, edit_csv

# GFM autolink literal, as in Streamlit's bundle (mdast-util-gfm-autolink-literal), plus its e-mail form.
GFM_URL = re.compile(r"(https?:\/\/|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.IGNORECASE)
GFM_EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)")
CODE = re.compile(r"(?<![\\`])(`+) .*? \1(?!`)", re.S)
LINK = re.compile(r"(?<!\\)\[((?:\\.|`+ .*? `+|[^\]\\`])*)\]\(([^)\s]*)\)")

HOSTILE = [
    "Official update https://evil.example/login?next=lausd",
    "see http://phish.example",
    "www.evil-lausd.example/reset",
    "write to help@evil.example",
    "mailto:help@evil.example",
    "HTTPS://EVIL.EXAMPLE",
    "[click](https://evil.example)",
    "<https://evil.example>",
    "a `code` span then https://evil.example/`x`",
]


def autolinked(markdown: str) -> list[str]:
    """Addresses GFM would auto-link in this markdown: outside code spans and link syntax, escapes undone."""
    text = CODE.sub(" ", markdown)  # code spans bind before links (CommonMark)
    text = LINK.sub(" ", text)
    text = re.sub(r"\\(.)", r"\1", text)
    return [m.group(0) for m in GFM_URL.finditer(text)] + [m.group(0) for m in GFM_EMAIL.finditer(text)]


def links(markdown: str) -> list[str]:
    return [m.group(2) for m in LINK.finditer(CODE.sub(" ", markdown))]


@pytest.mark.parametrize("text", HOSTILE)
def test_no_address_from_data_text_is_auto_linked_and_it_reads_the_same(text):
    escaped = md_escape(text)
    assert autolinked(escaped) == [], escaped
    assert links(escaped) == [], escaped
    assert md_plain(escaped) == text  # shown and exported exactly as written, with nothing invisible added
    assert not re.search(r"[\u200b-\u200f\u2060-\u2064\ufeff]", escaped)


def test_the_old_escaping_did_not_stop_auto_linking():
    """What md_escape used to write: every character backslash-escaped; remark still finds the address."""
    old = re.sub(r"([\\`*_{}\[\]()<>#+\-.!|$~^=:&])", r"\\\1", HOSTILE[0])
    assert autolinked(old) == ["https://evil.example/login?next=lausd"]


def test_only_the_source_url_column_is_a_link_in_a_citation():
    source = {
        "title": "Safety update https://evil.example/login",
        "publisher": "LAUSD www.evil.example",
        "kind": "district",
        "published": "2024-04-09",
        "url": "https://www.lausd.org/safety",
        "mirror_of": None,
    }
    line = cite_one(source, "slide 3, see help@evil.example", "en")
    assert links(line) == ["https://www.lausd.org/safety"]
    assert autolinked(line) == []
    assert "https://evil.example/login" in md_plain(line) and "help@evil.example" in md_plain(line)


# ------------------------------------------------------------------------------------------- through the app

EVIL = "https://evil.example/reset-password"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """The published data with a URL in a source's title and locator (as a staff publish could put them)."""
    root = tmp_path_factory.mktemp("links")
    data = root / "data"
    shutil.copytree(DATA, data, ignore=shutil.ignore_patterns("*.duckdb*", "__pycache__", ".*", "history"))
    rows = (data / "sources.csv").read_text(encoding="utf-8").splitlines()
    number = next(n for n, r in enumerate(rows[1:], 1) if r.startswith("lausd-2024-04-09-safety-updates,"))
    edit_csv(data / "sources.csv", number, "title", f"District Safety Updates — new portal {EVIL}")
    edit_csv(data / "budget_lines.csv", 1, "locator", "slide 5, write to safety@evil.example")
    db = root / "safety.duckdb"
    build(data, db)
    return data, db


def page_markdown(at: AppTest) -> list[str]:
    out = []
    for kind in (at.markdown, at.caption, at.info, at.warning, at.error, at.success):
        out += [e.value for e in kind]
    for m in at.metric:
        out += [m.label or "", m.help or ""]
    return out


@pytest.mark.apptest
@pytest.mark.parametrize("page", ["overview", "spending", "sources"])
def test_a_url_in_a_source_title_renders_as_text(hostile_site, monkeypatch, page):
    import queries

    data, db = hostile_site
    monkeypatch.setenv("SAFETY_DB_PATH", str(db))
    monkeypatch.setenv("SAFETY_DATA_DIR", str(data))
    queries.reset()
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if not registry.page(page).default:
            at.switch_page(registry.page(page).file)
        at.run()
        assert not at.exception
        texts = page_markdown(at)
        everything = md_plain("\n".join(texts)) + "\n".join(str(d.value.to_dict()) for d in at.dataframe)
        assert "evil.example" in everything, "the title must still be shown"
        for text in texts:
            assert autolinked(text) == [], text
            assert not [u for u in links(text) if "evil" in u], text
    finally:
        queries.reset()


# ------------------------------------------------------------------------------------------- link parameters


def run_page(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    if not registry.page(page).default:
        at.switch_page(registry.page(page).file)
    at.run()
    return at


@pytest.mark.apptest
def test_parameters_a_page_does_not_read_are_dropped_from_the_link():
    at = run_page("overview", region="East", bd="3", utm_source="x", lang="es")
    assert not at.exception
    assert set(at.query_params) == {"lang"}
    note = md_plain("\n".join(c.value for c in at.caption))
    assert "region" in note and "bd" in note and "utm" not in note  # unknown names are counted, never echoed
    assert "1 parámetro más que esta página no usa" in note  # a real singular, not "parámetro(s)"


@pytest.mark.apptest
def test_a_hostile_parameter_name_is_never_echoed():
    at = run_page("sources", **{"[x](https://evil.example)": "1", "kind": "news"})
    assert not at.exception
    shown = "\n".join(e.value for kind in (at.caption, at.markdown) for e in kind)
    assert "evil" not in shown
    assert set(at.query_params) == {"kind"}


def test_the_export_view_line_names_only_the_pages_parameters(monkeypatch):
    from components.ui import boardroom, handover

    class Params(dict):
        def get(self, k, default=None):
            return super().get(k, default)

    fake = Params(lang="es", region="East", kind="news", moves="a>b:1")
    monkeypatch.setattr(boardroom.st, "query_params", fake)
    checked = {"lang", "region", "kind", "moves"}  # as if this run had checked every value
    monkeypatch.setattr(boardroom.url_state, "checked", lambda: checked)
    with _ctx(handover, "sources"):
        assert boardroom.view_query() == {"lang": "es", "kind": "news"}
    with _ctx(handover, "spending"):
        assert boardroom.view_query() == {"lang": "es", "moves": "a>b:1"}
    checked.discard("kind")  # a value no part of the page checked (its tab closed) is left out
    with _ctx(handover, "sources"):
        assert boardroom.view_query() == {"lang": "es"}


class _ctx:
    def __init__(self, handover, slug):
        self.handover, self.slug = handover, slug

    def __enter__(self):
        self.handover._local.context = self.handover.Context(lang="en", slug=self.slug, presenting=False)

    def __exit__(self, *exc):
        self.handover._local.context = None


def test_md_link_is_the_only_link_and_only_http():
    assert links(md_link("Title", "javascript:alert(1)")) == []
    assert links(md_link("Title", "https://www.lausd.org/a b")) == ["https://www.lausd.org/a%20b"]
