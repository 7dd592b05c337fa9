#!/usr/bin/env python3
"""Verbatim on Apache Spark: classify survey comments on every executor, merge the summaries on the driver.

    spark-submit verbatim_spark.py --input PATH --output DIR [--format csv|tsv|jsonl|parquet]
        [--text-column C] [--id-column C] [--touchpoint-column C] [--score-column C] [--language-column C]
        [--lexicons DIR] [--binary PATH] [--report-binary PATH] [--native-libs DIR] [--partitions N]
        [--threads N] [--output-format jsonl|parquet] [--report-language en|da]

What it does (integrations/spark/README.md has the why):
1. Reads the input with Spark: CSV (header, multiLine, escape '"', delimiter sniffed like `verbatim`'s reader),
   JSONL (as text lines) or Parquet.
2. Numbers the rows in input order (`_row`, 0-based; a stable key) and turns each row into one JSON line with
   the columns the tool needs plus `_row` (CSV/Parquet cells under the names text, id, touchpoint, score,
   language; JSONL members under their own names). A JSONL line that is not a JSON object goes to the tool as
   it is, so that it reports it exactly as `verbatim classify` on the whole file would.
3. Ships the binary and a zip of the lexicons with SparkContext.addFile; each task unpacks the lexicons once per
   executor and runs `verbatim classify - -o - --summary-out … --row-report …` on its partition as a
   subprocess (rows streamed in, result rows streamed out, in order, memory bounded).
4. Collects the partition summaries and row reports (records of the same RDD, persisted so the classification
   runs once), checks the row accounting, writes the result rows with Spark's committer (overwrite mode) to
   OUTPUT/results, reads them back to check one row per input row, and merges the summaries with
   `verbatim report` into OUTPUT/report (summary.json, report.html, report.md, accounting.json).
Any accounting mismatch fails the job (exit 1) with the figures.
"""

import argparse
import collections
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
REPORT_BATCH = 256  # summaries per `verbatim report` call; more are merged in a tree (the summary is a monoid)


class JobError(Exception):
    """A failure the job reports in one line and exits 1 on."""


