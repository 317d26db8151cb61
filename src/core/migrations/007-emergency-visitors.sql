-- 007-emergency-visitors.sql: visitors inside the gate are on the emergency roll.
--
-- In a fire everyone in the school must be accounted for, and the gate book
-- (issue 9) knows who came in and has not gone out. A roll entry is now a
-- student, a staff member or a visitor. SQLite cannot change a CHECK, so the
-- table is made anew with its rows, and its audit triggers with it.
CREATE TABLE emergency_roll_entries_new (
  id            INTEGER PRIMARY KEY,
  roll_id       INTEGER NOT NULL REFERENCES emergency_rolls (id) ON DELETE CASCADE,
  student_id    INTEGER REFERENCES students (id) ON DELETE RESTRICT,
  staff_id      INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
  visitor_id    INTEGER REFERENCES visitors (id) ON DELETE RESTRICT,
  building_id   INTEGER REFERENCES buildings (id) ON DELETE SET NULL,
  status        TEXT CHECK (status IS NULL OR status IN ('safe', 'missing', 'injured', 'away')),
  marked_at     TEXT,
  CHECK ((student_id IS NOT NULL) + (staff_id IS NOT NULL) + (visitor_id IS NOT NULL) = 1)
);
INSERT INTO emergency_roll_entries_new (id, roll_id, student_id, staff_id, building_id, status, marked_at)
  SELECT id, roll_id, student_id, staff_id, building_id, status, marked_at FROM emergency_roll_entries;
DROP TABLE emergency_roll_entries;
ALTER TABLE emergency_roll_entries_new RENAME TO emergency_roll_entries;
CREATE INDEX emergency_roll_entries_roll ON emergency_roll_entries (roll_id);

CREATE TRIGGER emergency_roll_entries_audit_insert AFTER INSERT ON emergency_roll_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_roll_entries', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'roll_id', NEW.roll_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'visitor_id', NEW.visitor_id, 'building_id', NEW.building_id, 'status', NEW.status, 'marked_at', NEW.marked_at));
END;
CREATE TRIGGER emergency_roll_entries_audit_update AFTER UPDATE ON emergency_roll_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_roll_entries', NEW.id, 'update',
          json_object('id', OLD.id, 'roll_id', OLD.roll_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'visitor_id', OLD.visitor_id, 'building_id', OLD.building_id, 'status', OLD.status, 'marked_at', OLD.marked_at),
          json_object('id', NEW.id, 'roll_id', NEW.roll_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'visitor_id', NEW.visitor_id, 'building_id', NEW.building_id, 'status', NEW.status, 'marked_at', NEW.marked_at));
END;
CREATE TRIGGER emergency_roll_entries_audit_delete AFTER DELETE ON emergency_roll_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_roll_entries', OLD.id, 'delete',
          json_object('id', OLD.id, 'roll_id', OLD.roll_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'visitor_id', OLD.visitor_id, 'building_id', OLD.building_id, 'status', OLD.status, 'marked_at', OLD.marked_at),
          NULL);
END;
