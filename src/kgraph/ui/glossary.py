"""The Glossary page: every concept A–Z with its definition, is-a family and post count.

Each term opens Explore centred on it (a link to ``?entity=``), so the glossary is a way in
for learners who know a word but not where it sits.
"""

from __future__ import annotations

from urllib.parse import quote

import streamlit as st

from kgraph.ui import html, loaders
from kgraph.ui.html import esc
from kgraph.ui.mdtext import md

FILTER = "glossary_filter"


def _term(label: str) -> str:
    """A link that opens Explore centred on ``label``."""
    return f'<a href="/?entity={quote(label)}" target="_self" class="kg-term">{esc(label)}</a>'


def render() -> None:
    """Draw the Glossary page."""
    loaders.graph()
    rows = loaders.ask("glossary")
    html.page_style()
    st.title("Glossary")
    st.caption(
        f"{len(rows)} concepts A–Z, with their definitions, what each is a kind of, its kinds, "
        "and how many posts mention it. Click a term to explore it."
    )
    query = st.text_input(
        "Filter terms", key=FILTER, placeholder="a word in a term or its definition"
    ).strip()
    if query:
        q = query.casefold()
        rows = [
            r
            for r in rows
            if q in r["label"].casefold()
            or q in (r["definition"] or "").casefold()
            or any(q in p.casefold() for p in r["parents"] + r["children"])
        ]
    if not rows:
        st.info(f"No concept matches {md(repr(query))}. Try a shorter word.")
        return
    letters = sorted({r["letter"] for r in rows})
    st.html(
        " ".join(f"<a href='#kg-{esc(x)}' style='margin-right:6px'>{esc(x)}</a>" for x in letters)
    )
    out, letter = [], None
    for r in rows:
        if r["letter"] != letter:
            if letter is not None:
                out.append("</dl>")
            letter = r["letter"]
            out.append(f"<h3 id='kg-{esc(letter)}'>{esc(letter)}</h3><dl class='kg-glossary'>")
        family = []
        if r["parents"]:
            family.append("is a " + ", ".join(_term(p) for p in r["parents"]))
        if r["children"]:
            family.append("kinds: " + ", ".join(_term(c) for c in r["children"]))
        count = r["post_count"]
        family.append(f"{count} post{'s' if count != 1 else ''}")
        out.append(
            f"<dt style='font-weight:600;margin-top:8px'>{_term(r['label'])}</dt>"
            f"<dd style='margin-left:16px'>{esc(r['definition'] or 'No definition yet.')}"
            f"<br><small>{' · '.join(family)}</small></dd>"
        )
    out.append("</dl>")
    st.html("".join(out))
