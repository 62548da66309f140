"""Count a gold set's extraction errors by kind, without listing them.

    python bench/error_kinds.py data/gold/real-test.jsonl

A held-out set may be counted this way for a report; reading its records or errors to tune
the extractor would make it a development set.
"""

from __future__ import annotations

import collections
import sys

from kgraph import api
from kgraph.ontology import load_ontology


def _overlap(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    return a in b or b in a


def main(gold: str) -> None:
    onto = load_ontology()
    report = api.evaluate(gold, api.load_extractor())
    misses, fps = report["misses"], report["false_positives"]
    fp_by_post, miss_by_post = collections.defaultdict(list), collections.defaultdict(list)
    for f in fps:
        fp_by_post[f["post"]].append(f)
    for m in misses:
        miss_by_post[m["post"]].append(m)
    kinds: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    for m in misses:
        near = fp_by_post[m["post"]]
        if any(f["text"].lower() == m["text"].lower() and f["type"] != m["type"] for f in near):
            kind = "typed wrong"
        elif any(_overlap(f["text"], m["text"]) for f in near):
            kind = "span boundary (cut, split or glued)"
        elif onto.lookup(m["canonical"]) is None and onto.lookup(m["text"]) is None:
            kind = f"{m['type']}: not in the ontology, not discovered"
        else:
            kind = f"{m['type']}: in the ontology, not matched (a variant, or it lacked support)"
        kinds[kind][0] += 1
    for f in fps:
        near = miss_by_post[f["post"]]
        if any(m["text"].lower() == f["text"].lower() and f["type"] != m["type"] for m in near):
            kind = "typed wrong"
        elif any(_overlap(f["text"], m["text"]) for m in near):
            kind = "span boundary (cut, split or glued)"
        elif f["method"] == "model":
            kind = "a discovered name that is no entity"
        else:
            kind = f"{f['type']} by {f['method']}, not in the gold (generic or a disagreement)"
        kinds[kind][1] += 1
    print(f"{gold}: {len(misses)} misses, {len(fps)} false positives")
    print("| kind | misses | false positives |\n|---|---|---|")
    for kind, (m, f) in sorted(kinds.items(), key=lambda kv: -sum(kv[1])):
        print(f"| {kind} | {m} | {f} |")


if __name__ == "__main__":
    main(sys.argv[1])
