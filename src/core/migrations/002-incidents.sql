-- 002-incidents.sql: the incident book (issue 7).
--
-- How an incident ended is one of four outcomes; "disciplined" and "other"
-- need words (which discipline, what else), kept in outcome_note.
ALTER TABLE incidents ADD COLUMN outcome_note TEXT NOT NULL DEFAULT '';

-- An incident is closed only with an outcome and a time; the program says
-- so in its own words first, the database makes sure of it for any tool.
CREATE TRIGGER incidents_closed_insert BEFORE INSERT ON incidents
WHEN NEW.state = 'closed' AND (NEW.outcome IS NULL OR NEW.closed_at IS NULL)
BEGIN SELECT RAISE (ABORT, 'a closed incident needs an outcome and a closing time'); END;
CREATE TRIGGER incidents_closed_update BEFORE UPDATE ON incidents
WHEN NEW.state = 'closed' AND (NEW.outcome IS NULL OR NEW.closed_at IS NULL)
BEGIN SELECT RAISE (ABORT, 'a closed incident needs an outcome and a closing time'); END;

-- The list filters on state and the screens that opened an incident look it
-- up by where it arose (a night-check entry, a leave, a hand-over note).
CREATE INDEX incidents_state ON incidents (state, occurred_at);
CREATE INDEX incidents_source ON incidents (source_kind, source_id);
CREATE INDEX incident_people_incident ON incident_people (incident_id);

-- The audit triggers of 001 left out the columns declared as "name TEXT,"
-- (guardians_informed_at, police_reported_at, closed_at, source_id,
-- incident_people.outsider_name): the
-- generator did not read a type followed by a comma. These replace them,
-- with every column.
DROP TRIGGER incidents_audit_insert;
DROP TRIGGER incidents_audit_update;
DROP TRIGGER incidents_audit_delete;
CREATE TRIGGER incidents_audit_insert AFTER INSERT ON incidents
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'incidents', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'occurred_at', NEW.occurred_at, 'place_kind', NEW.place_kind, 'room_id', NEW.room_id, 'building_id', NEW.building_id, 'place_text', NEW.place_text, 'category', NEW.category, 'severity', NEW.severity, 'description', NEW.description, 'reported_by', NEW.reported_by, 'actions', NEW.actions, 'guardians_informed_at', NEW.guardians_informed_at, 'guardians_informed_by', NEW.guardians_informed_by, 'police_reported_at', NEW.police_reported_at, 'police_contact', NEW.police_contact, 'state', NEW.state, 'outcome', NEW.outcome, 'outcome_note', NEW.outcome_note, 'closed_at', NEW.closed_at, 'source_kind', NEW.source_kind, 'source_id', NEW.source_id, 'created_by', NEW.created_by));
END;
CREATE TRIGGER incidents_audit_update AFTER UPDATE ON incidents
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'incidents', NEW.id, 'update',
          json_object('id', OLD.id, 'occurred_at', OLD.occurred_at, 'place_kind', OLD.place_kind, 'room_id', OLD.room_id, 'building_id', OLD.building_id, 'place_text', OLD.place_text, 'category', OLD.category, 'severity', OLD.severity, 'description', OLD.description, 'reported_by', OLD.reported_by, 'actions', OLD.actions, 'guardians_informed_at', OLD.guardians_informed_at, 'guardians_informed_by', OLD.guardians_informed_by, 'police_reported_at', OLD.police_reported_at, 'police_contact', OLD.police_contact, 'state', OLD.state, 'outcome', OLD.outcome, 'outcome_note', OLD.outcome_note, 'closed_at', OLD.closed_at, 'source_kind', OLD.source_kind, 'source_id', OLD.source_id, 'created_by', OLD.created_by),
          json_object('id', NEW.id, 'occurred_at', NEW.occurred_at, 'place_kind', NEW.place_kind, 'room_id', NEW.room_id, 'building_id', NEW.building_id, 'place_text', NEW.place_text, 'category', NEW.category, 'severity', NEW.severity, 'description', NEW.description, 'reported_by', NEW.reported_by, 'actions', NEW.actions, 'guardians_informed_at', NEW.guardians_informed_at, 'guardians_informed_by', NEW.guardians_informed_by, 'police_reported_at', NEW.police_reported_at, 'police_contact', NEW.police_contact, 'state', NEW.state, 'outcome', NEW.outcome, 'outcome_note', NEW.outcome_note, 'closed_at', NEW.closed_at, 'source_kind', NEW.source_kind, 'source_id', NEW.source_id, 'created_by', NEW.created_by));
END;
CREATE TRIGGER incidents_audit_delete AFTER DELETE ON incidents
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'incidents', OLD.id, 'delete',
          json_object('id', OLD.id, 'occurred_at', OLD.occurred_at, 'place_kind', OLD.place_kind, 'room_id', OLD.room_id, 'building_id', OLD.building_id, 'place_text', OLD.place_text, 'category', OLD.category, 'severity', OLD.severity, 'description', OLD.description, 'reported_by', OLD.reported_by, 'actions', OLD.actions, 'guardians_informed_at', OLD.guardians_informed_at, 'guardians_informed_by', OLD.guardians_informed_by, 'police_reported_at', OLD.police_reported_at, 'police_contact', OLD.police_contact, 'state', OLD.state, 'outcome', OLD.outcome, 'outcome_note', OLD.outcome_note, 'closed_at', OLD.closed_at, 'source_kind', OLD.source_kind, 'source_id', OLD.source_id, 'created_by', OLD.created_by),
          NULL);
END;
DROP TRIGGER incident_people_audit_insert;
DROP TRIGGER incident_people_audit_update;
DROP TRIGGER incident_people_audit_delete;
CREATE TRIGGER incident_people_audit_insert AFTER INSERT ON incident_people
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'incident_people', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'incident_id', NEW.incident_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'outsider_name', NEW.outsider_name, 'part', NEW.part));
END;
CREATE TRIGGER incident_people_audit_update AFTER UPDATE ON incident_people
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'incident_people', NEW.id, 'update',
          json_object('id', OLD.id, 'incident_id', OLD.incident_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'outsider_name', OLD.outsider_name, 'part', OLD.part),
          json_object('id', NEW.id, 'incident_id', NEW.incident_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'outsider_name', NEW.outsider_name, 'part', NEW.part));
END;
CREATE TRIGGER incident_people_audit_delete AFTER DELETE ON incident_people
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'incident_people', OLD.id, 'delete',
          json_object('id', OLD.id, 'incident_id', OLD.incident_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'outsider_name', OLD.outsider_name, 'part', OLD.part),
          NULL);
END;
