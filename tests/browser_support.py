"""Shared pieces of the browser tests: a real `streamlit run` server, Debian's Chromium, and a Watch that fails
a test on console errors, uncaught page errors or any request that leaves the machine.

Use in a test module:  from tests.browser_support import chromium, server, open_context, ...  (the two
fixtures are module-scoped: each test module gets its own fresh server).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from bench.common import CHROMIUM as BENCH_CHROMIUM
from bench.common import CHROMIUM_ARGS, streamlit_server

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = Path(BENCH_CHROMIUM)
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
START_TIMEOUT_S = 60
RENDER_TIMEOUT_MS = 60_000

# Height of the app's content: Streamlit's own scroll container (stMain) holds it, not the document.
MAIN_HEIGHT_JS = """() => Math.max(document.documentElement.scrollHeight,
                                    document.querySelector('[data-testid="stMain"]')?.scrollHeight ?? 0)"""
# Streamlit marks its root element while a script run is in progress; wait for it to settle.
APP_IDLE = '[data-testid="stApp"][data-test-script-state="notRunning"][data-test-connection-state="CONNECTED"]'


# ------------------------------------------------------------------------------------------- server


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    """`streamlit run app.py` on a free loopback port, from the repo root (the benchmarks' launcher, with the
    production flags); yields its base URL, stops it afterwards. The environment (and with it SAFETY_DB_PATH,
    when a conftest sets one) is inherited."""
    log_path = tmp_path_factory.mktemp("streamlit") / "server.log"
    try:
        with streamlit_server(log_path=log_path, timeout_s=START_TIMEOUT_S) as (base, _proc):
            yield base
    except RuntimeError as exc:  # it never answered: show why
        pytest.fail(f"{exc}:\n{log_path.read_text()}")


# ------------------------------------------------------------------------------------------- browser


@pytest.fixture(scope="module")
def chromium() -> Browser:
    # Fail, never skip: CI installs Chromium, and a silently skipped browser test proves nothing.
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Chromium (apt-get install chromium); the browser tests do not download one"
        )
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watch:
    """Everything a context did that the app must not do: console errors, uncaught page errors, and requests
    to any host but this machine. Non-local requests are also aborted, so the test behaves offline."""

    def __init__(self, context: BrowserContext, base: str):
        self.base = base
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.foreign: list[str] = []
        context.on("console", self._on_console)
        context.on("weberror", lambda e: self.page_errors.append(str(e.error)))
        context.on("request", lambda r: self._check_url(r.url))
        context.on("page", lambda p: p.on("websocket", lambda ws: self._check_url(ws.url)))
        context.route(self._is_foreign, lambda route: route.abort())

    @staticmethod
    def _is_foreign(url: str) -> bool:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https", "ws", "wss") and parts.hostname not in LOCAL_HOSTS

    def _check_url(self, url: str) -> None:
        if self._is_foreign(url):
            self.foreign.append(url)

    def _on_console(self, msg) -> None:
        if msg.type != "error":
            return
        url = msg.location.get("url", "")
        # Known Streamlit frontend behaviour, not the app (streamlit/streamlit#7074): opened directly at a page
        # URL such as /sources, the frontend first probes /sources/_stcore/health and /sources/_stcore/host-config
        # to discover the server's base path, gets 404, then uses /_stcore/... . Chromium logs each 404 as a
        # console error. Only those two probe URLs under the app's own page paths, on our server, are ignored.
        if (
            msg.text.startswith("Failed to load resource: the server responded with a status of 404")
            and url.startswith(self.base)
            and re.fullmatch(r"/[a-z0-9_-]+/_stcore/(health|host-config)", urlsplit(url).path)
        ):
            return
        self.console_errors.append(f"{msg.text} (at {url or 'unknown location'})")

    def assert_clean(self) -> None:
        assert not self.page_errors, f"uncaught errors in the page: {self.page_errors}"
        assert not self.console_errors, f"console errors: {self.console_errors}"
        assert not self.foreign, f"the page tried to reach other hosts (it must work offline): {self.foreign}"


def open_context(chromium: Browser, server: str, **options) -> tuple[BrowserContext, Watch]:
    # en-US explicitly: the app follows the browser's language when the URL has no ?lang=.
    context = chromium.new_context(locale="en-US", **options)
    return context, Watch(context, server)


def wait_until_idle(page: Page) -> None:
    page.locator(APP_IDLE).wait_for(timeout=RENDER_TIMEOUT_MS)
    page.evaluate("document.fonts.ready")


@contextmanager
def imports_env(folder: Path):
    """SAFETY_IMPORTS_DIR set to `folder` for a server started inside (module-scoped fixtures cannot use the
    function-scoped monkeypatch); the previous value comes back afterwards."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SAFETY_IMPORTS_DIR", str(folder))
        yield folder


def load(context: BrowserContext, url: str) -> Page:
    """A new tab at `url`, once the app has finished its run."""
    page = context.new_page()
    page.goto(url)
    wait_until_idle(page)
    return page


def charts_drawn_js(count: int) -> str:
    """JS that is true once Plotly has drawn `count` charts, each with its SVG and a bar or marker path."""
    return (
        """() => {
        const plots = [...document.querySelectorAll('.js-plotly-plot')];
        return plots.length === %d
            && plots.every(p => p.querySelector('.main-svg') && p.querySelector('.main-svg g.points path'));
    }"""
        % count
    )


def wait_for_charts(page: Page, count: int) -> None:
    wait_until_idle(page)
    page.wait_for_function(charts_drawn_js(count), timeout=RENDER_TIMEOUT_MS)


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    try:
        page.screenshot(path=str(path), full_page=True)
    except PlaywrightError as exc:  # Chromium now and then fails a capture ("Unable to capture screenshot")
        if "Unable to capture screenshot" not in str(exc):
            raise
        page.wait_for_timeout(500)
        page.screenshot(path=str(path), full_page=True)  # once more; a second failure fails the test
    assert path.stat().st_size > 10_000, f"{path} looks empty"
    return path
