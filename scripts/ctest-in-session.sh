#!/usr/bin/env bash
# Runs inside dbus-run-session: unlocks a throw-away gnome-keyring for the keychain tests, then CTest.
set -euo pipefail
BUILD_DIR=$1
export XDG_DATA_HOME=$(mktemp -d) XDG_CONFIG_HOME=$(mktemp -d) XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
chmod 700 "$XDG_RUNTIME_DIR"
if command -v gnome-keyring-daemon >/dev/null; then
  eval "$(printf 'roledesk-test\n' | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
fi
cd "$BUILD_DIR"
ctest --output-on-failure --timeout 600 -j "$(nproc)"
