# Shared by install-smoke.sh and deb-smoke.sh; sourced, never run.
# After `smoke_setup NAME BUILD_DIR SAMPLES_DIR`: $build and $samples are
# absolute, $work a scratch folder removed on exit (smoke_cleanup, which a
# script may extend).

smoke_setup() {
  smoke_name=$1
  build=$(realpath "$2")
  samples=$(realpath "$3")
  work=$(mktemp -d "${TMPDIR:-/tmp}/einvoice-$smoke_name.XXXXXX")
  trap smoke_cleanup EXIT
}

smoke_cleanup() {
  rm -rf "$work"
}

smoke_fail() {
  echo "$smoke_name: $*" >&2
  exit 1
}

# smoke_run EINVOICE ARGS...: runs EINVOICE from / with nothing in the
# environment but PATH; its output goes to $work/run.log, shown on failure.
smoke_run() {
  local program=$1
  shift
  (cd / && env -i PATH=/usr/bin:/bin "$program" "$@") >"$work/run.log" 2>&1 ||
    { cat "$work/run.log" >&2; smoke_fail "einvoice $* failed"; }
}

# smoke_samples EINVOICE: validates the CII and UBL samples, then renders and
# checks a Factur-X (fonts, ICC profile and Factur-X schemas found).
smoke_samples() {
  local program=$1 sample
  for sample in fr-invoice-multirate.cii.xml fr-invoice-services.ubl.xml; do
    smoke_run "$program" validate "$samples/$sample"
  done
  smoke_run "$program" facturx build --xml "$samples/fr-invoice-multirate.cii.xml" \
    -o "$work/rendered.pdf"
  smoke_run "$program" facturx check "$work/rendered.pdf"
}
