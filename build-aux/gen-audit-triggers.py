#!/usr/bin/python3
"""Print the audit triggers for the tables of a migration file.

Used once when a migration is written; its output is pasted at the end of
that migration (a released migration is never edited afterwards).
"""
import re
import sys

SKIP_TABLES = {"audit_log", "app_session"}
SKIP_COLUMNS = {"name_key", "search_text", "pin_hash", "failed_logins", "locked_until"}
HIDDEN = {("confidential_reports", "content"), ("confidential_reports", "reporter_name")}

text = open(sys.argv[1], encoding="utf-8").read()
for m in re.finditer(r"CREATE TABLE (\w+) \((.*?)\n\);", text, re.S):
    table, body = m.group(1), m.group(2)
    if table in SKIP_TABLES:
        continue
    cols = []
    for line in body.splitlines():
        w = line.strip().split()
        if not w or not re.match(r"^[a-z_]+$", w[0]) or len(w) < 2 or not re.match(r"^[A-Z]+,?$", w[1]):
            continue
        if w[0] in SKIP_COLUMNS or (table, w[0]) in HIDDEN:
            continue
        cols.append(w[0])
    def obj(prefix):
        return "json_object(" + ", ".join(f"'{c}', {prefix}.{c}" for c in cols) + ")"
    for action, when, old, new, rid in (
        ("insert", "AFTER INSERT", "NULL", obj("NEW"), "NEW.id"),
        ("update", "AFTER UPDATE", obj("OLD"), obj("NEW"), "NEW.id"),
        ("delete", "AFTER DELETE", obj("OLD"), "NULL", "OLD.id"),
    ):
        print(f"CREATE TRIGGER {table}_audit_{action} {when} ON {table}\nBEGIN\n"
              f"  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)\n"
              f"  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), '{table}', {rid}, '{action}',\n"
              f"          {old},\n          {new});\nEND;")
