#!/usr/bin/env bash
# Fuzzing campaigns with the instrumented build (see fuzz/README.md).
#
# usage: scripts/fuzz.sh [TARGET...] [--seconds N] [--no-build]
#   TARGET      pdf_read, xml_parse, ... (default: every target built)
#   --seconds   length of each campaign (default 600)
#   --no-build  use build-fuzz as it is
#
# Builds the fuzz configuration (clang, -DEINVOICE_FUZZ=ON: every library with
# libFuzzer coverage, ASan and UBSan) in build-fuzz, then runs each target in
# turn, one process, from its seeds (fuzz/seeds/...) and the shared corpus,
# with the work limits of fuzz/README.md. The growing corpus stays outside the
# repository, in $EINVOICE_FUZZ_DIR/<target>/corpus (default
# /var/tmp/einvoice-fuzz), merged (minimised) after each campaign. Every crash,
# timeout or out-of-memory input is minimised and copied into the target's
# seed folder (fuzz/seeds/<folder>/), where ctest replays it once fixed.
# Prints, per target: wall and CPU seconds, executions, edge coverage (cov:) and features
# (ft:) at start and end, and the findings. Exit 1 when a campaign found one.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

seconds=600
build=1
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) targets+=("$1"); shift ;;
  esac
done

corpus="${EINVOICE_CORPUS_DIR:-$repo/../shared/corpus}"
work="${EINVOICE_FUZZ_DIR:-/var/tmp/einvoice-fuzz}"

# target -> "seed-folder timeout-s rss-mb max-len extra-seed-dirs..."
# The limits follow the product's own (fuzz/README.md): an input slower or
# hungrier than this is a finding, not a hang of the campaign.
declare -A spec=(
  [xml_parse]="xml 10 2048 1048576 seeds/invoice $corpus/en16931/cii/examples $corpus/en16931/ubl/examples $corpus/en16931-mutants testdata"
  [invoice_read]="invoice 10 2048 1048576 seeds/xml $corpus/en16931/cii/examples $corpus/en16931/ubl/examples $corpus/en16931-mutants testdata"
  [cdar_rules]="cdar 10 2048 1048576 $corpus/cdar"
  [pdf_read]="pdf 25 2048 2097152 $corpus/facturx/pdf"
  [scan_input]="scan 20 2560 2097152 seeds/pdf $corpus/ocr/real"
  [ocr_fields]="ocr_fields 10 2048 1048576"
  [page_content]="page_content 10 2048 1048576"
  [process_job]="job 10 2048 65536"
  [cades_verify]="cades 10 2048 262144"
  [timestamp_response]="tsr 10 2048 65536"
  [revocation_read]="revocation 10 2048 1048576"
  [pades_verify]="pades 25 2048 2097152 seeds/pdf"
  [xades_verify]="xades 10 2048 1048576 seeds/xml"
  [journal_line]="archive_journal 10 2048 131072"
  [evidence_record]="archive_ers 10 2048 1048576"
  [export_record]="archive_record 10 2048 65536"
  [archive_key]="archive_key 10 2048 4096"
  [company_csv]="company_csv 10 2048 1048576"
)

