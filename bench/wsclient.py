"""A minimal client of Streamlit's browser protocol (websocket /_stcore/stream, protobuf BackMsg/ForwardMsg), for
timing the server without a browser: it asks for a script run the way the frontend does (BackMsg.rerun_script
with the page's URL path and query string) and waits for ForwardMsg.script_finished.

Only for 127.0.0.1 (asserted). It renders nothing, so it measures server time plus transfer, not drawing.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ClientState_pb2 import ContextInfo
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = ForwardMsg.ScriptFinishedStatus
LOCAL = {"127.0.0.1", "localhost"}


@dataclass
class RunResult:
    seconds: float
    bytes_received: int
    messages: int
    deltas: int
    ok: bool
    error: str = ""
    elements: dict | None = None  # element type -> count (plotly_chart, deck_gl_json_chart, ...)


class StreamlitSession:
    """One viewer's websocket session. Use `async with StreamlitSession(base) as s: await s.run("overview")`."""

    def __init__(self, base: str, locale: str = "en-US", headers: dict | None = None, timeout_s: float = 120):
        parts = urlsplit(base)
        assert parts.hostname in LOCAL, f"benchmarks only talk to this machine, not {base}"
        self.base = base.rstrip("/")
        self.url = f"ws://{parts.netloc}/_stcore/stream"
        self.locale = locale
        self.headers = headers or {}
        self.timeout_s = timeout_s
        self.ws = None
        self.page_hash = ""
        self.exceptions: list[str] = []
        self.response_headers: dict = {}

    async def __aenter__(self) -> StreamlitSession:
        self.ws = await websockets.connect(
            self.url,
            subprotocols=["streamlit"],
            max_size=None,
            additional_headers=self.headers,
            open_timeout=self.timeout_s,
            ping_interval=None,
        )
        self.response_headers = dict(self.ws.response.headers) if self.ws.response else {}
        return self

    async def __aexit__(self, *exc) -> None:
        await self.ws.close()

    async def run(self, page: str, query: str = "") -> RunResult:
        """Ask for page (its URL path, e.g. "deployments"; "" = the default page) with a query string; wait for the
        run to finish."""
        self.exceptions = []
        msg = BackMsg()
        cs = msg.rerun_script
        cs.query_string = query
        cs.page_name = page
        cs.context_info.CopyFrom(
            ContextInfo(
                locale=self.locale,
                timezone="America/Los_Angeles",
                timezone_offset=420,
                url=f"{self.base}/{page}",
                color_scheme="light",
            )
        )
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        received = messages = deltas = 0
        elements: dict[str, int] = {}
        deadline = started + self.timeout_s
        while True:
            remaining = deadline - time.perf_counter()
            if remaining <= 0:
                return RunResult(time.perf_counter() - started, received, messages, deltas, False, "timeout")
            try:
                data = await asyncio.wait_for(self.ws.recv(), timeout=remaining)
            except TimeoutError:
                continue
            received += len(data)
            messages += 1
            fmsg = ForwardMsg()
            fmsg.ParseFromString(data)
            kind = fmsg.WhichOneof("type")
            if kind == "delta":
                deltas += 1
                el = fmsg.delta.new_element
                if fmsg.delta.WhichOneof("type") == "new_element":
                    kind_el = el.WhichOneof("type")
                    elements[kind_el] = elements.get(kind_el, 0) + 1
                    if kind_el == "exception":
                        self.exceptions.append(el.exception.message)
            elif kind == "new_session":
                self.page_hash = fmsg.new_session.page_script_hash
                elements.clear()  # a new run (e.g. after st.rerun) redraws the page from the top
            elif kind == "page_not_found":
                return RunResult(time.perf_counter() - started, received, messages, deltas, False, "page not found")
            elif kind == "script_finished":
                status = fmsg.script_finished
                if status == FINISHED.FINISHED_EARLY_FOR_RERUN:
                    continue  # the page called st.rerun(): the next run follows on its own
                ok = status == FINISHED.FINISHED_SUCCESSFULLY and not self.exceptions
                return RunResult(
                    time.perf_counter() - started,
                    received,
                    messages,
                    deltas,
                    ok,
                    "" if ok else f"status {status}; exceptions: {self.exceptions[:1]}",
                    elements,
                )
