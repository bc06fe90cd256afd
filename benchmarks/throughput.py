"""Throughput: articles/s and peak memory, one process against Dask workers, with the per-stage split.

    python benchmarks/throughput.py [--articles 2000] [--workers 2] [--sample 300] [--repeat 3]

Runs each measurement in a fresh process (so peak memory is its own), over the generated
corpus (``benchmarks/corpus.py``) and, when present, ``../shared/data/fakes-dev/articles.csv``:

- single: ``sitmap backfill --engine local`` path into a new SQLite file (code + store);
- dask: the same on a local Dask cluster of ``--workers`` processes; speed-up = dask / single;
  single and dask runs alternate ``--repeat`` times: rates and speed-up are medians (of the pairs);
- ceiling: ``--workers`` single runs at once, each alone in its process and store: what the
  machine itself gives parallel work (its cores share caches, memory and, on a shared host, time);
- stages: time split of split/geo/extract/merge/store over ``--sample`` articles, in one process;
- extract: ``sitmap extract`` of the whole corpus (a JSON-lines file) as a user runs it, start
  included, on one process and on ``--workers`` forked processes (``sitmap.scale.pool``);
- cold: wall time of ``sitmap extract`` of one article from a cold start (median of 5).

Rates are steady-state: from the first saved batch to the last (model loading and cluster start
are reported apart). Targets (issue 8): >= 80 articles/s, peak <= 1 GB, speed-up >= 0.8 x workers,
cold extract <= 2 s.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from importlib.resources import files
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FAKES = HERE.parent.parent / "shared" / "data" / "fakes-dev" / "articles.csv"
# a cold start is timed this many times (the machine is shared): the median is the figure
COLD_RUNS = 5
# Reading every process's page map (for PSS) costs a few ms a process: sampled twice a second it
# takes under 2 % of a core from the run it measures (ten times a second: about 15 % on Dask).
SAMPLE_EVERY_S = 0.5
TARGET_RATE, TARGET_PEAK_MB, TARGET_SPEEDUP_PER_WORKER, TARGET_COLD_S = 80.0, 1024.0, 0.8, 2.0


def _documents(source: str, count: int) -> list[Any]:
    from sitmap.model import Document

    if source == "generated":
        sys.path.insert(0, str(HERE))
        from corpus import generate

        return [
            Document(
                id=r["id"],
                text=r["text"],
                title=r["title"],
                published=date.fromisoformat(r["published"]),
                source=r["source"],
                section=r["section"],
                origin="generated",
                format="jsonl",
            )
            for r in generate(count)
        ]
    sys.path.insert(0, str(HERE))
    from places import fakes_documents

    documents = [replace(document, id=f"fakes-{document.id}") for document, _row in fakes_documents()]
    return documents[:count]


class _PeakMemory:
    """Samples the memory of this process and all its children; keeps the peaks (MB).

    ``peak_total`` sums proportional set sizes (PSS: a page shared by n processes counts 1/n in
    each, so the sum is the physical memory the run holds: what "peak memory" means for a set of
    processes); ``peak_rss`` sums resident sizes, counting shared pages (libraries, the pages a
    worker shares with its nanny) once per process: an upper bound.
    """

    def __init__(self) -> None:
        import psutil

        self._root = psutil.Process()
        self.peak_total = self.peak_rss = self.peak_process = 0.0
        self.cpu_s = 0.0  # the sampler's own CPU time, in this process but not the run's
        # (time, CPU seconds used so far by the other processes: Dask's workers and nannies)
        self.others: list[tuple[float, float]] = []
        self._other_cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()

    def _sample(self) -> None:
        import psutil

        while not self._stop.is_set():
            started = time.thread_time()
            sizes, shares = [], []
            for process in [self._root, *self._root.children(recursive=True)]:
                try:
                    used = process.memory_full_info()
                    if process is not self._root:
                        self._other_cpu[process.pid] = sum(process.cpu_times()[:2])
                except psutil.Error:
                    continue
                sizes.append(used.rss / 2**20)
                shares.append(getattr(used, "pss", used.rss) / 2**20)
            self.peak_total = max(self.peak_total, sum(shares))
            self.peak_rss = max(self.peak_rss, sum(sizes))
            self.peak_process = max(self.peak_process, max(sizes, default=0.0))
            self.others.append((time.perf_counter(), sum(self._other_cpu.values())))
            self.cpu_s += time.thread_time() - started
            self._stop.wait(SAMPLE_EVERY_S)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def others_between(self, start: float, end: float) -> float:
        """CPU seconds the other processes used between the samples nearest ``start`` and ``end``."""
        if not self.others:
            return 0.0
        first = min(self.others, key=lambda sample: abs(sample[0] - start))
        last = min(self.others, key=lambda sample: abs(sample[0] - end))
        return last[1] - first[1]


def _measure_run(
    mode: str, source: str, count: int, workers: int, batch_size: int, classifier: bool
) -> dict[str, Any]:
    from sitmap import store
    from sitmap.scale.backfill import Settings, backfill

    documents = _documents(source, count)
    memory = _PeakMemory()
    marks: list[tuple[float, int]] = []
    started, client_started = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory() as folder:
        engine = store.open_database(str(Path(folder) / "bench.db"))
        totals = backfill(
            engine,
            documents,
            Settings(classifier=classifier),
            "local" if mode == "single" else "dask",
            None,
            workers,
            batch_size,
            lambda _batch, t: marks.append((time.perf_counter(), t.read)),
        )
        events = store.count_events(engine)
    ended, client_cpu = time.perf_counter(), time.process_time() - client_started
    memory.stop()
    client_cpu -= memory.cpu_s
    (first_time, first_read), (last_time, last_read) = marks[0], marks[-1]
    return {
        "mode": mode,
        "source": source,
        "articles": len(documents),
        "events": events,
        "failed": totals.failures,
        "words": sum(len(d.text.split()) for d in documents) / max(1, len(documents)),
        "startup_s": first_time - started,
        "total_s": ended - started,
        "client_cpu_s": client_cpu,
        "sampler_cpu_s": memory.cpu_s,
        "rate": (last_read - first_read) / max(1e-9, last_time - first_time),
        "steady_articles": last_read - first_read,
        "workers_cpu_s": memory.others_between(first_time, last_time),
        "peak_total_mb": memory.peak_total,
        "peak_rss_mb": memory.peak_rss,
        "peak_process_mb": memory.peak_process,
    }


def _measure_stages(source: str, count: int, batch_size: int, classifier: bool) -> dict[str, Any]:
    from sitmap import extract, geo, merge, nlp, store
    from sitmap.model import Result
    from sitmap.pipeline import load_resources

    documents = _documents(source, count)
    started = time.perf_counter()
    resources = load_resources(classifier=classifier)
    seconds = {
        "load": time.perf_counter() - started,
        "split": 0.0,
        "geo": 0.0,
        "extract": 0.0,
        "merge": 0.0,
        "store": 0.0,
    }
    with tempfile.TemporaryDirectory() as folder:
        engine = store.open_database(str(Path(folder) / "stages.db"))
        for start in range(0, len(documents), batch_size):
            batch = documents[start : start + batch_size]
            articles = []
            for document in batch:
                t0 = time.perf_counter()
                sentences = nlp.split_sentences(document.text)
                t1 = time.perf_counter()
                articles.append((document, sentences, geo.locate(document, sentences, resources.gazetteer)))
                seconds["split"] += t1 - t0
                seconds["geo"] += time.perf_counter() - t1
            t3 = time.perf_counter()
            coded = extract.find_events_in(articles, resources.language, resources.classifier)
            found = [event for events, _statistics in coded for event in events]
            seconds["extract"] += time.perf_counter() - t3
            t4 = time.perf_counter()
            merged = merge.merge_events(found)
            t5 = time.perf_counter()
            store.save_result(engine, Result(merged, [], [], batch))
            seconds["merge"] += t5 - t4
            seconds["store"] += time.perf_counter() - t5
    return {"mode": "stages", "source": source, "articles": len(documents), "seconds": seconds}


def _measure_extract(
    source: str, count: int, workers: int, batch_size: int, classifier: bool
) -> dict[str, Any]:
    """``sitmap extract`` of the corpus, start to exit, on one process then on ``workers``."""
    documents = _documents(source, count)
    runs: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for d in documents:
                record = {"id": d.id, "text": d.text, "title": d.title, "source": d.source,
                          "published": d.published.isoformat() if d.published else None}  # fmt: skip
                out.write(json.dumps(record) + "\n")
        for processes in (1, workers):
            command = [sys.executable, "-c", "from sitmap.cli import main; main()", "extract", str(corpus),
                       "--format", "jsonl", "--workers", str(processes), "--batch-size", str(batch_size)]  # fmt: skip
            if not classifier:
                command.append("--no-classifier")
            memory = _PeakMemory()
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, timeout=3600)
            seconds = time.perf_counter() - started
            memory.stop()
            if done.returncode not in (0, 1):
                raise SystemExit(f"sitmap extract failed:\n{done.stderr[-3000:]}")
            runs[str(processes)] = {
                "seconds": seconds,
                "rate": len(documents) / seconds,
                "events": done.stdout.count("\n"),
                "peak_total_mb": memory.peak_total,
                "output": done.stdout,
            }
    one, many = runs["1"], runs[str(workers)]
    same = one.pop("output") == many.pop("output") if workers != 1 else True
    return {"mode": "extract", "source": source, "articles": len(documents), "workers": workers,
            "one": one, "many": many, "same": same}  # fmt: skip


def _measure_cold(classifier: bool) -> dict[str, Any]:
    sys.path.insert(0, str(HERE))
    from corpus import generate

    record = next(generate(1, seed=99))
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "article.txt"
        article.write_text(f"date {record['published']} World\n\n{record['text']}\n", encoding="utf-8")
        command = [sys.executable, "-c", "from sitmap.cli import main; main()", "extract", str(article)]
        if not classifier:
            command.append("--no-classifier")
        walls, cpus = [], []
        for _ in range(COLD_RUNS):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            done = subprocess.run(command, capture_output=True, text=True, timeout=300)
            walls.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return {
        "mode": "cold",
        "seconds": statistics.median(walls),
        "runs": sorted(walls),
        # CPU seconds (user + system) of the run: what a busy machine's wall time is made of
        "cpu_s": statistics.median(cpus),
        "exit": done.returncode,
        "events": done.stdout.count("\n"),
        "error": done.stderr[-500:] if done.returncode not in (0, 1) else "",
    }


def _child(args: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, *args, "--json"], capture_output=True, text=True, timeout=3600
    )
    if done.returncode != 0:
        raise SystemExit(f"benchmark step {args} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _measure_ceiling(args: list[str], workers: int) -> dict[str, Any]:
    """What the machine gives ``workers`` independent one-process runs at once (no Dask, no shared
    store): the sum of their steady rates, the ceiling of any parallel speed-up on this machine."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(workers) as pool:
        runs = list(pool.map(lambda _: _child(["--mode", "single", *args]), range(workers)))
    return {"mode": "ceiling", "source": runs[0]["source"], "rates": [r["rate"] for r in runs],
            "rate": sum(r["rate"] for r in runs)}  # fmt: skip


