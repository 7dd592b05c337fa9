#!/usr/bin/env python3
"""Checks a verbatim_spark.py output against a plain `verbatim classify` run on the same input.

    check_equivalence.py --spark-output DIR --plain-results plain.jsonl [--plain-summary summary.json]
                         [--results-format jsonl|parquet] [--rows-only] [--expect-retried-partition P]

- One result row per input row: the job's rows carry `_row` 0..n-1, each exactly once, n = the plain run's rows.
- Rows equal: each job row, less the keys the job adds (`_row`), equals the plain row at the same position and
  the plain row with the same id (when ids are unique), compared as JSON objects. With --rows-only only the
  ids and the count are compared, and each plain row with problems must have problems in the job's output too
  (for inputs Spark's reader and verbatim's reader read differently, e.g. a CSV row with a missing field).
- Parquet results (--results-format parquet) are read with Spark and compared after dropping null members
  (Parquet has a column for every key, JSON leaves absent ones out).
- The merged summary (DIR/report/summary.json) equals the plain summary byte for byte.
- DIR/report/accounting.json says ok; with --expect-retried-partition, that partition's summary came from a
  retried attempt (attempt ≥ 1).
Exit 0 when every check passes, 1 otherwise; one line per check.
"""

import argparse
import glob
import json
import os
import re
import sys

ADDED_KEYS = ("_row",)


class Row:
    """A result row kept as its JSON text; parsed only when needed (200,000 rows compare in seconds)."""

    __slots__ = ("text", "_value")

    def __init__(self, text=None, value=None):
        self.text, self._value = text, value

    @property
    def value(self):
        if self._value is None:
            self._value = json.loads(self.text)
        return self._value


JOB_PREFIX = re.compile(r'^\{"_row":(\d+),')
ID_PREFIX = re.compile(r'^\{"id":("(?:[^"\\]|\\.)*"|null)[,}]')


def row_id(row):
    """The row's id; from the text when verbatim wrote it first (it always does)."""
    if row.text is not None:
        match = ID_PREFIX.match(row.text)
        if match:
            return json.loads(match.group(1))
    return row.value.get("id")


def load_jsonl(paths):
    rows = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            rows.extend(Row(line.rstrip("\n")) for line in f if line.strip())
    return rows


def job_key_and_body(row):
    """The job's `_row` and the row without it: from the text when the job wrote `{"_row":N,` first."""
    if row.text is not None:
        match = JOB_PREFIX.match(row.text)
        if match:
            return int(match.group(1)), "{" + row.text[match.end():]
    value = dict(row.value)
    key = value.get("_row")
    for added in ADDED_KEYS:
        value.pop(added, None)
    return key, Row(value=value)


def same(job_body, plain_row):
    """Equal as JSON objects: the same text, else the same parsed value."""
    if isinstance(job_body, str):
        if job_body == plain_row.text:
            return True
        job_body = Row(job_body)
    return job_body.value == plain_row.value