# ----------------------------------------------------------------------------------------------------------
# Arguments


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="verbatim_spark.py",
        description="Run `verbatim classify` on every partition of a Spark DataFrame and merge the summaries.",
    )
    p.add_argument("--input", required=True, help="file or folder Spark reads (any Hadoop path: file:, hdfs:, s3a:)")
    p.add_argument("--output", required=True, help="output folder: results/, summaries/, report/ (overwritten)")
    p.add_argument("--format", choices=["csv", "tsv", "jsonl", "parquet"], help="input format (default: from the extension)")
    p.add_argument("--text-column", default="text", help="comment column: name or 1-based index (CSV) (default: text)")
    p.add_argument("--id-column", default="id", help="id column (default: id; ignored when the input has none)")
    p.add_argument("--touchpoint-column", help="touch-point / channel column")
    p.add_argument("--score-column", help="score column (NPS 0-10, CSAT 1-5)")
    p.add_argument("--language-column", help="column holding each row's language (en/da)")
    p.add_argument("--delimiter", help="CSV delimiter (default: sniffed from the header like verbatim: , ; or tab)")
    p.add_argument("--encoding", default="UTF-8", help="CSV character set (default: UTF-8)")
    p.add_argument("--no-multiline", action="store_true",
                   help="CSV without quoted line breaks: lets Spark split one large file across tasks")
    p.add_argument("--lexicons", help="lexicon folder (default: $VERBATIM_LEXICONS, else the checkout's lexicons/)")
    p.add_argument("--binary", help="verbatim binary for the executors' Linux (default: the checkout's .build/release/verbatim)")
    p.add_argument("--native-libs", help="folder of shared libraries shipped to the executors (LD_LIBRARY_PATH)")
    p.add_argument("--report-binary", help="verbatim binary the driver runs for `verbatim report` (default: --binary)")
    p.add_argument("--partitions", type=int, help="number of partitions (default: the input's, at least the default parallelism)")
    p.add_argument("--threads", type=int, default=1, help="threads per verbatim process (default: 1; Spark runs one task per core)")
    p.add_argument("--output-format", choices=["jsonl", "parquet"], default="jsonl")
    p.add_argument("--report-language", choices=["en", "da"], default="en")
    p.add_argument("--no-verify-output", action="store_true", help="skip reading the written results back")
    # Test hook (integrations/spark/test-spark.sh): make the first attempt of a task fail, e.g.
    # classify:1 (kill partition 1's verbatim process half way) or write:0 (fail the writer of partition 0).
    p.add_argument("--inject-failure", action="append", default=[], help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.partitions is not None and args.partitions < 1:
        p.error("--partitions must be at least 1")
    if args.threads < 1:
        p.error("--threads must be at least 1")
    for item in args.inject_failure:
        if not re.fullmatch(r"(classify|write):\d+", item):
            p.error("--inject-failure takes classify:N or write:N")
    return args


def input_format(args):
    if args.format:
        return args.format
    name = args.input.rstrip("/").lower()
    for suffix, fmt in ((".csv", "csv"), (".tsv", "tsv"), (".txt", "tsv"), (".jsonl", "jsonl"),
                        (".ndjson", "jsonl"), (".json", "jsonl"), (".parquet", "parquet")):
        if name.endswith(suffix):
            return fmt
    raise JobError(f"cannot tell the format of {args.input}: pass --format csv|tsv|jsonl|parquet")


def is_local(path):
    return "://" not in path or path.startswith("file:")


def local_path(path):
    return re.sub(r"^file:(//)?", "", path) if path.startswith("file:") else path


# ----------------------------------------------------------------------------------------------------------
# Shipping the binary, the lexicons and the libraries


def zip_folder(folder, into):
    """A deterministic zip of `folder` (sorted names, fixed times); its name carries the content hash."""
    folder = os.path.abspath(folder)
    entries = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            full = os.path.join(root, name)
            entries.append((os.path.relpath(full, folder), full))
    digest = hashlib.sha256()
    for rel, full in entries:
        digest.update(rel.encode() + b"\0")
        with open(full, "rb") as f:
            digest.update(hashlib.sha256(f.read()).digest())
    base = os.path.basename(folder.rstrip("/")) or "folder"
    target = os.path.join(into, f"verbatim-{base}-{digest.hexdigest()[:16]}.zip")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for rel, full in entries:
            info = zipfile.ZipInfo(rel, date_time=(2020, 1, 1, 0, 0, 0))
            info.external_attr = (os.stat(full).st_mode & 0o777) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            with open(full, "rb") as f:
                z.writestr(info, f.read())
    return target


def unpacked(zip_name):
    """On an executor: the folder of a zip shipped with addFile, unpacked once per executor (atomic rename)."""
    from pyspark import SparkFiles

    archive = SparkFiles.get(zip_name)
    target = os.path.join(os.path.dirname(archive), zip_name[: -len(".zip")])
    if not os.path.isdir(target):
        staging = tempfile.mkdtemp(prefix=".unpack-", dir=os.path.dirname(archive))
        with zipfile.ZipFile(archive) as z:
            z.extractall(staging)
        try:
            os.rename(staging, target)
        except OSError:  # another task of this executor was first
            shutil.rmtree(staging, ignore_errors=True)
    return target


def shipped_binary(name):
    """On an executor: the shipped binary, executable."""
    from pyspark import SparkFiles

    path = SparkFiles.get(name)
    if not os.access(path, os.X_OK):
        try:
            os.chmod(path, 0o755)
        except OSError:
            copy = os.path.join(tempfile.mkdtemp(prefix="verbatim-bin-"), name)
            shutil.copy(path, copy)
            os.chmod(copy, 0o755)
            path = copy
    return path


# ----------------------------------------------------------------------------------------------------------
# Rows → one JSON line each


def json_line(obj):
    try:
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: keep it escaped, the tool replaces and reports it
        return json.dumps(obj, ensure_ascii=True, separators=(",", ":")).encode("ascii")


def plain_value(value):
    """A Parquet/CSV cell as a JSON value the tool reads as it would read the same cell of a JSONL row."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("utf-8", "replace")
    return str(value)  # Decimal and anything else: its text


def _reject_constant(name):
    raise ValueError(name)


def _finite_float(text):
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def jsonl_payload(line, keys, row):
    """A JSONL line: (the members the tool reads, plus `_row`, True) for a JSON object; else (the line as it
    is, False), so that the tool reads it as it would in a whole-file run (invalid_json, not_an_object…).
    The tool is given the same member names as the user gave, so both paths read the same members."""
    try:
        value = json.loads(line, parse_constant=_reject_constant, parse_float=_finite_float)
    except (ValueError, RecursionError):
        return line.encode("utf-8", "surrogatepass"), False
    if not isinstance(value, dict):
        return line.encode("utf-8", "surrogatepass"), False
    obj = {key: value[key] for key in keys if key in value and key != "_row"}
    obj["_row"] = row
    return json_line(obj), True


def sniff_delimiter(first_line):
    """verbatim's rule: the most frequent of , ; tab outside quotes in the header line (ties → ',')."""
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for ch in first_line:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0] == ","))
    return best[0] if best[1] > 0 else ","


