#!/usr/bin/env bash
# Installs every Debian package RoleDesk needs to build, run and test. Idempotent; run as root.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite
  qt6-httpserver-dev qt6-websockets-dev
  qtkeychain-qt6-dev
  libsimdjson-dev
  libyaml-cpp-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6 qt6-translations-l10n
  qt6-svg-dev libqt6svg6 qt6-qpa-plugins
  libgl-dev
  nodejs npm
  xvfb xauth imagemagick x11-utils openbox
  dbus dbus-x11 gnome-keyring libsecret-tools
  fonts-noto-cjk fonts-dejavu-core
  desktop-file-utils appstream dpkg-dev file man-db
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# node/npm may come from elsewhere on the machine (e.g. a newer nodejs): do not fight it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  tmp=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || tmp+=("$p"); done; missing=("${tmp[@]}")
fi
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