def _report(results: list[dict[str, Any]], workers: int) -> Iterator[str]:
    runs: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in results:
        if r["mode"] in ("single", "dask", "ceiling"):
            runs.setdefault((r["mode"], r["source"]), []).append(r)
    for r in results:
        if r["mode"] in ("single", "dask"):
            ok = "ok" if r["rate"] >= TARGET_RATE else "BELOW TARGET"
            yield (
                f"{r['source']:>9} {r['mode']:>6}: {r['articles']} articles (~{r['words']:.0f} words), "
                f"{r['rate']:.1f} articles/s steady [{ok} >= {TARGET_RATE:.0f}], {r['total_s']:.1f} s total "
                f"({r['startup_s']:.1f} s to the first saved batch), {r['events']} events, "
                f"this process's CPU {1000 * r['client_cpu_s'] / r['articles']:.1f} ms/article "
                f"(memory sampling {100 * r['sampler_cpu_s'] / r['total_s']:.1f}% of a core), "
                + (
                    f"workers' CPU {1000 * r['workers_cpu_s'] / max(1, r['steady_articles']):.1f} ms/article steady, "
                    if r["mode"] == "dask"
                    else ""
                )
                + f"peak {r['peak_total_mb']:.0f} MB all processes (PSS; RSS sum {r['peak_rss_mb']:.0f}) "
                f"[{'ok' if r['peak_total_mb'] <= TARGET_PEAK_MB else 'ABOVE TARGET'} <= {TARGET_PEAK_MB:.0f}] / "
                f"{r['peak_process_mb']:.0f} MB largest"
            )
        elif r["mode"] == "ceiling":
            yield (
                f"{r['source']:>9} ceiling: {len(r['rates'])} one-process runs at once, "
                f"{' + '.join(f'{x:.1f}' for x in r['rates'])} = {r['rate']:.1f} articles/s"
            )
        elif r["mode"] == "stages":
            s = r["seconds"]
            coded = sum(v for k, v in s.items() if k != "load")
            split = ", ".join(
                f"{k} {v:.2f} s ({100 * v / coded:.0f}%, {1000 * v / r['articles']:.1f} ms/article)"
                for k, v in s.items()
                if k != "load"
            )
            yield (
                f"{r['source']:>9} stages: {r['articles']} articles in {coded:.2f} s "
                f"({r['articles'] / coded:.1f} articles/s), load {s['load']:.1f} s; {split}"
            )
        elif r["mode"] == "extract":
            one, many = r["one"], r["many"]
            ok = "ok" if many["rate"] >= TARGET_RATE else "BELOW TARGET"
            yield (
                f"{r['source']:>9} extract: `sitmap extract` of {r['articles']} articles, start included: "
                f"{one['rate']:.1f} articles/s on 1 process ({one['seconds']:.1f} s), "
                f"{many['rate']:.1f} articles/s on {r['workers']} ({many['seconds']:.1f} s) [{ok} >= {TARGET_RATE:.0f}], "
                f"{many['rate'] / one['rate']:.2f}x, peak {many['peak_total_mb']:.0f} MB (PSS), "
                f"{many['events']} events, {'the same output' if r['same'] else 'OUTPUT DIFFERS'}"
            )
        elif r["mode"] == "cold":
            ok = "ok" if r["seconds"] <= TARGET_COLD_S else "ABOVE TARGET"
            yield (
                f"cold start: `sitmap extract` of one article {r['seconds']:.2f} s median of {len(r['runs'])} "
                f"({', '.join(f'{x:.2f}' for x in r['runs'])}) [{ok} <= {TARGET_COLD_S} s], "
                f"CPU {r['cpu_s']:.2f} s (user + system, median), "
                f"exit {r['exit']}, {r['events']} events {r['error']}"
            )
    for source in ("generated", "fakes"):
        for mode in ("single", "dask"):
            rates = [r["rate"] for r in runs.get((mode, source), [])]
            if len(rates) > 1:
                median = statistics.median(rates)
                yield (
                    f"{source:>9} {mode:>6}: median {median:.1f} articles/s of {len(rates)} runs "
                    f"({', '.join(f'{x:.1f}' for x in rates)}) "
                    f"[{'ok' if median >= TARGET_RATE else 'BELOW TARGET'} >= {TARGET_RATE:.0f}]"
                )
        # each dask run against the single run just before it: the machine's speed drifts less
        # within a pair than across the whole benchmark
        pairs = list(zip(runs.get(("single", source), []), runs.get(("dask", source), []), strict=False))
        if pairs:
            ratios = [dask["rate"] / single["rate"] for single, dask in pairs]
            ratio = statistics.median(ratios)
            target = TARGET_SPEEDUP_PER_WORKER * workers
            yield (
                f"{source:>9} speed-up on {workers} workers: {ratio:.2f}x"
                f"{f' median of {len(ratios)} pairs (' + ', '.join(f'{x:.2f}' for x in ratios) + ')' if len(ratios) > 1 else ''} "
                f"[{'ok' if ratio >= target else 'BELOW'} "
                f">= {target:.1f}x] (cpus: {os.cpu_count()})"
            )
        triples = zip(
            runs.get(("single", source), []),
            runs.get(("dask", source), []),
            runs.get(("ceiling", source), []),
            strict=False,
        )
        ceilings = [(single["rate"], dask["rate"], ceiling) for single, dask, ceiling in triples]
        if ceilings:
            machine = statistics.median(ceiling["rate"] / single for single, _dask, ceiling in ceilings)
            share = statistics.median(dask / ceiling["rate"] for _single, dask, ceiling in ceilings)
            yield (
                f"{source:>9} the machine's own ceiling: {len(ceilings[0][2]['rates'])} independent one-process "
                f"runs at once give {machine:.2f}x one run alone; Dask gives {share:.0%} of their sum "
                f"(medians of {len(ceilings)}, each run against those of its own round)"
            )