def resolve_column(columns, name, what, required, exact):
    """A column by header name (case-insensitive and trimmed for CSV, exact for Parquet) or 1-based index."""
    if name is None:
        return None
    if not exact and name.strip().isdigit():
        index = int(name.strip())
        if 1 <= index <= len(columns):
            return columns[index - 1]
    if exact:
        if name in columns:
            return name
    else:
        wanted = name.strip().lower()
        for column in columns:
            if column.strip().lower() == wanted:
                return column
    if required:
        raise JobError(f"the input has no {what} column '{name}'; columns: {', '.join(columns)}")
    return None


def quoted(column):
    return "`" + column.replace("`", "``") + "`"


def read_rows(spark, args, fmt):
    """(rdd of JSONL lines or of cell tuples, [(tool option, member name)], header rows to skip)."""
    path = args.input
    if fmt == "jsonl":
        # Text lines split on \n only, as verbatim splits them (its reader drops a trailing \r itself).
        lines = spark.read.option("lineSep", "\n").text(path)
        # JSONL members keep the user's names (the tool matches them exactly, as in a whole-file run).
        columns = [(option, name) for option, name in (
            ("text", args.text_column), ("id", args.id_column), ("touchpoint", args.touchpoint_column),
            ("score", args.score_column), ("language", args.language_column)) if name is not None]
        return lines.rdd.map(lambda r: r[0]), columns, 0
    if fmt in ("csv", "tsv"):
        if args.delimiter:
            sep = args.delimiter.encode().decode("unicode_escape")
        elif fmt == "tsv":
            sep = "\t"
        else:
            first = spark.read.option("lineSep", "\n").text(path).first()
            sep = sniff_delimiter((first[0] if first else "").lstrip("\ufeff"))
        df = (spark.read.option("header", True).option("multiLine", not args.no_multiline)
              .option("escape", '"').option("quote", '"').option("sep", sep).option("encoding", args.encoding)
              .option("inferSchema", False).option("mode", "PERMISSIVE").csv(path))
        exact = False
    else:
        df = spark.read.parquet(path)
        exact = True
    columns = df.columns
    chosen = [("text", resolve_column(columns, args.text_column, "text", True, exact))]
    # verbatim ignores an id column the input lacks; the others must exist.
    chosen.append(("id", resolve_column(columns, args.id_column, "id", False, exact)))
    for key, name, what in (("touchpoint", args.touchpoint_column, "touch-point"),
                            ("score", args.score_column, "score"), ("language", args.language_column, "language")):
        chosen.append((key, resolve_column(columns, name, what, True, exact)))
    chosen = [(key, column) for key, column in chosen if column is not None]
    skip = 0
    if fmt in ("csv", "tsv"):
        # A Qualtrics export: two more header rows (question texts, {"ImportId":…} cells), skipped as verbatim does.
        head = df.take(2)
        if len(head) == 2 and any(isinstance(v, str) and v.startswith('{"ImportId"') for v in head[1]):
            skip = 2
    selected = df.select([df[quoted(column)] for _, column in chosen])
    # CSV and Parquet cells go to the tool under fixed member names: text, id, touchpoint, score, language.
    return selected.rdd.map(tuple), [(option, option) for option, _ in chosen], skip


