"""A page read as a reader clicking through it: one AppTest run per section (tab), taken together.

Pages show their sections as tabs whose content is built only when opened (components/ui/blocks.sections,
?section=<key> in the link); a test that checks what a whole page says runs it once per section.
"""

from __future__ import annotations

from itertools import chain

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def run_page(slug: str, section: str | None = None, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    if section is not None:
        at.query_params["section"] = section
    if slug != "overview":
        at.switch_page(f"pages/{slug}.py")
    return at.run()


class WholePage:
    """Every section's run of one page; element lists are the runs' lists joined (the first run's title etc.
    repeat, so take [0] of those)."""

    def __init__(self, runs: list[AppTest]):
        self.runs = runs

    def __getattr__(self, name):
        values = [getattr(r, name) for r in self.runs]
        if name in ("exception", "error") or isinstance(values[0], list) or hasattr(values[0], "__iter__"):
            if name in ("main", "sidebar"):
                return list(chain.from_iterable(values))
            return list(chain.from_iterable(values))
        return values[0]

    def get(self, kind: str) -> list:
        """Elements of a kind over every run, each keyed element once (the finding's chart is on every run)."""
        seen, out = set(), []
        for element in chain.from_iterable(r.get(kind) for r in self.runs):
            key = getattr(element, "key", None)
            if key is not None and key in seen:
                continue
            seen.add(key)
            out.append(element)
        return out


def whole_page(slug: str, sections, **params) -> WholePage:
    """`sections`: the page's section keys (e.g. [s.key for s in view.sections])."""
    return WholePage([run_page(slug, section=key, **params) for key in sections])