def main() -> None:
    """Run every measurement (each in its own process) and print the summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--sample", type=int, default=300, help="articles timed stage by stage")
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="alternating single and dask runs per source (medians are reported)",
    )
    parser.add_argument(
        "--classifier",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="use the sub-event classifier (default: when its weights are built)",
    )
    parser.add_argument(
        "--only", choices=["single", "dask", "ceiling", "stages", "extract", "cold"], action="append"
    )
    parser.add_argument("--source", choices=["generated", "fakes"], default=None)
    parser.add_argument(
        "--mode", choices=["single", "dask", "stages", "extract", "cold"], help=argparse.SUPPRESS
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    classifier = args.classifier
    if classifier is None:
        classifier = (files("sitmap.extract") / "subevent_model.npz").is_file()
    if args.mode:
        if args.mode in ("single", "dask"):
            result = _measure_run(
                args.mode, args.source, args.articles, args.workers, args.batch_size, classifier
            )
        elif args.mode == "stages":
            result = _measure_stages(args.source, args.articles, args.batch_size, classifier)
        elif args.mode == "extract":
            result = _measure_extract(args.source, args.articles, args.workers, args.batch_size, classifier)
        else:
            result = _measure_cold(classifier)
        print(json.dumps(result))
        return
    common = [
        "--workers",
        str(args.workers),
        "--batch-size",
        str(args.batch_size),
        "--classifier" if classifier else "--no-classifier",
    ]
    sources = [args.source] if args.source else ["generated"] + (["fakes"] if FAKES.is_file() else [])
    steps = args.only or ["stages", "single", "dask", "ceiling", "extract", "cold"]
    print(f"classifier {'on' if classifier else 'off'}; sources {sources}; {os.cpu_count()} cpus", flush=True)
    results = []
    for source in sources:
        # the runs of one process and of the workers alternate, so each pair meets the same machine
        plan = [("stages", args.sample)] if "stages" in steps else []
        plan += [
            (step, args.articles)
            for _ in range(args.repeat)
            for step in ("single", "dask", "ceiling", "extract")
            if step in steps
        ]
        for step, count in plan:
            step_args = ["--source", source, "--articles", str(count), *common]
            if step == "ceiling":
                results.append(_measure_ceiling(step_args, args.workers))
            else:
                results.append(_child(["--mode", step, *step_args]))
            print(next(_report([results[-1]], args.workers)), flush=True)
    if "cold" in steps:
        results.append(_child(["--mode", "cold", *common]))
    print("\nsummary")
    for line in _report(results, args.workers):
        print("  " + line)


if __name__ == "__main__":
    main()