def number_rows(sc, lines_or_cells, fmt, columns, skip):
    """Numbers rows in input order in one counting pass: (row, line, payload, projected) per row; total rows.

    `line` is the input line for JSONL (blank lines are counted but carry no row, as in verbatim) and None
    for CSV/Parquet, where Spark does not know lines. `payload` is the JSON line the tool gets."""
    is_jsonl = fmt == "jsonl"
    keys = [key for _, key in columns]

    def is_row(item):
        # verbatim skips a JSONL line of spaces and tabs (after dropping a final \r); it still counts the line.
        if not is_jsonl:
            return True
        if item is None:
            return False
        body = item[:-1] if item.endswith("\r") else item
        return body.strip(" \t") != ""

    def count(index, items):
        lines = rows = 0
        for item in items:
            lines += 1
            if is_row(item):
                rows += 1
        yield index, lines, rows

    counts = sorted(lines_or_cells.mapPartitionsWithIndex(count).collect())
    line_start, row_start = {}, {}
    lines_before = rows_before = 0
    for index, lines, rows in counts:
        line_start[index], row_start[index] = lines_before, rows_before
        lines_before += lines
        rows_before += rows
    total = max(rows_before - skip, 0)

    def number(index, items):
        line = line_start[index]
        row = row_start[index] - skip
        for item in items:
            line += 1
            if not is_row(item):
                continue
            if row < 0:  # Qualtrics header rows
                row += 1
                continue
            if is_jsonl:
                if line == 1:
                    item = item.lstrip("\ufeff")
                payload, projected = jsonl_payload(item, keys, row)
                yield row, line, payload, projected
                row += 1
            else:
                obj = {"_row": row}
                for key, value in zip(keys, item):
                    # An empty CSV cell is null in Spark and "" for verbatim's reader.
                    obj[key] = ("" if value is None else value) if fmt in ("csv", "tsv") else plain_value(value)
                yield row, None, json_line(obj), True
                row += 1

    return lines_or_cells.mapPartitionsWithIndex(number, preservesPartitioning=True), total


# ----------------------------------------------------------------------------------------------------------
# The executor side: one verbatim process per partition


LINE_PREFIX = re.compile(r"^line \d+")
KEPT_COLUMNS = re.compile(rb',"columns":\{(?:"_row":"(?:[^"\\]|\\.)*")?\}')


def fix_problem_row(raw, row, line):
    """A result row with problems: its `line` counted the partition's stream; make it the input's line (JSONL)
    or drop it and name the row (`row R`, 1-based) where Spark does not know lines (CSV, Parquet)."""
    obj = json.loads(raw)
    if "line" in obj:
        obj["line"] = line
    where = f"line {line}" if line is not None else f"row {row + 1}"
    for problem in obj.get("problems", []):
        if isinstance(problem.get("message"), str):
            problem["message"] = LINE_PREFIX.sub(where, problem["message"], count=1)
    return json_line(obj)


