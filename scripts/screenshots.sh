#!/usr/bin/env bash
# Renders the screenshot matrix of the real program on the sandbox: main window, role dialog with the public
# confirmation, the custom-role list with its trust marks, bulk dialog before and after its run (each row's outcome),
# audit log, credential inspector, the internet-exposure banner and details pane, the rules column and the fix dialog;
# light and dark palettes; 1x and 1.5x (QT_SCALE_FACTOR); English and Simplified Chinese. Runs under Xvfb (display :91, 1600x1000, the screen the
# issue was seen on) with a window manager (openbox), and opens every dialog from the main window as a user
# does (roledesk's hidden --screenshot options), never at a hand-picked size.
#
#   scripts/screenshots.sh [OUT_DIR]          # default: build/screenshots
#   scripts/screenshots.sh --readme           # also refreshes the README's set in docs/screenshots/
#   ROLEDESK_SHOTS=exposure ROLEDESK_PALETTES=light ROLEDESK_SCALES=1 ROLEDESK_LANGS=en scripts/screenshots.sh
#                                             # a part of the matrix (ROLEDESK_EXE: the roledesk of another build)
#
# "rules" (the Rules column, deviations first) and "fix" (Fix deviations after its run) open
# docs/rules-example.yaml with `roledesk --rules`.
#
# Needs xvfb and openbox (scripts/install-deps.sh installs both) and a built build/app/roledesk.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
readme=0
out="$root/build/screenshots"
for arg in "$@"; do
  case $arg in
    --readme) readme=1 ;;
    *) out=$arg ;;
  esac
done
exe=${ROLEDESK_EXE:-$root/build/app/roledesk}
[[ -x $exe ]] || { echo "no $exe: build first (scripts/build.sh)" >&2; exit 1; }
command -v Xvfb >/dev/null || { echo "Xvfb missing: scripts/install-deps.sh" >&2; exit 1; }
command -v openbox >/dev/null || { echo "openbox missing: scripts/install-deps.sh" >&2; exit 1; }
mkdir -p "$out"

display=:91
work=$(mktemp -d)
cleanup() {
  [[ -n ${wm_pid:-} ]] && kill "$wm_pid" 2>/dev/null || true
  [[ -n ${x_pid:-} ]] && kill "$x_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
x_pid=$!
for _ in $(seq 50); do
  [[ -e /tmp/.X11-unix/X${display#:} ]] && break
  sleep 0.1
done
DISPLAY=$display openbox >"$work/openbox.log" 2>&1 &
wm_pid=$!
sleep 1

failed=0
for palette in ${ROLEDESK_PALETTES:-light dark}; do
  for scale in ${ROLEDESK_SCALES:-1 1.5}; do
    for lang in ${ROLEDESK_LANGS:-en zh_CN}; do
      for shot in ${ROLEDESK_SHOTS:-main role picker bulk bulkrun audit inspector exposure rules fix}; do
        extra=()
        [[ $shot == rules || $shot == fix ]] && extra=(--rules "$root/docs/rules-example.yaml")
        file="$out/$shot-$palette-${scale/./_}x-$lang.png"
        # A fresh configuration each time: no remembered window state, the language from the environment.
        home="$work/home-$palette-$scale-$lang-$shot"
        mkdir -p "$home"
        if ! env -i PATH="$PATH" HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
          XDG_RUNTIME_DIR="$home" DISPLAY="$display" QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR="$scale" \
          LANGUAGE="$lang" LC_ALL="$([[ $lang == en ]] && echo C.UTF-8 || echo "$lang.UTF-8")" \
          timeout 60 "$exe" --sandbox --screenshot "$file" --screenshot-of "$shot" --screenshot-palette "$palette" \
          "${extra[@]}" >"$work/run.log" 2>&1; then
          echo "FAILED: $file" >&2
          cat "$work/run.log" >&2
          failed=1
          continue
        fi
        echo "$file"
      done
    done
  done
done

if ((readme)); then
  # The README's set: light palette at 1x in both languages, as the names in README.md say.
  cp "$out/main-light-1x-en.png" "$root/docs/screenshots/main.png"
  cp "$out/role-light-1x-en.png" "$root/docs/screenshots/role.png"
  cp "$out/inspector-light-1x-en.png" "$root/docs/screenshots/inspector.png"
  cp "$out/main-light-1x-zh_CN.png" "$root/docs/screenshots/main-window-zh_CN.png"
  cp "$out/role-light-1x-zh_CN.png" "$root/docs/screenshots/role-dialog-public-zh_CN.png"
  cp "$out/inspector-light-1x-zh_CN.png" "$root/docs/screenshots/inspector-zh_CN.png"
  cp "$out/bulk-light-1x-en.png" "$root/docs/screenshots/bulk.png"
  cp "$out/bulkrun-light-1x-en.png" "$root/docs/screenshots/bulk-result.png"
  cp "$out/audit-light-1x-en.png" "$root/docs/screenshots/audit.png"
  cp "$out/role-dark-1_5x-en.png" "$root/docs/screenshots/role-dark-1.5x.png"
  cp "$out/exposure-light-1x-en.png" "$root/docs/screenshots/exposure.png"
  cp "$out/rules-light-1x-en.png" "$root/docs/screenshots/rules.png"
  cp "$out/fix-light-1x-en.png" "$root/docs/screenshots/fix-deviations.png"
  cp "$out/picker-light-1x-en.png" "$root/docs/screenshots/role-picker.png"
fi
exit $failed
