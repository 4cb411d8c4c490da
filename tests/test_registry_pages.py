"""The registry's numbers match the pages: each public page draws the charts and maps components/registry.py
says (the benchmarks and the browser tests wait for them)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from components import registry
from tests.conftest import ROOT

pytestmark = pytest.mark.apptest


@pytest.mark.parametrize("page", registry.public_pages(), ids=lambda p: p.slug)
def test_each_page_draws_the_charts_and_maps_the_registry_says(page):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    if not page.default:
        at.switch_page(page.file)
    at.run()
    assert not at.exception and not at.error
    assert len(at.get("plotly_chart")) == page.charts, page.slug
    assert len(at.get("deck_gl_json_chart")) == page.maps, page.slug