if [[ $build -eq 1 ]]; then
  launcher=()
  if command -v ccache >/dev/null; then
    launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
  fi
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DEINVOICE_FUZZ=ON -DEINVOICE_TESTS=OFF -DEINVOICE_BENCH=OFF -DEINVOICE_WERROR=OFF \
    -DCMAKE_CXX_FLAGS="-O1 -g" "${launcher[@]}" >/dev/null
  if [[ ${#targets[@]} -eq 0 ]]; then
    cmake --build build-fuzz -j "$(nproc)"
  else
    cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]/%/_fuzz}"
  fi
fi
if [[ ${#targets[@]} -eq 0 ]]; then
  for t in "${!spec[@]}"; do
    [[ -x build-fuzz/fuzz/${t}_fuzz ]] && targets+=("$t")
  done
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="suppressions=$repo/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

found=0
for t in "${targets[@]}"; do
  [[ -n "${spec[$t]:-}" ]] || { echo "fuzz.sh: unknown target $t" >&2; exit 2; }
  read -r folder timeout rss max_len extra <<<"${spec[$t]}"
  binary="build-fuzz/fuzz/${t}_fuzz"
  [[ -x $binary ]] || { echo "fuzz.sh: $binary is not built" >&2; exit 2; }
  dir="$work/$t"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  seeds=("fuzz/seeds/$folder")
  for d in $extra; do
    [[ $d == seeds/* ]] && d="fuzz/$d"
    [[ -e $d ]] && seeds+=("$d")
  done
  log="$dir/$(date -u +%Y%m%dT%H%M%SZ).log"
  echo "== $t: ${seconds}s, -timeout=$timeout -rss_limit_mb=$rss -max_len=$max_len, log $log"
  start=$(date +%s)
  status=0
  TIMEFORMAT='%3U %3S'
  { time {
    "$binary" "$dir/corpus" "${seeds[@]}" -max_total_time="$seconds" -timeout="$timeout" \
      -rss_limit_mb="$rss" -max_len="$max_len" -artifact_prefix="$dir/artifacts/" \
      -print_final_stats=1 >"$log" 2>&1 || status=$?
  }; } 2>"$dir/cpu-seconds"
  elapsed=$(($(date +%s) - start))
  cpu=$(awk '{printf "%.0f", $1 + $2}' "$dir/cpu-seconds")
  inited=$(grep -m1 -E '#[0-9]+[[:space:]]+INITED' "$log" || true)
  last=$(grep -E '#[0-9]+[[:space:]]+(NEW|REDUCE|pulse|DONE|INITED)' "$log" | tail -1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  [[ -n $execs ]] || execs=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
  echo "   ran ${elapsed}s (${cpu} CPU-s), ${execs:-?} executions, exit $status"
  echo "   start: $(grep -oE 'cov: [0-9]+ ft: [0-9]+' <<<"$inited" || echo '?')"
  echo "   end:   $(grep -oE 'cov: [0-9]+ ft: [0-9]+' <<<"$last" || echo '?')"

  # Findings: minimised into the seed folder, named by kind and content hash.
  shopt -s nullglob
  mkdir -p "$dir/kept"
  for artifact in "$dir"/artifacts/{crash,timeout,oom,leak}-*; do
    kind=$(basename "$artifact" | cut -d- -f1)
    small="$dir/kept/$(basename "$artifact").min"
    if [[ $kind == crash || $kind == leak ]]; then
      # Intermediate inputs of the minimisation stay in the campaign folder.
      "$binary" -minimize_crash=1 -max_total_time=120 -timeout="$timeout" \
        -rss_limit_mb="$rss" -artifact_prefix="$dir/kept/minimising-" \
        -exact_artifact_path="$small" "$artifact" >/dev/null 2>&1 || true
    fi
    [[ -s $small ]] || cp "$artifact" "$small"
    dest="fuzz/seeds/$folder/$kind-$(sha1sum "$small" | cut -c1-16)"
    cp "$small" "$dest"
    mv "$artifact" "$dir/kept/"
    echo "   FINDING $kind: $dest (see $log)"
    found=1
  done
  for slow in "$dir"/artifacts/slow-unit-*; do
    echo "   slow input (over 10 s, not a finding by itself): $dir/kept/$(basename "$slow")"
    mv "$slow" "$dir/kept/"
  done
  shopt -u nullglob

  # Keep the corpus small: merge what this campaign found into a minimal set.
  mkdir -p "$dir/corpus.merged"
  if "$binary" -merge=1 -timeout="$timeout" -rss_limit_mb="$rss" -max_len="$max_len" \
    "$dir/corpus.merged" "$dir/corpus" >/dev/null 2>&1; then
    rm -rf "$dir/corpus" && mv "$dir/corpus.merged" "$dir/corpus"
  else
    rm -rf "$dir/corpus.merged"
  fi
  echo "   corpus: $(find "$dir/corpus" -type f | wc -l) inputs in $dir/corpus"
done
exit "$found"