def load_parquet(folder):
    from pyspark.sql import SparkSession, functions as F

    spark = (SparkSession.builder.master("local[1]").appName("check-equivalence")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    frame = spark.read.parquet(folder)
    rows = [Row(value=json.loads(r[0])) for r in frame.select(F.to_json(F.struct(*frame.columns))).collect()]
    spark.stop()
    return rows


def without_nulls(value):
    if isinstance(value, dict):
        return {k: without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [without_nulls(v) for v in value]
    return value


def first_difference(a, b, path=""):
    if type(a) is not type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        return f"{path or '/'}: {json.dumps(a)[:120]} vs {json.dumps(b)[:120]}"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                return f"{path}/{key}: only in {'the job' if key in a else 'plain classify'}"
            found = first_difference(a[key], b[key], f"{path}/{key}")
            if found:
                return found
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items vs {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            found = first_difference(x, y, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {json.dumps(a)[:120]} vs {json.dumps(b)[:120]}"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--spark-output", required=True)
    p.add_argument("--plain-results", required=True)
    p.add_argument("--plain-summary")
    p.add_argument("--results-format", choices=["jsonl", "parquet"], default="jsonl")
    p.add_argument("--rows-only", action="store_true")
    p.add_argument("--expect-retried-partition", type=int)
    p.add_argument("--label", default="")
    args = p.parse_args()
    label = f"[{args.label}] " if args.label else ""
    failures = []

    def check(ok, message):
        print(f"{label}{'ok  ' if ok else 'FAIL'} {message}")
        if not ok:
            failures.append(message)

    plain = load_jsonl([args.plain_results])
    results = os.path.join(args.spark_output, "results")
    if args.results_format == "parquet":
        job = load_parquet(results)
        plain = [Row(value=without_nulls(row.value)) for row in plain]
        job = [Row(value=without_nulls(row.value)) for row in job]
    else:
        job = load_jsonl(sorted(glob.glob(os.path.join(results, "part-*"))))

    # One result row per input row.
    by_row = {}
    for row in job:
        key, body = job_key_and_body(row)
        by_row.setdefault(key, []).append(body)
    keys_ok = len(job) == len(plain) and all(len(by_row.get(i, ())) == 1 for i in range(len(plain)))
    check(len(job) == len(plain), f"result rows: job {len(job)}, plain classify {len(plain)}")
    check(keys_ok, f"_row keys are 0..{len(plain) - 1}, each exactly once")
    by_row = {k: v[0] for k, v in by_row.items()}

    def parsed(body):
        return (Row(body) if isinstance(body, str) else body).value

    if args.rows_only:
        ids_match = all(i in by_row and parsed(by_row[i]).get("id") == plain[i].value.get("id") for i in range(len(plain)))
        check(ids_match, "ids equal row by row")
        flagged = [i for i in range(len(plain)) if plain[i].value.get("problems")]
        kept = all(i in by_row and parsed(by_row[i]).get("problems") for i in flagged)
        detail = ", ".join(
            f"_row {i}: plain {[q['code'] for q in plain[i].value['problems']]} "
            f"job {[q['code'] for q in parsed(by_row[i]).get('problems', [])] if i in by_row else None}"
            for i in flagged[:5])
        check(bool(flagged) and kept, f"rows with problems in plain classify have problems in the job's output too ({detail})")
    else:
        different = [i for i in range(len(plain)) if i not in by_row or not same(by_row[i], plain[i])]
        example = ""
        if different:
            i = different[0]
            example = f"; first at _row {i}: {first_difference(parsed(by_row[i]), plain[i].value) if i in by_row else 'missing'}"
        check(not different, f"rows equal by position: {len(plain) - len(different)} of {len(plain)}{example}")
        ids = [row_id(row) for row in plain]
        if None not in ids and len(set(ids)) == len(ids):
            job_ids = {parsed(body).get("id"): key for key, body in by_row.items()} if different else None
            # Rows equal by position carry the plain row's id; a job row matched by id must then be that row.
            if not different:
                check(True, f"rows equal by id: {len(plain)} of {len(plain)} (ids unique, every row equal to the plain row of its id)")
            else:
                matched = sum(1 for i, identifier in enumerate(ids)
                              if identifier in job_ids and same(by_row[job_ids[identifier]], plain[i]))
                check(False, f"rows equal by id: {matched} of {len(plain)}")
        else:
            print(f"{label}note: ids are not unique or not all present; compared by position only")

    if args.plain_summary:
        with open(os.path.join(args.spark_output, "report", "summary.json"), "rb") as f:
            merged = f.read()
        with open(args.plain_summary, "rb") as f:
            single = f.read()
        check(merged == single, f"merged summary.json equals the single-machine summary byte for byte ({len(merged)} bytes vs {len(single)})")

    with open(os.path.join(args.spark_output, "report", "accounting.json"), encoding="utf-8") as f:
        accounting = json.load(f)
    check(accounting.get("ok") is True and accounting.get("rows_in") == len(plain),
          f"accounting ok: rows in {accounting.get('rows_in')} = result rows {accounting.get('result_rows')} = "
          f"classified {accounting.get('rows_classified')} + not classified {accounting.get('rows_not_classified')}")
    if args.expect_retried_partition is not None:
        attempts = {d["partition"]: d["attempt"] for d in accounting.get("partitions_detail", [])}
        check(attempts.get(args.expect_retried_partition, 0) >= 1,
              f"partition {args.expect_retried_partition} classified by a retried attempt (attempts {attempts})")

    print(f"{label}{'all checks passed' if not failures else f'{len(failures)} check(s) failed'}")
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main())
