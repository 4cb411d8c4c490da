"""The one map builder of the dashboard (pure: frames in, pydeck out; no database, no Streamlit).

- geo.py       the base files of data/basemap/ read once and reduced for the wire (each shared border once,
               whole-number positions with a model matrix)
- deck.py      MapSpec -> a pydeck Deck at a zoom step: offline settings, the controller (no scroll-wheel zoom),
               the first view, the one tooltip template, label placement
- base.py      the base map under every map (land, borders, coast, LAUSD outline, place names) and its credits
- schools.py   every active LAUSD school of the 2018 state directory as a context layer
- deployments.py, sites.py   each page's own layers (a new page with a map adds one module like them)

A view model builds a MapSpec with a page module; components/ui/maps.py draws it with its zoom and reset buttons.
"""
