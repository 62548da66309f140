"""The scaling table as a user sees it: whole `kgraph` processes timed from the shell.

Usage:
    .venv/bin/python bench/whole_process.py --posts 10000 --dir /tmp/wp10k
    .venv/bin/python bench/whole_process.py --posts 100000 --dir /tmp/wp100k --no-app
    .venv/bin/python bench/whole_process.py --posts 10000 --dir /tmp/wprec10k \
        --recombine data/gold/real-dev*.jsonl

For N posts (kgraph.bench.generator, seed 42, written once to DIR/corpus.jsonl; with
``--recombine``, real titles and summary sentences recombined) it measures:

- naive: a process that loads the spaCy base model and runs ``nlp(title + " " + summary)``
  per post on the first ``--naive-sample`` posts (default 5,000); its loop time is scaled
  to N, its start-up and model load are counted once;
- cold: ``kgraph build DIR/corpus.jsonl --db DIR/kg.db`` into a new store, wall clock and
  peak RSS of the process and its spaCy workers (``/usr/bin/time -v``);
- warm: the same command again, nothing changed;
- store: bytes of the store file (with its WAL) per post;
- app (unless ``--no-app``): ``kgraph app`` started, then a fresh Chromium page: seconds
  from the server's start to the first graph drawn, the server's RSS after that view, and
  click -> related posts painted p50 over ``--clicks`` clicks, on the page's clock (the
  test driver's figure, with its round trips to Chromium, beside it).

Results go to DIR/whole-process.json and bench/results/whole-process-<N>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "bench"))  # browser_bench, beside this script

NAIVE = """
import json, sys, time
import spacy
from kgraph.bench.run import BASELINE_MODEL
t = time.perf_counter()
nlp = spacy.load(BASELINE_MODEL)
rows = []
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        rows.append(json.loads(line))
        if len(rows) >= int(sys.argv[2]):
            break
load = time.perf_counter() - t
t = time.perf_counter()
for r in rows:
    nlp(r["title"] + " " + r.get("summary", ""))
print(json.dumps({"load_s": load, "loop_s": time.perf_counter() - t, "sample": len(rows)}))
"""


def _timed(cmd: list[str]) -> dict:
    """Wall clock and peak RSS (largest process of the tree) of one command."""
    t = time.perf_counter()
    proc = subprocess.run(
        ["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, env=os.environ.copy()
    )
    wall = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    return {
        "seconds": round(wall, 2),
        "peak_rss_mb": round(int(rss.group(1)) / 1024, 1) if rss else None,
        "stdout": proc.stdout.strip().splitlines()[-1:] if proc.stdout else [],
    }


def _store_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


def _tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and its descendants (the server and nothing else)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            status = Path(f"/proc/{p}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
            for task in Path(f"/proc/{p}/task").iterdir():
                children = (task / "children").read_text().split()
                todo.extend(int(c) for c in children)
        except (OSError, AttributeError):
            continue
    return round(total / 1024, 1)


def app_figures(db: Path, clicks: int) -> dict:
    """Server start -> first graph drawn in a fresh page; server RSS; click p50."""
    from browser_bench import _click_times
    from playwright.sync_api import sync_playwright

    from kgraph.bench.browser import CHROMIUM, CHROMIUM_ARGS, DRAWN, Guard, free_port

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [str(BIN / "kgraph"), "app", "--db", str(db), "--port", str(port), "--host", "127.0.0.1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # `kgraph app` runs Streamlit as a child: stop both
    )
    out: dict = {}
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.perf_counter() - started > 120:
                    raise SystemExit("kgraph app did not start") from None
                time.sleep(0.1)
        out["server_up_s"] = round(time.perf_counter() - started, 2)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1500, "height": 1000})
            guard = Guard(page)
            page.goto(url)
            page.wait_for_function(DRAWN, timeout=600_000)
            out["first_view_s"] = round(time.perf_counter() - started, 2)
            out["server_rss_mb"] = _tree_rss_mb(proc.pid)
            missed: list[str] = []
            harness: list[float] = []
            times = _click_times(page, clicks, 42, missed, harness)
            out["click_p50_ms"] = round(statistics.median(times) * 1000, 1) if times else None
            out["click_p50_ms_harness"] = (
                round(statistics.median(harness) * 1000, 1) if harness else None
            )
            out["clicks_missed"] = missed
            out["problems"] = guard.problems
            out["server_rss_after_clicks_mb"] = _tree_rss_mb(proc.pid)
            browser.close()
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, required=True, help="working folder")
    parser.add_argument("--naive-sample", type=int, default=5000)
    parser.add_argument("--clicks", type=int, default=10)
    parser.add_argument("--no-app", action="store_true", help="skip the Chromium figures")
    parser.add_argument("--no-naive", action="store_true", help="skip the naive loop")
    parser.add_argument(
        "--recombine",
        nargs="+",
        metavar="JSONL",
        help="recombine the posts of these real corpora instead of generating synthetic ones",
    )
    args = parser.parse_args()
    from kgraph.bench.generator import generate_posts, recombined_posts, write_jsonl

    args.dir.mkdir(parents=True, exist_ok=True)
    corpus = args.dir / "corpus.jsonl"
    if not corpus.exists():
        posts = (
            recombined_posts(args.recombine, args.posts, seed=42)
            if args.recombine
            else generate_posts(args.posts, seed=42)
        )
        write_jsonl(posts, corpus)
    db = args.dir / "kg.db"
    for old in db.parent.glob(db.name + "*"):
        old.unlink()
    kgraph = str(BIN / "kgraph")
    res: dict = {
        "posts": args.posts,
        "corpus": "recombined " + " ".join(args.recombine) if args.recombine else "synthetic",
        "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "cpus": os.cpu_count(),
    }
    if not args.no_naive:
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", NAIVE, str(corpus), str(args.naive_sample)],
            capture_output=True,
            text=True,
            check=True,
        )
        whole = time.perf_counter() - t
        naive = json.loads(proc.stdout)
        scaled = (whole - naive["loop_s"]) + naive["loop_s"] * args.posts / naive["sample"]
        res["naive"] = {**naive, "process_s": round(whole, 2), "scaled_s": round(scaled, 1)}
    res["cold"] = _timed([kgraph, "build", str(corpus), "--db", str(db)])
    res["warm"] = _timed([kgraph, "build", str(corpus), "--db", str(db)])
    size = _store_bytes(db)
    res["store"] = {"bytes": size, "bytes_per_post": round(size / args.posts)}
    if not args.no_app:
        res["app"] = app_figures(db, args.clicks)
    if "naive" in res:
        res["cold_vs_naive"] = round(res["naive"]["scaled_s"] / res["cold"]["seconds"], 2)
    res["warm_vs_cold"] = round(res["cold"]["seconds"] / res["warm"]["seconds"], 1)
    text = json.dumps(res, indent=2) + "\n"
    (args.dir / "whole-process.json").write_text(text, encoding="utf-8")
    out = ROOT / "bench" / "results" / f"whole-process-{args.posts}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
