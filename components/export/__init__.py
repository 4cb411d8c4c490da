"""Exports a reader takes away: chart images stamped with their title, year, source and the dashboard's name
(stamp.py), and the meeting packet, a PDF of the presenter's views (packet.py). Both draw Plotly figures through
one headless Chromium (render.py). Pure builders: no Streamlit, no database; the data comes from view models."""
