#!/usr/bin/env bash
# The sanitizer run in CI (.ci/run, issue 14): the core_* and cli_* tests under ASan + UBSan, built and run by
# scripts/test-sanitizers.sh (build-asan). Only what those tests need is built (roledesk_core, the sandbox and
# the CLI library, those test executables and roledesk-cli: about 200 of the 350 compile steps of a full ASan
# build), because the whole suite under ASan does not fit CI's 45-minute budget on the 2-core machine next to the
# normal build and suite (README, "Hardening runs"). The ui_*, sandbox_*, interop_*, fuzz_* and packaging tests
# run under the sanitizers by scripts/test-sanitizers.sh (the whole suite), by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=()
for source in tests/core/test_*.cpp tests/cli/test_*.cpp; do
  name=$(basename "$source" .cpp)
  targets+=("$(basename "$(dirname "$source")")_${name#test_}")
done
ROLEDESK_ASAN_TARGETS="${targets[*]}" exec scripts/test-sanitizers.sh -R '^(core|cli)_' "$@"
