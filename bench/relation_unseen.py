"""How precise each relation rule is on text it was not written for.

Usage:
    .venv/bin/python bench/relation_unseen.py [--show METHOD]

A set's own rules were fitted to it once it was a tuning set, so its scores with today's rules
overstate what the rules do on new text. This bench scores each tuning set (but the first)
with the relation rules as they stood in git when the set was added (``extract/relations*.py``
and ``extract/confidence.py`` of the commit before the one adding it), on today's entities,
and prints each rule's right and wrong relations per set and pooled: the leave-one-set-out
precision of the rules. Rules split or renamed since are grouped by their family (the actor
rule's ways of naming the company as one). ``--show`` lists the relations of one family.
``--today`` adds, per family, how many of those relations today's rules still emit, right and
wrong: what today's tightening keeps of the old rules' unseen output (today's rules have seen
these sets, so this is the old output filtered, not a new unseen measure).

It needs the git history (run it in a clone, not an export), and reads only tuning sets (the
nine first calibrated on, real-dev11 … real-dev27, each named below), never real-test nor a
newer set kept apart as an unseen check.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.abc
import importlib.util
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from kgraph import config
from kgraph.extract import load_extractor
from kgraph.extract import relations as current
from kgraph.extract.relation_scoring import score_relations
from kgraph.extract.scoring import read_gold, read_gold_relations

# The nine sets the relation table was first calibrated on, and real-dev11 … real-dev27,
# which joined the tuning sets after; with the rules of their parent commits each is an
# honest unseen sample. Named one by one: a glob would take sets kept apart.
TUNING = [
    "real-dev",
    *(f"real-dev{n}" for n in (2, 3, 4, 5, 6, 7)),
    "real-dev9",
    "real-dev10",
    "real-dev11",
    "real-dev12",
    *(f"real-dev{n}" for n in range(13, 28)),
]

ROOT = Path(__file__).resolve().parent.parent


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def _rules_before(name: str, tmp: Path):
    """The relation module as it stood just before ``name`` was added, or None."""
    added = _git("log", "--diff-filter=A", "--format=%H", "--", f"data/gold/{name}.jsonl").split()
    if not added:
        return None
    commit = f"{added[-1]}^"
    where = tmp / name
    where.mkdir()
    # The rules and their confidence table, as one file or as the several modules the rules
    # were later split into: each is imported from that commit, the rest of kgraph from today.
    listed = _git("ls-tree", "--name-only", commit, "src/kgraph/extract/").split()
    modules = [
        Path(p).stem
        for p in listed
        if Path(p).suffix == ".py" and Path(p).stem.startswith(("relation", "confidence"))
    ]
    for module in modules:
        (where / f"{module}.py").write_text(
            _git("show", f"{commit}:src/kgraph/extract/{module}.py")
        )
    names = {f"kgraph.extract.{m}" for m in modules}
    today = {n: sys.modules.pop(n) for n in list(sys.modules) if n in names}
    finder = _Past(where, names)
    sys.meta_path.insert(0, finder)
    try:
        return importlib.import_module("kgraph.extract.relations")
    finally:
        sys.meta_path.remove(finder)
        package = sys.modules["kgraph.extract"]
        for n in names:
            sys.modules.pop(n, None)
            # importing a submodule binds it on its package too: today's module goes back
            short = n.rpartition(".")[2]
            if n in today:
                setattr(package, short, today[n])
            elif hasattr(package, short):
                delattr(package, short)
        sys.modules.update(today)


class _Past(importlib.abc.MetaPathFinder):
    """Finds the listed ``kgraph.extract`` modules in a directory of an earlier commit's files."""

    def __init__(self, where: Path, names: set[str]):
        self.where, self.names = where, names

    def find_spec(self, fullname, path, target=None):
        if fullname not in self.names:
            return None
        return importlib.util.spec_from_file_location(
            fullname, self.where / f"{fullname.rpartition('.')[2]}.py"
        )


def family(method: str) -> str:
    """A rule's family across renames: the actor rule's ways of naming the company are one."""
    if method.startswith("actor") and method not in ("actor:our", "actor:title-at"):
        return "actor:title" if "title" in method else "actor"
    return method


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", help="list the relations of this family")
    parser.add_argument("--today", action="store_true", help="count what today's rules keep")
    args = parser.parse_args()
    extractor = load_extractor()
    counts: dict = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    kept: dict = defaultdict(lambda: [0, 0])
    names = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in TUNING[1:]:
            rules = _rules_before(name, Path(tmp))
            if rules is None:
                continue
            names.append(name)
            path = Path(config.DATA_DIR, "gold", f"{name}.jsonl")
            records = read_gold(path)
            mentions = [list(m) for m in extractor.extract([p for p, _ in records])]
            items = []
            for (post, _), gold, ms in zip(
                records, read_gold_relations(path), mentions, strict=True
            ):
                try:
                    found = rules.find_relations(post, ms, extractor.ontology)
                except TypeError:  # before the ontology was passed
                    found = rules.find_relations(post, ms)
                items.append((post, gold or [], ms, found))
            report = score_relations(items)
            wrong = {
                (f["post"], f["head"], f["type"], f["tail"]) for f in report["false_positives"]
            }
            now = set()
            if args.today:
                for post, _, ms, _ in items:
                    for r in current.find_relations(post, ms, extractor.ontology):
                        now.add((post.id, r.head, r.type, r.tail))
            for post, _, _, found in items:
                for r in found:
                    key = (post.id, r.head, r.type, r.tail)
                    bad = key in wrong
                    counts[(family(r.method), r.type)][name][bad] += 1
                    if key in now:
                        kept[(family(r.method), r.type)][bad] += 1
                    if args.show and family(r.method) == args.show:
                        verdict = ("wrong" if bad else "right") + (" kept" if key in now else "")
                        print(f"{verdict} {name} {r.head} {r.type} {r.tail} | {r.sentence[:120]}")
    print(f"{'rule':<22}{'type':<14}" + "".join(f"{n:>12}" for n in names) + "   pooled")
    total = [0, 0]
    for key in sorted(counts):
        right = sum(counts[key][n][0] for n in names)
        bad = sum(counts[key][n][1] for n in names)
        total[0] += right
        total[1] += bad
        cells = "".join(f"{counts[key][n][0]:>7} of {sum(counts[key][n]):<2}" for n in names)
        today_cell = ""
        if args.today:
            k = kept[key]
            today_cell = f"   today keeps {k[0]} of {sum(k)}"
        print(
            f"{key[0]:<22}{key[1]:<14}{cells}   {right} of {right + bad} ({right / (right + bad):.2f})"
            + today_cell
        )
    print(f"all: {total[0]} of {sum(total)} right ({total[0] / max(1, sum(total)):.2f})")
    if args.today:
        right, bad = (sum(k[i] for k in kept.values()) for i in (0, 1))
        print(f"today keeps: {right} of {right + bad} right ({right / max(1, right + bad):.2f})")


if __name__ == "__main__":
    main()
