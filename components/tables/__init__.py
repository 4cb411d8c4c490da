"""Display tables, cards and plain-language sentences built from query results. No database, no Streamlit."""
