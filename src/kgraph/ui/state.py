"""Every session_state key and URL parameter the app uses, declared once.

Pages import these names instead of spelling keys, so a key cannot drift between the
widget that sets it and the code that reads it.
"""

from __future__ import annotations

import streamlit as st

from kgraph import config
from kgraph.model import NODE_KINDS

# -- Explore -----------------------------------------------------------------------------
SEARCH = "explore_search"  # the search box (selectbox with type-ahead)
POST_QUERY = "explore_post_query"  # title words, when posts are too many for the search box
CENTER = "explore_center"  # node id the ego view is centred on; None = overview
EXPANDED = "explore_expanded"  # node ids whose neighbourhoods were added by expand
SELECTED = "explore_selected"  # {"type": "node", "id"} or {"type": "edge", "from", "to"}
DEPTH = "explore_depth"  # ego depth, 1-3
KINDS = "explore_kinds"  # node kinds shown
MIN_WEIGHT = "explore_min_weight"  # minimum link weight
CAP = "explore_cap"  # node cap
SIZE_BY = "explore_size_by"  # centrality measure for node size
PATH_TARGET = "explore_path_target"
GRAPH = "explore_graph"  # the graph component's key
URL_READ = "explore_url_read"  # the deep link was applied to this session
PERIOD = "explore_period"  # (first month, last month) the view is kept to; the whole span = none
PERIOD_READ = "explore_period_read"  # the period in the URL was applied to this session

# -- Posts, Paths, Insights, Data --------------------------------------------------------
POSTS_FILTER = "posts_filter"
POSTS_ENTITY = "posts_entity"
POST = "posts_selected"
POSTS_TABLE = "posts_table"  # the Posts table: a clicked row opens that post
PATH_A = "paths_a"
PATH_B = "paths_b"
COMPARE_A = "insights_compare_a"
COMPARE_B = "insights_compare_b"
RANK_KIND = "insights_rank_kind"
RANK_MEASURE = "insights_rank_measure"
DB = "data_db"  # the store the app reads (Data page can switch it)
UPLOAD = "data_upload"
FEED_URL = "data_feed_url"
TARGET_DB = "data_target_db"
ADD_TO_STORE = "data_add_to_store"  # a Data page build adds to the store, or replaces it
STORE_CHOICE = "data_store_choice"
FEEDS_TABLE = "data_feeds_table"
REFRESH = "data_refresh_feeds"  # the "Refresh feeds" button
REFRESHED = "data_refreshed"  # what the last refresh did, shown once after its rerun
RISING_MONTHS = "insights_rising_months"
RISING_MIN = "insights_rising_min_posts"

# -- URL parameters ----------------------------------------------------------------------
Q_ENTITY = "entity"
Q_DEPTH = "depth"
Q_KINDS = "kinds"
Q_MIN_WEIGHT = "min_weight"
Q_CAP = "cap"
Q_FROM = "from"  # YYYY-MM: Explore's period starts with this month
Q_TO = "to"  # YYYY-MM: … and ends with this one

KINDS_ALL = NODE_KINDS
KINDS_DEFAULT = list(NODE_KINDS)
DEFAULTS = {
    CENTER: None,
    EXPANDED: [],
    SELECTED: None,
    DEPTH: config.VIEW_DEPTH,
    KINDS: KINDS_DEFAULT,
    MIN_WEIGHT: config.MIN_WEIGHT,
    CAP: config.VIEW_CAP,
    SIZE_BY: "pagerank",
    URL_READ: False,
}


def init() -> None:
    """Give every Explore key its default once per session."""
    for key, value in DEFAULTS.items():
        if key not in st.session_state:
            st.session_state[key] = list(value) if isinstance(value, list) else value
