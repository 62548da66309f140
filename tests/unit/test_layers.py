"""The layering rules of docs/architecture.md, checked on every import in src/kgraph.

Data flows one way: corpus → pipeline/extract → store → graph → analysis → view → ui/cli.
Imports inside functions count too, so a lazy import cannot hide a wrong-way call.
"""

from __future__ import annotations

import ast

import pytest

from kgraph import config

SRC = config.PACKAGE_DIR
FRONT_DOOR = ("kgraph.api", "kgraph.analysis", "kgraph.view", "kgraph.model", "kgraph.errors")
FRONT_DOOR += ("kgraph.config",)


def _modules() -> dict[str, set[str]]:
    """Module name → every module it imports (absolute names)."""
    found = {}
    for path in sorted(SRC.rglob("*.py")):
        name = "kgraph." + ".".join(path.relative_to(SRC).with_suffix("").parts)
        name = name.removesuffix(".__init__")
        imports = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imports.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module:
                imports.add(node.module)
                imports.update(f"{node.module}.{a.name}" for a in node.names)
        found[name] = imports
    return found


MODULES = _modules()


def _within(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def _kgraph_imports(module: str) -> set[str]:
    return {
        i
        for i in MODULES[module]
        if _within(i, "kgraph") and i != "kgraph" and not i.startswith("kgraph.__")
    }


def _stage_of(module: str) -> str:
    return module.split(".")[1] if module.count(".") else module


def test_the_package_has_the_stages_of_the_architecture():
    for stage in ("api", "config", "model", "corpus", "pipeline", "extract", "graph"):
        assert any(_within(m, f"kgraph.{stage}") for m in MODULES), stage
    for stage in ("analysis", "view", "ui", "cli"):
        assert any(_within(m, f"kgraph.{stage}") for m in MODULES), stage


@pytest.mark.parametrize("front", ["ui", "cli"])
def test_front_ends_enter_only_through_the_front_door(front):
    allowed = (*FRONT_DOOR, f"kgraph.{front}")
    wrong = {
        m: sorted(i for i in _kgraph_imports(m) if not _within(i, *allowed))
        for m in MODULES
        if _within(m, f"kgraph.{front}")
    }
    wrong = {m: i for m, i in wrong.items() if i and not _names_only(i, allowed)}
    assert not wrong, f"{front}/ reaches past the API: {wrong}"


def _names_only(imports: list[str], allowed: tuple[str, ...]) -> bool:
    """``from kgraph import api`` shows up as ``kgraph.api``: a name, not a module."""
    return all(_within(i, *allowed) for i in imports)


def test_only_the_ui_imports_streamlit():
    users = [
        m
        for m, imports in MODULES.items()
        if any(_within(i, "streamlit") for i in imports) and not _within(m, "kgraph.ui")
    ]
    assert not users


@pytest.mark.parametrize("stage", ["graph", "analysis", "extract", "corpus", "view", "store"])
def test_stages_never_call_up_into_the_api(stage):
    callers = [
        m for m in MODULES if _within(m, f"kgraph.{stage}") and "kgraph.api" in _kgraph_imports(m)
    ]
    assert not callers


DOWNSTREAM = {
    # stage: the stages it must not import (they come after it in the flow)
    "corpus": ("pipeline", "extract", "store", "graph", "analysis", "view", "ui", "cli"),
    "extract": ("pipeline", "store", "graph", "analysis", "view", "ui", "cli"),
    "store": ("pipeline", "graph", "analysis", "view", "ui", "cli"),
    "graph": ("store", "pipeline", "analysis", "view", "ui", "cli"),
    "analysis": ("store", "pipeline", "view", "ui", "cli"),
    "view": ("store", "pipeline", "ui", "cli"),
    "model": ("corpus", "pipeline", "extract", "store", "graph", "analysis", "view", "ui"),
}


@pytest.mark.parametrize("stage", sorted(DOWNSTREAM))
def test_data_flows_one_way(stage):
    banned = tuple(f"kgraph.{s}" for s in DOWNSTREAM[stage])
    wrong = {
        m: sorted(i for i in _kgraph_imports(m) if _within(i, *banned))
        for m in MODULES
        if _within(m, f"kgraph.{stage}")
    }
    assert not {m: i for m, i in wrong.items() if i}


def test_paths_are_computed_only_in_config():
    computing = [
        str(p.relative_to(SRC))
        for p in SRC.rglob("*.py")
        if p.name != "config.py" and "__file__" in p.read_text(encoding="utf-8")
    ]
    assert not computing
