#!/usr/bin/env bash
# The README's run command: install what is missing, build, open the window.
set -euo pipefail
cd "$(dirname "$0")/.."
bash build-aux/setup.sh

# Vietnamese unless the desktop asks for another language explicitly.
case "${LANGUAGE:-}${LC_ALL:-}${LC_MESSAGES:-}${LANG:-}" in
  vi*|*vi_VN*) ;;
  *) export LANGUAGE=vi ;;
esac
case "${LC_ALL:-${LANG:-}}" in
  ""|C|POSIX) export LC_ALL=C.UTF-8 ;;
esac

export GSETTINGS_SCHEMA_DIR="$PWD/build/data"
exec build/src/noitru "$@"
