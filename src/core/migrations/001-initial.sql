-- 001-initial.sql: the whole data model of DESIGN.md §6.
-- A released migration is never edited; later changes add a new file.
-- Dates are ISO 'YYYY-MM-DD'; times of day 'HH:MM'; instants 'YYYY-MM-DD HH:MM:SS' local time.

CREATE TABLE school (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  address       TEXT NOT NULL DEFAULT '',
  principal     TEXT NOT NULL DEFAULT '',
  authority     TEXT NOT NULL DEFAULT '',
  school_year   TEXT NOT NULL CHECK (school_year GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9]'),
  curfew        TEXT NOT NULL DEFAULT '21:30' CHECK (curfew GLOB '[0-2][0-9]:[0-5][0-9]')
);

CREATE TABLE staff (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
  full_name     TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
  name_key      BLOB NOT NULL,
  search_text   TEXT NOT NULL,
  gender        TEXT NOT NULL CHECK (gender IN ('M', 'F')),
  role          TEXT NOT NULL CHECK (role IN ('principal', 'vice_principal', 'supervisor',
                                              'teacher', 'guard', 'medical', 'office', 'other')),
  phone         TEXT NOT NULL DEFAULT '',
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  pin_hash      TEXT,
  failed_logins INTEGER NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
  locked_until  TEXT
);
CREATE INDEX staff_name ON staff (active, name_key);

CREATE TABLE classes (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  grade         INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 12),
  homeroom_id   INTEGER REFERENCES staff (id) ON DELETE SET NULL
);

