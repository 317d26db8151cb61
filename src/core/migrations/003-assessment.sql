-- 003-assessment.sql: the ANTT self-assessment (issue 7).
--
-- An assessment goes draft → submitted → approved. Submitting hands it to
-- the principal; an approved assessment is frozen with a copy of its
-- figures (frozen_figures), and neither it nor its items change again.
ALTER TABLE assessments ADD COLUMN state TEXT NOT NULL DEFAULT 'draft'
  CHECK (state IN ('draft', 'submitted', 'approved'));
ALTER TABLE assessments ADD COLUMN submitted_at TEXT;
ALTER TABLE assessments ADD COLUMN submitted_by INTEGER REFERENCES staff (id) ON DELETE SET NULL;
ALTER TABLE assessments ADD COLUMN created_at TEXT NOT NULL DEFAULT '';

-- The program refuses in its own words first; the database makes sure of
-- it for any other tool.
CREATE TRIGGER assessments_frozen_update BEFORE UPDATE ON assessments
WHEN OLD.state = 'approved'
BEGIN SELECT RAISE (ABORT, 'an approved assessment is frozen'); END;
CREATE TRIGGER assessments_frozen_delete BEFORE DELETE ON assessments
WHEN OLD.state = 'approved'
BEGIN SELECT RAISE (ABORT, 'an approved assessment is frozen'); END;
CREATE TRIGGER assessment_items_frozen_insert BEFORE INSERT ON assessment_items
WHEN (SELECT state FROM assessments WHERE id = NEW.assessment_id) = 'approved'
BEGIN SELECT RAISE (ABORT, 'an approved assessment is frozen'); END;
CREATE TRIGGER assessment_items_frozen_update BEFORE UPDATE ON assessment_items
WHEN (SELECT state FROM assessments WHERE id = OLD.assessment_id) = 'approved'
BEGIN SELECT RAISE (ABORT, 'an approved assessment is frozen'); END;
CREATE TRIGGER assessment_items_frozen_delete BEFORE DELETE ON assessment_items
WHEN (SELECT state FROM assessments WHERE id = OLD.assessment_id) = 'approved'
BEGIN SELECT RAISE (ABORT, 'an approved assessment is frozen'); END;

-- The audit triggers of 001 left out approved_at (declared "name TEXT,")
-- and know nothing of the new columns; these replace them.
DROP TRIGGER assessments_audit_insert;
DROP TRIGGER assessments_audit_update;
DROP TRIGGER assessments_audit_delete;
CREATE TRIGGER assessments_audit_insert AFTER INSERT ON assessments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'assessments', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'school_year', NEW.school_year, 'circular', NEW.circular, 'state', NEW.state, 'submitted_at', NEW.submitted_at, 'submitted_by', NEW.submitted_by, 'approved_at', NEW.approved_at, 'approved_by', NEW.approved_by, 'frozen_figures', NEW.frozen_figures));
END;
CREATE TRIGGER assessments_audit_update AFTER UPDATE ON assessments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'assessments', NEW.id, 'update',
          json_object('id', OLD.id, 'school_year', OLD.school_year, 'circular', OLD.circular, 'state', OLD.state, 'submitted_at', OLD.submitted_at, 'submitted_by', OLD.submitted_by, 'approved_at', OLD.approved_at, 'approved_by', OLD.approved_by, 'frozen_figures', OLD.frozen_figures),
          json_object('id', NEW.id, 'school_year', NEW.school_year, 'circular', NEW.circular, 'state', NEW.state, 'submitted_at', NEW.submitted_at, 'submitted_by', NEW.submitted_by, 'approved_at', NEW.approved_at, 'approved_by', NEW.approved_by, 'frozen_figures', NEW.frozen_figures));
END;
CREATE TRIGGER assessments_audit_delete AFTER DELETE ON assessments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'assessments', OLD.id, 'delete',
          json_object('id', OLD.id, 'school_year', OLD.school_year, 'circular', OLD.circular, 'state', OLD.state, 'submitted_at', OLD.submitted_at, 'submitted_by', OLD.submitted_by, 'approved_at', OLD.approved_at, 'approved_by', OLD.approved_by, 'frozen_figures', OLD.frozen_figures),
          NULL);
END;
