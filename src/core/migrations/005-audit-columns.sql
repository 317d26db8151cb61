-- 005-audit-columns.sql: the audit trail records every column.
--
-- build-aux/gen-audit-triggers.py skipped the columns declared as "name TEXT,"
-- (the type followed by a comma), so the audit triggers of 001 and 003 left
-- out, among others, when a leave went out and came back and when a night
-- check was closed. Migrations 002 and 004 mended their own tables; this one
-- makes the triggers of the remaining tables anew with all their columns (the
-- generator is fixed too). Rows written before keep what was recorded then.

DROP TRIGGER IF EXISTS assessments_audit_insert;
CREATE TRIGGER assessments_audit_insert AFTER INSERT ON assessments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'assessments', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'school_year', NEW.school_year, 'circular', NEW.circular, 'approved_at', NEW.approved_at, 'approved_by', NEW.approved_by, 'frozen_figures', NEW.frozen_figures, 'state', NEW.state, 'submitted_at', NEW.submitted_at, 'submitted_by', NEW.submitted_by, 'created_at', NEW.created_at));
END;
DROP TRIGGER IF EXISTS assessments_audit_update;
CREATE TRIGGER assessments_audit_update AFTER UPDATE ON assessments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'assessments', NEW.id, 'update',
          json_object('id', OLD.id, 'school_year', OLD.school_year, 'circular', OLD.circular, 'approved_at', OLD.approved_at, 'approved_by', OLD.approved_by, 'frozen_figures', OLD.frozen_figures, 'state', OLD.state, 'submitted_at', OLD.submitted_at, 'submitted_by', OLD.submitted_by, 'created_at', OLD.created_at),
          json_object('id', NEW.id, 'school_year', NEW.school_year, 'circular', NEW.circular, 'approved_at', NEW.approved_at, 'approved_by', NEW.approved_by, 'frozen_figures', NEW.frozen_figures, 'state', NEW.state, 'submitted_at', NEW.submitted_at, 'submitted_by', NEW.submitted_by, 'created_at', NEW.created_at));
END;
DROP TRIGGER IF EXISTS assessments_audit_delete;
CREATE TRIGGER assessments_audit_delete AFTER DELETE ON assessments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'assessments', OLD.id, 'delete',
          json_object('id', OLD.id, 'school_year', OLD.school_year, 'circular', OLD.circular, 'approved_at', OLD.approved_at, 'approved_by', OLD.approved_by, 'frozen_figures', OLD.frozen_figures, 'state', OLD.state, 'submitted_at', OLD.submitted_at, 'submitted_by', OLD.submitted_by, 'created_at', OLD.created_at),
          NULL);
END;

DROP TRIGGER IF EXISTS commitments_audit_insert;
CREATE TRIGGER commitments_audit_insert AFTER INSERT ON commitments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'commitments', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'rule_set_id', NEW.rule_set_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'signed_on', NEW.signed_on, 'guardian_signed', NEW.guardian_signed, 'collected_by', NEW.collected_by, 'scan_path', NEW.scan_path));
END;
DROP TRIGGER IF EXISTS commitments_audit_update;
CREATE TRIGGER commitments_audit_update AFTER UPDATE ON commitments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'commitments', NEW.id, 'update',
          json_object('id', OLD.id, 'rule_set_id', OLD.rule_set_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'signed_on', OLD.signed_on, 'guardian_signed', OLD.guardian_signed, 'collected_by', OLD.collected_by, 'scan_path', OLD.scan_path),
          json_object('id', NEW.id, 'rule_set_id', NEW.rule_set_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'signed_on', NEW.signed_on, 'guardian_signed', NEW.guardian_signed, 'collected_by', NEW.collected_by, 'scan_path', NEW.scan_path));
END;
DROP TRIGGER IF EXISTS commitments_audit_delete;
CREATE TRIGGER commitments_audit_delete AFTER DELETE ON commitments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'commitments', OLD.id, 'delete',
          json_object('id', OLD.id, 'rule_set_id', OLD.rule_set_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'signed_on', OLD.signed_on, 'guardian_signed', OLD.guardian_signed, 'collected_by', OLD.collected_by, 'scan_path', OLD.scan_path),
          NULL);
END;

DROP TRIGGER IF EXISTS emergency_roll_entries_audit_insert;
CREATE TRIGGER emergency_roll_entries_audit_insert AFTER INSERT ON emergency_roll_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_roll_entries', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'roll_id', NEW.roll_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'building_id', NEW.building_id, 'status', NEW.status, 'marked_at', NEW.marked_at));
END;
DROP TRIGGER IF EXISTS emergency_roll_entries_audit_update;
CREATE TRIGGER emergency_roll_entries_audit_update AFTER UPDATE ON emergency_roll_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_roll_entries', NEW.id, 'update',
          json_object('id', OLD.id, 'roll_id', OLD.roll_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'building_id', OLD.building_id, 'status', OLD.status, 'marked_at', OLD.marked_at),
          json_object('id', NEW.id, 'roll_id', NEW.roll_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'building_id', NEW.building_id, 'status', NEW.status, 'marked_at', NEW.marked_at));
