"""kgraph's Streamlit explorer: page registration only; the pages live in kgraph.ui.

Run it with `kgraph app` (or `streamlit run app.py`); KGRAPH_DB picks the store.
"""

import streamlit as st

PAGES = "src/kgraph/ui/pages"

st.set_page_config(page_title="kgraph explorer", page_icon="🕸️", layout="wide")
st.navigation(
    [
        st.Page(
            f"{PAGES}/explore.py",
            title="Explore",
            icon=":material/hub:",
            url_path="explore",
            default=True,
        ),
        st.Page(f"{PAGES}/posts.py", title="Posts", icon=":material/article:", url_path="posts"),
        st.Page(f"{PAGES}/paths.py", title="Paths", icon=":material/route:", url_path="paths"),
        st.Page(
            f"{PAGES}/insights.py",
            title="Insights",
            icon=":material/insights:",
            url_path="insights",
        ),
        st.Page(
            f"{PAGES}/glossary.py",
            title="Glossary",
            icon=":material/menu_book:",
            url_path="glossary",
        ),
        st.Page(f"{PAGES}/data.py", title="Data", icon=":material/database:", url_path="data"),
    ],
    position="top",  # the graph gets the page's width; narrow screens fold it into a menu
).run()
