#!/usr/bin/env bash
# The .deb round trip, for real, on this machine (run as root on Debian 12):
#   clean build -> cpack -G DEB -> dpkg -i -> apt-get -f install -> both programs start -> dpkg -r -> nothing left.
# It installs into the system, so it is NOT part of the CTest run (CTest's packaging_install checks the same file
# list in a temporary DESTDIR instead). Run it by hand before a release:
#   packaging/check-deb.sh [BUILD_DIR]        (default: build-deb; the directory is wiped first)
# Set ROLEDESK_KEEP_INSTALLED=1 to leave the package installed afterwards, ROLEDESK_DEB_REUSE_BUILD=1 to package an
# existing build directory instead of wiping and rebuilding it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build-deb}
[[ $(id -u) == 0 ]] || { echo "check-deb.sh installs a package: run it as root" >&2; exit 2; }
command -v dpkg-shlibdeps >/dev/null || { echo "dpkg-shlibdeps missing: apt-get install dpkg-dev" >&2; exit 2; }
if dpkg-query -W -f='${Status}' roledesk 2>/dev/null | grep -q 'install ok installed'; then
  echo "roledesk is already installed; remove it first (dpkg -r roledesk)" >&2
  exit 2
fi

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAILED: $*" >&2; exit 1; }

if [[ ${ROLEDESK_DEB_REUSE_BUILD:-0} == 1 ]]; then
  # For a quick re-check of an existing, complete build (say so when reporting: it is not a clean build).
  step "reusing the build in $build (ROLEDESK_DEB_REUSE_BUILD=1)"
  cmake --build "$build" --parallel "$(nproc)" || fail "build"
  rm -f "$build"/roledesk_*.deb
else
  step "clean build in $build"
  rm -rf "$build"
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DROLEDESK_WERROR=ON -DROLEDESK_BUILD_TESTS=OFF \
    -DROLEDESK_BUILD_BENCH=OFF >"$build.configure.log" 2>&1 || { cat "$build.configure.log"; fail "configure"; }
  cmake --build "$build" --parallel "$(nproc)" || fail "build"
fi

step "cpack -G DEB"
(cd "$build" && cpack -G DEB) || fail "cpack"
deb=$(ls "$build"/roledesk_*.deb | head -1)
[[ -f $deb ]] || fail "no .deb produced"
dpkg-deb --info "$deb"
depends=$(dpkg-deb --field "$deb" Depends)
echo "Depends: $depends"
grep -q 'libqt6widgets6' <<<"$depends" || fail "Depends was not computed by dpkg-shlibdeps (no libqt6widgets6)"
grep -q 'libqt6keychain1' <<<"$depends" || fail "Depends lacks qtkeychain"
grep -q 'libsimdjson' <<<"$depends" || fail "Depends lacks simdjson (the listing's JSON parser)"
grep -q 'libyaml-cpp' <<<"$depends" || fail "Depends lacks yaml-cpp (the role rules file reader)"
dpkg-deb --contents "$deb" | awk '{print $6}' | sort >"$build/deb-contents.txt"
cat "$build/deb-contents.txt"
if command -v lintian >/dev/null; then
  step "lintian (advisory)"
  lintian --no-tag-display-limit "$deb" || true
fi

step "dpkg -i, then apt-get -f install for anything missing"
dpkg -i "$deb" || true # fails when dependencies are missing; apt-get -f install completes it
DEBIAN_FRONTEND=noninteractive apt-get -f install -y -q
dpkg-query -W -f='${Status}\n' roledesk | grep -q 'install ok installed' || fail "roledesk not installed"
mapfile -t installed < <(dpkg -L roledesk)

step "roledesk-cli --version"
version=$(roledesk-cli --version) || fail "roledesk-cli --version exited $?"
echo "$version"
grep -q "$(sed -n 's/^project(RoleDesk VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")" <<<"$version" \
  || fail "roledesk-cli --version does not print the project version"
man -w roledesk-cli >/dev/null && man -w roledesk >/dev/null || fail "man pages not found by man"
desktop-file-validate /usr/share/applications/io.github.roledesk.RoleDesk.desktop || fail "installed desktop file"
appstreamcli validate --no-net /usr/share/metainfo/io.github.roledesk.RoleDesk.metainfo.xml || fail "metainfo"

step "roledesk (GUI) under Xvfb, on the sandbox"
display=:97
Xvfb $display -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 2
gui_args=(--sandbox)
DISPLAY=$display timeout 20 roledesk --help 2>/dev/null | grep -q -- '--sandbox' || gui_args=() # the placeholder GUI has no options yet
DISPLAY=$display XDG_RUNTIME_DIR=$(mktemp -d) roledesk "${gui_args[@]}" >"$build/gui.log" 2>&1 &
gui=$!
sleep 8
if ! kill -0 $gui 2>/dev/null; then
  cat "$build/gui.log"
  fail "roledesk exited within 8 seconds"
fi
if command -v import >/dev/null; then
  DISPLAY=$display import -window root "$build/gui-installed.png" && echo "screenshot: $build/gui-installed.png"
fi
kill $gui
wait $gui 2>/dev/null || true
echo "roledesk ran for 8 seconds ${gui_args[*]}"

if [[ ${ROLEDESK_KEEP_INSTALLED:-0} == 1 ]]; then
  echo "left installed (ROLEDESK_KEEP_INSTALLED=1)"
  exit 0
fi

step "dpkg -r roledesk: nothing may be left behind"
dpkg -r roledesk
dpkg-query -W -f='${Status}\n' roledesk 2>/dev/null | grep -q 'install ok installed' && fail "still installed"
left=0
for f in "${installed[@]}"; do
  # Directories shared with other packages (/usr/share/icons/...) stay; files must go.
  if [[ -e $f && ! -d $f ]]; then echo "left behind: $f"; left=1; fi
done
for d in /usr/share/roledesk /usr/share/doc/roledesk; do
  [[ -e $d ]] && { echo "left behind: $d"; left=1; }
done
((left == 0)) || fail "dpkg -r left files behind"
echo
echo "check-deb: OK ($deb)"
