"""The benchmark's verdict: figures against the issue's targets, as JSON and as a table."""

from __future__ import annotations

import json
import time
from pathlib import Path

from kgraph import config

RESULTS_DIR = config.BENCH_RESULTS_DIR

# (figure, key in results["figures"], target text, predicate)
TARGETS = [
    ("cold build vs naive loop", "cold_speedup_vs_naive", "≥ 5× faster", lambda v: v >= 5),
    ("warm rebuild vs cold", "warm_speedup_vs_cold", "≥ 50× faster", lambda v: v >= 50),
    ("incremental +100 vs 100 alone", "incremental_vs_alone", "≤ 2× the time", lambda v: v <= 2),
    ("incremental +100: posts extracted", "incremental_extracted", "only the 100 new", None),
    ("related posts p50 (ms)", "related_p50_ms", "≤ 5 ms", lambda v: v <= 5),
    ("explained path p50 (ms)", "path_p50_ms", "≤ 50 ms", lambda v: v <= 50),
    ("subgraph payload, 300 nodes, p50 (ms)", "payload_p50_ms", "≤ 200 ms", lambda v: v <= 200),
    ("peak RSS (MB)", "peak_rss_mb", "≤ 1024 MB", lambda v: v <= 1024),
]


def verdicts(figures: dict, incremental_new: int) -> list[dict]:
    """One row per target: its measured value (None when not measured) and whether it is met."""
    rows = []
    for figure, key, target, ok in TARGETS:
        value = figures.get(key)
        if ok is None:
            met = None if value is None else value == incremental_new
        else:
            met = None if value is None else bool(ok(value))
        rows.append({"figure": figure, "target": target, "value": value, "met": met})
    return rows


def table(results: dict) -> str:
    """A Markdown table of the targets, then one of the per-stage throughputs."""
    mark = {True: "yes", False: "**no**", None: "not measured"}
    lines = ["| figure | target | measured | met |", "|---|---|---|---|"]
    for row in results["targets"]:
        value = row["value"]
        shown = "-" if value is None else (f"{value:,.2f}" if isinstance(value, float) else value)
        lines.append(f"| {row['figure']} | {row['target']} | {shown} | {mark[row['met']]} |")
    lines += ["", "| stage | seconds | posts/s |", "|---|---|---|"]
    for name, stage in results["stages"].items():
        rate = stage.get("posts_per_s")
        lines.append(
            f"| {name} | {stage['seconds']:.3f} | {'-' if rate is None else f'{rate:,.0f}'} |"
        )
    if results.get("queries"):
        lines += ["", "| query | p50 ms | p95 ms | n |", "|---|---|---|---|"]
        for name, q in results["queries"].items():
            lines.append(f"| {name} | {q['p50_ms']:.2f} | {q['p95_ms']:.2f} | {q['n']} |")
    return "\n".join(lines)


def save(results: dict, results_dir: str | Path | None = None) -> Path:
    """Write ``<timestamp>.json`` and ``latest.json`` under ``results_dir``; returns the first."""
    folder = Path(results_dir or RESULTS_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, ensure_ascii=False)
    path = folder / f"{time.strftime('%Y%m%dT%H%M%S', time.gmtime())}.json"
    path.write_text(text + "\n", encoding="utf-8")
    (folder / "latest.json").write_text(text + "\n", encoding="utf-8")
    return path
