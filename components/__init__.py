"""The dashboard's own code below the pages: view models, builders, text, translations and the Streamlit runtime."""
