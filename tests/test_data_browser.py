"""Nothing carried and hidden: every table of the data can be read row by row on the Sources page, with the
source of each row, and never with the internal research references."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from data.layout import MANIFEST
from tests.conftest import ROOT, read_csv

pytestmark = pytest.mark.apptest


def sources_page(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    at.switch_page("pages/sources.py")
    at.run()
    assert not at.exception and not at.error
    return at


def test_every_table_is_offered_with_its_row_count():
    at = sources_page(section="data")  # the data browser's tab
    offered = at.selectbox(key="data_table").options
    for table, stems in MANIFEST:
        rows = sum(len(read_csv(stem)) for stem in stems)
        assert any(o.endswith(f"({rows} rows)") for o in offered), table


@pytest.mark.parametrize("table", ["observations", "schools", "later_years"])
def test_a_table_shows_every_row_without_research_references_and_cites_its_sources(table):
    at = sources_page(table=table)
    frame = at.dataframe[-1].value
    stems = dict(MANIFEST)[table]
    assert len(frame) == sum(len(read_csv(stem)) for stem in stems)
    assert not [c for c in frame.columns if "research_ref" in c]
    assert any(c.value.startswith("Source") for c in at.caption)


def test_an_unknown_table_in_the_link_is_ignored():
    at = sources_page(table="build_info; DROP TABLE sources")
    assert at.session_state["data_table"] is None
    assert any("table" in c.value and "ignored" in c.value for c in at.caption)
