"""The one list of the dashboard's pages: what app.py puts in the navigation, what the presenter's saved
sequence may point to, what the benchmarks measure and what the tests open.

Adding a page is one entry here and one file in pages/ (named after its slug). Each entry names the link
parameters the page reads; every page also reads the COMMON ones. A parameter's allowed values come from its
widget's options (built from the data) or, where fixed, from PARAMS below; anything else in a link is ignored
with a small note and dropped from the link (components/ui/url_state.py).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Param:
    """A link parameter: its name and what it may hold (fixed codes, or a sentence saying where they come from)."""

    name: str
    allowed: tuple[str, ...] | str


PARAMS: dict[str, Param] = {
    p.name: p
    for p in (
        Param("lang", ("en", "es")),
        Param("present", ("1",)),
        Param("step", "1 to the number of views in presentations/board_meeting.csv"),
        Param("section", "the open section (tab) of a page, by its key"),
        Param("year", "the school years the data holds for what the page shows (newest complete year by default)"),
        Param("vs", "a second school year to compare with (the compare page)"),
        Param("region", "the regions in data/regions.csv"),
        Param("bd", "the board districts in data/board_districts.csv"),
        Param("level", "the location levels of the year's budget lines, comma-separated"),
        Param("moves", "calculator moves from>to:amount[%], comma-separated (components/domain/reallocation.py)"),
        Param("map", ("board_district", "region")),
        Param("basis", ("published", "records")),
        Param("schools", ("1", "0")),
        Param("kind", "the source kinds in data/sources.csv"),
        Param("table", "a table of the published data (the Sources page's data browser)"),
    )
}
COMMON = ("lang", "present", "step", "section")


@dataclass(frozen=True)
class Page:
    """One page: pages/<slug>.py, shown at /<slug> (the default page at /)."""

    slug: str
    title_key: str  # translation key of its navigation title
    params: tuple[str, ...] = ()  # link parameters it reads, besides COMMON
    charts: int = 0  # Plotly charts drawn on its first view (benchmarks wait for them)
    maps: int = 0  # pydeck maps drawn on its first view
    default: bool = False
    staff_only: bool = False  # in the navigation only when staff sign-in is configured
    presentable: bool = True  # may be a step of the presenter's saved sequence

    @property
    def file(self) -> str:
        return f"pages/{self.slug}.py"

    @property
    def path(self) -> str:
        """The URL path: empty for the default page."""
        return "" if self.default else self.slug

    @property
    def accepts(self) -> tuple[str, ...]:
        return COMMON + self.params


PAGES: tuple[Page, ...] = (
    Page("overview", "nav.overview", ("year",), charts=1, default=True),
    Page("spending", "nav.spending", ("year", "level", "moves"), charts=1),
    Page("deployments", "nav.deployments", ("year", "region", "bd", "map", "basis", "schools"), charts=1),
    Page("incidents", "nav.incidents", charts=6),
    Page("community_safety", "nav.community", ("year", "schools"), charts=2),
    Page("compare", "nav.compare", ("year", "vs"), charts=5),
    Page("sources", "nav.sources", ("kind", "table"), charts=1),
    Page("staff", "staff.nav", staff_only=True, presentable=False),
)
BY_SLUG: dict[str, Page] = {p.slug: p for p in PAGES}


def public_pages() -> tuple[Page, ...]:
    return tuple(p for p in PAGES if not p.staff_only)


def page(slug: str) -> Page:
    """The page with this slug (KeyError for an unknown one)."""
    return BY_SLUG[slug]


def all_params() -> tuple[str, ...]:
    """Every parameter any page reads: the link of a view and the CSV exports' "View:" line name only these."""
    return tuple(dict.fromkeys(COMMON + tuple(p for pg in PAGES for p in pg.params)))
