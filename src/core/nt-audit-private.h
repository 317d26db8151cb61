/* nt-audit-private.h: what the audit screen and the audit report share */
#pragma once

/* The fields that changed: for an update those whose value differs, for an
 * insert or a delete those with a value. "id" says nothing to a person. */
#define NT_AUDIT_CHANGES_SQL \
  "(SELECT group_concat (k || char (31) || ifnull (o, '') || char (31) || ifnull (n, ''), char (30)) FROM (" \
  "   SELECT coalesce (o.key, n.key) AS k, o.value AS o, n.value AS n " \
  "   FROM json_each (ifnull (a.new_values, a.old_values)) AS n0 " \
  "   LEFT JOIN json_each (a.old_values) AS o ON o.key = n0.key " \
  "   LEFT JOIN json_each (a.new_values) AS n ON n.key = n0.key " \
  "   WHERE n0.key <> 'id' AND (a.action <> 'update' OR o.value IS NOT n.value) " \
  "     AND (a.action = 'update' OR ifnull (coalesce (n.value, o.value), '') <> '')))"

/* The whole record (after the change, before a deletion) but its id: what
 * names the record ("Lò Văn A — Nội quy khu nội trú") and the values next
 * to a changed field (which table an incident's source_id is in). */
#define NT_AUDIT_VALUES_SQL \
  "(SELECT group_concat (key || char (31) || ifnull (value, ''), char (30)) " \
  "   FROM json_each (ifnull (a.new_values, a.old_values)) WHERE key <> 'id')"

/* The entries a person is shown: not an update that changed nothing, and
 * not a record deleted and written again unchanged within a second by the
 * same person (saving an incident rewrites its people): both halves of
 * such a pair are left out (the insertion after the deletion, not an
 * earlier one of the same second). Deletions are few, so the pairs are
 * found from them. */
#define NT_AUDIT_REDONE_FROM \
  "FROM audit_log AS d JOIN audit_log AS i ON i.at BETWEEN d.at AND datetime (d.at, '+1 second') AND i.id > d.id AND i.table_name = d.table_name " \
  "  AND i.action = 'insert' AND ifnull (i.staff_id, 0) = ifnull (d.staff_id, 0) " \
  "  AND json_remove (i.new_values, '$.id') = json_remove (d.old_values, '$.id') " \
  "WHERE d.action = 'delete'"

#define NT_AUDIT_SHOWN_SQL \
  "NOT (a.action = 'update' AND a.old_values IS a.new_values) " \
  "AND a.id NOT IN (SELECT d.id " NT_AUDIT_REDONE_FROM " UNION ALL SELECT i.id " NT_AUDIT_REDONE_FROM ") "
