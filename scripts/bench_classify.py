#!/usr/bin/env python3
"""Classify benchmark: `verbatim classify` on a generated bilingual export, side by side with
VADER (English rows), AFINN-da and Sentida (Danish rows) timed in the same run.

Usage: bench_classify.py VERBATIM EXPORT_LARGE EXPORT_SMALL RUNS PEER_ROWS
Prints comments/s, MB/s and peak RSS per configuration (medians of RUNS), the 1→2 thread
speed-up, the RSS of the small vs the large export, one thread without the language column (each
comment's language identified from its text, as for an export that has none), and the ratios to
the peers."""
import csv
import os
import statistics
import subprocess
import sys
import time

verbatim, large, small, runs, peer_rows = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
LANGUAGE = ["--language-column", "lang"]
ARGS = ["--touchpoint-column", "channel", "--score-column", "score", "-o", "/dev/null"]


def rows_and_bytes(path):
    """Counted streaming: this process stays small, because a child's peak RSS as the kernel reports
    it includes the memory of the forked parent before exec."""
    with open(path, newline="", encoding="utf-8") as handle:
        count = sum(1 for _ in csv.DictReader(handle))
    return count, os.path.getsize(path)


def run_verbatim(path, threads, language=LANGUAGE):
    """Wall time and peak RSS (MB) of one run, from wait4's rusage of that process alone."""
    start = time.perf_counter()
    process = subprocess.Popen([verbatim, "classify", path, "--threads", str(threads)] + language + ARGS, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        sys.exit(f"verbatim classify failed on {path} (status {status})")
    return elapsed, usage.ru_maxrss / 1024


def median_run(path, threads, language=LANGUAGE):
    results = [run_verbatim(path, threads, language) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results), [round(r[0], 2) for r in results]


def time_peer(name, texts, score):
    start = time.perf_counter()
    for text in texts:
        score(text)
    elapsed = time.perf_counter() - start
    return len(texts) / elapsed, sum(len(t.encode()) for t in texts) / elapsed / 1e6


count, size = rows_and_bytes(large)
small_count, _ = rows_and_bytes(small)
print(f"export: {count:,} rows, {size / 1e6:.1f} MB (generated, seed 2026); {runs} runs each, medians; machine: {os.cpu_count()} cores")
one, rss_one, runs_one = median_run(large, 1)
two, rss_two, runs_two = median_run(large, 2)
_, rss_small, _ = median_run(small, 2)
detected, rss_detected, runs_detected = median_run(large, 1, language=[])
print(f"verbatim classify, 1 thread : {count / one:10,.0f} comments/s  {size / one / 1e6:6.2f} MB/s  peak RSS {rss_one:5.0f} MB  (runs {runs_one} s)")
print(f"verbatim classify, 2 threads: {count / two:10,.0f} comments/s  {size / two / 1e6:6.2f} MB/s  peak RSS {rss_two:5.0f} MB  (runs {runs_two} s)")
print(f"verbatim classify, 1 thread, no language column (identified from the text):")
print(f"                              {count / detected:10,.0f} comments/s  {size / detected / 1e6:6.2f} MB/s  peak RSS {rss_detected:5.0f} MB  (runs {runs_detected} s)")
print(f"speed-up 1 → 2 threads: {one / two:.2f}×")
print(f"peak RSS, 2 threads: {small_count:,} rows {rss_small:.0f} MB vs {count:,} rows {rss_two:.0f} MB ({(rss_two / rss_small - 1) * 100:+.1f}%)")

with open(large, newline="", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
english = [r["text"] for r in rows if r["lang"] == "en"][:peer_rows]
danish = [r["text"] for r in rows if r["lang"] == "da"][:peer_rows]
del rows
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # noqa: E402
from afinn import Afinn  # noqa: E402
from sentida import Sentida  # noqa: E402

vader = SentimentIntensityAnalyzer()
afinn = Afinn(language="da")
sentida = Sentida()
peers = [
    ("VADER (en rows)", english, vader.polarity_scores),
    ("AFINN-da (da rows)", danish, afinn.score),
    ("Sentida (da rows)", danish[: max(1, peer_rows // 10)], lambda t: sentida.sentida(t, output="mean", normal=False)),
]
per_core = count / one
for name, texts, score in peers:
    rate, mbps = time_peer(name, texts, score)
    print(f"{name:20} {rate:10,.0f} comments/s  {mbps:6.2f} MB/s on {len(texts):,} rows, one core  → verbatim (1 thread, full analysis) is {per_core / rate:.2f}× its speed"
          f" ({count / detected / rate:.2f}× without the language column)")