def classify_partition_fn(config):
    """The function mapPartitionsWithIndex runs: ('r', row, json) per result row, then ('s', …) and ('a', …)."""

    def run(index, records):
        from pyspark import TaskContext

        started = time.time()
        context = TaskContext.get()
        attempt = context.attemptNumber() if context else 0
        kill_half_way = f"classify:{index}" in config["inject"] and attempt == 0
        binary = shipped_binary(config["binary_name"])
        env = dict(os.environ, VERBATIM_LEXICONS=unpacked(config["lexicons_zip"]))
        if config["libs_zip"]:
            libs = unpacked(config["libs_zip"])
            env["LD_LIBRARY_PATH"] = libs + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
        work = tempfile.mkdtemp(prefix=f"verbatim-part{index:05d}-attempt{attempt}-")
        summary_path = os.path.join(work, "summary.json")
        report_path = os.path.join(work, "rows.json")
        stderr_path = os.path.join(work, "stderr.txt")
        command = [binary, "classify", "-", "-o", "-", "--input-format", "jsonl",
                   "--summary-out", summary_path, "--row-report", report_path,
                   "--threads", str(config["threads"]), "--keep-columns", "_row"]
        for option, key in config["columns"]:
            command += [f"--{option}-column", key]
        if "id" not in dict(config["columns"]):
            command += ["--id-column", "_no_id_"]  # no id column: ids stay null, as with verbatim on such a file
        with open(stderr_path, "wb") as stderr:
            process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                                       env=env, bufsize=1 << 16)
        pending = collections.deque()  # (row, line) of every row sent and not yet answered
        state = {"sent": 0, "error": None}

        def feed():
            try:
                for row, line, payload, projected in records:
                    pending.append((row, line, projected))
                    process.stdin.write(payload + b"\n")
                    state["sent"] += 1
                    if kill_half_way and state["sent"] == config["kill_after"]:
                        process.stdin.flush()
                        time.sleep(0.5)  # let some result rows through first: the retry must replace them
                        os.kill(process.pid, signal.SIGKILL)
                        raise RuntimeError("test hook: killed verbatim half way through the first attempt")
            except BaseException as error:  # noqa: BLE001 - reported by the main thread
                state["error"] = error
            finally:
                try:
                    process.stdin.close()
                except OSError:
                    pass

        feeder = threading.Thread(target=feed, name=f"verbatim-feed-{index}", daemon=True)
        feeder.start()
        received = 0
        problem_rows = {}  # stream line → _row, for the rows with problems
        try:
            for raw in process.stdout:
                raw = raw.rstrip(b"\n")
                if not pending:
                    raise RuntimeError("verbatim wrote more result rows than it was given")
                row, line, projected = pending.popleft()
                echo = b',"columns":{"_row":"%d"}' % row
                if echo in raw:
                    raw = raw.replace(echo, b"", 1)
                elif projected:
                    raise RuntimeError(f"result row out of step with the input at _row {row}: {raw[:300]!r}")
                else:  # a line passed as it is: whatever the tool echoed is not ours
                    raw = KEPT_COLUMNS.sub(b"", raw, count=1)
                received += 1
                if not raw.endswith(b',"problems":[]}'):  # only a row with problems carries `line`
                    problem_rows[received] = row
                    raw = fix_problem_row(raw, row, line)
                yield "r", row, (b'{"_row":%d,' % row + raw[1:]).decode("utf-8")
            feeder.join()
            code = process.wait()
            with open(stderr_path, "rb") as f:
                stderr_text = f.read().decode("utf-8", "replace")
            if state["error"] is not None or code != 0:
                raise RuntimeError(
                    f"partition {index} attempt {attempt}: verbatim exited {code}"
                    f"{'; ' + repr(state['error']) if state['error'] else ''}; stderr: {stderr_text[-2000:]}")
            with open(report_path, encoding="utf-8") as f:
                rows_report = json.load(f)
            with open(summary_path, encoding="utf-8") as f:
                summary = f.read()
            if not (received == state["sent"] == rows_report["rows_read"] == rows_report["rows_written"]):
                raise RuntimeError(
                    f"partition {index}: sent {state['sent']} rows, got {received} result rows, verbatim "
                    f"read {rows_report['rows_read']} and wrote {rows_report['rows_written']}")
            # lines_not_classified counts lines of this partition's stream; name those rows by _row too.
            rows_report["rows_not_classified_keys"] = sorted(
                problem_rows[k] for k in rows_report.get("lines_not_classified", []) if k in problem_rows)
            yield "s", index, summary
            yield "a", index, json.dumps({
                "partition": index, "attempt": attempt, "rows_sent": state["sent"], "result_rows": received,
                "row_report": rows_report, "seconds": round(time.time() - started, 3),
                "stderr": stderr_text.strip().splitlines()[-1:] if stderr_text.strip() else []})
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
            shutil.rmtree(work, ignore_errors=True)

    return run


def fail_first_write_attempt(inject):
    """Test hook for the write stage: the first attempt of the chosen partition's writer dies half way."""

    def run(index, items):
        from pyspark import TaskContext

        context = TaskContext.get()
        fail = f"write:{index}" in inject and context is not None and context.attemptNumber() == 0
        for count, item in enumerate(items, 1):
            yield item
            if fail and count == 100:
                raise RuntimeError(f"test hook: writer of partition {index} failed half way (attempt 0)")

    return run


