#!/usr/bin/env bash
# A fuzz campaign over the targets in tests/fuzz (issue 14) with a time budget per target:
#
#   scripts/fuzz-campaign.sh [seconds-per-target] [target ...]     # default: 180 s, every target
#
# Builds with clang into build-fuzz (or $ROLEDESK_FUZZ_BUILD_DIR) with -DROLEDESK_FUZZ=ON (libFuzzer + ASan +
# UBSan), runs each target on a working copy of its committed corpus with the JSON dictionary, and prints one line
# per target: executions, executions per second, new corpus entries, findings. Crashing inputs are copied to
# tests/fuzz/findings/<target>/ for review: once fixed, commit them there and the CTest replay (fuzz_<target>)
# keeps them fixed. New corpus entries stay in the build directory (commit a minimised set by hand if wanted).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUDGET=${1:-180}
shift || true
BUILD_DIR=${ROLEDESK_FUZZ_BUILD_DIR:-build-fuzz}
JOBS=${ROLEDESK_FUZZ_JOBS:-$(nproc)}
TARGETS=("$@")
if [[ ${#TARGETS[@]} -eq 0 ]]; then
  TARGETS=($(sed -n '/^set(ROLEDESK_FUZZ_TARGETS/,/)/p' tests/fuzz/CMakeLists.txt | grep -v 'set(' | tr -d ')' ))
fi
if [[ -n ${ROLEDESK_FUZZ_NO_BUILD:-} ]]; then
  # Run the binaries already in the build directory (ROLEDESK_FUZZ_NO_BUILD=1, with the same other variables).
  [[ -n ${ROLEDESK_FUZZ_QUICK_AGAINST:-} ]] && BUILD_DIR=${ROLEDESK_FUZZ_BUILD_DIR:-build-fuzz-quick}
elif [[ -n ${ROLEDESK_FUZZ_QUICK_AGAINST:-} ]]; then
  # Quick mode, for a machine without the CPU for an instrumented build of all of core: the harness and the core
  # sources it is about are compiled by clang (libFuzzer coverage + ASan + UBSan); the rest of core comes from a
  # normal build's libroledesk_core.a ($ROLEDESK_FUZZ_QUICK_AGAINST, e.g. build) and runs uninstrumented.
  BUILD_DIR=${ROLEDESK_FUZZ_BUILD_DIR:-build-fuzz-quick}
  mkdir -p "$BUILD_DIR/tests/fuzz"
  declare -A SOURCES=(
    [redaction]="core/util/Redaction.cpp"
    [credentialparser]="core/credentials/CredentialParser.cpp core/util/Redaction.cpp"
    [trustpolicy]="core/model/TrustPolicy.cpp"
    [rolearn]="core/model/RoleArn.cpp"
    [v3authorization]="core/signing/Signing.cpp"
    [inireader]="core/credentials/ProfileCredentialProvider.cpp"
    [environmentpage]="core/model/EnvironmentPageParser.cpp core/model/Environment.cpp"
    [configjson]="core/credentials/ProfileCredentialProvider.cpp"
    [credentialconfig]="core/model/CredentialConfigMapping.cpp core/model/RoleAssociation.cpp"
    [visibility]="core/model/VisibilityStore.cpp core/model/Visibility.cpp"
    [apierror]="core/util/Redaction.cpp"
    [maxcompute]="core/api/MaxComputeClient.cpp"
    [rulesfile]="core/rules/RulesFile.cpp core/rules/RoleRules.cpp"
    [sandboxrequest]="sandbox/SandboxEngine.cpp sandbox/SandboxServices.cpp")
  # Sources of QObject classes (their moc code is in the normal build's library) and of the classes the targets
  # only pass through stay uninstrumented: ApiClient::readServiceError (apierror) runs from the library, with
  # Redaction, which it hands every text to, instrumented.
  for target in "${TARGETS[@]}"; do
    libs=("$ROLEDESK_FUZZ_QUICK_AGAINST/core/libroledesk_core.a")
    qt=(Qt6Core Qt6Network Qt6Sql)
    if [[ $target == sandboxrequest ]]; then
      libs=("$ROLEDESK_FUZZ_QUICK_AGAINST/sandbox/libroledesk_sandbox.a" "${libs[@]}")
      qt+=(Qt6HttpServer)
    fi
    extra=()
    if [[ $target == singleinstance ]]; then
      # SingleInstance is a QObject in ui: its moc code is generated here, so no ui build is needed.
      /usr/lib/qt6/libexec/moc "$ROOT/ui/SingleInstance.h" -o "$BUILD_DIR/moc_SingleInstance.cpp"
      extra=(ui/SingleInstance.cpp "$BUILD_DIR/moc_SingleInstance.cpp")
      qt+=(Qt6Widgets)
    fi
    while [[ $(jobs -rp | wc -l) -ge $JOBS ]]; do wait -n; done
    nice clang++ -std=c++20 -g -O1 -fPIC -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
      -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_USE_QSTRINGBUILDER -DSIMDJSON_THREADS_ENABLED=1 \
      -DROLEDESK_SOURCE_DIR="\"$ROOT\"" -Icore -Isandbox -Iui -Itests/fuzz -Itests/support -Itests/sandbox \
      $(pkg-config --cflags "${qt[@]}") "tests/fuzz/fuzz_$target.cpp" ${SOURCES[$target]:-} "${extra[@]}" \
      "${libs[@]}" $(pkg-config --libs "${qt[@]}") -lsimdjson -lyaml-cpp -o "$BUILD_DIR/tests/fuzz/fuzz_$target" &
  done
  while [[ $(jobs -rp | wc -l) -gt 0 ]]; do wait -n || { echo "a fuzz target did not build" >&2; exit 1; }; done
else
  CC=clang CXX=clang++ cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DROLEDESK_FUZZ=ON \
    -DROLEDESK_BUILD_BENCH=OFF -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ >/dev/null
  cmake --build "$BUILD_DIR" --parallel "$JOBS" --target $(printf 'fuzz_%s ' "${TARGETS[@]}")
fi

export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export QT_QPA_PLATFORM=offscreen
printf '%-18s %12s %10s %8s %9s\n' target execs exec/s corpus+ findings
for target in "${TARGETS[@]}"; do
  work="$BUILD_DIR/fuzz-work/$target"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  cp tests/fuzz/corpus/"$target"/* "$work/corpus/"
  before=$(ls "$work/corpus" | wc -l)
  log="$work/log.txt"
  "$BUILD_DIR/tests/fuzz/fuzz_$target" "$work/corpus" -dict="$ROOT/tests/fuzz/json.dict" \
    -max_total_time="$BUDGET" -rss_limit_mb=2048 -max_len=65536 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" >"$log" 2>&1 || true
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  after=$(ls "$work/corpus" | wc -l)
  findings=$(ls "$work/artifacts" | wc -l)
  if [[ $findings -gt 0 ]]; then
    mkdir -p tests/fuzz/findings/"$target"
    cp "$work/artifacts"/* tests/fuzz/findings/"$target"/
  fi
  printf '%-18s %12s %10s %8s %9s\n' "$target" "${execs:-0}" "${rate:-0}" "$((after - before))" "$findings"
done
