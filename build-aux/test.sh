#!/usr/bin/env bash
# The README's test command: install what is missing, build, run every test
# (the display tests under Xvfb) and end with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
NOITRU_MESON_ARGS="-Dwerror=true" bash build-aux/setup.sh || { echo "0 passed, 1 failed"; exit 1; }

xvfb-run -a -s "-screen 0 1366x768x24" meson test -C build --print-errorlogs --no-rebuild "$@"
status=$?

/usr/bin/python3 - build/meson-logs/testlog.json <<'PY'
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"):
        passed += 1
    elif r == "SKIP":
        skipped += 1
    else:
        failed += 1
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
PY
exit $status
