"""The presenter deck's view model: the saved sequence of views (presentations/board_meeting.csv, data the
presenter edits) and each view as one slide — a title written for the room, the page's finding sentence for the
view's year and filters, and the one chart that shows it (its citation under it). The meeting packet (PDF) is
made from the same slides.

Each page's view model answers `lead_for(params, lang)`: the lead of the view a link describes, with the link's
values checked against the data (an unknown year falls back to the page's default).
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import queries
from components import registry
from components.i18n import t
from components.views import community, compare, deployments, incidents, overview, sources, spending, years
from components.views.model import Lead

ROOT = Path(__file__).resolve().parents[2]  # the project folder
SEQUENCE_CSV = ROOT / "presentations" / "board_meeting.csv"

# The lead of each page a step may show.
LEADS: dict[str, Callable[[dict, str], Lead | None]] = {
    "overview": overview.lead_for,
    "spending": spending.lead_for,
    "deployments": deployments.lead_for,
    "incidents": incidents.lead_for,
    "community_safety": community.lead_for,
    "compare": compare.lead_for,
    "sources": sources.lead_for,
}


@dataclass(frozen=True)
class Step:
    """One saved view: its page, its link's parameters (only those the app reads), its titles."""

    page: str
    params: tuple[tuple[str, str], ...]
    title_en: str
    title_es: str

    def title(self, lang: str) -> str:
        return self.title_es if lang == "es" else self.title_en


@dataclass(frozen=True)
class Slide:
    page: str
    params: dict
    title: str  # for the room ("{year}" filled in)
    lead: Lead | None


@lru_cache(maxsize=4)
def _read(path: str, mtime: float) -> tuple[Step, ...]:
    steps = []
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            parts = urlsplit(row["link"].strip())
            page = parts.path.strip("/")
            if page not in registry.BY_SLUG or not registry.page(page).presentable:
                raise ValueError(f"{path}: unknown page {page!r}")
            accepts = set(registry.page(page).params)
            params = tuple((k, v) for k, v in parse_qsl(parts.query) if k in accepts)
            steps.append(Step(page, params, row["title_en"].strip(), row["title_es"].strip()))
    return tuple(steps)


def sequence(path: Path = SEQUENCE_CSV) -> tuple[Step, ...]:
    """The saved views, in order. Raises OSError, KeyError or ValueError on a missing or malformed file."""
    return _read(str(path), path.stat().st_mtime)


def _year(page: str, params: dict) -> str:
    """The school year a view shows: its link's ?year= if the data holds it, else the newest complete year."""
    offered = [y.school_year for y in years.published()]
    asked = params.get("year")
    return asked if asked in offered else (years.default((years.BUDGET, years.DEPLOYMENTS)) or "")


def slide(page: str, params: dict, title: str, lang: str) -> Slide:
    """A view as one slide: its title (with {year} filled in), the page's finding and chart for the view."""
    lead_for = LEADS.get(page)
    lead = lead_for(params, lang) if lead_for else None
    return Slide(page, params, title.replace("{year}", _year(page, params)), lead)


def step_slide(step: Step, lang: str) -> Slide:
    return slide(step.page, dict(step.params), step.title(lang), lang)


def page_slide(page: str, params: dict, lang: str) -> Slide:
    """The slide of a page opened in presenter mode outside the sequence: its navigation title."""
    return slide(page, params, t(registry.page(page).title_key, lang), lang)


def link(root: str, page: str, params: dict, lang: str) -> str:
    """The link that reopens a view: the app's address (`root`, e.g. http://host:8501/), the page's path, its
    parameters and the language — the same form as components/ui/boardroom.view_url."""
    query = urlencode({**{k: v for k, v in params.items() if v}, "lang": lang}, safe=":,>")
    return root.rstrip("/") + "/" + registry.page(page).path + "?" + query


@dataclass(frozen=True)
class DataVersion:
    """Which data a packet shows: the fingerprint of the CSVs the database was built from, and when it was built
    (data/build.py writes both into build_info; the Sources page shows them too)."""

    fingerprint: str
    built_at: str


def data_version() -> DataVersion | None:
    info = queries.run("build_info").frame
    if info.empty:
        return None
    return DataVersion(str(info.iloc[0]["fingerprint"])[:12], str(info.iloc[0]["built_at"])[:19])