END;
DROP TRIGGER IF EXISTS emergency_roll_entries_audit_delete;
CREATE TRIGGER emergency_roll_entries_audit_delete AFTER DELETE ON emergency_roll_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_roll_entries', OLD.id, 'delete',
          json_object('id', OLD.id, 'roll_id', OLD.roll_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'building_id', OLD.building_id, 'status', OLD.status, 'marked_at', OLD.marked_at),
          NULL);
END;

DROP TRIGGER IF EXISTS emergency_rolls_audit_insert;
CREATE TRIGGER emergency_rolls_audit_insert AFTER INSERT ON emergency_rolls
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_rolls', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'kind', NEW.kind, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at, 'started_by', NEW.started_by, 'note', NEW.note));
END;
DROP TRIGGER IF EXISTS emergency_rolls_audit_update;
CREATE TRIGGER emergency_rolls_audit_update AFTER UPDATE ON emergency_rolls
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_rolls', NEW.id, 'update',
          json_object('id', OLD.id, 'kind', OLD.kind, 'started_at', OLD.started_at, 'ended_at', OLD.ended_at, 'started_by', OLD.started_by, 'note', OLD.note),
          json_object('id', NEW.id, 'kind', NEW.kind, 'started_at', NEW.started_at, 'ended_at', NEW.ended_at, 'started_by', NEW.started_by, 'note', NEW.note));
END;
DROP TRIGGER IF EXISTS emergency_rolls_audit_delete;
CREATE TRIGGER emergency_rolls_audit_delete AFTER DELETE ON emergency_rolls
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_rolls', OLD.id, 'delete',
          json_object('id', OLD.id, 'kind', OLD.kind, 'started_at', OLD.started_at, 'ended_at', OLD.ended_at, 'started_by', OLD.started_by, 'note', OLD.note),
          NULL);
END;

DROP TRIGGER IF EXISTS leaves_audit_insert;
CREATE TRIGGER leaves_audit_insert AFTER INSERT ON leaves
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'leaves', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'student_id', NEW.student_id, 'from_time', NEW.from_time, 'to_time', NEW.to_time, 'reason', NEW.reason, 'destination', NEW.destination, 'guardian_name', NEW.guardian_name, 'guardian_phone', NEW.guardian_phone, 'state', NEW.state, 'approved_by', NEW.approved_by, 'out_at', NEW.out_at, 'returned_at', NEW.returned_at, 'note', NEW.note));
END;
DROP TRIGGER IF EXISTS leaves_audit_update;
CREATE TRIGGER leaves_audit_update AFTER UPDATE ON leaves
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'leaves', NEW.id, 'update',
          json_object('id', OLD.id, 'student_id', OLD.student_id, 'from_time', OLD.from_time, 'to_time', OLD.to_time, 'reason', OLD.reason, 'destination', OLD.destination, 'guardian_name', OLD.guardian_name, 'guardian_phone', OLD.guardian_phone, 'state', OLD.state, 'approved_by', OLD.approved_by, 'out_at', OLD.out_at, 'returned_at', OLD.returned_at, 'note', OLD.note),
          json_object('id', NEW.id, 'student_id', NEW.student_id, 'from_time', NEW.from_time, 'to_time', NEW.to_time, 'reason', NEW.reason, 'destination', NEW.destination, 'guardian_name', NEW.guardian_name, 'guardian_phone', NEW.guardian_phone, 'state', NEW.state, 'approved_by', NEW.approved_by, 'out_at', NEW.out_at, 'returned_at', NEW.returned_at, 'note', NEW.note));
END;
DROP TRIGGER IF EXISTS leaves_audit_delete;
CREATE TRIGGER leaves_audit_delete AFTER DELETE ON leaves
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'leaves', OLD.id, 'delete',
          json_object('id', OLD.id, 'student_id', OLD.student_id, 'from_time', OLD.from_time, 'to_time', OLD.to_time, 'reason', OLD.reason, 'destination', OLD.destination, 'guardian_name', OLD.guardian_name, 'guardian_phone', OLD.guardian_phone, 'state', OLD.state, 'approved_by', OLD.approved_by, 'out_at', OLD.out_at, 'returned_at', OLD.returned_at, 'note', OLD.note),
          NULL);
END;

