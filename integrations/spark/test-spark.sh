#!/usr/bin/env bash
# The Spark integration, run for real in local mode (integrations/spark/README.md):
#   - PySpark from PyPI in out/venv-spark (installed only when missing), Java 17 from the machine;
#   - the release binary, and the export generator of Benchmarks/;
#   - verbatim_spark.py in local[2] on (a) the bundled sample export, (b) a generated 200,000-row export,
#     (c) a JSONL and a CSV export with malformed rows, (d) a run whose tasks fail on their first attempt
#     (local[2,2]: a verbatim process killed half way, a writer failing half way) and (e) Parquet in and out;
#   - each against plain `verbatim classify` on the same input (check_equivalence.py): the same result rows by
#     id, the merged summary.json byte for byte the single-machine one, one result row per input row;
#   - figures: rows/s of the job against plain classify --threads 2 on the 200,000 rows, Spark's start-up time.
# Exit 0 when every case passes. Everything is written under out/spark-test/.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
here=$root/integrations/spark
out=$root/out/spark-test
venv=$root/out/venv-spark
rows=${SPARK_TEST_ROWS:-200000}
script_start=$(date +%s.%N)

command -v java >/dev/null 2>&1 || { echo "test-spark: java not found (Java 17 needed: apt-get install openjdk-17-jre-headless)" >&2; exit 1; }

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f\n", b - a }'; }

