"""kgraph's Streamlit explorer: page registration only; the pages live in kgraph.ui.

Run it with `kgraph app` (or `streamlit run app.py`); KGRAPH_DB picks the store.
"""

import streamlit as st

PAGES = "src/kgraph/ui/pages"

st.set_page_config(page_title="kgraph explorer", page_icon="🕸️", layout="wide")
st.navigation([
    st.Page(f"{PAGES}/explore.py", title="Explore", icon="🔎", url_path="explore", default=True),
    st.Page(f"{PAGES}/posts.py", title="Posts", icon="📄", url_path="posts"),
    st.Page(f"{PAGES}/paths.py", title="Paths", icon="🧭", url_path="paths"),
    st.Page(f"{PAGES}/insights.py", title="Insights", icon="📊", url_path="insights"),
    st.Page(f"{PAGES}/data.py", title="Data", icon="🗄️", url_path="data"),
]).run()