DROP TRIGGER IF EXISTS night_check_entries_audit_insert;
CREATE TRIGGER night_check_entries_audit_insert AFTER INSERT ON night_check_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'night_check_entries', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'check_id', NEW.check_id, 'student_id', NEW.student_id, 'bed_id', NEW.bed_id, 'status', NEW.status, 'late_at', NEW.late_at, 'marked_at', NEW.marked_at, 'note', NEW.note, 'leave_id', NEW.leave_id));
END;
DROP TRIGGER IF EXISTS night_check_entries_audit_update;
CREATE TRIGGER night_check_entries_audit_update AFTER UPDATE ON night_check_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'night_check_entries', NEW.id, 'update',
          json_object('id', OLD.id, 'check_id', OLD.check_id, 'student_id', OLD.student_id, 'bed_id', OLD.bed_id, 'status', OLD.status, 'late_at', OLD.late_at, 'marked_at', OLD.marked_at, 'note', OLD.note, 'leave_id', OLD.leave_id),
          json_object('id', NEW.id, 'check_id', NEW.check_id, 'student_id', NEW.student_id, 'bed_id', NEW.bed_id, 'status', NEW.status, 'late_at', NEW.late_at, 'marked_at', NEW.marked_at, 'note', NEW.note, 'leave_id', NEW.leave_id));
END;
DROP TRIGGER IF EXISTS night_check_entries_audit_delete;
CREATE TRIGGER night_check_entries_audit_delete AFTER DELETE ON night_check_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'night_check_entries', OLD.id, 'delete',
          json_object('id', OLD.id, 'check_id', OLD.check_id, 'student_id', OLD.student_id, 'bed_id', OLD.bed_id, 'status', OLD.status, 'late_at', OLD.late_at, 'marked_at', OLD.marked_at, 'note', OLD.note, 'leave_id', OLD.leave_id),
          NULL);
END;

DROP TRIGGER IF EXISTS night_checks_audit_insert;
CREATE TRIGGER night_checks_audit_insert AFTER INSERT ON night_checks
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'night_checks', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'night', NEW.night, 'building_id', NEW.building_id, 'floor', NEW.floor, 'supervisor_id', NEW.supervisor_id, 'started_at', NEW.started_at, 'closed_at', NEW.closed_at, 'note', NEW.note));
END;
DROP TRIGGER IF EXISTS night_checks_audit_update;
CREATE TRIGGER night_checks_audit_update AFTER UPDATE ON night_checks
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'night_checks', NEW.id, 'update',
          json_object('id', OLD.id, 'night', OLD.night, 'building_id', OLD.building_id, 'floor', OLD.floor, 'supervisor_id', OLD.supervisor_id, 'started_at', OLD.started_at, 'closed_at', OLD.closed_at, 'note', OLD.note),
          json_object('id', NEW.id, 'night', NEW.night, 'building_id', NEW.building_id, 'floor', NEW.floor, 'supervisor_id', NEW.supervisor_id, 'started_at', NEW.started_at, 'closed_at', NEW.closed_at, 'note', NEW.note));
END;
DROP TRIGGER IF EXISTS night_checks_audit_delete;
CREATE TRIGGER night_checks_audit_delete AFTER DELETE ON night_checks
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'night_checks', OLD.id, 'delete',
          json_object('id', OLD.id, 'night', OLD.night, 'building_id', OLD.building_id, 'floor', OLD.floor, 'supervisor_id', OLD.supervisor_id, 'started_at', OLD.started_at, 'closed_at', OLD.closed_at, 'note', OLD.note),
          NULL);
END;

DROP TRIGGER IF EXISTS staff_availability_audit_insert;
CREATE TRIGGER staff_availability_audit_insert AFTER INSERT ON staff_availability
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'staff_availability', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'staff_id', NEW.staff_id, 'kind', NEW.kind, 'from_date', NEW.from_date, 'to_date', NEW.to_date, 'value', NEW.value));
END;
DROP TRIGGER IF EXISTS staff_availability_audit_update;
CREATE TRIGGER staff_availability_audit_update AFTER UPDATE ON staff_availability
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'staff_availability', NEW.id, 'update',
          json_object('id', OLD.id, 'staff_id', OLD.staff_id, 'kind', OLD.kind, 'from_date', OLD.from_date, 'to_date', OLD.to_date, 'value', OLD.value),
          json_object('id', NEW.id, 'staff_id', NEW.staff_id, 'kind', NEW.kind, 'from_date', NEW.from_date, 'to_date', NEW.to_date, 'value', NEW.value));
END;
DROP TRIGGER IF EXISTS staff_availability_audit_delete;
CREATE TRIGGER staff_availability_audit_delete AFTER DELETE ON staff_availability
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'staff_availability', OLD.id, 'delete',
          json_object('id', OLD.id, 'staff_id', OLD.staff_id, 'kind', OLD.kind, 'from_date', OLD.from_date, 'to_date', OLD.to_date, 'value', OLD.value),
          NULL);
END;

