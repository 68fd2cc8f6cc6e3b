#!/usr/bin/env bash
# Regenerates every committed PNG icon from the SVG sources in resources/icons/src.
# The PNGs are committed so a build needs no SVG renderer; run this after changing an SVG and commit the result.
# Needs rsvg-convert (Debian: librsvg2-bin); for the Windows and macOS icons also convert (imagemagick) and
# png2icns (icnsutils).
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
command -v rsvg-convert >/dev/null || { echo "rsvg-convert not found: apt-get install librsvg2-bin" >&2; exit 1; }

app_id=io.github.roledesk.RoleDesk
render() { # svg-file size out-file
  mkdir -p "$(dirname "$3")"
  rsvg-convert --width "$2" --height "$2" --keep-aspect-ratio "$1" --output "$3"
}

# Application icon: hicolor sizes. The simplified drawing reads better at 24 px and below.
for size in 16 22 24 32 48 64 128 256 512; do
  src=src/roledesk.svg
  ((size <= 24)) && src=src/roledesk-small.svg
  render "$src" "$size" "hicolor/${size}x${size}/apps/${app_id}.png"
done

# Tray icons as PNGs for desktops that do not recolour symbolic SVGs: "light" is for light panels (dark glyph),
# "dark" for dark panels (light glyph). Warning and expired carry a coloured dot besides their own shape, so the
# state never depends on colour alone.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for state in ok warning expired; do
  for tone in light dark; do
    fg='#2e3436'; [[ $tone == dark ]] && fg='#ffffff'
    badge=''
    case $state in
      warning) badge="<circle cx=\"12.6\" cy=\"3.4\" r=\"3.1\" fill=\"#f5c211\" stroke=\"$fg\" stroke-width=\"1\"/>" ;;
      expired) badge="<circle cx=\"12.6\" cy=\"3.4\" r=\"3.1\" fill=\"#e01b24\" stroke=\"$fg\" stroke-width=\"1\"/>" ;;
    esac
    sed -e "s/#2e3436/$fg/g" -e "s|<!-- badge -->|$badge|" "src/tray-$state-symbolic.svg" >"$tmp/$state-$tone.svg"
    for size in 16 22 32 48 64; do
      render "$tmp/$state-$tone.svg" "$size" "tray/$tone/tray-$state-$size.png"
    done
  done
done
# Windows (.ico: NSIS, WiX, the executable) and macOS (.icns: the app bundle) icons from the same renderings.
if command -v convert >/dev/null; then
  convert hicolor/16x16/apps/${app_id}.png hicolor/24x24/apps/${app_id}.png hicolor/32x32/apps/${app_id}.png \
    hicolor/48x48/apps/${app_id}.png hicolor/64x64/apps/${app_id}.png hicolor/256x256/apps/${app_id}.png roledesk.ico
else
  echo "convert (imagemagick) not found: roledesk.ico not regenerated" >&2
fi
if command -v png2icns >/dev/null; then
  png2icns roledesk.icns hicolor/16x16/apps/${app_id}.png hicolor/32x32/apps/${app_id}.png \
    hicolor/48x48/apps/${app_id}.png hicolor/128x128/apps/${app_id}.png hicolor/256x256/apps/${app_id}.png \
    hicolor/512x512/apps/${app_id}.png >/dev/null
else
  echo "png2icns (icnsutils) not found: roledesk.icns not regenerated" >&2
fi
echo "Rendered icons into $(pwd)"