# ----------------------------------------------------------------------------------------------------------
# The driver


RESULT_SCHEMA = """
  _row BIGINT, id STRING, line BIGINT, language STRING, language_confidence DOUBLE, touchpoint STRING,
  touchpoint_source STRING, sentiment STRUCT<score: DOUBLE, label: STRING>,
  themes ARRAY<STRUCT<id: STRING, sentiment: DOUBLE, evidence: ARRAY<STRUCT<start: BIGINT, `end`: BIGINT, text: STRING>>>>,
  flags ARRAY<STRUCT<id: STRING, severity: STRING, route: STRING,
                     evidence: ARRAY<STRUCT<start: BIGINT, `end`: BIGINT, text: STRING>>>>,
  problems ARRAY<STRUCT<code: STRING, message: STRING>>
"""


def run_report(binary, lexicons, parts, out_dir, language, scratch):
    """`verbatim report part-*.json --out DIR`, in a tree of batches when there are many parts."""
    env = dict(os.environ, VERBATIM_LEXICONS=lexicons)

    def report(arguments):
        done = subprocess.run([binary, "report", *arguments], env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
        if done.returncode != 0:
            raise JobError(f"verbatim report exited {done.returncode}: {done.stderr.decode('utf-8', 'replace').strip()[-2000:]}")

    level = 0
    while len(parts) > REPORT_BATCH:
        merged = []
        for start in range(0, len(parts), REPORT_BATCH):
            folder = os.path.join(scratch, f"merge-{level}-{start // REPORT_BATCH:05d}")
            report([*parts[start:start + REPORT_BATCH], "--out", folder])
            merged.append(os.path.join(folder, "summary.json"))
        parts, level = merged, level + 1
    report([*parts, "--out", out_dir, "--report-language", language])


def remove(spark, target):
    """Deletes `target` (a local or Hadoop path) when it exists."""
    if is_local(target):
        shutil.rmtree(local_path(target), ignore_errors=True)
        return
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(target)
    path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration()).delete(path, True)


def publish(spark, local_dir, target):
    """Replaces `target` (a local or Hadoop path) with the contents of `local_dir`."""
    if is_local(target):
        target = local_path(target)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(local_dir, target)
        return
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    path = jvm.org.apache.hadoop.fs.Path(target)
    fs = path.getFileSystem(conf)
    fs.delete(path, True)
    fs.copyFromLocalFile(False, True, jvm.org.apache.hadoop.fs.Path("file://" + os.path.abspath(local_dir)), path)


