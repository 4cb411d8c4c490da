"""View models: for each page, a pure function of its state (year, filters, language) that returns what the
page shows — figures, tables, sentences, citations. They ask queries/ and use the builders of components/;
they never import streamlit."""
