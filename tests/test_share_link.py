"""'Copy link to this view' on every page: the link holds the page's checked choices and nothing else."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest

from components import registry
from tests.apptest_support import run_page

pytestmark = pytest.mark.apptest


def link(at) -> tuple[str, dict]:
    """The link in the box: its path (AppTest has no server address) and its parameters."""
    codes = [c.value for c in at.sidebar.code]
    assert len(codes) == 1, codes
    parts = urlsplit(codes[0])
    return parts.path, dict(parse_qsl(parts.query))


@pytest.mark.parametrize("slug", [p.slug for p in registry.PAGES if not p.staff_only])
def test_every_page_offers_the_link_to_its_view(slug):
    at = run_page(slug, lang="es")
    assert not at.exception
    assert [b.proto.popover.label for b in at.sidebar.get("popover")] == ["Copiar el enlace a esta vista"]
    assert link(at)[1] == {"lang": "es"}


def test_the_link_keeps_checked_choices_and_drops_unknown_or_hostile_ones():
    at = run_page("deployments", section="charts", region="North", bd="987654", junk="<b>x</b>")
    assert link(at)[1] == {"region": "North", "section": "charts"}  # no bad bd, no unknown parameter
    at.selectbox(key="filter_bd").set_value(7).run()  # a choice made on the page is in the link at once
    assert link(at)[1] == {"region": "North", "bd": "7", "section": "charts"}


def test_a_closed_tabs_bad_value_is_noted_and_never_reaches_the_link():
    # ?map= belongs to the Map tab, ?level= to Spending's Lines tab: both closed here
    at = run_page("deployments", map="<script>x</script>")
    assert "A value in the link was not recognised and was ignored: map." in " ".join(c.value for c in at.caption)
    assert "map" not in link(at)[1] and "map" not in at.query_params
    at = run_page("spending", level="nope," + "y" * 300)
    assert "level" not in link(at)[1]  # never checked (its tab is closed): left out of the link shown
    assert "y" * 10 not in " ".join(c.value for c in at.sidebar.code)
