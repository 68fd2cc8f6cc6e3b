# Shared by update-translations.sh and check-translations.sh: the one lupdate invocation, so the check sees
# exactly what an update would produce. Sourced, not run.
find_tool() { # name -> path of the Qt 6 tool
  local t
  for t in "${QT_TOOLS_DIR:+$QT_TOOLS_DIR/}$1" /usr/lib/qt6/bin/$1 "$(command -v "$1-qt6" 2>/dev/null)" "$(command -v "$1" 2>/dev/null)"; do
    [[ -n $t && -x $t ]] && { echo "$t"; return 0; }
  done
  echo "$1 (Qt 6 Linguist tools) not found: apt-get install qt6-l10n-tools, or set QT_TOOLS_DIR" >&2
  return 1
}
# Runs lupdate over the translatable sources into the .ts file given; run from the repository root.
run_lupdate() { # ts-file
  local lupdate
  lupdate=$(find_tool lupdate)
  "$lupdate" -silent -extensions cpp,h,ui -locations "${LUPDATE_LOCATIONS:-relative}" -no-obsolete \
    -source-language en_US -target-language "$(basename "$1" .ts | sed 's/^roledesk_//')" \
    core ui app -ts "$1"
}
