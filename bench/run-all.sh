#!/bin/sh
# Builds RoleDesk and its benchmarks (Release) and runs every benchmark, printing one table each.
# Usage: bench/run-all.sh [build-dir]        (default: build-bench next to this checkout's sources)
# Environment: BENCH_RUNS (rounds per benchmark, default: each benchmark's own), BENCH_ONLY="listing model ..."
# Needs: the pinned npm packages (cd tests/interop/node && npm ci), node, Xvfb (for bench_startup).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(dirname "$here")
build=${1:-"$src/build-bench"}
only=${BENCH_ONLY:-"cli listing model startup credentials bulk"}

if [ ! -d "$src/tests/interop/node/node_modules/@alicloud/openapi-client" ]; then
    echo "run-all: the pinned npm packages are missing: (cd tests/interop/node && npm ci)" >&2
    exit 2
fi

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target bench

echo "# RoleDesk benchmarks, $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'),"\
     "$(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM; $(uptime | sed 's/.*load/load/')"
echo "node $(node --version), Qt $(qtpaths6 --qt-version 2>/dev/null || echo '?')"

runs=""
[ -n "${BENCH_RUNS:-}" ] && runs="--runs $BENCH_RUNS"

xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true; }
trap cleanup EXIT INT TERM

status=0
for name in $only; do
    exe="$build/bench/bench_$name"
    case "$name" in
    startup)
        if [ -z "${DISPLAY:-}" ]; then
            if [ ! -e /tmp/.X11-unix/X98 ]; then
                Xvfb :98 -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
                xvfb_pid=$!
                sleep 1
            fi
            export DISPLAY=:98
        fi
        # A session bus (when available) so the keychain code behaves as on a desktop.
        if command -v dbus-run-session >/dev/null 2>&1 && [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
            dbus-run-session -- "$exe" $runs || status=$?
        else
            "$exe" $runs || status=$?
        fi
        ;;
    *)
        "$exe" $runs || status=$?
        ;;
    esac
done
exit $status