# 1. PySpark in its own virtual environment, only when missing or broken (Debian's python3, as scripts/setup).
t=$(now)
if ! "$venv/bin/python" -c 'import pyspark' >/dev/null 2>&1; then
  python=/usr/bin/python3
  [ -x "$python" ] || python=$(command -v python3)
  echo "test-spark: creating $venv with pyspark" >&2
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install -q --no-cache-dir --disable-pip-version-check pyspark
fi
pyspark_version=$("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)')
install_seconds=$(since "$t")

# 2. The release binary and the export generator. The binary, its resource bundle (report templates) and the
#    lexicons are copied into out/spark-test/bin so that a build running beside this test cannot swap them.
t=$(now)
swift build -c release --product verbatim
swift build -c release --package-path Benchmarks --product export-generator
build_seconds=$(since "$t")
bin_path=$(swift build -c release --show-bin-path)
rm -rf "$out"
mkdir -p "$out/bin" "$out/inputs"
cp "$bin_path/verbatim" "$out/bin/"
for bundle in "$bin_path"/*.resources; do [ -e "$bundle" ] && cp -R "$bundle" "$out/bin/"; done
cp -R lexicons "$out/lexicons"
verbatim=$out/bin/verbatim

unset SPARK_HOME
export PYSPARK_PYTHON=$venv/bin/python PYSPARK_DRIVER_PYTHON=$venv/bin/python
export SPARK_LOCAL_IP=127.0.0.1 VERBATIM_LEXICONS=$out/lexicons
spark_conf=(--conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false --conf spark.log.level=WARN
            --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1)
sample_columns=(--text-column Comment --id-column ResponseId --touchpoint-column Channel --score-column NPS)
export_columns=(--text-column text --id-column id --touchpoint-column channel --score-column score)

# 3. Inputs: the generated export, malformed JSONL and CSV, Parquet.
t=$(now)
Benchmarks/.build/release/export-generator "$rows" "$out/inputs/export-$rows.csv" >/dev/null
"$venv/bin/python" "$here/make_test_inputs.py" corpora/sample-export.csv "$out/inputs" --parquet 2>"$out/make-inputs.log" \
  || { tail -n 30 "$out/make-inputs.log" >&2; exit 1; }
inputs_seconds=$(since "$t")

passed=0
failed=0
failures=()
declare -A started ended

# run_job NAME MASTER JOB-ARGS...: spark-submit verbatim_spark.py → out/spark-test/NAME/, log in NAME.log.
run_job() {
  local name=$1 master=$2
  shift 2
  started[$name]=$(now)
  if "$venv/bin/spark-submit" --master "$master" "${spark_conf[@]}" "$here/verbatim_spark.py" \
      --binary "$verbatim" --lexicons "$out/lexicons" --output "$out/$name" "$@" >"$out/$name.log" 2>&1; then
    ended[$name]=$(now)
    grep '^verbatim-spark: [0-9]' "$out/$name.log" | sed "s/^/  [$name] /"
    return 0
  fi
  ended[$name]=$(now)
  echo "  [$name] spark-submit failed; the end of $out/$name.log:" >&2
  grep -v '^\s*at \|^\s*\.\.\. [0-9]* more' "$out/$name.log" | tail -n 40 >&2
  return 1
}

# plain NAME INPUT ARGS...: verbatim classify on the whole input, 2 threads → NAME.plain.jsonl, NAME.plain-summary.json.
plain() {
  local name=$1 input=$2
  shift 2
  started[$name.plain]=$(now)
  "$verbatim" classify "$input" "$@" --threads 2 -o "$out/$name.plain.jsonl" \
    --summary-out "$out/$name.plain-summary.json" --row-report "$out/$name.plain-rows.json" 2>"$out/$name.plain.log" \
    || { echo "  [$name] plain verbatim classify failed: $(tail -n 3 "$out/$name.plain.log")" >&2; return 1; }
  ended[$name.plain]=$(now)
}

check() {
  local name=$1
  shift
  # pipefail: the checker's exit status, not sed's.
  "$venv/bin/python" "$here/check_equivalence.py" --label "$name" --spark-output "$out/$name" \
    --plain-results "$out/$name.plain.jsonl" "$@" 2>"$out/$name.check.log" | sed 's/^/  /'
}

record() {  # record NAME STATUS
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "test-spark: $1 passed"
  else failed=$((failed + 1)); failures+=("$1"); echo "test-spark: $1 FAILED"; fi
}

case_sample() {
  plain sample corpora/sample-export.csv "${sample_columns[@]}" &&
  run_job sample 'local[2]' --input corpora/sample-export.csv "${sample_columns[@]}" --partitions 3 &&
  check sample --plain-summary "$out/sample.plain-summary.json"
}

case_export() {
  # Plain classify first, then the job: each has the machine to itself.
  plain export "$out/inputs/export-$rows.csv" "${export_columns[@]}" &&
  run_job export 'local[2]' --input "$out/inputs/export-$rows.csv" "${export_columns[@]}" &&
  check export --plain-summary "$out/export.plain-summary.json"
}

case_malformed_jsonl() {
  # Invalid lines go to verbatim as they are: the same problems, the same line numbers, the same summary.
  plain malformed-jsonl "$out/inputs/malformed.jsonl" "${sample_columns[@]}" &&
  run_job malformed-jsonl 'local[2]' --input "$out/inputs/malformed.jsonl" "${sample_columns[@]}" --partitions 3 &&
  check malformed-jsonl --plain-summary "$out/malformed-jsonl.plain-summary.json"
}

case_malformed_csv() {
  # Spark's CSV reader fills a missing field with null where verbatim's reports field_count + missing_text:
  # the same rows, ids and rows with problems, not the same summary (README).
  plain malformed-csv "$out/inputs/malformed.csv" "${sample_columns[@]}" &&
  run_job malformed-csv 'local[2]' --input "$out/inputs/malformed.csv" "${sample_columns[@]}" --partitions 3 &&
  check malformed-csv --rows-only
}

case_retry() {
  # local[2,2]: a task may fail once. Partition 1's verbatim process is killed half way through its first
  # attempt (after 100 rows, some result rows already passed on), partition 0's writer fails after 100 rows.
  cp "$out/sample.plain.jsonl" "$out/retry.plain.jsonl"
  run_job retry 'local[2,2]' --input corpora/sample-export.csv "${sample_columns[@]}" --partitions 3 \
    --inject-failure classify:1 --inject-failure write:0 &&
  check retry --plain-summary "$out/sample.plain-summary.json" --expect-retried-partition 1 &&
  lost=$(grep -c 'WARN TaskSetManager: Lost task' "$out/retry.log" || true) &&
  echo "  [retry] tasks lost and retried: $lost (expected 2: the killed verbatim process and the failed writer)" &&
  [ "$lost" -eq 2 ]
}

case_parquet() {
  cp "$out/sample.plain.jsonl" "$out/parquet.plain.jsonl"
  run_job parquet 'local[2]' --input "$out/inputs/sample.parquet" --format parquet "${sample_columns[@]}" \
    --output-format parquet &&
  check parquet --plain-summary "$out/sample.plain-summary.json" --results-format parquet
}

for name in sample export malformed_jsonl malformed_csv retry parquet; do
  status=0
  "case_$name" || status=$?
  record "${name//_/-}" "$status"
done

# Figures (200,000-row export): the job end to end and without Spark's start-up, against plain classify.
"$venv/bin/python" - "$out" "$rows" "${started[export]:-0}" "${ended[export]:-0}" "${started[export.plain]:-0}" \
  "${ended[export.plain]:-0}" "$install_seconds" "$build_seconds" "$inputs_seconds" "$pyspark_version" <<'EOF' | tee "$out/figures.txt"
import json, os, sys
out, rows = sys.argv[1], int(sys.argv[2])
job_start, job_end, plain_start, plain_end = map(float, sys.argv[3:7])
install, build, inputs, version = sys.argv[7], sys.argv[8], sys.argv[9], sys.argv[10]
try:
    with open(os.path.join(out, "export", "report", "accounting.json")) as f:
        timings = json.load(f)["timings"]
except OSError:
    print("figures: the 200,000-row job did not finish")
    sys.exit(0)
job, plain = job_end - job_start, plain_end - plain_start
startup = timings["session_ready_epoch"] - job_start
after = job_end - timings["session_ready_epoch"]
print(f"figures ({rows:,} rows, PySpark {version}, local[2], 2 partitions x 1 verbatim thread; plain: classify --threads 2):")
print(f"  plain verbatim classify:        {plain:6.1f} s  {rows / plain:8,.0f} rows/s")
print(f"  Spark job, end to end:          {job:6.1f} s  {rows / job:8,.0f} rows/s  ({job / plain:.2f}x the plain time)")
print(f"  Spark job, without start-up:    {after:6.1f} s  {rows / after:8,.0f} rows/s  ({after / plain:.2f}x)")
print(f"  classify stage alone:           {timings['classify_seconds']:6.1f} s  {rows / timings['classify_seconds']:8,.0f} rows/s "
      f"(read, number, shuffle, verbatim per partition)")
print(f"  Spark start-up (spark-submit to SparkSession ready): {startup:.1f} s; write {timings['write_seconds']:.1f} s, "
      f"read-back check {timings['verify_seconds']:.1f} s, merge + report {timings['report_seconds']:.1f} s")
print(f"  this script: pyspark install {install} s, swift builds {build} s, inputs {inputs} s")
EOF

echo "test-spark: $passed of $((passed + failed)) cases passed in $(since "$script_start") s${failures[*]:+ (failed: ${failures[*]})}"
[ "$failed" -eq 0 ]
