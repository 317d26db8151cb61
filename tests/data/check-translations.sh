#!/usr/bin/env bash
# Fails when a visible string is not translated into Vietnamese: builds the
# template from po/POTFILES.in as meson's noitru-pot target does, merges
# vi.po with it and counts what is untranslated or fuzzy. Also fails when a
# file with translatable text is missing from POTFILES.in.
set -euo pipefail
src="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"

missing=$( { grep -rlE '_\(|N_\(|ngettext' --include='*.c' src; grep -rl 'translatable="yes"' --include='*.ui' ui; } | sort | while read -r f; do grep -qx "$f" po/POTFILES.in || echo "$f"; done)
if [ -n "$missing" ]; then
  echo "Not in po/POTFILES.in: $missing"
  exit 1
fi

grep -v '^#' po/POTFILES.in | grep -v '^$' > "$tmp/files"
xgettext --package-name=noitru --from-code=UTF-8 --add-comments=TRANSLATORS \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --flag=N_:1:pass-c-format \
  --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format \
  --flag=g_snprintf:3:c-format --keyword=ngettext:1,2 \
  -f "$tmp/files" -o "$tmp/noitru.pot"

msgfmt --check -o /dev/null po/vi.po
msgmerge --quiet --no-fuzzy-matching -o "$tmp/vi.po" po/vi.po "$tmp/noitru.pot"
stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$tmp/vi.po" 2>&1)
echo "vi.po: $stats"
if echo "$stats" | grep -qE 'untranslated|fuzzy'; then
  msgattrib --untranslated --no-obsolete "$tmp/vi.po" | grep '^msgid' | head -50
  exit 1
fi
