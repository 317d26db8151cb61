-- 006-holidays.sql: the public holidays of the school's calendar (issue 5).
--
-- The roster spreads the shifts of holidays as fairly as those of weekends,
-- and the duty counts count them together; the holidays were an option of
-- the generator only, now they are kept and entered in the Duty roster
-- section.
CREATE TABLE holidays (
  id            INTEGER PRIMARY KEY,
  day           TEXT NOT NULL UNIQUE CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0)
);

CREATE TRIGGER holidays_audit_insert AFTER INSERT ON holidays
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'holidays', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'day', NEW.day, 'name', NEW.name));
END;
CREATE TRIGGER holidays_audit_update AFTER UPDATE ON holidays
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'holidays', NEW.id, 'update',
          json_object('id', OLD.id, 'day', OLD.day, 'name', OLD.name),
          json_object('id', NEW.id, 'day', NEW.day, 'name', NEW.name));
END;
CREATE TRIGGER holidays_audit_delete AFTER DELETE ON holidays
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'holidays', OLD.id, 'delete',
          json_object('id', OLD.id, 'day', OLD.day, 'name', OLD.name),
          NULL);
END;