CREATE TABLE students (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE CHECK (length(trim(code)) > 0),
  personal_id     TEXT CHECK (personal_id IS NULL OR (length(personal_id) = 12 AND personal_id NOT GLOB '*[^0-9]*')),
  full_name       TEXT NOT NULL CHECK (length(trim(full_name)) > 0),
  name_key        BLOB NOT NULL,
  search_text     TEXT NOT NULL,
  gender          TEXT NOT NULL CHECK (gender IN ('M', 'F')),
  birth_date      TEXT NOT NULL CHECK (birth_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  class_id        INTEGER NOT NULL REFERENCES classes (id) ON DELETE RESTRICT,
  ethnicity       TEXT NOT NULL DEFAULT '',
  home_address    TEXT NOT NULL DEFAULT '',
  home_commune    TEXT NOT NULL DEFAULT '',
  guardian_name   TEXT NOT NULL DEFAULT '',
  guardian_phone  TEXT NOT NULL DEFAULT '' CHECK (guardian_phone = '' OR guardian_phone NOT GLOB '*[^0-9+ .]*'),
  boarding        TEXT NOT NULL CHECK (boarding IN ('boarding', 'semi', 'day')),
  priority        TEXT NOT NULL DEFAULT '',
  health_notes    TEXT NOT NULL DEFAULT '',
  active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  left_on         TEXT CHECK (left_on IS NULL OR left_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  left_reason     TEXT NOT NULL DEFAULT '',
  CHECK ((active = 1 AND left_on IS NULL) OR (active = 0 AND left_on IS NOT NULL))
);
CREATE INDEX students_name ON students (name_key, id);
CREATE INDEX students_active_name ON students (active, name_key, id);
CREATE INDEX students_class ON students (class_id, name_key);
CREATE INDEX students_boarding ON students (active, boarding);

-- Search as you type: the folded words of name and code (search_text),
-- indexed by word prefix. Kept in step with students by triggers, which use
-- only SQLite's own functions so that any tool may write to students.
CREATE VIRTUAL TABLE students_fts USING fts5 (
  search_text, content = 'students', content_rowid = 'id', prefix = '1 2 3'
);
CREATE TRIGGER students_fts_insert AFTER INSERT ON students
BEGIN
  INSERT INTO students_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;
CREATE TRIGGER students_fts_delete AFTER DELETE ON students
BEGIN
  INSERT INTO students_fts (students_fts, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
END;
CREATE TRIGGER students_fts_update AFTER UPDATE OF search_text ON students
BEGIN
  INSERT INTO students_fts (students_fts, rowid, search_text) VALUES ('delete', OLD.id, OLD.search_text);
  INSERT INTO students_fts (rowid, search_text) VALUES (NEW.id, NEW.search_text);
END;

CREATE TABLE buildings (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  gender        TEXT NOT NULL CHECK (gender IN ('M', 'F', 'X')),
  floors        INTEGER NOT NULL CHECK (floors BETWEEN 1 AND 30),
  assembly_point TEXT NOT NULL DEFAULT '',
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  notes         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE rooms (
  id            INTEGER PRIMARY KEY,
  building_id   INTEGER NOT NULL REFERENCES buildings (id) ON DELETE RESTRICT,
  floor         INTEGER NOT NULL CHECK (floor >= 1),
  number        TEXT NOT NULL CHECK (length(trim(number)) > 0),
  capacity      INTEGER NOT NULL CHECK (capacity BETWEEN 0 AND 100),
  gender        TEXT NOT NULL CHECK (gender IN ('M', 'F', 'X')),
  kind          TEXT NOT NULL DEFAULT 'dorm' CHECK (kind IN ('dorm', 'infirmary', 'staff')),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  notes         TEXT NOT NULL DEFAULT '',
  UNIQUE (building_id, number)
);

CREATE TABLE beds (
  id            INTEGER PRIMARY KEY,
  room_id       INTEGER NOT NULL REFERENCES rooms (id) ON DELETE RESTRICT,
  label         TEXT NOT NULL CHECK (length(trim(label)) > 0),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  locked        INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  UNIQUE (room_id, label)
);

CREATE TABLE bed_assignments (
  id            INTEGER PRIMARY KEY,
  student_id    INTEGER NOT NULL REFERENCES students (id) ON DELETE RESTRICT,
  bed_id        INTEGER NOT NULL REFERENCES beds (id) ON DELETE RESTRICT,
  start_date    TEXT NOT NULL CHECK (start_date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  end_date      TEXT CHECK (end_date IS NULL OR end_date >= start_date),
  reason        TEXT NOT NULL DEFAULT '',
  batch         TEXT
);
CREATE INDEX bed_assignments_student ON bed_assignments (student_id, start_date);
CREATE INDEX bed_assignments_bed ON bed_assignments (bed_id, start_date);
-- At most one open assignment per student and per bed.
CREATE UNIQUE INDEX bed_assignments_open_student ON bed_assignments (student_id) WHERE end_date IS NULL;
CREATE UNIQUE INDEX bed_assignments_open_bed ON bed_assignments (bed_id) WHERE end_date IS NULL;

CREATE TABLE posts (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  building_id   INTEGER REFERENCES buildings (id) ON DELETE SET NULL,
  staffed_from  TEXT NOT NULL DEFAULT '00:00',
  staffed_to    TEXT NOT NULL DEFAULT '24:00',
  people        INTEGER NOT NULL DEFAULT 1 CHECK (people BETWEEN 1 AND 20),
  roles         TEXT NOT NULL DEFAULT '',
  night_gender  TEXT NOT NULL DEFAULT 'X' CHECK (night_gender IN ('M', 'F', 'X')),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE shift_templates (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  start_time    TEXT NOT NULL CHECK (start_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  end_time      TEXT NOT NULL CHECK (end_time GLOB '[0-2][0-9]:[0-5][0-9]'),
  is_night      INTEGER NOT NULL DEFAULT 0 CHECK (is_night IN (0, 1)),
  post_ids      TEXT NOT NULL DEFAULT '',
  CHECK (start_time <> end_time)
);

CREATE TABLE staff_availability (
  id            INTEGER PRIMARY KEY,
  staff_id      INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('day_off', 'leave', 'never_nights', 'max_nights')),
  from_date     TEXT,
  to_date       TEXT,
  value         INTEGER,
  CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date)
);

CREATE TABLE duties (
  id            INTEGER PRIMARY KEY,
  post_id       INTEGER NOT NULL REFERENCES posts (id) ON DELETE RESTRICT,
  shift_id      INTEGER NOT NULL REFERENCES shift_templates (id) ON DELETE RESTRICT,
  staff_id      INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
  date          TEXT NOT NULL CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  locked        INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  note          TEXT NOT NULL DEFAULT '',
  UNIQUE (post_id, shift_id, staff_id, date)
);
CREATE INDEX duties_date ON duties (date, post_id);
CREATE INDEX duties_staff ON duties (staff_id, date);

CREATE TABLE handovers (
  id              INTEGER PRIMARY KEY,
  post_id         INTEGER NOT NULL REFERENCES posts (id) ON DELETE RESTRICT,
  shift_id        INTEGER REFERENCES shift_templates (id) ON DELETE SET NULL,
  date            TEXT NOT NULL,
  written_by      INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
  written_at      TEXT NOT NULL,
  happened        TEXT NOT NULL DEFAULT '',
  to_watch        TEXT NOT NULL DEFAULT '',
  acknowledged_by INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
  acknowledged_at TEXT
);
CREATE INDEX handovers_date ON handovers (date, post_id);

CREATE TABLE rule_sets (
  id              INTEGER PRIMARY KEY,
  name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
  audience        TEXT NOT NULL CHECK (audience IN ('students', 'staff', 'both')),
  version         INTEGER NOT NULL CHECK (version >= 1),
  title           TEXT NOT NULL CHECK (length(trim(title)) > 0),
  effective_date  TEXT NOT NULL,
  body            TEXT NOT NULL DEFAULT '',
  family          TEXT NOT NULL,
  UNIQUE (family, version)
);

CREATE TABLE commitments (
  id               INTEGER PRIMARY KEY,
  rule_set_id      INTEGER NOT NULL REFERENCES rule_sets (id) ON DELETE RESTRICT,
  student_id       INTEGER REFERENCES students (id) ON DELETE RESTRICT,
  staff_id         INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
  signed_on        TEXT NOT NULL,
  guardian_signed  INTEGER NOT NULL DEFAULT 0 CHECK (guardian_signed IN (0, 1)),
  collected_by     INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  scan_path        TEXT,
  CHECK ((student_id IS NULL) <> (staff_id IS NULL))
);
CREATE UNIQUE INDEX commitments_student ON commitments (rule_set_id, student_id) WHERE student_id IS NOT NULL;
CREATE UNIQUE INDEX commitments_staff ON commitments (rule_set_id, staff_id) WHERE staff_id IS NOT NULL;

CREATE TABLE leaves (
  id              INTEGER PRIMARY KEY,
  student_id      INTEGER NOT NULL REFERENCES students (id) ON DELETE RESTRICT,
  from_time       TEXT NOT NULL,
  to_time         TEXT NOT NULL,
  reason          TEXT NOT NULL CHECK (reason IN ('home', 'medical', 'family', 'school', 'other')),
  destination     TEXT NOT NULL DEFAULT '',
  guardian_name   TEXT NOT NULL DEFAULT '',
  guardian_phone  TEXT NOT NULL DEFAULT '',
  state           TEXT NOT NULL DEFAULT 'requested' CHECK (state IN ('requested', 'approved', 'out', 'returned', 'cancelled')),
  approved_by     INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
  out_at          TEXT,
  returned_at     TEXT,
  note            TEXT NOT NULL DEFAULT '',
  CHECK (to_time > from_time)
);
CREATE INDEX leaves_student ON leaves (student_id, from_time);
CREATE INDEX leaves_time ON leaves (from_time, to_time);

CREATE TABLE night_checks (
  id            INTEGER PRIMARY KEY,
  night         TEXT NOT NULL,
  building_id   INTEGER NOT NULL REFERENCES buildings (id) ON DELETE RESTRICT,
  floor         INTEGER,
  supervisor_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
  started_at    TEXT NOT NULL,
  closed_at     TEXT,
  note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX night_checks_night ON night_checks (night, building_id);

CREATE TABLE night_check_entries (
  id            INTEGER PRIMARY KEY,
  check_id      INTEGER NOT NULL REFERENCES night_checks (id) ON DELETE CASCADE,
  student_id    INTEGER NOT NULL REFERENCES students (id) ON DELETE RESTRICT,
  bed_id        INTEGER REFERENCES beds (id) ON DELETE RESTRICT,
  status        TEXT CHECK (status IS NULL OR status IN ('present', 'leave', 'sick', 'absent', 'late')),
  late_at       TEXT,
  marked_at     TEXT,
  note          TEXT NOT NULL DEFAULT '',
  leave_id      INTEGER REFERENCES leaves (id) ON DELETE SET NULL,
  UNIQUE (check_id, student_id)
);
CREATE INDEX night_check_entries_student ON night_check_entries (student_id);

CREATE TABLE incidents (
  id                 INTEGER PRIMARY KEY,
  occurred_at        TEXT NOT NULL,
  place_kind         TEXT NOT NULL DEFAULT 'other' CHECK (place_kind IN ('room', 'building', 'gate', 'school', 'outside', 'other')),
  room_id            INTEGER REFERENCES rooms (id) ON DELETE SET NULL,
  building_id        INTEGER REFERENCES buildings (id) ON DELETE SET NULL,
  place_text         TEXT NOT NULL DEFAULT '',
  category           TEXT NOT NULL CHECK (category IN ('violence', 'fighting', 'theft', 'social_evils',
                                                       'left_without_permission', 'outsider', 'fire',
                                                       'health', 'property', 'other')),
  severity           INTEGER NOT NULL DEFAULT 1 CHECK (severity BETWEEN 1 AND 3),
  description        TEXT NOT NULL DEFAULT '',
  reported_by        TEXT NOT NULL DEFAULT '',
  actions            TEXT NOT NULL DEFAULT '',
  guardians_informed_at TEXT,
  guardians_informed_by INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  police_reported_at TEXT,
  police_contact     TEXT NOT NULL DEFAULT '',
  state              TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'in_progress', 'closed')),
  outcome            TEXT CHECK (outcome IS NULL OR outcome IN ('settled', 'disciplined', 'police', 'other')),
  closed_at          TEXT,
  source_kind        TEXT CHECK (source_kind IS NULL OR source_kind IN ('night_check', 'leave', 'handover', 'confidential')),
  source_id          INTEGER,
  created_by         INTEGER REFERENCES staff (id) ON DELETE SET NULL
);
CREATE INDEX incidents_time ON incidents (occurred_at);

CREATE TABLE incident_people (
  id            INTEGER PRIMARY KEY,
  incident_id   INTEGER NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
  student_id    INTEGER REFERENCES students (id) ON DELETE RESTRICT,
  staff_id      INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
  outsider_name TEXT,
  part          TEXT NOT NULL CHECK (part IN ('victim', 'cause', 'witness', 'other')),
  CHECK ((student_id IS NOT NULL) + (staff_id IS NOT NULL) + (outsider_name IS NOT NULL) = 1)
);
CREATE INDEX incident_people_student ON incident_people (student_id);

CREATE TABLE assessments (
  id            INTEGER PRIMARY KEY,
  school_year   TEXT NOT NULL UNIQUE,
  circular      TEXT NOT NULL,
  approved_at   TEXT,
  approved_by   INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  frozen_figures TEXT
);

CREATE TABLE assessment_items (
  id            INTEGER PRIMARY KEY,
  assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  criterion     TEXT NOT NULL,
  met           INTEGER CHECK (met IS NULL OR met IN (0, 1)),
  evidence      TEXT NOT NULL DEFAULT '',
  files         TEXT NOT NULL DEFAULT '',
  UNIQUE (assessment_id, criterion)
);

CREATE TABLE emergency_rolls (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('fire', 'drill', 'evacuation', 'other')),
  started_at    TEXT NOT NULL,
  ended_at      TEXT,
  started_by    INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  note          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE emergency_roll_entries (
  id            INTEGER PRIMARY KEY,
  roll_id       INTEGER NOT NULL REFERENCES emergency_rolls (id) ON DELETE CASCADE,
  student_id    INTEGER REFERENCES students (id) ON DELETE RESTRICT,
  staff_id      INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
  building_id   INTEGER REFERENCES buildings (id) ON DELETE SET NULL,
  status        TEXT CHECK (status IS NULL OR status IN ('safe', 'missing', 'injured', 'away')),
  marked_at     TEXT,
  CHECK ((student_id IS NULL) <> (staff_id IS NULL))
);

CREATE TABLE visitors (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CHECK (length(trim(name)) > 0),
  id_number     TEXT NOT NULL DEFAULT '',
  phone         TEXT NOT NULL DEFAULT '',
  visit_student_id INTEGER REFERENCES students (id) ON DELETE RESTRICT,
  visit_staff_id   INTEGER REFERENCES staff (id) ON DELETE RESTRICT,
  purpose       TEXT NOT NULL DEFAULT '',
  in_at         TEXT NOT NULL,
  out_at        TEXT,
  guard_id      INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  relation      TEXT NOT NULL DEFAULT '',
  CHECK (out_at IS NULL OR out_at >= in_at)
);
CREATE INDEX visitors_in ON visitors (in_at);

CREATE TABLE inspection_criteria (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  max_points    INTEGER NOT NULL CHECK (max_points > 0),
  position      INTEGER NOT NULL DEFAULT 0,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

CREATE TABLE room_inspections (
  id            INTEGER PRIMARY KEY,
  room_id       INTEGER NOT NULL REFERENCES rooms (id) ON DELETE RESTRICT,
  date          TEXT NOT NULL,
  inspector_id  INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  note          TEXT NOT NULL DEFAULT '',
  UNIQUE (room_id, date)
);

CREATE TABLE room_inspection_scores (
  id            INTEGER PRIMARY KEY,
  inspection_id INTEGER NOT NULL REFERENCES room_inspections (id) ON DELETE CASCADE,
  criterion_id  INTEGER NOT NULL REFERENCES inspection_criteria (id) ON DELETE RESTRICT,
  points        INTEGER NOT NULL CHECK (points >= 0),
  note          TEXT NOT NULL DEFAULT '',
  UNIQUE (inspection_id, criterion_id)
);

CREATE TABLE dialogues (
  id            INTEGER PRIMARY KEY,
  held_on       TEXT NOT NULL,
  chaired_by    INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  attendees     TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT ''
);

CREATE TABLE dialogue_items (
  id            INTEGER PRIMARY KEY,
  dialogue_id   INTEGER NOT NULL REFERENCES dialogues (id) ON DELETE CASCADE,
  question      TEXT NOT NULL CHECK (length(trim(question)) > 0),
  answer        TEXT NOT NULL DEFAULT '',
  follow_up_by  INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  due_date      TEXT,
  closed_at     TEXT
);

CREATE TABLE confidential_reports (
  id            INTEGER PRIMARY KEY,
  received_at   TEXT NOT NULL,
  channel       TEXT NOT NULL CHECK (channel IN ('paper', 'phone', 'message', 'in_person', 'other')),
  received_by   INTEGER REFERENCES staff (id) ON DELETE SET NULL,
  reporter_name TEXT,
  content       TEXT NOT NULL CHECK (length(trim(content)) > 0),
  incident_id   INTEGER REFERENCES incidents (id) ON DELETE SET NULL
);

-- Who changed what. The program sets the acting staff member in app_session
-- (a one-row table) before it writes; triggers copy it into every row here.
CREATE TABLE app_session (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  staff_id      INTEGER
);
INSERT INTO app_session (id, staff_id) VALUES (1, NULL);

CREATE TABLE audit_log (
  id            INTEGER PRIMARY KEY,
  at            TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime')),
  staff_id      INTEGER,
  table_name    TEXT NOT NULL,
  row_id        INTEGER NOT NULL,
  action        TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
  old_values    TEXT,
  new_values    TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_row ON audit_log (table_name, row_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE (ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE (ABORT, 'audit_log is append-only'); END;

-- Audit triggers (generated by build-aux/gen-audit-triggers.py).
CREATE TRIGGER school_audit_insert AFTER INSERT ON school
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'school', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'name', NEW.name, 'address', NEW.address, 'principal', NEW.principal, 'authority', NEW.authority, 'school_year', NEW.school_year, 'curfew', NEW.curfew));
END;
CREATE TRIGGER school_audit_update AFTER UPDATE ON school
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'school', NEW.id, 'update',
          json_object('id', OLD.id, 'name', OLD.name, 'address', OLD.address, 'principal', OLD.principal, 'authority', OLD.authority, 'school_year', OLD.school_year, 'curfew', OLD.curfew),
          json_object('id', NEW.id, 'name', NEW.name, 'address', NEW.address, 'principal', NEW.principal, 'authority', NEW.authority, 'school_year', NEW.school_year, 'curfew', NEW.curfew));
END;
CREATE TRIGGER school_audit_delete AFTER DELETE ON school
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'school', OLD.id, 'delete',
          json_object('id', OLD.id, 'name', OLD.name, 'address', OLD.address, 'principal', OLD.principal, 'authority', OLD.authority, 'school_year', OLD.school_year, 'curfew', OLD.curfew),
          NULL);
END;
CREATE TRIGGER staff_audit_insert AFTER INSERT ON staff
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'staff', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'full_name', NEW.full_name, 'gender', NEW.gender, 'role', NEW.role, 'phone', NEW.phone, 'active', NEW.active));
END;
CREATE TRIGGER staff_audit_update AFTER UPDATE ON staff
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'staff', NEW.id, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'full_name', OLD.full_name, 'gender', OLD.gender, 'role', OLD.role, 'phone', OLD.phone, 'active', OLD.active),
          json_object('id', NEW.id, 'code', NEW.code, 'full_name', NEW.full_name, 'gender', NEW.gender, 'role', NEW.role, 'phone', NEW.phone, 'active', NEW.active));
