#!/usr/bin/env python3
"""Test inputs for test-spark.sh, made from the bundled sample export (corpora/sample-export.csv):

    make_test_inputs.py SAMPLE.csv OUT_DIR [--parquet]

- OUT_DIR/malformed.jsonl: the sample as JSONL ({"ResponseId", "Channel", "NPS", "Comment"} per line, NPS a
  number), with malformed lines in the middle (so that they fall in one partition of several): a line that is
  not JSON, a JSON array, an object without the text member, a null text, an empty text, a truncated object,
  NaN, a lone surrogate, a control character, a number as text, a CRLF line ending, a blank line and a line of
  spaces and tabs (blank lines give no row, in the job as in verbatim).
- OUT_DIR/malformed.csv: the sample as CSV with a row that lacks its text field and a row with an empty text.
- OUT_DIR/sample.parquet (with --parquet; needs pyspark): the sample with NPS as an integer column.
"""

import csv
import json
import os
import sys

MALFORMED_JSONL = [
    "this line is not JSON",
    "[1, 2, 3]",
    '{"ResponseId": "bad-03", "Channel": "Web", "NPS": 5}',
    '{"ResponseId": "bad-04", "Comment": null, "NPS": 3}',
    '{"ResponseId": "bad-05", "Comment": ""}',
    '{"ResponseId": "bad-06", "Comment": "Truncated object"',
    '{"ResponseId": "bad-07", "Comment": "Score is not a number", "NPS": NaN}',
    '{"ResponseId": "bad-08", "Comment": "Lone \\ud83d surrogate, the app crashed", "NPS": 2}',
    '{"ResponseId": "bad-09", "Comment": "A bell \\u0007 in the text, delivery was late", "NPS": 4}',
    '{"ResponseId": "bad-10", "Comment": 12345}',
    '{"ResponseId": "bad-11", "Comment": "Windows line ending, friendly staff", "NPS": 9}\r',
    "",
    " \t ",
    '{"ResponseId": "bad-12", "Comment": "Huge number", "NPS": 1e400}',
]


def main():
    sample, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(sample, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    middle = len(rows) // 2

    with open(os.path.join(out, "malformed.jsonl"), "w", encoding="utf-8", newline="") as f:
        for i, row in enumerate(rows):
            if i == middle:
                for line in MALFORMED_JSONL:
                    f.write(line + "\n")
            obj = {"ResponseId": row["ResponseId"], "Channel": row["Channel"], "NPS": int(row["NPS"]),
                   "Comment": row["Comment"]}
            f.write(json.dumps(obj, ensure_ascii=False) + "\n")

    with open(os.path.join(out, "malformed.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["ResponseId", "Submitted", "Channel", "NPS", "Comment"])
        for i, row in enumerate(rows):
            if i == middle:
                f.write("bad-01,2026-10-01,Web,5\n")  # no text field
                writer.writerow(["bad-02", "2026-10-01", "Web", "5", ""])  # empty text
            writer.writerow([row["ResponseId"], row["Submitted"], row["Channel"], row["NPS"], row["Comment"]])

    if "--parquet" in sys.argv:
        from pyspark.sql import SparkSession

        spark = (SparkSession.builder.master("local[1]").appName("make-test-inputs")
                 .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false").getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        frame = spark.createDataFrame(
            [(r["ResponseId"], r["Submitted"], r["Channel"], int(r["NPS"]), r["Comment"]) for r in rows],
            "ResponseId STRING, Submitted STRING, Channel STRING, NPS INT, Comment STRING")
        frame.coalesce(2).write.mode("overwrite").parquet(os.path.join(out, "sample.parquet"))
        spark.stop()


if __name__ == "__main__":
    main()
