"""Pure figure builders: frames in, Plotly figures and pydeck maps out (with their text alternatives). No database, no Streamlit."""
