"""The Streamlit explorer: pages, session state, the graph component (the only code importing streamlit)."""