END;
CREATE TRIGGER staff_audit_delete AFTER DELETE ON staff
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'staff', OLD.id, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'full_name', OLD.full_name, 'gender', OLD.gender, 'role', OLD.role, 'phone', OLD.phone, 'active', OLD.active),
          NULL);
END;
CREATE TRIGGER classes_audit_insert AFTER INSERT ON classes
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'classes', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'name', NEW.name, 'grade', NEW.grade, 'homeroom_id', NEW.homeroom_id));
END;
CREATE TRIGGER classes_audit_update AFTER UPDATE ON classes
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'classes', NEW.id, 'update',
          json_object('id', OLD.id, 'name', OLD.name, 'grade', OLD.grade, 'homeroom_id', OLD.homeroom_id),
          json_object('id', NEW.id, 'name', NEW.name, 'grade', NEW.grade, 'homeroom_id', NEW.homeroom_id));
END;
CREATE TRIGGER classes_audit_delete AFTER DELETE ON classes
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'classes', OLD.id, 'delete',
          json_object('id', OLD.id, 'name', OLD.name, 'grade', OLD.grade, 'homeroom_id', OLD.homeroom_id),
          NULL);
END;
CREATE TRIGGER students_audit_insert AFTER INSERT ON students
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'students', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'personal_id', NEW.personal_id, 'full_name', NEW.full_name, 'gender', NEW.gender, 'birth_date', NEW.birth_date, 'class_id', NEW.class_id, 'ethnicity', NEW.ethnicity, 'home_address', NEW.home_address, 'home_commune', NEW.home_commune, 'guardian_name', NEW.guardian_name, 'guardian_phone', NEW.guardian_phone, 'boarding', NEW.boarding, 'priority', NEW.priority, 'health_notes', NEW.health_notes, 'active', NEW.active, 'left_on', NEW.left_on, 'left_reason', NEW.left_reason));
END;
CREATE TRIGGER students_audit_update AFTER UPDATE ON students
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'students', NEW.id, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'personal_id', OLD.personal_id, 'full_name', OLD.full_name, 'gender', OLD.gender, 'birth_date', OLD.birth_date, 'class_id', OLD.class_id, 'ethnicity', OLD.ethnicity, 'home_address', OLD.home_address, 'home_commune', OLD.home_commune, 'guardian_name', OLD.guardian_name, 'guardian_phone', OLD.guardian_phone, 'boarding', OLD.boarding, 'priority', OLD.priority, 'health_notes', OLD.health_notes, 'active', OLD.active, 'left_on', OLD.left_on, 'left_reason', OLD.left_reason),
          json_object('id', NEW.id, 'code', NEW.code, 'personal_id', NEW.personal_id, 'full_name', NEW.full_name, 'gender', NEW.gender, 'birth_date', NEW.birth_date, 'class_id', NEW.class_id, 'ethnicity', NEW.ethnicity, 'home_address', NEW.home_address, 'home_commune', NEW.home_commune, 'guardian_name', NEW.guardian_name, 'guardian_phone', NEW.guardian_phone, 'boarding', NEW.boarding, 'priority', NEW.priority, 'health_notes', NEW.health_notes, 'active', NEW.active, 'left_on', NEW.left_on, 'left_reason', NEW.left_reason));
