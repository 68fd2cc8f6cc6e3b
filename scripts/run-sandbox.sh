#!/usr/bin/env bash
# Installs what RoleDesk needs, builds it and starts the GUI on the embedded sandbox (no cloud account needed).
# Without a display it starts a virtual one (Xvfb) so the command still works on a bare server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
BUILD_DIR=${ROLEDESK_BUILD_DIR:-build}
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "No display found: starting Xvfb on :99 (connect a VNC viewer or set DISPLAY to see the window)." >&2
  Xvfb :99 -screen 0 1600x1000x24 >/dev/null 2>&1 &
  export DISPLAY=:99
  sleep 1
fi
exec "$BUILD_DIR/app/roledesk" --sandbox "$@"
