"""The Data page: upload a corpus or paste a feed URL, build, switch stores, download exports."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import streamlit as st

from kgraph import api, config
from kgraph.errors import CorpusError, KgraphError
from kgraph.ui import errors, feeds, html, loaders, state
from kgraph.ui.mdtext import md

MAX_UPLOAD = config.MAX_UPLOAD_MB * 1024 * 1024  # bytes
UPLOAD_TYPES = ["txt", "csv", "json", "jsonl", "xml", "rss", "atom", "opml"]


@st.cache_data(max_entries=16, show_spinner="Exporting…")
def _export(db: str, version: tuple, fmt: str) -> tuple[str, bytes]:
    G = loaders.graph_at(db, version)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / (
            "csv" if fmt == "csv" else f"kgraph.{'cypher' if fmt == 'cypher' else fmt}"
        )
        files = api.export(G, fmt, out)
        if len(files) == 1:
            return files[0].name, files[0].read_bytes()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            for f in files:
                zf.write(f, f.name)
        return f"kgraph-{fmt}.zip", buffer.getvalue()


def _sources(upload, url: str, tmp: Path) -> list[str]:
    sources: list[str] = []
    if upload is not None:
        if upload.size > MAX_UPLOAD:
            raise CorpusError(
                f"{upload.name} is {upload.size / 1e6:.1f} MB; the app takes up "
                f"to {MAX_UPLOAD // 2**20} MB. Build bigger corpora with "
                f"`kgraph build {upload.name}`."
            )
        suffix = Path(upload.name).suffix.lower().lstrip(".")
        if suffix not in UPLOAD_TYPES:
            raise CorpusError(
                f"{upload.name}: .{suffix} is not a corpus format kgraph reads "
                f"({', '.join(UPLOAD_TYPES)})."
            )
        path = tmp / _upload_name(upload.name, suffix)
        path.write_bytes(upload.getvalue())
        sources.append(str(path))
    if url:
        if not html.safe_url(url):
            raise CorpusError(
                f"{url!r} is not an http(s) URL; paste a feed address such as "
                "https://example.com/feed.xml."
            )
        sources.append(url)
    return sources


def _upload_name(name: str, suffix: str) -> str:
    """A file name for the upload that any file system takes: its own name, shortened."""
    stem = Path(Path(name).name).stem.strip(". ") or "upload"
    stem = "".join(ch if ch.isalnum() or ch in "-_ " else "_" for ch in stem)
    while len(stem.encode()) > 120:  # bytes: names are capped at 255 bytes, not characters
        stem = stem[:-1]
    return f"{stem}.{suffix}"


def _default_name(current: Path) -> str:
    """The store name the build box starts with: the current store's, if the app owns it."""
    try:
        inside = current.resolve().parent == config.store_dir().resolve()
    except OSError:
        inside = False
    return current.name if inside else config.default_db().name


def _build_section() -> None:
    st.subheader("Build a store")
    upload = st.file_uploader(
        f"Corpus file (formats: {', '.join(api.CORPUS_FORMATS)})",
        type=UPLOAD_TYPES,
        key=state.UPLOAD,
    )
    url = st.text_input("…or a feed URL", key=state.FEED_URL, placeholder="https://…/feed.xml")
    target = st.text_input(
        f"Store to build into (a name; stores live in {md(config.store_dir())})",
        value=_default_name(loaders.current_db()),
        key=state.TARGET_DB,
        max_chars=67,
    )
    add = st.checkbox(
        "Add to the posts the store holds (off: the store holds only this corpus)",
        value=True,
        key=state.ADD_TO_STORE,
    )
    if st.button("Build", key="data_build", type="primary"):
        with tempfile.TemporaryDirectory() as tmp:
            try:
                sources = _sources(upload, url.strip(), Path(tmp))
                if not sources:
                    st.warning("Upload a file or paste a feed URL first.")
                    return
                db = api.named_store(target)
                report = loaders.build_with_progress(sources, db, "Building", add=add)
            except KgraphError as exc:
                errors.show(exc)
                return
            except OSError as exc:  # the server's disk or file system, not the user's input
                errors.show(KgraphError(f"The build could not write its files ({exc.strerror})."))
                return
        st.session_state[state.DB] = str(db)
        st.success(f"Built {md(db.name)}: {report.posts} posts, {report.mentions} mentions.")


def render() -> None:
    """Draw the Data page."""
    st.title("Data")
    current = loaders.current_db()
    # the store the app was started on, and the stores in KGRAPH_STORE_DIR: nothing else
    stores = sorted({str(current), *(str(config.store_dir() / name) for name in api.store_names())})
    choice = st.selectbox(
        "Store the app reads", stores, index=stores.index(str(current)), key=state.STORE_CHOICE
    )
    if choice != str(current):
        st.session_state[state.DB] = choice
        st.rerun()
    db, version = loaders.ensure_store()
    st.caption(f"Reading {md(db)}")
    _build_section()
    feeds.render(db)
    st.subheader("Download exports")
    cols = st.columns(len(api.EXPORT_FORMATS))
    for col, fmt in zip(cols, api.EXPORT_FORMATS, strict=True):
        name, blob = _export(db, version, fmt)
        col.download_button(fmt, blob, file_name=name, key=f"data_download_{fmt}")