END;
CREATE TRIGGER students_audit_delete AFTER DELETE ON students
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'students', OLD.id, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'personal_id', OLD.personal_id, 'full_name', OLD.full_name, 'gender', OLD.gender, 'birth_date', OLD.birth_date, 'class_id', OLD.class_id, 'ethnicity', OLD.ethnicity, 'home_address', OLD.home_address, 'home_commune', OLD.home_commune, 'guardian_name', OLD.guardian_name, 'guardian_phone', OLD.guardian_phone, 'boarding', OLD.boarding, 'priority', OLD.priority, 'health_notes', OLD.health_notes, 'active', OLD.active, 'left_on', OLD.left_on, 'left_reason', OLD.left_reason),
          NULL);
END;
CREATE TRIGGER buildings_audit_insert AFTER INSERT ON buildings
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'buildings', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'name', NEW.name, 'gender', NEW.gender, 'floors', NEW.floors, 'assembly_point', NEW.assembly_point, 'active', NEW.active, 'notes', NEW.notes));
END;
CREATE TRIGGER buildings_audit_update AFTER UPDATE ON buildings
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'buildings', NEW.id, 'update',
          json_object('id', OLD.id, 'name', OLD.name, 'gender', OLD.gender, 'floors', OLD.floors, 'assembly_point', OLD.assembly_point, 'active', OLD.active, 'notes', OLD.notes),
          json_object('id', NEW.id, 'name', NEW.name, 'gender', NEW.gender, 'floors', NEW.floors, 'assembly_point', NEW.assembly_point, 'active', NEW.active, 'notes', NEW.notes));
END;
CREATE TRIGGER buildings_audit_delete AFTER DELETE ON buildings
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'buildings', OLD.id, 'delete',
          json_object('id', OLD.id, 'name', OLD.name, 'gender', OLD.gender, 'floors', OLD.floors, 'assembly_point', OLD.assembly_point, 'active', OLD.active, 'notes', OLD.notes),
          NULL);
END;
CREATE TRIGGER rooms_audit_insert AFTER INSERT ON rooms
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'rooms', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'building_id', NEW.building_id, 'floor', NEW.floor, 'number', NEW.number, 'capacity', NEW.capacity, 'gender', NEW.gender, 'kind', NEW.kind, 'active', NEW.active, 'notes', NEW.notes));
END;
CREATE TRIGGER rooms_audit_update AFTER UPDATE ON rooms
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'rooms', NEW.id, 'update',
          json_object('id', OLD.id, 'building_id', OLD.building_id, 'floor', OLD.floor, 'number', OLD.number, 'capacity', OLD.capacity, 'gender', OLD.gender, 'kind', OLD.kind, 'active', OLD.active, 'notes', OLD.notes),
          json_object('id', NEW.id, 'building_id', NEW.building_id, 'floor', NEW.floor, 'number', NEW.number, 'capacity', NEW.capacity, 'gender', NEW.gender, 'kind', NEW.kind, 'active', NEW.active, 'notes', NEW.notes));
END;
CREATE TRIGGER rooms_audit_delete AFTER DELETE ON rooms
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'rooms', OLD.id, 'delete',
          json_object('id', OLD.id, 'building_id', OLD.building_id, 'floor', OLD.floor, 'number', OLD.number, 'capacity', OLD.capacity, 'gender', OLD.gender, 'kind', OLD.kind, 'active', OLD.active, 'notes', OLD.notes),
          NULL);
END;
CREATE TRIGGER beds_audit_insert AFTER INSERT ON beds
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'beds', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'room_id', NEW.room_id, 'label', NEW.label, 'active', NEW.active, 'locked', NEW.locked));
END;
CREATE TRIGGER beds_audit_update AFTER UPDATE ON beds
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'beds', NEW.id, 'update',
          json_object('id', OLD.id, 'room_id', OLD.room_id, 'label', OLD.label, 'active', OLD.active, 'locked', OLD.locked),
          json_object('id', NEW.id, 'room_id', NEW.room_id, 'label', NEW.label, 'active', NEW.active, 'locked', NEW.locked));
END;
CREATE TRIGGER beds_audit_delete AFTER DELETE ON beds
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'beds', OLD.id, 'delete',
          json_object('id', OLD.id, 'room_id', OLD.room_id, 'label', OLD.label, 'active', OLD.active, 'locked', OLD.locked),
          NULL);
END;
CREATE TRIGGER bed_assignments_audit_insert AFTER INSERT ON bed_assignments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'bed_assignments', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'student_id', NEW.student_id, 'bed_id', NEW.bed_id, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'reason', NEW.reason, 'batch', NEW.batch));
END;
CREATE TRIGGER bed_assignments_audit_update AFTER UPDATE ON bed_assignments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'bed_assignments', NEW.id, 'update',
          json_object('id', OLD.id, 'student_id', OLD.student_id, 'bed_id', OLD.bed_id, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'reason', OLD.reason, 'batch', OLD.batch),
          json_object('id', NEW.id, 'student_id', NEW.student_id, 'bed_id', NEW.bed_id, 'start_date', NEW.start_date, 'end_date', NEW.end_date, 'reason', NEW.reason, 'batch', NEW.batch));
END;
CREATE TRIGGER bed_assignments_audit_delete AFTER DELETE ON bed_assignments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'bed_assignments', OLD.id, 'delete',
          json_object('id', OLD.id, 'student_id', OLD.student_id, 'bed_id', OLD.bed_id, 'start_date', OLD.start_date, 'end_date', OLD.end_date, 'reason', OLD.reason, 'batch', OLD.batch),
          NULL);
