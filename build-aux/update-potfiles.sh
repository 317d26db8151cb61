#!/usr/bin/env bash
# Rewrites po/POTFILES.in: every source and UI file with translatable text.
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo "# Files with translatable strings (build-aux/update-potfiles.sh writes this list)."
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml
  grep -rlE '_\(|N_\(|ngettext' --include='*.c' src | sort
  grep -rl 'translatable="yes"' --include='*.ui' ui | sort
} > po/POTFILES.in
