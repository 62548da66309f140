"""How the relation confidences in ``extract/confidence.py`` are measured and checked.

Usage:
    .venv/bin/python bench/relation_calibration.py [--floor 0.65]

Extracts the twenty-four tuning sets (``TUNING``, named one by one; never real-test, nor a newer
set kept apart as an unseen check) once, then:

* scores each set (the twenty-four: real-dev, real-dev2 … real-dev7, real-dev9 … real-dev25) and
  all pooled with the current table (micro P/R/F1);
* counts every rule's relations right and wrong with all rules emitted (the floor still
  decides which tails a technology claims from the actor rule, as in extraction), and prints
  each table line's count, its confidence now and the one the pooled counts give: (tp + 4 *
  earlier) / (n + 4) rounded down to 0.05, ``earlier`` being the table before the sixth pass
  (a line split off since, the rule it came from);
* prints the floor curve with the pooled table, and the leave-one-set-out check: each set
  scored with the table recalibrated on the others.
"""

from __future__ import annotations

import argparse
import math
from collections import defaultdict
from pathlib import Path

from kgraph import config
from kgraph.extract import confidence, load_extractor
from kgraph.extract import relations as rel
from kgraph.extract import relations_post as post_rules
from kgraph.extract.relation_scoring import score_relations
from kgraph.extract.scoring import read_gold, read_gold_relations

# The table before the sixth pass: what each line is shrunk toward.
EARLIER = {
    "verb": 0.9,
    "title": 0.7,
    "built": 0.85,
    "built:deployment": 0.85,
    "modifier": 0.8,
    "compound": 0.65,
    "migration": 0.85,
    "apposition": 0.85,
    "possessive": 0.9,
    "actor:named": 0.8,
    "actor:anaphor": 0.7,
    "actor:anaphor-near": 0.7,
    "actor:named-near": 0.8,
    "actor:passing": 0.8,
    "actor:discovered": 0.8,
    "subject": 0.5,
    "actor:title": 0.5,
}
EARLIER_APPLIES = {
    "verb": 0.7,
    "verb:practise": 0.7,
    "verb:practise-tech": 0.7,
    "modifier": 0.65,
    "migration": 0.7,
    "possessive": 0.75,
    "actor:named": 0.75,
    "actor:anaphor": 0.6,
    "actor:our": 0.75,
    "actor:title": 0.6,
    "actor:title-at": 0.7,
    # split off the practise verb's line since, so shrunk toward it
    "subject:verb": 0.7,
}
WEIGHT = 4
# The twenty-four tuning sets the table is calibrated on, named one by one (never real-test,
# real-test2, nor a newer set kept apart as an unseen check).
TUNING = [
    "real-dev",
    *(f"real-dev{n}" for n in (2, 3, 4, 5, 6, 7)),
    *(f"real-dev{n}" for n in range(9, 26)),
]


def _line(method: str, type_: str) -> tuple[str, str]:
    """(table, key): the line of the confidence table a relation's confidence comes from."""
    methods, applies = confidence.RELATION_METHODS, confidence.RELATION_METHOD_APPLIES
    if type_ == "applies":
        key = method if (method in applies or method in methods) else method.split(":")[0]
        return ("applies" if key in applies else "all", key)
    return ("all", method if method in methods else method.split(":")[0])


def _run(data, floor: float, tables=None, every_rule: bool = False):
    saved = (
        dict(confidence.RELATION_METHODS),
        dict(confidence.RELATION_METHOD_APPLIES),
        post_rules.RELATION_FLOOR,
        post_rules._Post.add,
    )
    if tables is not None:
        confidence.RELATION_METHODS.clear()
        confidence.RELATION_METHODS.update(tables[0])
        confidence.RELATION_METHOD_APPLIES.clear()
        confidence.RELATION_METHOD_APPLIES.update(tables[1])
    post_rules.RELATION_FLOOR = floor  # ``_Post.add`` reads the floor there
    if every_rule:
        add = saved[3]

        def add_all(self, *args):
            # once at the floor (the technology's claims), once with nothing held back
            post_rules.RELATION_FLOOR = floor
            add(self, *args)
            post_rules.RELATION_FLOOR = 0.0
            add(self, *args)

        post_rules._Post.add = add_all
    try:
        return {
            name: [(p, g, m, rel.find_relations(p, m, onto)) for p, g, m in posts]
            for name, (posts, onto) in data.items()
        }
    finally:
        confidence.RELATION_METHODS.clear()
        confidence.RELATION_METHODS.update(saved[0])
        confidence.RELATION_METHOD_APPLIES.clear()
        confidence.RELATION_METHOD_APPLIES.update(saved[1])
        post_rules.RELATION_FLOOR, post_rules._Post.add = saved[2], saved[3]


