#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (issue 14): a separate build directory
# (build-asan, or $ROLEDESK_ASAN_BUILD_DIR) configured with -DROLEDESK_SANITIZE=ON, every report fatal
# (-fno-sanitize-recover=all, halt_on_error), leaks checked at exit. Suppressions only for third-party frames, each
# explained in scripts/sanitizers/*.supp.
#
#   scripts/test-sanitizers.sh            # configure, build, run every test
#   scripts/test-sanitizers.sh -R core_   # extra arguments go to ctest
#   scripts/test-sanitizers-ci.sh         # what CI runs: the core_* and cli_* tests only
#
# A full ASan build costs several times the CPU of the normal one: on a shared machine run it with nice.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR=${ROLEDESK_ASAN_BUILD_DIR:-build-asan}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DROLEDESK_WERROR=ON -DROLEDESK_SANITIZE=ON \
  -DROLEDESK_BUILD_BENCH=OFF "${launcher[@]}"
# ROLEDESK_ASAN_TARGETS="core_redaction core_hostilepeers ..." builds only those (then pass -R to select them).
if [[ -n ${ROLEDESK_ASAN_TARGETS:-} ]]; then
  cmake --build "$BUILD_DIR" --parallel "${ROLEDESK_ASAN_JOBS:-$(nproc)}" --target ${ROLEDESK_ASAN_TARGETS}
else
  cmake --build "$BUILD_DIR" --parallel "${ROLEDESK_ASAN_JOBS:-$(nproc)}"
fi

export ASAN_OPTIONS="halt_on_error=1:abort_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:strict_init_order=1:check_initialization_order=1:detect_odr_violation=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$ROOT/scripts/sanitizers/ubsan.supp"
export LSAN_OPTIONS="suppressions=$ROOT/scripts/sanitizers/lsan.supp:print_suppressions=0"
# As scripts/test.sh: inside a session bus with a throw-away keyring (the keychain tests need one), in parallel.
# Instrumented tests are slower: with ROLEDESK_SANITIZE each test's TIMEOUT is four times the usual
# (cmake/RoleDeskTest.cmake). Extra arguments (a -R selection) go to ctest.
exec dbus-run-session -- scripts/ctest-in-session.sh "$BUILD_DIR" "$@"
