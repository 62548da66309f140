"""Small HTML builders for the app; every user text is escaped before it is wrapped.

Titles, summaries, sentences, names and URLs come from strangers' feeds and files.
Escape first, then add our own markup; links open only for http(s) URLs.
"""

from __future__ import annotations

from html import escape
from urllib.parse import urlsplit

from kgraph.view.palette import FALLBACK_COLOR, KIND_COLORS


def esc(text: object) -> str:
    """HTML-escape any value, quotes included (safe in text and in attributes)."""
    return escape(str(text), quote=True)


def safe_url(url: str) -> str | None:
    """The URL if it is http(s) with a host, else None (no javascript:, data:, file:)."""
    url = (url or "").strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url
    return None


def link(text: str, url: str) -> str:
    """An escaped link that opens in a new tab, or plain escaped text for unsafe URLs."""
    return link_markup(esc(text), url)


def link_markup(markup: str, url: str) -> str:
    """Like :func:`link`, around markup this module already escaped (a highlighted title)."""
    href = safe_url(url)
    if href is None:
        return markup
    return f'<a href="{esc(href)}" target="_blank" rel="noopener noreferrer">{markup}</a>'


def highlight(sentence: str, start: int, end: int) -> str:
    """The sentence escaped, with ``sentence[start:end]`` wrapped in ``<mark>``.

    >>> highlight("Use <b> & prewarming.", 10, 20)
    'Use &lt;b&gt; &amp; <mark>prewarming</mark>.'
    """
    start, end = max(0, start), min(len(sentence), end)
    if not 0 <= start < end:
        return esc(sentence)
    return (
        esc(sentence[:start])
        + "<mark>"
        + esc(sentence[start:end])
        + "</mark>"
        + esc(sentence[end:])
    )


def highlight_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` escaped with each (start, end, kind) span marked in its kind's colour."""
    out, at = [], 0
    for start, end, kind in sorted(spans):
        if start < at or end > len(text) or start >= end:
            continue
        colour = KIND_COLORS.get(kind, FALLBACK_COLOR)
        out.append(esc(text[at:start]))
        out.append(
            f'<mark style="background:{colour}33;border-bottom:2px solid {colour}">'
            f"{esc(text[start:end])}</mark>"
        )
        at = end
    out.append(esc(text[at:]))
    return "".join(out)


def badge(kind: str) -> str:
    """A small coloured label for a node kind."""
    colour = KIND_COLORS.get(kind, FALLBACK_COLOR)
    return (
        f'<span style="background:{colour};color:#fff;border-radius:8px;'
        f'padding:1px 8px;font-size:0.8em">{esc(kind)}</span>'
    )


def legend() -> str:
    """Colour legend of the node kinds, for under the graph."""
    return " ".join(badge(k) for k in KIND_COLORS)


def mention_span(ev: dict) -> tuple[int, int]:
    """Where the mention sits inside ``ev["sentence"]``, whichever offsets the evidence has.

    Evidence may carry offsets within the sentence, or within the field together with
    ``sentence_start``; fall back to finding the surface text.
    """
    sentence, text = ev.get("sentence", ""), ev.get("text", "")
    start, end = int(ev.get("start", 0) or 0), int(ev.get("end", 0) or 0)
    if text and sentence[start:end] == text:
        return start, end
    shift = int(ev.get("sentence_start", 0) or 0)
    if text and sentence[start - shift : end - shift] == text:
        return start - shift, end - shift
    at = sentence.lower().find(text.lower()) if text else -1
    return (at, at + len(text)) if at >= 0 else (0, 0)


PAGE_CSS = """<style>
/* The graph takes the page's width: less padding around the wide layout. */
.stMainBlockContainer { padding-left: 1.5rem; padding-right: 1.5rem; padding-top: 3.5rem; }
/* Names that open a node are link-style buttons: make them read as links. */
[data-testid="stBaseButton-tertiary"] { color: #1f77d0; min-height: 1.6rem; padding: 0 2px; }
[data-testid="stBaseButton-tertiary"]:hover { text-decoration: underline; }
/* Narrow screens: the side panel goes under the graph, which spans the width. */
@media (max-width: 1000px) {
  .stMainBlockContainer [data-testid="stHorizontalBlock"]:has(.st-key-kg-graph-col) { flex-wrap: wrap; }
  .stMainBlockContainer [data-testid="stHorizontalBlock"]:has(.st-key-kg-graph-col) > div {
    width: 100% !important; flex: 1 1 100% !important; min-width: 100%; }
}
</style>"""


def page_style() -> None:
    """Apply the app's layout CSS to the current page (a style-only block takes no space)."""
    import streamlit as st

    st.html(PAGE_CSS)
