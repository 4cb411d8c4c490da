"""The Deployments page in Streamlit's AppTest: published figures, filters change what is shown, hostile URL
values are ignored without an exception or echo, and staff-imported records are an opt-in, labelled view."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests import deployments_support as synth

pytestmark = pytest.mark.apptest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def imports(tmp_path, monkeypatch):
    folder = tmp_path / "imports"
    monkeypatch.setenv("SAFETY_IMPORTS_DIR", str(folder))
    return folder


SECTIONS = ("figures", "map", "charts", "schools", "conditions", "checks")


def page(section: str | None = None, **params) -> AppTest:
    """A session opened at /deployments with these link parameters and this section (tab) open (the default
    page would drop the ones it does not read: registry Page.accepts)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    if section:
        at.query_params["section"] = section
    at.switch_page("pages/deployments.py").run()
    assert not at.exception, at.exception
    return at


def everything(**params) -> str:
    """What the page says over all its sections (each opened as a reader would)."""
    return "\n".join(shown(page(section, **params)) for section in SECTIONS)


def finding(at: AppTest) -> str:
    """The lead sentence: the first paragraph under the title and the filters."""
    return plain(at.markdown[0].value) if not at.markdown[0].value.startswith("<style") else plain(at.markdown[1].value)


def plain(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def shown(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [h.value for h in at.header]
    parts += [t.value for t in at.title]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    return plain("\n".join(parts))


def bar_text(at: AppTest, index: int) -> list[str]:
    spec = json.loads(at.get("plotly_chart")[index].proto.spec)
    return spec["data"][0]["text"]


def test_page_leads_with_the_finding_and_its_chart_and_keeps_every_section():
    at = page()
    lead = finding(at)
    assert lead.startswith("In 2023-24, school police were sent to campuses for short periods 41 times, to 36")
    assert "the most went to the West region (14 of 41)" in lead
    assert "14 · 34.1%" in bar_text(at, 0)  # the lead chart: by region
    assert len(at.get("plotly_chart")) == 1 and not at.get("deck_gl_json_chart")  # the map waits for its tab
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Deployments, 2023-24"] == "41" and metrics["Campuses they went to"] == "36"
    assert metrics["District sites"] == "~780"
    text = everything()
    assert "Board District 3: 4 deployments and 105 schools" in text
    assert "Board District 7: 8 deployments and approximately 175 schools" in text
    assert "about 4.6 deployments per 100 schools" in text
    assert "School counts per region: not published." in text
    assert "A rough comparison only" in text
    assert "juveniles" in text
    assert "approximate label positions" in text
    assert "District Safety Updates" in text
    conditions = page("conditions")
    boxes = plain("\n".join(m.value for m in conditions.markdown))
    assert "Mass school threats (MST)" in boxes and "Mental health support" in boxes
    assert len(page("map").get("deck_gl_json_chart")) == 1
    charts = page("charts")
    assert "8 · 19.5%" in bar_text(charts, 1) and "14 · 34.1%" in bar_text(charts, 2)
    assert not any("selected" in t for t in bar_text(charts, 1))


def test_board_district_filter_from_the_url_changes_the_finding_figures_and_charts():
    at = page(bd="3")
    lead = finding(at)
    assert "Board District 3: 4 of 41 deployments (9.8%)." in lead and "Scott Schmerelson" in lead
    assert "4 · 9.8% · selected" in bar_text(at, 0)  # the lead chart is the board districts', the choice marked
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Deployments: Board District 3"] == "4"
    at = page("map", bd="3")
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    labels = [d["label"] for layer in deck["layers"] if layer["id"] == "dep-labels" for d in layer["data"]]
    assert "BD 3: 4 (selected)" in labels
    at.selectbox(key="filter_bd").set_value(7).run()  # the filter on the page, above what it changes
    assert at.query_params["bd"] == ["7"] or at.query_params["bd"] == "7"
    assert "Board District 7: 8 of 41 deployments (19.5%)." in finding(at)


def test_region_filter_and_map_kind():
    at = page(region="West")
    assert "West: 14 of 41 deployments (34.1%)." in finding(at)
    assert {m.label: m.value for m in at.metric}["Deployments: West"] == "14"
    assert "never both together" in shown(page("checks", region="West"))
    at = page("map", region="West")
    at.radio(key="dep_map_kind").set_value("region").run()
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    labels = [d["label"] for layer in deck["layers"] if layer["id"] == "dep-labels" for d in layer["data"]]
    assert sorted(labels) == ["East: 7", "North: 12", "South: 8", "West: 14 (selected)"]


def test_a_region_and_a_board_district_together_say_why_they_are_not_crossed():
    at = page(region="North", bd="7")
    lead = finding(at)
    assert "North: 12 of 41 deployments (29.3%)." in lead and "Board District 7: 8 of 41 deployments" in lead
    assert "no count exists for both together" in lead
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Deployments: North"] == "12" and metrics["Deployments: Board District 7"] == "8"


@pytest.mark.parametrize(
    "params",
    [
        {"bd": "987654"},
        {"bd": "<script>alert(1)</script>"},
        {"region": "Central$x$"},
        {"region": "' OR 1=1 --", "bd": "-1234567"},
    ],
)
def test_hostile_url_values_are_ignored_without_echo(params):
    at = page("charts", **params)
    text = shown(at) + "\n".join(e.value for e in at.sidebar.caption)
    for value in params.values():
        assert value not in text
    assert "was not recognised and was ignored" in text
    for name in params:
        assert name not in at.query_params  # dropped from the link too
    assert not any("selected" in t for t in bar_text(at, 0) + bar_text(at, 1) + bar_text(at, 2))


def test_staff_records_are_opt_in_and_follow_the_filters(imports, tmp_path):
    from data.import_campus_records import main

    text, rows = synth.records(30, seed=3)
    (tmp_path / "r.csv").write_text(text)
    assert main([str(tmp_path / "r.csv")]) == 0
    at = page("charts", region="North")
    assert "staff-imported" not in shown(at).split("Figures shown")[0].lower()  # published is the default
    assert "8 · 19.5%" in bar_text(at, 1)
    at.radio(key="dep_basis").set_value("records").run()
    assert not at.exception
    text = shown(at)
    assert "Showing staff-imported campus records, not published figures: " in text
    north = [r for r in rows if r["region"] == "North"]
    bd_counts = [int(t.split(" · ")[0]) for t in bar_text(at, 1)]
    assert sum(bd_counts) == len(north)  # the region filter narrows the board-district chart
    assert f"{len(north)} of {len(rows)} deployments match North" in finding(at)  # records filter by both
    at = page("map", region="North", basis="records")
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    campus = next(layer for layer in deck["layers"] if layer["id"] == "dep-campuses")
    assert sum(d["deployments"] for d in campus["data"]) == sum(1 for r in north if r["lat"])


def test_boundaries_switch_the_map_to_a_choropleth(imports, tmp_path):
    from data.import_boundaries import main

    (tmp_path / "bd.geojson").write_text(json.dumps(synth.board_districts()))
    assert main(["--board-districts", str(tmp_path / "bd.geojson")]) == 0
    at = page("map")
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    ids = [layer["id"] for layer in deck["layers"]]
    assert ids[:4] == ["base-land", "base-borders", "base-coast", "base-lausd"] and "dep-boundaries" in ids
    assert "context-bd-2012" not in ids  # the current lines replace the 2012 context
    assert "official board district boundaries imported by staff" in shown(at)
    at.radio(key="dep_map_kind").set_value("region").run()  # no region polygons: symbols again
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    assert "dep-symbols" in [layer["id"] for layer in deck["layers"]]


def test_spanish():
    at = page(lang="es")
    assert "Dónde se desplegó la policía escolar" in shown(at)
    assert finding(at).startswith("En 2023-24, la policía escolar fue enviada")
    assert "no publicado" in everything(lang="es")


def _deck(at) -> dict:
    return json.loads(at.get("deck_gl_json_chart")[0].proto.json)


def test_zoom_buttons_and_reset_give_variants_of_the_same_map():
    at = page("map")
    first = _deck(at)
    zoom = first["initialViewState"]["zoom"]
    assert first["views"][0]["controller"]["scrollZoom"] is False
    assert first["initialViewState"]["minZoom"] == zoom  # never farther out than the first view
    zoom_out = next(b for b in at.button if b.label == "Zoom map out")
    assert zoom_out.disabled
    next(b for b in at.button if b.label == "Zoom map in").click().run()
    closer = _deck(at)
    assert closer["initialViewState"]["zoom"] == pytest.approx(zoom + 1)
    assert closer["views"][0]["id"] == first["views"][0]["id"]  # same view: the reader's centre is kept
    next(b for b in at.button if b.label == "Reset map").click().run()
    reset = _deck(at)
    assert reset["initialViewState"]["zoom"] == pytest.approx(zoom)
    assert reset["views"][0]["id"] != first["views"][0]["id"]  # a new view id: back to the first view


def test_schools_layer_is_on_by_default_and_off_with_the_checkbox():
    at = page("map")
    ids = [layer["id"] for layer in _deck(at)["layers"]]
    assert {"schools-district", "schools-charter"} <= set(ids)
    assert "1,021 active schools in the state directory of June 2018" in " ".join(c.value for c in at.caption)
    at.checkbox(key="map_schools").uncheck().run()
    assert at.query_params["schools"] in ("0", ["0"])
    ids = [layer["id"] for layer in _deck(at)["layers"]]
    assert "schools-district" not in ids and "schools-charter" not in ids
    assert "1,021 active schools" not in " ".join(c.value for c in at.caption)