END;
CREATE TRIGGER posts_audit_insert AFTER INSERT ON posts
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'posts', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'name', NEW.name, 'building_id', NEW.building_id, 'staffed_from', NEW.staffed_from, 'staffed_to', NEW.staffed_to, 'people', NEW.people, 'roles', NEW.roles, 'night_gender', NEW.night_gender, 'active', NEW.active));
END;
CREATE TRIGGER posts_audit_update AFTER UPDATE ON posts
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'posts', NEW.id, 'update',
          json_object('id', OLD.id, 'name', OLD.name, 'building_id', OLD.building_id, 'staffed_from', OLD.staffed_from, 'staffed_to', OLD.staffed_to, 'people', OLD.people, 'roles', OLD.roles, 'night_gender', OLD.night_gender, 'active', OLD.active),
          json_object('id', NEW.id, 'name', NEW.name, 'building_id', NEW.building_id, 'staffed_from', NEW.staffed_from, 'staffed_to', NEW.staffed_to, 'people', NEW.people, 'roles', NEW.roles, 'night_gender', NEW.night_gender, 'active', NEW.active));
END;
CREATE TRIGGER posts_audit_delete AFTER DELETE ON posts
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'posts', OLD.id, 'delete',
          json_object('id', OLD.id, 'name', OLD.name, 'building_id', OLD.building_id, 'staffed_from', OLD.staffed_from, 'staffed_to', OLD.staffed_to, 'people', OLD.people, 'roles', OLD.roles, 'night_gender', OLD.night_gender, 'active', OLD.active),
          NULL);
END;
CREATE TRIGGER shift_templates_audit_insert AFTER INSERT ON shift_templates
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'shift_templates', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'name', NEW.name, 'start_time', NEW.start_time, 'end_time', NEW.end_time, 'is_night', NEW.is_night, 'post_ids', NEW.post_ids));
END;
CREATE TRIGGER shift_templates_audit_update AFTER UPDATE ON shift_templates
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'shift_templates', NEW.id, 'update',
          json_object('id', OLD.id, 'name', OLD.name, 'start_time', OLD.start_time, 'end_time', OLD.end_time, 'is_night', OLD.is_night, 'post_ids', OLD.post_ids),
          json_object('id', NEW.id, 'name', NEW.name, 'start_time', NEW.start_time, 'end_time', NEW.end_time, 'is_night', NEW.is_night, 'post_ids', NEW.post_ids));
END;
CREATE TRIGGER shift_templates_audit_delete AFTER DELETE ON shift_templates
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'shift_templates', OLD.id, 'delete',
          json_object('id', OLD.id, 'name', OLD.name, 'start_time', OLD.start_time, 'end_time', OLD.end_time, 'is_night', OLD.is_night, 'post_ids', OLD.post_ids),
          NULL);
END;
CREATE TRIGGER staff_availability_audit_insert AFTER INSERT ON staff_availability
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'staff_availability', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'staff_id', NEW.staff_id, 'kind', NEW.kind));
END;
CREATE TRIGGER staff_availability_audit_update AFTER UPDATE ON staff_availability
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'staff_availability', NEW.id, 'update',
          json_object('id', OLD.id, 'staff_id', OLD.staff_id, 'kind', OLD.kind),
          json_object('id', NEW.id, 'staff_id', NEW.staff_id, 'kind', NEW.kind));
END;
CREATE TRIGGER staff_availability_audit_delete AFTER DELETE ON staff_availability
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'staff_availability', OLD.id, 'delete',
          json_object('id', OLD.id, 'staff_id', OLD.staff_id, 'kind', OLD.kind),
          NULL);
END;
CREATE TRIGGER duties_audit_insert AFTER INSERT ON duties
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'duties', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'post_id', NEW.post_id, 'shift_id', NEW.shift_id, 'staff_id', NEW.staff_id, 'date', NEW.date, 'locked', NEW.locked, 'note', NEW.note));
END;
CREATE TRIGGER duties_audit_update AFTER UPDATE ON duties
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'duties', NEW.id, 'update',
          json_object('id', OLD.id, 'post_id', OLD.post_id, 'shift_id', OLD.shift_id, 'staff_id', OLD.staff_id, 'date', OLD.date, 'locked', OLD.locked, 'note', OLD.note),
          json_object('id', NEW.id, 'post_id', NEW.post_id, 'shift_id', NEW.shift_id, 'staff_id', NEW.staff_id, 'date', NEW.date, 'locked', NEW.locked, 'note', NEW.note));
END;
CREATE TRIGGER duties_audit_delete AFTER DELETE ON duties
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'duties', OLD.id, 'delete',
          json_object('id', OLD.id, 'post_id', OLD.post_id, 'shift_id', OLD.shift_id, 'staff_id', OLD.staff_id, 'date', OLD.date, 'locked', OLD.locked, 'note', OLD.note),
          NULL);
END;
CREATE TRIGGER handovers_audit_insert AFTER INSERT ON handovers
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'handovers', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'post_id', NEW.post_id, 'shift_id', NEW.shift_id, 'date', NEW.date, 'written_by', NEW.written_by, 'written_at', NEW.written_at, 'happened', NEW.happened, 'to_watch', NEW.to_watch, 'acknowledged_by', NEW.acknowledged_by, 'acknowledged_at', NEW.acknowledged_at));
END;
CREATE TRIGGER handovers_audit_update AFTER UPDATE ON handovers
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'handovers', NEW.id, 'update',
          json_object('id', OLD.id, 'post_id', OLD.post_id, 'shift_id', OLD.shift_id, 'date', OLD.date, 'written_by', OLD.written_by, 'written_at', OLD.written_at, 'happened', OLD.happened, 'to_watch', OLD.to_watch, 'acknowledged_by', OLD.acknowledged_by, 'acknowledged_at', OLD.acknowledged_at),
          json_object('id', NEW.id, 'post_id', NEW.post_id, 'shift_id', NEW.shift_id, 'date', NEW.date, 'written_by', NEW.written_by, 'written_at', NEW.written_at, 'happened', NEW.happened, 'to_watch', NEW.to_watch, 'acknowledged_by', NEW.acknowledged_by, 'acknowledged_at', NEW.acknowledged_at));
END;
CREATE TRIGGER handovers_audit_delete AFTER DELETE ON handovers
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'handovers', OLD.id, 'delete',
          json_object('id', OLD.id, 'post_id', OLD.post_id, 'shift_id', OLD.shift_id, 'date', OLD.date, 'written_by', OLD.written_by, 'written_at', OLD.written_at, 'happened', OLD.happened, 'to_watch', OLD.to_watch, 'acknowledged_by', OLD.acknowledged_by, 'acknowledged_at', OLD.acknowledged_at),
          NULL);
END;
CREATE TRIGGER rule_sets_audit_insert AFTER INSERT ON rule_sets
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'rule_sets', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'name', NEW.name, 'audience', NEW.audience, 'version', NEW.version, 'title', NEW.title, 'effective_date', NEW.effective_date, 'body', NEW.body, 'family', NEW.family));
END;
CREATE TRIGGER rule_sets_audit_update AFTER UPDATE ON rule_sets
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'rule_sets', NEW.id, 'update',
          json_object('id', OLD.id, 'name', OLD.name, 'audience', OLD.audience, 'version', OLD.version, 'title', OLD.title, 'effective_date', OLD.effective_date, 'body', OLD.body, 'family', OLD.family),
          json_object('id', NEW.id, 'name', NEW.name, 'audience', NEW.audience, 'version', NEW.version, 'title', NEW.title, 'effective_date', NEW.effective_date, 'body', NEW.body, 'family', NEW.family));
