"""Relations on text nobody tuned on: each labelled set read by the code as it was before the
set was added, alone and with the learned layer fitted on the other sets.

``relation_unseen.py`` runs the old rules on today's entities, rule by rule; this runs the
whole old extractor (entities and rules), which is what a new set meets, and adds the
learned layer to it.

The hand rules and the entity stage were written from the tuning sets' errors, so scoring
them on those sets (even by leaving sets out) says how they do on text they were fitted to.
The code from just before a set was added has never seen it: its mentions and its rules'
relations on that set are what unseen text gets. This script extracts each set with that
code (``git archive`` of the commit before the set's first commit, run in a subprocess),
then scores pooled over the sets:

* the rules of then, alone;
* the same, with the learned layer (``kgraph.extract.relations_learned``) whose models are
  fitted on every other tuning set, at each type's shipped threshold and at a sweep.

    PYTHONPATH=src .venv/bin/python bench/relation_learned_unseen.py [SET ...]

(default: real-dev20 … real-dev28; about a minute per commit plus one fit). The learned
layer reads the old mentions through today's code, so what it adds is what it would add to
text that reaches it with mistakes in its entities and rules.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SETS = [f"real-dev{n}" for n in range(20, 29)]


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], check=True, capture_output=True, text=True
    ).stdout.strip()


def commit_before(name: str) -> str:
    """The commit before the one that added ``data/gold/<name>.jsonl``."""
    added = _git("log", "--diff-filter=A", "--format=%H", "--", f"data/gold/{name}.jsonl")
    return _git("rev-parse", added.splitlines()[-1] + "^")


def dump(sets: list[str], out: str) -> None:
    """(Run under the old code.) Each post of ``sets``: its mentions, its relations and every
    triple a rule put forward, as JSON."""
    import dataclasses

    from kgraph.extract import relations as R

    try:
        from kgraph.extract import relations_post as RP

        cls = RP._Post
    except ImportError:
        cls = R._Post
    proposed: dict[str, list] = defaultdict(list)
    add = cls.add

    def recording(self, head, type_, tail, sentence, method):
        raw = getattr(self, "raw", {})
        proposed[self.post.id].append([head, type_, tail, method, raw.get(sentence, sentence)])
        return add(self, head, type_, tail, sentence, method)

    cls.add = recording
    from kgraph.extract.extractor import load_extractor
    from kgraph.extract.scoring import read_gold

    extractor = load_extractor()
    rows = []
    for name in sets:
        records = read_gold(ROOT / "data" / "gold" / f"{name}.jsonl")
        for (post, _), mentions in zip(
            records, extractor.extract([p for p, _ in records]), strict=True
        ):
            rows.append(
                {
                    "set": name,
                    "post": post.id,
                    "mentions": [dataclasses.asdict(m) for m in mentions],
                    "relations": [dataclasses.asdict(r) for r in mentions.relations],
                    "proposed": proposed.pop(post.id, []),
                }
            )
    Path(out).write_text(json.dumps(rows), encoding="utf-8")


def extract_then(commit: str, sets: list[str], workdir: Path) -> list[dict]:
    tree = workdir / commit[:12]
    tree.mkdir()
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", commit], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    out = workdir / f"{commit[:12]}.json"
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    subprocess.run(
        [sys.executable, __file__, "--dump", str(out), *sets], env=env, check=True, cwd=tree
    )
    return json.loads(out.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--dump"]:
        dump(argv[2:], argv[1])
        return 0
    from kgraph.extract import relation_fit as rf
    from kgraph.extract.learned import LinearModel
    from kgraph.extract.relation_scoring import score_relations
    from kgraph.extract.relations_learned import LEARNED_TYPES, decide
    from kgraph.extract.relations_post import _Post
    from kgraph.extract.scoring import read_gold, read_gold_relations
    from kgraph.model import Mention, Relation
    from kgraph.ontology import load_ontology

    sets = argv or DEFAULT_SETS
    by_commit: dict[str, list[str]] = defaultdict(list)
    for name in sets:
        by_commit[commit_before(name)].append(name)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for commit, names in by_commit.items():
            print(f"extracting {', '.join(names)} with {commit[:12]}", file=sys.stderr)
            rows.extend(extract_then(commit, names, Path(tmp)))

    onto = load_ontology()
    posts, gold = {}, {}
    for name in sets:
        path = ROOT / "data" / "gold" / f"{name}.jsonl"
        for (post, _), rels in zip(read_gold(path), read_gold_relations(path), strict=True):
            posts[(name, post.id)], gold[(name, post.id)] = post, rels or []
    mention_fields = set(Mention.__dataclass_fields__)
    relation_fields = set(Relation.__dataclass_fields__)

    def state_of(row):
        post = posts[(row["set"], row["post"])]
        mentions = [
            Mention(**{k: v for k, v in m.items() if k in mention_fields}) for m in row["mentions"]
        ]
        state = _Post(post, mentions, onto)
        for head, type_, tail, method, sentence in row["proposed"]:
            kept = state.allowed(head, type_, tail, method)
            if kept:
                state.proposed.setdefault((head, kept, tail), []).append((method, sentence))
        for r in row["relations"]:
            rel = Relation(**{k: v for k, v in r.items() if k in relation_fields})
            if rel.head in state.types and rel.tail in state.types:
                state.found[(rel.head, rel.type, rel.tail)] = rel
        return post, mentions, state

    def report(models):
        items = []
        for row in rows:
            post, mentions, state = state_of(row)
            rels = decide(state, models) if models else state.result()
            items.append((post, gold[(row["set"], row["post"])], mentions, rels))
        return score_relations(items)

    train = [ex for ex in rf.examples([s for s in rf.TUNING_SETS if s not in sets])]
    fitted = rf.fit_models([r for ex in train for r in rf.rows(ex, onto)])
    print(rf._line("rules then", report(None)))
    sweep = [(f"learned >= {t:.2f}", dict.fromkeys(LEARNED_TYPES, t)) for t in (0.3, 0.5, 0.7)]
    for name, at in [*sweep, ("learned, THRESHOLDS", rf.THRESHOLDS)]:
        models = {t: LinearModel(m.weights, m.bias, at[t]) for t, m in fitted.items()}
        print(rf._line(name, report(models)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
