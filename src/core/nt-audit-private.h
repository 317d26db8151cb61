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