END;
CREATE TRIGGER rule_sets_audit_delete AFTER DELETE ON rule_sets
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'rule_sets', OLD.id, 'delete',
          json_object('id', OLD.id, 'name', OLD.name, 'audience', OLD.audience, 'version', OLD.version, 'title', OLD.title, 'effective_date', OLD.effective_date, 'body', OLD.body, 'family', OLD.family),
          NULL);
END;
CREATE TRIGGER commitments_audit_insert AFTER INSERT ON commitments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'commitments', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'rule_set_id', NEW.rule_set_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'signed_on', NEW.signed_on, 'guardian_signed', NEW.guardian_signed, 'collected_by', NEW.collected_by));
END;
CREATE TRIGGER commitments_audit_update AFTER UPDATE ON commitments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'commitments', NEW.id, 'update',
          json_object('id', OLD.id, 'rule_set_id', OLD.rule_set_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'signed_on', OLD.signed_on, 'guardian_signed', OLD.guardian_signed, 'collected_by', OLD.collected_by),
          json_object('id', NEW.id, 'rule_set_id', NEW.rule_set_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'signed_on', NEW.signed_on, 'guardian_signed', NEW.guardian_signed, 'collected_by', NEW.collected_by));
END;
CREATE TRIGGER commitments_audit_delete AFTER DELETE ON commitments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'commitments', OLD.id, 'delete',
          json_object('id', OLD.id, 'rule_set_id', OLD.rule_set_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'signed_on', OLD.signed_on, 'guardian_signed', OLD.guardian_signed, 'collected_by', OLD.collected_by),
          NULL);
END;
CREATE TRIGGER leaves_audit_insert AFTER INSERT ON leaves
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'leaves', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'student_id', NEW.student_id, 'from_time', NEW.from_time, 'to_time', NEW.to_time, 'reason', NEW.reason, 'destination', NEW.destination, 'guardian_name', NEW.guardian_name, 'guardian_phone', NEW.guardian_phone, 'state', NEW.state, 'approved_by', NEW.approved_by, 'note', NEW.note));
END;
CREATE TRIGGER leaves_audit_update AFTER UPDATE ON leaves
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'leaves', NEW.id, 'update',
          json_object('id', OLD.id, 'student_id', OLD.student_id, 'from_time', OLD.from_time, 'to_time', OLD.to_time, 'reason', OLD.reason, 'destination', OLD.destination, 'guardian_name', OLD.guardian_name, 'guardian_phone', OLD.guardian_phone, 'state', OLD.state, 'approved_by', OLD.approved_by, 'note', OLD.note),
          json_object('id', NEW.id, 'student_id', NEW.student_id, 'from_time', NEW.from_time, 'to_time', NEW.to_time, 'reason', NEW.reason, 'destination', NEW.destination, 'guardian_name', NEW.guardian_name, 'guardian_phone', NEW.guardian_phone, 'state', NEW.state, 'approved_by', NEW.approved_by, 'note', NEW.note));
END;
CREATE TRIGGER leaves_audit_delete AFTER DELETE ON leaves
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'leaves', OLD.id, 'delete',
          json_object('id', OLD.id, 'student_id', OLD.student_id, 'from_time', OLD.from_time, 'to_time', OLD.to_time, 'reason', OLD.reason, 'destination', OLD.destination, 'guardian_name', OLD.guardian_name, 'guardian_phone', OLD.guardian_phone, 'state', OLD.state, 'approved_by', OLD.approved_by, 'note', OLD.note),
          NULL);
END;
CREATE TRIGGER night_checks_audit_insert AFTER INSERT ON night_checks
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'night_checks', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'night', NEW.night, 'building_id', NEW.building_id, 'supervisor_id', NEW.supervisor_id, 'started_at', NEW.started_at, 'note', NEW.note));
END;
CREATE TRIGGER night_checks_audit_update AFTER UPDATE ON night_checks
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'night_checks', NEW.id, 'update',
          json_object('id', OLD.id, 'night', OLD.night, 'building_id', OLD.building_id, 'supervisor_id', OLD.supervisor_id, 'started_at', OLD.started_at, 'note', OLD.note),
          json_object('id', NEW.id, 'night', NEW.night, 'building_id', NEW.building_id, 'supervisor_id', NEW.supervisor_id, 'started_at', NEW.started_at, 'note', NEW.note));
END;
CREATE TRIGGER night_checks_audit_delete AFTER DELETE ON night_checks
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'night_checks', OLD.id, 'delete',
          json_object('id', OLD.id, 'night', OLD.night, 'building_id', OLD.building_id, 'supervisor_id', OLD.supervisor_id, 'started_at', OLD.started_at, 'note', OLD.note),
          NULL);
END;
CREATE TRIGGER night_check_entries_audit_insert AFTER INSERT ON night_check_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'night_check_entries', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'check_id', NEW.check_id, 'student_id', NEW.student_id, 'bed_id', NEW.bed_id, 'status', NEW.status, 'note', NEW.note, 'leave_id', NEW.leave_id));
END;
CREATE TRIGGER night_check_entries_audit_update AFTER UPDATE ON night_check_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'night_check_entries', NEW.id, 'update',
          json_object('id', OLD.id, 'check_id', OLD.check_id, 'student_id', OLD.student_id, 'bed_id', OLD.bed_id, 'status', OLD.status, 'note', OLD.note, 'leave_id', OLD.leave_id),
          json_object('id', NEW.id, 'check_id', NEW.check_id, 'student_id', NEW.student_id, 'bed_id', NEW.bed_id, 'status', NEW.status, 'note', NEW.note, 'leave_id', NEW.leave_id));
END;
CREATE TRIGGER night_check_entries_audit_delete AFTER DELETE ON night_check_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'night_check_entries', OLD.id, 'delete',
          json_object('id', OLD.id, 'check_id', OLD.check_id, 'student_id', OLD.student_id, 'bed_id', OLD.bed_id, 'status', OLD.status, 'note', OLD.note, 'leave_id', OLD.leave_id),
          NULL);
END;
CREATE TRIGGER incidents_audit_insert AFTER INSERT ON incidents
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'incidents', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'occurred_at', NEW.occurred_at, 'place_kind', NEW.place_kind, 'room_id', NEW.room_id, 'building_id', NEW.building_id, 'place_text', NEW.place_text, 'category', NEW.category, 'severity', NEW.severity, 'description', NEW.description, 'reported_by', NEW.reported_by, 'actions', NEW.actions, 'guardians_informed_by', NEW.guardians_informed_by, 'police_contact', NEW.police_contact, 'state', NEW.state, 'outcome', NEW.outcome, 'source_kind', NEW.source_kind, 'created_by', NEW.created_by));
END;
CREATE TRIGGER incidents_audit_update AFTER UPDATE ON incidents
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'incidents', NEW.id, 'update',
          json_object('id', OLD.id, 'occurred_at', OLD.occurred_at, 'place_kind', OLD.place_kind, 'room_id', OLD.room_id, 'building_id', OLD.building_id, 'place_text', OLD.place_text, 'category', OLD.category, 'severity', OLD.severity, 'description', OLD.description, 'reported_by', OLD.reported_by, 'actions', OLD.actions, 'guardians_informed_by', OLD.guardians_informed_by, 'police_contact', OLD.police_contact, 'state', OLD.state, 'outcome', OLD.outcome, 'source_kind', OLD.source_kind, 'created_by', OLD.created_by),
          json_object('id', NEW.id, 'occurred_at', NEW.occurred_at, 'place_kind', NEW.place_kind, 'room_id', NEW.room_id, 'building_id', NEW.building_id, 'place_text', NEW.place_text, 'category', NEW.category, 'severity', NEW.severity, 'description', NEW.description, 'reported_by', NEW.reported_by, 'actions', NEW.actions, 'guardians_informed_by', NEW.guardians_informed_by, 'police_contact', NEW.police_contact, 'state', NEW.state, 'outcome', NEW.outcome, 'source_kind', NEW.source_kind, 'created_by', NEW.created_by));