def _counts(items) -> dict:
    report = score_relations(items)
    wrong = defaultdict(int)
    for fp in report["false_positives"]:
        wrong[_line(fp["method"], fp["type"])] += 1
    emitted = defaultdict(int)
    for *_, relations in items:
        for r in relations:
            emitted[_line(r.method, r.type)] += 1
    return {k: (n - wrong[k], wrong[k]) for k, n in emitted.items()}


def _calibrate(counts: dict) -> tuple[dict, dict]:
    methods = dict(confidence.RELATION_METHODS)
    applies = dict(confidence.RELATION_METHOD_APPLIES)
    for (table, key), (tp, fp) in counts.items():
        earlier = (EARLIER_APPLIES if table == "applies" else EARLIER).get(
            key, EARLIER.get(key, EARLIER.get(key.split(":")[0], 0.5))
        )
        value = math.floor((tp + WEIGHT * earlier) / (tp + fp + WEIGHT) * 20 + 1e-9) / 20
        (applies if table == "applies" else methods)[key] = round(value, 2)
    return methods, applies


def _micro(items) -> tuple[int, int, int]:
    m = score_relations(items)["micro"]
    return m["tp"], m["fp"], m["fn"]


def _prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f} / {r:.3f} / {f:.3f}"


def _add(total: list[int], counts) -> None:
    for i, n in enumerate(counts):
        total[i] += n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor", type=float, default=confidence.RELATION_FLOOR)
    args = parser.parse_args()
    extractor = load_extractor()
    data = {}
    for path in [Path(config.DATA_DIR, "gold", f"{name}.jsonl") for name in TUNING]:
        records = read_gold(path)
        gold = read_gold_relations(path)
        mentions = [list(m) for m in extractor.extract([p for p, _ in records])]
        posts = [(p, g or [], m) for (p, _), g, m in zip(records, gold, mentions, strict=True)]
        data[path.stem] = (posts, extractor.ontology)

    print(f"micro P / R / F1 at floor {args.floor}:")
    now = _run(data, args.floor)
    total = [0, 0, 0]
    for name, items in now.items():
        _add(total, _micro(items))
        print(f"  {name:<10} {_prf(*_micro(items))}")
    print(f"  {'pooled':<10} {_prf(*total)}")

    every = _run(data, args.floor, every_rule=True)
    per_set = {name: _counts(items) for name, items in every.items()}
    pooled: dict = defaultdict(lambda: [0, 0])
    for counts in per_set.values():
        for k, (tp, fp) in counts.items():
            pooled[k][0] += tp
            pooled[k][1] += fp
    tables = _calibrate(pooled)
    print("\nper table line (every rule emitted): right of all, confidence now -> pooled")
    for table, key in sorted(pooled):
        tp, fp = pooled[(table, key)]
        current = (
            confidence.RELATION_METHOD_APPLIES
            if table == "applies"
            else confidence.RELATION_METHODS
        ).get(key)
        new = tables[1 if table == "applies" else 0][key]
        print(f"  {table:<7} {key:<18} {tp:>3} of {tp + fp:<3} {current} -> {new}")

    floors = [0.0, 0.5, 0.6, 0.65, 0.7, 0.75, 0.8]
    print("\nfloor curve, pooled table:")
    for floor in floors:
        total = [0, 0, 0]
        for items in _run(data, floor, tables).values():
            _add(total, _micro(items))
        print(f"  {floor:.2f}  {_prf(*total)}")

    print("\nleave one set out (each set scored with the table of the others):")
    for floor in floors[2:]:
        total, scores = [0, 0, 0], []
        for name in data:
            others: dict = defaultdict(lambda: [0, 0])
            for other, counts in per_set.items():
                if other != name:
                    for k, (tp, fp) in counts.items():
                        others[k][0] += tp
                        others[k][1] += fp
            one = _run({name: data[name]}, floor, _calibrate(others))[name]
            counts = _micro(one)
            _add(total, counts)
            scores.append([float(x) for x in _prf(*counts).split(" / ")])
        mean = [sum(s[i] for s in scores) / len(scores) for i in range(3)]
        print(
            f"  {floor:.2f}  mean {mean[0]:.3f} / {mean[1]:.3f} / {mean[2]:.3f}"
            f"  pooled {_prf(*total)}"
        )


if __name__ == "__main__":
    main()