def main(argv=None):
    started = time.time()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    fmt = input_format(args)
    binary = os.path.abspath(args.binary or os.path.join(REPO, ".build", "release", "verbatim"))
    if not args.binary and not os.path.exists(binary):
        binary = shutil.which("verbatim") or binary
    if not os.path.isfile(binary):
        raise JobError(f"no verbatim binary at {binary} (build it: swift build -c release --product verbatim, or pass --binary)")
    lexicons = os.path.abspath(args.lexicons or os.environ.get("VERBATIM_LEXICONS") or os.path.join(REPO, "lexicons"))
    if not os.path.isdir(lexicons):
        raise JobError(f"no lexicon folder at {lexicons} (pass --lexicons DIR)")
    report_binary = os.path.abspath(args.report_binary) if args.report_binary else binary
    if not os.path.isfile(report_binary):
        raise JobError(f"no verbatim binary at {report_binary} (--report-binary)")

    from pyspark import StorageLevel
    from pyspark.sql import SparkSession, functions as F

    spark = SparkSession.builder.appName("verbatim").getOrCreate()
    sc = spark.sparkContext
    session_ready = time.time()
    scratch = tempfile.mkdtemp(prefix="verbatim-spark-")
    try:
        # Ship the binary, the lexicons and the libraries (the driver serves them; each executor fetches once).
        sc.addFile(binary)
        lexicons_zip = zip_folder(lexicons, scratch)
        sc.addFile(lexicons_zip)
        libs_zip = None
        if args.native_libs:
            libs_zip = zip_folder(args.native_libs, scratch)
            sc.addFile(libs_zip)

        source, columns, skip = read_rows(spark, args, fmt)
        numbered, total = number_rows(sc, source, fmt, columns, skip)
        partitions = args.partitions or max(numbered.getNumPartitions(), sc.defaultParallelism)
        if partitions != numbered.getNumPartitions():
            # Contiguous ranges of rows, each in input order: part files concatenate to the input's order, and a
            # retried task gets the very same rows (so it writes the very same bytes).
            count = max(total, 1)
            numbered = (numbered.keyBy(lambda record: record[0])
                        .repartitionAndSortWithinPartitions(partitions, lambda row: row * partitions // count)
                        .values())
        config = {
            "binary_name": os.path.basename(binary), "lexicons_zip": os.path.basename(lexicons_zip),
            "libs_zip": os.path.basename(libs_zip) if libs_zip else None, "columns": columns,
            "threads": args.threads, "inject": set(args.inject_failure), "kill_after": 100,
        }
        tagged = numbered.mapPartitionsWithIndex(classify_partition_fn(config))
        tagged.persist(StorageLevel.MEMORY_AND_DISK)

        # 1. Classify every partition; bring the summaries and row reports to the driver.
        t = time.time()
        meta = tagged.filter(lambda record: record[0] != "r").map(lambda record: (record[0], record[1], record[2])).collect()
        classify_seconds = time.time() - t
        summaries = {index: text for kind, index, text in meta if kind == "s"}
        accounts = sorted((json.loads(text) for kind, _, text in meta if kind == "a"), key=lambda a: a["partition"])

        # 2. Row accounting across partitions: rows in = rows out, and rows out = classified + reported.
        sent = sum(a["rows_sent"] for a in accounts)
        result_rows = sum(a["result_rows"] for a in accounts)
        read = sum(a["row_report"]["rows_read"] for a in accounts)
        written = sum(a["row_report"]["rows_written"] for a in accounts)
        not_classified = sum(a["row_report"]["rows_not_classified"] for a in accounts)
        with_problems = sum(a["row_report"]["rows_with_problems"] for a in accounts)
        problems = collections.Counter()
        for a in accounts:
            problems.update(a["row_report"].get("problems", {}))
        errors = []
        if len(accounts) != partitions or len(summaries) != partitions:
            errors.append(f"{partitions} partitions but {len(accounts)} row reports and {len(summaries)} summaries")
        if not (total == sent == result_rows == read == written):
            errors.append(f"rows in {total}, sent {sent}, result rows {result_rows}, verbatim read {read}, wrote {written}")

        # 3. Merge the summaries on the driver: verbatim report part-*.json --out OUTPUT/report.
        staging = os.path.join(scratch, "out")
        parts_dir = os.path.join(staging, "summaries")
        os.makedirs(parts_dir)
        parts = []
        for index in sorted(summaries):
            part = os.path.join(parts_dir, f"part-{index:05d}.json")
            with open(part, "w", encoding="utf-8") as f:
                f.write(summaries[index])
            parts.append(part)
        report_dir = os.path.join(staging, "report")
        t = time.time()
        run_report(report_binary, lexicons, parts, report_dir, args.report_language, scratch)
        report_seconds = time.time() - t
        with open(os.path.join(report_dir, "summary.json"), encoding="utf-8") as f:
            merged = json.load(f)
        classified = merged.get("classified")
        if merged.get("rows") != total:
            errors.append(f"rows in {total} but the merged summary counts {merged.get('rows')} rows")
        if classified is not None and classified + not_classified != total:
            errors.append(f"rows in {total} != classified {classified} + reported not classified {not_classified}")

        # 4. Write the result rows (Spark's committer, overwrite mode) and read them back.
        results_path = args.output.rstrip("/") + "/results"
        t = time.time()
        if not errors:
            rows = tagged.filter(lambda record: record[0] == "r").map(lambda record: (record[2],))
            if any(item.startswith("write:") for item in args.inject_failure):
                rows = rows.mapPartitionsWithIndex(fail_first_write_attempt(set(args.inject_failure)))
            frame = spark.createDataFrame(rows, "value STRING")
            if args.output_format == "parquet":
                frame = frame.select(F.from_json("value", RESULT_SCHEMA).alias("r")).select("r.*")
                frame.write.mode("overwrite").parquet(results_path)
            else:
                frame.write.mode("overwrite").option("compression", "none").text(results_path)
        write_seconds = time.time() - t
        t = time.time()
        verified = None
        if not errors and not args.no_verify_output:
            if args.output_format == "parquet":
                back = spark.read.parquet(results_path).select(F.col("_row"))
            else:
                back = spark.read.text(results_path).select(F.get_json_object("value", "$._row").cast("long").alias("_row"))
            row = back.agg(F.count(F.lit(1)).alias("n"), F.countDistinct("_row").alias("distinct"),
                           F.min("_row").alias("low"), F.max("_row").alias("high")).first()
            verified = {"rows": row["n"], "distinct_row_keys": row["distinct"], "min_row": row["low"], "max_row": row["high"]}
            if total and (row["n"], row["distinct"], row["low"], row["high"]) != (total, total, 0, total - 1):
                errors.append(f"the written results hold {row['n']} rows, {row['distinct']} distinct _row keys "
                              f"from {row['low']} to {row['high']}; expected {total} rows 0..{total - 1}")
            elif not total and row["n"]:
                errors.append(f"no input rows but {row['n']} result rows written")
        verify_seconds = time.time() - t
        tagged.unpersist()
        not_classified_keys = sorted(k for a in accounts for k in a["row_report"].get("rows_not_classified_keys") or [])

        accounting = {
            "input": args.input, "format": fmt, "partitions": partitions, "rows_in": total,
            "rows_sent": sent, "result_rows": result_rows, "rows_classified": classified,
            "rows_not_classified": not_classified, "rows_with_problems": with_problems,
            "problems": dict(sorted(problems.items())),
            "rows_not_classified_keys": not_classified_keys[:10000],
            "written": verified, "ok": not errors, "errors": errors,
            "timings": {"session_ready_epoch": round(session_ready, 3),
                        "session_seconds": round(session_ready - started, 3),
                        "classify_seconds": round(classify_seconds, 3), "report_seconds": round(report_seconds, 3),
                        "write_seconds": round(write_seconds, 3), "verify_seconds": round(verify_seconds, 3),
                        "total_seconds": round(time.time() - started, 3)},
            "partitions_detail": [{k: a[k] for k in ("partition", "attempt", "rows_sent", "result_rows", "seconds")}
                                  | {"rows_not_classified": a["row_report"]["rows_not_classified"]} for a in accounts],
        }
        with open(os.path.join(report_dir, "accounting.json"), "w", encoding="utf-8") as f:
            json.dump(accounting, f, indent=1, sort_keys=False)
            f.write("\n")
        out = args.output.rstrip("/")
        publish(spark, parts_dir, out + "/summaries")
        publish(spark, report_dir, out + "/report")
        print(f"verbatim-spark: {total} rows in, {result_rows} result rows ({classified} classified, "
              f"{not_classified} not classified, {with_problems} with problems) in {partitions} partitions; "
              f"{'results → ' + results_path + ', ' if not errors else ''}report → {out}/report "
              f"({time.time() - started:.1f} s)", file=sys.stderr)
        print("verbatim-spark: timings " + json.dumps(accounting["timings"]), file=sys.stderr)
        if errors:
            remove(spark, results_path)  # never leave an earlier run's results beside this run's report
            raise JobError("row accounting failed: " + "; ".join(errors))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
        spark.stop()


if __name__ == "__main__":
    try:
        main()
    except JobError as error:
        print(f"verbatim-spark: error: {error}", file=sys.stderr)
        sys.exit(1)
    except Exception as error:  # noqa: BLE001 - a Spark failure: its trace, then one line that says so
        import traceback

        traceback.print_exc()
        cause = re.search(r"RuntimeError: (partition \d+ attempt \d+: [^\n]*)", str(error))
        print(f"verbatim-spark: error: the job failed: {(cause.group(1) if cause else str(error).splitlines()[0])[:500]}",
              file=sys.stderr)
        sys.exit(1)