END;
CREATE TRIGGER incidents_audit_delete AFTER DELETE ON incidents
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'incidents', OLD.id, 'delete',
          json_object('id', OLD.id, 'occurred_at', OLD.occurred_at, 'place_kind', OLD.place_kind, 'room_id', OLD.room_id, 'building_id', OLD.building_id, 'place_text', OLD.place_text, 'category', OLD.category, 'severity', OLD.severity, 'description', OLD.description, 'reported_by', OLD.reported_by, 'actions', OLD.actions, 'guardians_informed_by', OLD.guardians_informed_by, 'police_contact', OLD.police_contact, 'state', OLD.state, 'outcome', OLD.outcome, 'source_kind', OLD.source_kind, 'created_by', OLD.created_by),
          NULL);
END;
CREATE TRIGGER incident_people_audit_insert AFTER INSERT ON incident_people
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'incident_people', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'incident_id', NEW.incident_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'part', NEW.part));
END;
CREATE TRIGGER incident_people_audit_update AFTER UPDATE ON incident_people
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'incident_people', NEW.id, 'update',
          json_object('id', OLD.id, 'incident_id', OLD.incident_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'part', OLD.part),
          json_object('id', NEW.id, 'incident_id', NEW.incident_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'part', NEW.part));
END;
CREATE TRIGGER incident_people_audit_delete AFTER DELETE ON incident_people
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'incident_people', OLD.id, 'delete',
          json_object('id', OLD.id, 'incident_id', OLD.incident_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'part', OLD.part),
          NULL);
END;
CREATE TRIGGER assessments_audit_insert AFTER INSERT ON assessments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'assessments', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'school_year', NEW.school_year, 'circular', NEW.circular, 'approved_by', NEW.approved_by, 'frozen_figures', NEW.frozen_figures));
END;
CREATE TRIGGER assessments_audit_update AFTER UPDATE ON assessments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'assessments', NEW.id, 'update',
          json_object('id', OLD.id, 'school_year', OLD.school_year, 'circular', OLD.circular, 'approved_by', OLD.approved_by, 'frozen_figures', OLD.frozen_figures),
          json_object('id', NEW.id, 'school_year', NEW.school_year, 'circular', NEW.circular, 'approved_by', NEW.approved_by, 'frozen_figures', NEW.frozen_figures));
END;
CREATE TRIGGER assessments_audit_delete AFTER DELETE ON assessments
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'assessments', OLD.id, 'delete',
          json_object('id', OLD.id, 'school_year', OLD.school_year, 'circular', OLD.circular, 'approved_by', OLD.approved_by, 'frozen_figures', OLD.frozen_figures),
          NULL);
END;
CREATE TRIGGER assessment_items_audit_insert AFTER INSERT ON assessment_items
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'assessment_items', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'assessment_id', NEW.assessment_id, 'criterion', NEW.criterion, 'met', NEW.met, 'evidence', NEW.evidence, 'files', NEW.files));
END;
CREATE TRIGGER assessment_items_audit_update AFTER UPDATE ON assessment_items
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'assessment_items', NEW.id, 'update',
          json_object('id', OLD.id, 'assessment_id', OLD.assessment_id, 'criterion', OLD.criterion, 'met', OLD.met, 'evidence', OLD.evidence, 'files', OLD.files),
          json_object('id', NEW.id, 'assessment_id', NEW.assessment_id, 'criterion', NEW.criterion, 'met', NEW.met, 'evidence', NEW.evidence, 'files', NEW.files));
END;
CREATE TRIGGER assessment_items_audit_delete AFTER DELETE ON assessment_items
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'assessment_items', OLD.id, 'delete',
          json_object('id', OLD.id, 'assessment_id', OLD.assessment_id, 'criterion', OLD.criterion, 'met', OLD.met, 'evidence', OLD.evidence, 'files', OLD.files),
          NULL);
END;
CREATE TRIGGER emergency_rolls_audit_insert AFTER INSERT ON emergency_rolls
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_rolls', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'kind', NEW.kind, 'started_at', NEW.started_at, 'started_by', NEW.started_by, 'note', NEW.note));
END;
CREATE TRIGGER emergency_rolls_audit_update AFTER UPDATE ON emergency_rolls
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_rolls', NEW.id, 'update',
          json_object('id', OLD.id, 'kind', OLD.kind, 'started_at', OLD.started_at, 'started_by', OLD.started_by, 'note', OLD.note),
          json_object('id', NEW.id, 'kind', NEW.kind, 'started_at', NEW.started_at, 'started_by', NEW.started_by, 'note', NEW.note));
END;
CREATE TRIGGER emergency_rolls_audit_delete AFTER DELETE ON emergency_rolls
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_rolls', OLD.id, 'delete',
          json_object('id', OLD.id, 'kind', OLD.kind, 'started_at', OLD.started_at, 'started_by', OLD.started_by, 'note', OLD.note),
          NULL);
END;
CREATE TRIGGER emergency_roll_entries_audit_insert AFTER INSERT ON emergency_roll_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_roll_entries', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'roll_id', NEW.roll_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'building_id', NEW.building_id, 'status', NEW.status));
END;
CREATE TRIGGER emergency_roll_entries_audit_update AFTER UPDATE ON emergency_roll_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_roll_entries', NEW.id, 'update',
          json_object('id', OLD.id, 'roll_id', OLD.roll_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'building_id', OLD.building_id, 'status', OLD.status),
          json_object('id', NEW.id, 'roll_id', NEW.roll_id, 'student_id', NEW.student_id, 'staff_id', NEW.staff_id, 'building_id', NEW.building_id, 'status', NEW.status));
END;
CREATE TRIGGER emergency_roll_entries_audit_delete AFTER DELETE ON emergency_roll_entries
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'emergency_roll_entries', OLD.id, 'delete',
          json_object('id', OLD.id, 'roll_id', OLD.roll_id, 'student_id', OLD.student_id, 'staff_id', OLD.staff_id, 'building_id', OLD.building_id, 'status', OLD.status),
          NULL);
END;
CREATE TRIGGER visitors_audit_insert AFTER INSERT ON visitors
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'visitors', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'name', NEW.name, 'id_number', NEW.id_number, 'phone', NEW.phone, 'visit_student_id', NEW.visit_student_id, 'visit_staff_id', NEW.visit_staff_id, 'purpose', NEW.purpose, 'in_at', NEW.in_at, 'guard_id', NEW.guard_id, 'relation', NEW.relation));
END;
CREATE TRIGGER visitors_audit_update AFTER UPDATE ON visitors
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'visitors', NEW.id, 'update',
          json_object('id', OLD.id, 'name', OLD.name, 'id_number', OLD.id_number, 'phone', OLD.phone, 'visit_student_id', OLD.visit_student_id, 'visit_staff_id', OLD.visit_staff_id, 'purpose', OLD.purpose, 'in_at', OLD.in_at, 'guard_id', OLD.guard_id, 'relation', OLD.relation),
          json_object('id', NEW.id, 'name', NEW.name, 'id_number', NEW.id_number, 'phone', NEW.phone, 'visit_student_id', NEW.visit_student_id, 'visit_staff_id', NEW.visit_staff_id, 'purpose', NEW.purpose, 'in_at', NEW.in_at, 'guard_id', NEW.guard_id, 'relation', NEW.relation));
