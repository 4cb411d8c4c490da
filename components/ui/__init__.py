"""The Streamlit runtime: the app shell, link parameters, presenter chrome, page building blocks and staff sign-in.

The only part of components/ that imports streamlit."""
