-- 008-boarders-rule-sets.sql: a rule set for the boarding students only.
--
-- The dorm rules (nội quy khu nội trú) are signed by the students who live
-- in the dorm, not by the day students: counted against the whole school,
-- the 100 % target could not be reached and the figure misled. A rule set
-- for students may now be for the boarders only; the program shows it as
-- the audience "boarders". The audit triggers of rule_sets are made anew
-- with the new column.
ALTER TABLE rule_sets ADD COLUMN boarders_only INTEGER NOT NULL DEFAULT 0 CHECK (boarders_only IN (0, 1));

DROP TRIGGER rule_sets_audit_insert;
CREATE TRIGGER rule_sets_audit_insert AFTER INSERT ON rule_sets
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'rule_sets', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'name', NEW.name, 'audience', NEW.audience, 'version', NEW.version, 'title', NEW.title, 'effective_date', NEW.effective_date, 'body', NEW.body, 'family', NEW.family, 'boarders_only', NEW.boarders_only));
END;
DROP TRIGGER rule_sets_audit_update;
CREATE TRIGGER rule_sets_audit_update AFTER UPDATE ON rule_sets
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'rule_sets', NEW.id, 'update',
          json_object('id', OLD.id, 'name', OLD.name, 'audience', OLD.audience, 'version', OLD.version, 'title', OLD.title, 'effective_date', OLD.effective_date, 'body', OLD.body, 'family', OLD.family, 'boarders_only', OLD.boarders_only),
          json_object('id', NEW.id, 'name', NEW.name, 'audience', NEW.audience, 'version', NEW.version, 'title', NEW.title, 'effective_date', NEW.effective_date, 'body', NEW.body, 'family', NEW.family, 'boarders_only', NEW.boarders_only));
END;
DROP TRIGGER rule_sets_audit_delete;
CREATE TRIGGER rule_sets_audit_delete AFTER DELETE ON rule_sets
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'rule_sets', OLD.id, 'delete',
          json_object('id', OLD.id, 'name', OLD.name, 'audience', OLD.audience, 'version', OLD.version, 'title', OLD.title, 'effective_date', OLD.effective_date, 'body', OLD.body, 'family', OLD.family, 'boarders_only', OLD.boarders_only),
          NULL);
END;