END;
CREATE TRIGGER visitors_audit_delete AFTER DELETE ON visitors
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'visitors', OLD.id, 'delete',
          json_object('id', OLD.id, 'name', OLD.name, 'id_number', OLD.id_number, 'phone', OLD.phone, 'visit_student_id', OLD.visit_student_id, 'visit_staff_id', OLD.visit_staff_id, 'purpose', OLD.purpose, 'in_at', OLD.in_at, 'guard_id', OLD.guard_id, 'relation', OLD.relation),
          NULL);
END;
CREATE TRIGGER inspection_criteria_audit_insert AFTER INSERT ON inspection_criteria
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'inspection_criteria', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'name', NEW.name, 'max_points', NEW.max_points, 'position', NEW.position, 'active', NEW.active));
END;
CREATE TRIGGER inspection_criteria_audit_update AFTER UPDATE ON inspection_criteria
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'inspection_criteria', NEW.id, 'update',
          json_object('id', OLD.id, 'name', OLD.name, 'max_points', OLD.max_points, 'position', OLD.position, 'active', OLD.active),
          json_object('id', NEW.id, 'name', NEW.name, 'max_points', NEW.max_points, 'position', NEW.position, 'active', NEW.active));
END;
CREATE TRIGGER inspection_criteria_audit_delete AFTER DELETE ON inspection_criteria
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'inspection_criteria', OLD.id, 'delete',
          json_object('id', OLD.id, 'name', OLD.name, 'max_points', OLD.max_points, 'position', OLD.position, 'active', OLD.active),
          NULL);
END;
CREATE TRIGGER room_inspections_audit_insert AFTER INSERT ON room_inspections
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'room_inspections', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'room_id', NEW.room_id, 'date', NEW.date, 'inspector_id', NEW.inspector_id, 'note', NEW.note));
END;
CREATE TRIGGER room_inspections_audit_update AFTER UPDATE ON room_inspections
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'room_inspections', NEW.id, 'update',
          json_object('id', OLD.id, 'room_id', OLD.room_id, 'date', OLD.date, 'inspector_id', OLD.inspector_id, 'note', OLD.note),
          json_object('id', NEW.id, 'room_id', NEW.room_id, 'date', NEW.date, 'inspector_id', NEW.inspector_id, 'note', NEW.note));
END;
CREATE TRIGGER room_inspections_audit_delete AFTER DELETE ON room_inspections
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'room_inspections', OLD.id, 'delete',
          json_object('id', OLD.id, 'room_id', OLD.room_id, 'date', OLD.date, 'inspector_id', OLD.inspector_id, 'note', OLD.note),
          NULL);
END;
CREATE TRIGGER room_inspection_scores_audit_insert AFTER INSERT ON room_inspection_scores
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'room_inspection_scores', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'inspection_id', NEW.inspection_id, 'criterion_id', NEW.criterion_id, 'points', NEW.points, 'note', NEW.note));
END;
CREATE TRIGGER room_inspection_scores_audit_update AFTER UPDATE ON room_inspection_scores
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'room_inspection_scores', NEW.id, 'update',
          json_object('id', OLD.id, 'inspection_id', OLD.inspection_id, 'criterion_id', OLD.criterion_id, 'points', OLD.points, 'note', OLD.note),
          json_object('id', NEW.id, 'inspection_id', NEW.inspection_id, 'criterion_id', NEW.criterion_id, 'points', NEW.points, 'note', NEW.note));
END;
CREATE TRIGGER room_inspection_scores_audit_delete AFTER DELETE ON room_inspection_scores
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'room_inspection_scores', OLD.id, 'delete',
          json_object('id', OLD.id, 'inspection_id', OLD.inspection_id, 'criterion_id', OLD.criterion_id, 'points', OLD.points, 'note', OLD.note),
          NULL);
END;
CREATE TRIGGER dialogues_audit_insert AFTER INSERT ON dialogues
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'dialogues', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'held_on', NEW.held_on, 'chaired_by', NEW.chaired_by, 'attendees', NEW.attendees, 'note', NEW.note));
END;
CREATE TRIGGER dialogues_audit_update AFTER UPDATE ON dialogues
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'dialogues', NEW.id, 'update',
          json_object('id', OLD.id, 'held_on', OLD.held_on, 'chaired_by', OLD.chaired_by, 'attendees', OLD.attendees, 'note', OLD.note),
          json_object('id', NEW.id, 'held_on', NEW.held_on, 'chaired_by', NEW.chaired_by, 'attendees', NEW.attendees, 'note', NEW.note));
END;
CREATE TRIGGER dialogues_audit_delete AFTER DELETE ON dialogues
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'dialogues', OLD.id, 'delete',
          json_object('id', OLD.id, 'held_on', OLD.held_on, 'chaired_by', OLD.chaired_by, 'attendees', OLD.attendees, 'note', OLD.note),
          NULL);
END;
CREATE TRIGGER dialogue_items_audit_insert AFTER INSERT ON dialogue_items
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'dialogue_items', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'dialogue_id', NEW.dialogue_id, 'question', NEW.question, 'answer', NEW.answer, 'follow_up_by', NEW.follow_up_by, 'closed_at', NEW.closed_at));
END;
CREATE TRIGGER dialogue_items_audit_update AFTER UPDATE ON dialogue_items
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'dialogue_items', NEW.id, 'update',
          json_object('id', OLD.id, 'dialogue_id', OLD.dialogue_id, 'question', OLD.question, 'answer', OLD.answer, 'follow_up_by', OLD.follow_up_by, 'closed_at', OLD.closed_at),
          json_object('id', NEW.id, 'dialogue_id', NEW.dialogue_id, 'question', NEW.question, 'answer', NEW.answer, 'follow_up_by', NEW.follow_up_by, 'closed_at', NEW.closed_at));
END;
CREATE TRIGGER dialogue_items_audit_delete AFTER DELETE ON dialogue_items
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'dialogue_items', OLD.id, 'delete',
          json_object('id', OLD.id, 'dialogue_id', OLD.dialogue_id, 'question', OLD.question, 'answer', OLD.answer, 'follow_up_by', OLD.follow_up_by, 'closed_at', OLD.closed_at),
          NULL);
END;
CREATE TRIGGER confidential_reports_audit_insert AFTER INSERT ON confidential_reports
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'confidential_reports', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'received_at', NEW.received_at, 'channel', NEW.channel, 'received_by', NEW.received_by, 'incident_id', NEW.incident_id));
END;
CREATE TRIGGER confidential_reports_audit_update AFTER UPDATE ON confidential_reports
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'confidential_reports', NEW.id, 'update',
          json_object('id', OLD.id, 'received_at', OLD.received_at, 'channel', OLD.channel, 'received_by', OLD.received_by, 'incident_id', OLD.incident_id),
          json_object('id', NEW.id, 'received_at', NEW.received_at, 'channel', NEW.channel, 'received_by', NEW.received_by, 'incident_id', NEW.incident_id));
END;
CREATE TRIGGER confidential_reports_audit_delete AFTER DELETE ON confidential_reports
BEGIN
  INSERT INTO audit_log (staff_id, table_name, row_id, action, old_values, new_values)
  VALUES ((SELECT staff_id FROM app_session WHERE id = 1), 'confidential_reports', OLD.id, 'delete',
          json_object('id', OLD.id, 'received_at', OLD.received_at, 'channel', OLD.channel, 'received_by', OLD.received_by, 'incident_id', OLD.incident_id),
          NULL);
END;
