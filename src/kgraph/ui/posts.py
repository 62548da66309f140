"""The Posts page (placeholder while it is written)."""

import streamlit as st


def render() -> None:
    st.title("Posts")
