/* nt-rooms.c: dorm buildings, rooms and beds
 *
 * A building, room or bed that someone has slept in is part of the history
 * (bed_assignments points at it) and is never deleted, only deactivated;
 * deactivating one with a student in it now is refused, so that nobody
 * sleeps in a bed the program no longer shows.
 *
 * A room's capacity is kept equal to its number of active beds: the beds
 * are what the assignment counts, the capacity what the reports print.
 */
#define G_LOG_DOMAIN "nt-rooms"

#include <string.h>

#include "nt-access.h"
#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-rooms.h"
#include "nt-row.h"
#include "nt-sql.h"
#include "nt-vntext.h"
#include "nt-util.h"

/* ----- list rows --------------------------------------------------------- */

static const NtRowField building_fields[] = {
  NT_ROW_PROPERTY (NtBuilding, id, "id", INT64),
  NT_ROW_PROPERTY (NtBuilding, name, "name", STRING),
  NT_ROW_PROPERTY (NtBuilding, gender, "gender", STRING),
  NT_ROW_PROPERTY (NtBuilding, active, "active", BOOLEAN),
  NT_ROW_PROPERTY (NtBuilding, occupied, "occupied", INT),
  NT_ROW_PROPERTY (NtBuilding, total, "total", INT),
  NT_ROW_OWNED_STRING (NtBuilding, assembly_point),
  NT_ROW_OWNED_STRING (NtBuilding, notes),
};

NT_DEFINE_ROW_TYPE (NtBuilding, nt_building, building_fields)

static const NtRowField room_fields[] = {
  NT_ROW_PROPERTY (NtRoom, id, "id", INT64),
  NT_ROW_PROPERTY (NtRoom, number, "number", STRING),
  NT_ROW_PROPERTY (NtRoom, floor, "floor", INT),
  NT_ROW_PROPERTY (NtRoom, gender, "gender", STRING),
  NT_ROW_PROPERTY (NtRoom, kind, "kind", STRING),
  NT_ROW_PROPERTY (NtRoom, active, "active", BOOLEAN),
  NT_ROW_PROPERTY (NtRoom, occupied, "occupied", INT),
  NT_ROW_PROPERTY (NtRoom, total, "total", INT),
  NT_ROW_OWNED_STRING (NtRoom, building_name),
  NT_ROW_OWNED_STRING (NtRoom, notes),
};

NT_DEFINE_ROW_TYPE (NtRoom, nt_room, room_fields)

static const NtRowField bed_fields[] = {
  NT_ROW_PROPERTY (NtBed, id, "id", INT64),
  NT_ROW_PROPERTY (NtBed, label, "label", STRING),
  NT_ROW_PROPERTY (NtBed, active, "active", BOOLEAN),
  NT_ROW_PROPERTY (NtBed, locked, "locked", BOOLEAN),
  NT_ROW_PROPERTY (NtBed, student_id, "student-id", INT64),
  NT_ROW_PROPERTY (NtBed, student_name, "student-name", STRING),
  NT_ROW_PROPERTY (NtBed, class_name, "class-name", STRING),
  NT_ROW_OWNED_STRING (NtBed, student_code),
  NT_ROW_OWNED_STRING (NtBed, since),
};

NT_DEFINE_ROW_TYPE (NtBed, nt_bed, bed_fields)

static const NtRowField assignment_fields[] = {
  NT_ROW_PROPERTY (NtAssignment, id, "id", INT64),
  NT_ROW_PROPERTY (NtAssignment, student_name, "student-name", STRING),
  NT_ROW_PROPERTY (NtAssignment, room_number, "room-number", STRING),
  NT_ROW_PROPERTY (NtAssignment, bed_label, "bed-label", STRING),
  NT_ROW_PROPERTY (NtAssignment, start_date, "start-date", STRING),
  NT_ROW_PROPERTY (NtAssignment, end_date, "end-date", STRING),
  NT_ROW_PROPERTY (NtAssignment, reason, "reason", STRING),
  NT_ROW_OWNED_STRING (NtAssignment, student_code),
  NT_ROW_OWNED_STRING (NtAssignment, class_name),
  NT_ROW_OWNED_STRING (NtAssignment, building_name),
  NT_ROW_OWNED_STRING (NtAssignment, batch),
};

NT_DEFINE_ROW_TYPE (NtAssignment, nt_assignment, assignment_fields)

/* ----- helpers ----------------------------------------------------------- */

static gboolean
gender_valid (const char *gender)
{
  return gender != NULL && (g_str_equal (gender, "M") || g_str_equal (gender, "F") || g_str_equal (gender, "X"));
}

static gboolean
kind_valid (const char *kind)
{
  return g_str_equal (kind, "dorm") || g_str_equal (kind, "infirmary") || g_str_equal (kind, "staff");
}

/* A one-row, one-column query with an integer parameter. */
static gint64
count_with_id (NtStore    *store,
               const char *sql,
               gint64      id)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, NULL);
  gint64 n = 0;

  g_return_val_if_fail (stmt != NULL, 0);
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* "A101 (Nhà A)", for messages; "#id" when the room is gone. */
static char *
describe_room (NtStore *store,
               gint64   room_id)
{
  sqlite3_stmt *stmt = nt_store_prepare (store,
                                         "SELECT r.number, bl.name FROM rooms r JOIN buildings bl ON bl.id = r.building_id "
                                         "WHERE r.id = ?1", NULL);
  char *out = NULL;

  g_return_val_if_fail (stmt != NULL, NULL);
  sqlite3_bind_int64 (stmt, 1, room_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out = g_strdup_printf (_("%s (%s)"), sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1));
  else
    out = g_strdup_printf ("#%" G_GINT64_FORMAT, room_id);
  sqlite3_reset (stmt);
  return out;
}

static char *
building_name (NtStore *store,
               gint64   building_id)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "SELECT name FROM buildings WHERE id = ?1", NULL);
  char *out = NULL;

  g_return_val_if_fail (stmt != NULL, NULL);
  sqlite3_bind_int64 (stmt, 1, building_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out = nt_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return out;
}

/* Runs a write with one or two integer parameters and checks that it
 * touched a row; a missing row is NT_ERROR_NOT_FOUND with @missing. */
static gboolean
write_ids (NtStore     *store,
           const char  *sql,
           gint64       id,
           gint64       value,
           const char  *missing,
           GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, value);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) == 0)
    {
      g_set_error_literal (error, NT_ERROR, NT_ERROR_NOT_FOUND, missing);
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec_id (NtStore     *store,
         const char  *sql,
         gint64       id,
         GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return nt_store_step_done (store, stmt, error);
}

static gboolean
sync_capacity (NtStore  *store,
               gint64    room_id,
               GError  **error)
{
  return exec_id (store,
                  "UPDATE rooms SET capacity = (SELECT count(*) FROM beds WHERE room_id = ?1 AND active = 1) "
                  "WHERE id = ?1", room_id, error);
}

/* The name of one student who sleeps now in a room of @where, or NULL.
 * @sql selects a full name with ?1 the id and ?2 a gender to exclude ('' for none). */
static char *
first_name (NtStore    *store,
            const char *sql,
            gint64      id,
            const char *gender)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, NULL);
  char *out = NULL;

  g_return_val_if_fail (stmt != NULL, NULL);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, gender ? gender : "", -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out = nt_sql_column_dup (stmt, 0);
  sqlite3_reset (stmt);
  return out;
}

#define OCCUPANT_IN_BUILDING \
  "SELECT s.full_name FROM bed_assignments a JOIN students s ON s.id = a.student_id " \
  "JOIN beds b ON b.id = a.bed_id JOIN rooms r ON r.id = b.room_id " \
  "WHERE r.building_id = ?1 AND a.end_date IS NULL AND s.gender <> ?2 ORDER BY s.name_key LIMIT 1"
#define OCCUPANT_IN_ROOM \
  "SELECT s.full_name FROM bed_assignments a JOIN students s ON s.id = a.student_id " \
  "JOIN beds b ON b.id = a.bed_id " \
  "WHERE b.room_id = ?1 AND a.end_date IS NULL AND s.gender <> ?2 ORDER BY s.name_key LIMIT 1"

/* ----- buildings --------------------------------------------------------- */

static gboolean
validate_building (NtStore                *store,
                   gint64                  building_id,
                   const NtBuildingInput  *input,
                   GError                **error)
{
  sqlite3_stmt *stmt;
  gboolean taken;

  {
    g_autofree char *name = g_strstrip (g_strdup (input->name ? input->name : ""));

    if (name[0] == '\0')
      {
        g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("The building needs a name."));
        return FALSE;
      }
  }
  if (!gender_valid (input->gender))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Building “%s”: the gender must be boys, girls or any."), input->name);
      return FALSE;
    }
  if (input->floors < 1 || input->floors > 30)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Building “%s”: the number of floors must be between 1 and 30."), input->name);
      return FALSE;
    }

  stmt = nt_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM buildings WHERE name = trim (?1) AND id <> ?2)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, input->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, building_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (taken)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS, _("There is already a building named “%s”."), input->name);
      return FALSE;
    }
  return TRUE;
}

/**
 * nt_rooms_add_building:
 *
 * Returns: the new building's id, or 0 with @error set
 */
gint64
nt_rooms_add_building (NtStore                *store,
                       const NtBuildingInput  *input,
                       GError                **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return 0;

  if (!validate_building (store, 0, input, error))
    return 0;
  stmt = nt_store_prepare (store,
                           "INSERT INTO buildings (name, gender, floors, assembly_point, notes) "
                           "VALUES (trim (?1), ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, input->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, input->gender, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, input->floors);
  sqlite3_bind_text (stmt, 4, input->assembly_point ? input->assembly_point : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, input->notes ? input->notes : "", -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  nt_store_emit_changed (store, "buildings");
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

gboolean
nt_rooms_edit_building (NtStore                *store,
                        gint64                  building_id,
                        const NtBuildingInput  *input,
                        GError                **error)
{
  g_autofree char *other = NULL;
  sqlite3_stmt *stmt;
  gint64 top_floor;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;

  if (!validate_building (store, building_id, input, error))
    return FALSE;

  /* Changing the gender must not leave a student in a building not for them. */
  if (!g_str_equal (input->gender, "X"))
    other = first_name (store, OCCUPANT_IN_BUILDING, building_id, input->gender);
  if (other != NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Building “%s” cannot become a building for %s: %s lives there now."),
                   input->name, nt_room_gender_label (input->gender), other);
      return FALSE;
    }
  top_floor = count_with_id (store, "SELECT ifnull (max (floor), 0) FROM rooms WHERE building_id = ?1", building_id);
  if (top_floor > input->floors)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Building “%s” has rooms on floor %d; it cannot have only %d floors."),
                   input->name, (int) top_floor, input->floors);
      return FALSE;
    }

  stmt = nt_store_prepare (store,
                           "UPDATE buildings SET name = trim (?2), gender = ?3, floors = ?4, assembly_point = ?5, "
                           "notes = ?6 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, building_id);
  sqlite3_bind_text (stmt, 2, input->name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, input->gender, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, input->floors);
  sqlite3_bind_text (stmt, 5, input->assembly_point ? input->assembly_point : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, input->notes ? input->notes : "", -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  if (sqlite3_changes (nt_store_get_db (store)) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The building no longer exists."));
      return FALSE;
    }
  nt_store_emit_changed (store, "buildings");
  return TRUE;
}

gboolean
nt_rooms_set_building_active (NtStore  *store,
                              gint64    building_id,
                              gboolean  active,
                              GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;

  if (!active)
    {
      g_autofree char *someone = first_name (store, OCCUPANT_IN_BUILDING, building_id, "");

      if (someone != NULL)
        {
          g_autofree char *name = building_name (store, building_id);
          gint64 n = count_with_id (store,
                                    "SELECT count(*) FROM bed_assignments a JOIN beds b ON b.id = a.bed_id "
                                    "JOIN rooms r ON r.id = b.room_id WHERE r.building_id = ?1 AND a.end_date IS NULL",
                                    building_id);

          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       ngettext ("Building “%s” cannot be closed: %d student (%s) lives there now. Move them out first.",
                                 "Building “%s” cannot be closed: %d students (%s, …) live there now. Move them out first.",
                                 (unsigned long) n),
                       name, (int) n, someone);
          return FALSE;
        }
    }
  if (!write_ids (store, "UPDATE buildings SET active = ?2 WHERE id = ?1", building_id, active ? 1 : 0,
                  _("The building no longer exists."), error))
    return FALSE;
  nt_store_emit_changed (store, "buildings");
  return TRUE;
}

/* Deleting is for a mistake just made: a building whose beds never had a
 * student. Anything with history is refused; deactivate it instead. */
gboolean
nt_rooms_delete_building (NtStore  *store,
                          gint64    building_id,
                          GError  **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_DELETE, error))
    return FALSE;

  name = building_name (store, building_id);
  if (name == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The building no longer exists."));
      return FALSE;
    }
  if (count_with_id (store,
                     "SELECT count(*) FROM bed_assignments a JOIN beds b ON b.id = a.bed_id "
                     "JOIN rooms r ON r.id = b.room_id WHERE r.building_id = ?1", building_id) > 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Building “%s” has students in its history and cannot be deleted; close it instead."), name);
      return FALSE;
    }

  if (!nt_store_begin (store, error))
    return FALSE;
  if (!exec_id (store, "DELETE FROM beds WHERE room_id IN (SELECT id FROM rooms WHERE building_id = ?1)",
                building_id, error) ||
      !exec_id (store, "DELETE FROM rooms WHERE building_id = ?1", building_id, error) ||
      !exec_id (store, "DELETE FROM buildings WHERE id = ?1", building_id, error))
    {
      nt_store_rollback (store);
      if (error != NULL && *error != NULL && (*error)->code == NT_ERROR_CONSTRAINT)
        {
          g_clear_error (error);
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("Building “%s” is used by other records (night checks, inspections…) and cannot be deleted; close it instead."),
                       name);
        }
      return FALSE;
    }
  if (!nt_store_commit (store, error))
    return FALSE;
  nt_store_emit_changed (store, "buildings");
  nt_store_emit_changed (store, "rooms");
  return TRUE;
}

/* ----- rooms ------------------------------------------------------------- */

static gboolean
validate_room (NtStore            *store,
               gint64              room_id,
               const NtRoomInput  *input,
               GError            **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *number = g_strstrip (g_strdup (input->number ? input->number : ""));
  g_autofree char *bname = NULL;
  g_autofree char *bgender = NULL;
  const char *kind = input->kind ? input->kind : "dorm";
  int floors = 0;
  gboolean taken;

  stmt = nt_store_prepare (store, "SELECT name, gender, floors FROM buildings WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, input->building_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      bname = nt_sql_column_dup (stmt, 0);
      bgender = nt_sql_column_dup (stmt, 1);
      floors = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (bname == NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The building of the room no longer exists."));
      return FALSE;
    }
  if (number[0] == '\0')
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("Building “%s”: the room needs a number."), bname);
      return FALSE;
    }
  if (input->floor < 1 || input->floor > floors)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Room %s: the floor must be between 1 and %d (the floors of building “%s”)."),
                   number, floors, bname);
      return FALSE;
    }
  if (input->capacity < 0 || input->capacity > 100)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Room %s: the number of beds must be between 0 and 100."), number);
      return FALSE;
    }
  if (!gender_valid (input->gender))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Room %s: the gender must be boys, girls or any."), number);
      return FALSE;
    }
  if (!g_str_equal (input->gender, "X") && !g_str_equal (bgender, "X") && !g_str_equal (input->gender, bgender))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Room %s cannot be a room for %s in building “%s”, which is for %s."),
                   number, nt_room_gender_label (input->gender), bname, nt_room_gender_label (bgender));
      return FALSE;
    }
  if (!kind_valid (kind))
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Room %s: the kind must be dorm, infirmary or staff room."), number);
      return FALSE;
    }

  stmt = nt_store_prepare (store,
                           "SELECT EXISTS (SELECT 1 FROM rooms WHERE building_id = ?1 AND number = ?2 AND id <> ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, input->building_id);
  sqlite3_bind_text (stmt, 2, number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, room_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (taken)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS,
                   _("Building “%s” already has a room %s."), bname, number);
      return FALSE;
    }
  return TRUE;
}

static gint64
insert_bed (NtStore     *store,
            gint64       room_id,
            const char  *label,
            GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, "INSERT INTO beds (room_id, label) VALUES (?1, trim (?2))", error);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, room_id);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

/* Brings the room to @capacity active beds: reactivates inactive beds
 * first, then adds beds numbered after the highest; or deactivates free
 * beds from the last, refusing when the students there now would not fit. */
static gboolean
resize_room (NtStore     *store,
             gint64       room_id,
             const char  *number,
             int          capacity,
             GError     **error)
{
  int active = (int) count_with_id (store, "SELECT count(*) FROM beds WHERE room_id = ?1 AND active = 1", room_id);

  while (active < capacity)
    {
      gint64 inactive = count_with_id (store,
                                       "SELECT ifnull ((SELECT id FROM beds WHERE room_id = ?1 AND active = 0 "
                                       "ORDER BY length (label), label, id LIMIT 1), 0)", room_id);
      if (inactive > 0)
        {
          if (!exec_id (store, "UPDATE beds SET active = 1 WHERE id = ?1", inactive, error))
            return FALSE;
        }
      else
        {
          gint64 next = count_with_id (store,
                                       "SELECT ifnull (max (CAST (label AS INTEGER)), 0) + 1 FROM beds "
                                       "WHERE room_id = ?1", room_id);
          g_autofree char *label = g_strdup_printf ("%" G_GINT64_FORMAT, next);

          if (insert_bed (store, room_id, label, error) == 0)
            return FALSE;
        }
      active++;
    }

  while (active > capacity)
    {
      gint64 free_bed = count_with_id (store,
                                       "SELECT ifnull ((SELECT b.id FROM beds b WHERE b.room_id = ?1 AND b.active = 1 "
                                       "AND NOT EXISTS (SELECT 1 FROM bed_assignments a WHERE a.bed_id = b.id "
                                       "AND a.end_date IS NULL) "
                                       "ORDER BY length (b.label) DESC, b.label DESC, b.id DESC LIMIT 1), 0)", room_id);
      if (free_bed == 0)
        {
          gint64 n = count_with_id (store,
                                    "SELECT count(*) FROM bed_assignments a JOIN beds b ON b.id = a.bed_id "
                                    "WHERE b.room_id = ?1 AND a.end_date IS NULL", room_id);
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       ngettext ("Room %s has %d student now; it cannot have fewer beds than that.",
                                 "Room %s has %d students now; it cannot have fewer beds than that.",
                                 (unsigned long) n),
                       number, (int) n);
          return FALSE;
        }
      if (!exec_id (store, "UPDATE beds SET active = 0 WHERE id = ?1", free_bed, error))
        return FALSE;
      active--;
    }

  return sync_capacity (store, room_id, error);
}

/**
 * nt_rooms_add_room:
 *
 * Adds a room with @input->capacity beds labelled 1, 2, ….
 *
 * Returns: the new room's id, or 0 with @error set
 */
gint64
nt_rooms_add_room (NtStore            *store,
                   const NtRoomInput  *input,
                   GError            **error)
{
  sqlite3_stmt *stmt;
  gint64 room_id;

  g_return_val_if_fail (NT_IS_STORE (store), 0);
  g_return_val_if_fail (input != NULL, 0);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return 0;

  if (!validate_room (store, 0, input, error))
    return 0;
  if (!nt_store_begin (store, error))
    return 0;

  stmt = nt_store_prepare (store,
                           "INSERT INTO rooms (building_id, floor, number, capacity, gender, kind, notes) "
                           "VALUES (?1, ?2, trim (?3), 0, ?4, ?5, ?6)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, input->building_id);
  sqlite3_bind_int (stmt, 2, input->floor);
  sqlite3_bind_text (stmt, 3, input->number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, input->gender, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, input->kind ? input->kind : "dorm", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, input->notes ? input->notes : "", -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    goto fail;
  room_id = sqlite3_last_insert_rowid (nt_store_get_db (store));
  if (!resize_room (store, room_id, input->number, input->capacity, error) || !nt_store_commit (store, error))
    goto fail;

  nt_store_emit_changed (store, "rooms");
  nt_store_emit_changed (store, "beds");
  return room_id;

fail:
  nt_store_rollback (store);
  return 0;
}

gboolean
nt_rooms_edit_room (NtStore            *store,
                    gint64              room_id,
                    const NtRoomInput  *input,
                    GError            **error)
{
  g_autofree char *other = NULL;
  sqlite3_stmt *stmt;
  gint64 old_building;
  gint64 occupants;
  const char *kind;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);
  g_return_val_if_fail (input != NULL, FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;

  kind = input->kind ? input->kind : "dorm";
  old_building = count_with_id (store, "SELECT ifnull ((SELECT building_id FROM rooms WHERE id = ?1), 0)", room_id);
  if (old_building == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The room no longer exists."));
      return FALSE;
    }
  if (!validate_room (store, room_id, input, error))
    return FALSE;

  if (old_building != input->building_id &&
      count_with_id (store, "SELECT count(*) FROM bed_assignments a JOIN beds b ON b.id = a.bed_id "
                            "WHERE b.room_id = ?1", room_id) > 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Room %s has students in its history and cannot move to another building; add a new room there instead."),
                   input->number);
      return FALSE;
    }

  if (!g_str_equal (input->gender, "X"))
    other = first_name (store, OCCUPANT_IN_ROOM, room_id, input->gender);
  if (other != NULL)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Room %s cannot become a room for %s: %s lives there now."),
                   input->number, nt_room_gender_label (input->gender), other);
      return FALSE;
    }
  occupants = count_with_id (store, "SELECT count(*) FROM bed_assignments a JOIN beds b ON b.id = a.bed_id "
                                    "WHERE b.room_id = ?1 AND a.end_date IS NULL", room_id);
  if (!g_str_equal (kind, "dorm") && occupants > 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Room %s has boarders in it now and must stay a dorm room; move them out first."),
                   input->number);
      return FALSE;
    }

  if (!nt_store_begin (store, error))
    return FALSE;
  stmt = nt_store_prepare (store,
                           "UPDATE rooms SET building_id = ?2, floor = ?3, number = trim (?4), gender = ?5, "
                           "kind = ?6, notes = ?7 WHERE id = ?1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, room_id);
  sqlite3_bind_int64 (stmt, 2, input->building_id);
  sqlite3_bind_int (stmt, 3, input->floor);
  sqlite3_bind_text (stmt, 4, input->number, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, input->gender, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, input->notes ? input->notes : "", -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    goto fail;
  if (!resize_room (store, room_id, input->number, input->capacity, error) || !nt_store_commit (store, error))
    goto fail;

  nt_store_emit_changed (store, "rooms");
  nt_store_emit_changed (store, "beds");
  return TRUE;

fail:
  nt_store_rollback (store);
  return FALSE;
}

gboolean
nt_rooms_set_room_active (NtStore  *store,
                          gint64    room_id,
                          gboolean  active,
                          GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;

  if (!active)
    {
      g_autofree char *someone = first_name (store, OCCUPANT_IN_ROOM, room_id, "");

      if (someone != NULL)
        {
          g_autofree char *room = describe_room (store, room_id);
          gint64 n = count_with_id (store, "SELECT count(*) FROM bed_assignments a JOIN beds b ON b.id = a.bed_id "
                                           "WHERE b.room_id = ?1 AND a.end_date IS NULL", room_id);

          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       ngettext ("Room %s cannot be closed: %d student (%s) sleeps there now. Move them out first.",
                                 "Room %s cannot be closed: %d students (%s, …) sleep there now. Move them out first.",
                                 (unsigned long) n),
                       room, (int) n, someone);
          return FALSE;
        }
    }
  if (!write_ids (store, "UPDATE rooms SET active = ?2 WHERE id = ?1", room_id, active ? 1 : 0,
                  _("The room no longer exists."), error))
    return FALSE;
  nt_store_emit_changed (store, "rooms");
  return TRUE;
}

gboolean
nt_rooms_delete_room (NtStore  *store,
                      gint64    room_id,
                      GError  **error)
{
  g_autofree char *room = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_DELETE, error))
    return FALSE;

  if (count_with_id (store, "SELECT count(*) FROM rooms WHERE id = ?1", room_id) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The room no longer exists."));
      return FALSE;
    }
  room = describe_room (store, room_id);
  if (count_with_id (store, "SELECT count(*) FROM bed_assignments a JOIN beds b ON b.id = a.bed_id "
                            "WHERE b.room_id = ?1", room_id) > 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("Room %s has students in its history and cannot be deleted; close it instead."), room);
      return FALSE;
    }

  if (!nt_store_begin (store, error))
    return FALSE;
  if (!exec_id (store, "DELETE FROM beds WHERE room_id = ?1", room_id, error) ||
      !exec_id (store, "DELETE FROM rooms WHERE id = ?1", room_id, error))
    {
      nt_store_rollback (store);
      if (error != NULL && *error != NULL && (*error)->code == NT_ERROR_CONSTRAINT)
        {
          g_clear_error (error);
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("Room %s is used by other records (inspections…) and cannot be deleted; close it instead."), room);
        }
      return FALSE;
    }
  if (!nt_store_commit (store, error))
    return FALSE;
  nt_store_emit_changed (store, "rooms");
  nt_store_emit_changed (store, "beds");
  return TRUE;
}

/* ----- beds -------------------------------------------------------------- */

static gint64
bed_room (NtStore *store,
          gint64   bed_id)
{
  return count_with_id (store, "SELECT ifnull ((SELECT room_id FROM beds WHERE id = ?1), 0)", bed_id);
}

static gboolean
check_bed_label (NtStore     *store,
                 gint64       room_id,
                 gint64       bed_id,
                 const char  *label,
                 GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (label ? label : ""));
  g_autofree char *room = describe_room (store, room_id);
  sqlite3_stmt *stmt;
  gboolean taken;

  if (clean[0] == '\0')
    {
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID, _("Room %s: the bed needs a name or number."), room);
      return FALSE;
    }
  stmt = nt_store_prepare (store, "SELECT EXISTS (SELECT 1 FROM beds WHERE room_id = ?1 AND label = ?2 AND id <> ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, room_id);
  sqlite3_bind_text (stmt, 2, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, bed_id);
  taken = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  if (taken)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_EXISTS, _("Room %s already has a bed “%s”."), room, clean);
      return FALSE;
    }
  return TRUE;
}

gint64
nt_rooms_add_bed (NtStore     *store,
                  gint64       room_id,
                  const char  *label,
                  GError     **error)
{
  gint64 bed_id;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return 0;

  if (count_with_id (store, "SELECT count(*) FROM rooms WHERE id = ?1", room_id) == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The room no longer exists."));
      return 0;
    }
  if (!check_bed_label (store, room_id, 0, label, error) || !nt_store_begin (store, error))
    return 0;
  bed_id = insert_bed (store, room_id, label, error);
  if (bed_id == 0 || !sync_capacity (store, room_id, error) || !nt_store_commit (store, error))
    {
      nt_store_rollback (store);
      return 0;
    }
  nt_store_emit_changed (store, "beds");
  nt_store_emit_changed (store, "rooms");
  return bed_id;
}

gboolean
nt_rooms_rename_bed (NtStore     *store,
                     gint64       bed_id,
                     const char  *label,
                     GError     **error)
{
  gint64 room_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;

  room_id = bed_room (store, bed_id);
  if (room_id == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The bed no longer exists."));
      return FALSE;
    }
  if (!check_bed_label (store, room_id, bed_id, label, error))
    return FALSE;
  stmt = nt_store_prepare (store, "UPDATE beds SET label = trim (?2) WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bed_id);
  sqlite3_bind_text (stmt, 2, label, -1, SQLITE_TRANSIENT);
  if (!nt_store_step_done (store, stmt, error))
    return FALSE;
  nt_store_emit_changed (store, "beds");
  return TRUE;
}

gboolean
nt_rooms_set_bed_active (NtStore  *store,
                         gint64    bed_id,
                         gboolean  active,
                         GError  **error)
{
  gint64 room_id;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;

  room_id = bed_room (store, bed_id);
  if (room_id == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The bed no longer exists."));
      return FALSE;
    }
  if (!active)
    {
      g_autofree char *someone = first_name (store,
                                             "SELECT s.full_name FROM bed_assignments a JOIN students s ON s.id = a.student_id "
                                             "WHERE a.bed_id = ?1 AND a.end_date IS NULL AND s.gender <> ?2",
                                             bed_id, "");
      if (someone != NULL)
        {
          g_autofree char *room = describe_room (store, room_id);
          g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                       _("The bed cannot be taken out of use: %s sleeps in it now (room %s). Move them first."),
                       someone, room);
          return FALSE;
        }
    }
  if (!nt_store_begin (store, error))
    return FALSE;
  if (!write_ids (store, "UPDATE beds SET active = ?2 WHERE id = ?1", bed_id, active ? 1 : 0,
                  _("The bed no longer exists."), error) ||
      !sync_capacity (store, room_id, error) || !nt_store_commit (store, error))
    {
      nt_store_rollback (store);
      return FALSE;
    }
  nt_store_emit_changed (store, "beds");
  nt_store_emit_changed (store, "rooms");
  return TRUE;
}

/* A locked bed is kept free (or kept for its student) by hand: the
 * automatic assignment never gives it. */
gboolean
nt_rooms_set_bed_locked (NtStore  *store,
                         gint64    bed_id,
                         gboolean  locked,
                         GError  **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_MANAGE_ROOMS, error))
    return FALSE;

  if (!write_ids (store, "UPDATE beds SET locked = ?2 WHERE id = ?1", bed_id, locked ? 1 : 0,
                  _("The bed no longer exists."), error))
    return FALSE;
  nt_store_emit_changed (store, "beds");
  return TRUE;
}

gboolean
nt_rooms_delete_bed (NtStore  *store,
                     gint64    bed_id,
                     GError  **error)
{
  gint64 room_id;

  g_return_val_if_fail (NT_IS_STORE (store), FALSE);

  if (!nt_access_require (store, NT_PERM_DELETE, error))
    return FALSE;

  room_id = bed_room (store, bed_id);
  if (room_id == 0)
    {
      g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The bed no longer exists."));
      return FALSE;
    }
  if (count_with_id (store, "SELECT count(*) FROM bed_assignments WHERE bed_id = ?1", bed_id) > 0)
    {
      g_autofree char *room = describe_room (store, room_id);
      g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
                   _("A bed of room %s has students in its history and cannot be deleted; take it out of use instead."),
                   room);
      return FALSE;
    }
  if (!nt_store_begin (store, error))
    return FALSE;
  if (!exec_id (store, "DELETE FROM beds WHERE id = ?1", bed_id, error) ||
      !sync_capacity (store, room_id, error) || !nt_store_commit (store, error))
    {
      nt_store_rollback (store);
      return FALSE;
    }
  nt_store_emit_changed (store, "beds");
  nt_store_emit_changed (store, "rooms");
  return TRUE;
}

/* ----- reading ----------------------------------------------------------- */

/**
 * nt_rooms_list_buildings:
 *
 * Returns: (transfer full): the buildings by name, each with its counts of
 *   dorm rooms, beds and students now, read in one query
 */
GListStore *
nt_rooms_list_buildings (NtStore   *store,
                         gboolean   active_only,
                         GError   **error)
{
  sqlite3_stmt *stmt;
  GListStore *list;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT bl.id, bl.name, bl.gender, bl.floors, bl.assembly_point, bl.notes, bl.active, "
                           "  count (DISTINCT r.id), count (b.id), count (a.id) "
                           "FROM buildings bl "
                           "LEFT JOIN rooms r ON r.building_id = bl.id AND r.active = 1 AND r.kind = 'dorm' "
                           "LEFT JOIN beds b ON b.room_id = r.id AND b.active = 1 "
                           "LEFT JOIN bed_assignments a ON a.bed_id = b.id AND a.end_date IS NULL "
                           "WHERE bl.active >= ?1 GROUP BY bl.id ORDER BY bl.name, bl.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, active_only ? 1 : 0);

  list = g_list_store_new (NT_TYPE_BUILDING);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtBuilding) b = g_object_new (NT_TYPE_BUILDING, NULL);

      b->id = sqlite3_column_int64 (stmt, 0);
      b->name = nt_sql_column_dup (stmt, 1);
      b->gender = nt_sql_column_dup (stmt, 2);
      b->floors = sqlite3_column_int (stmt, 3);
      b->assembly_point = nt_sql_column_dup (stmt, 4);
      b->notes = nt_sql_column_dup (stmt, 5);
      b->active = sqlite3_column_int (stmt, 6);
      b->n_rooms = sqlite3_column_int (stmt, 7);
      b->total = sqlite3_column_int (stmt, 8);
      b->occupied = sqlite3_column_int (stmt, 9);
      g_list_store_append (list, b);
    }
  sqlite3_reset (stmt);
  return list;
}

#define ROOM_SELECT \
  "SELECT r.id, r.building_id, bl.name, r.floor, r.number, r.capacity, r.gender, r.kind, r.notes, r.active, " \
  "  ifnull (sum (b.active), 0), count (a.id) " \
  "FROM rooms r JOIN buildings bl ON bl.id = r.building_id " \
  "LEFT JOIN beds b ON b.room_id = r.id " \
  "LEFT JOIN bed_assignments a ON a.bed_id = b.id AND a.end_date IS NULL "

static NtRoom *
room_from_row (sqlite3_stmt *stmt)
{
  NtRoom *r = g_object_new (NT_TYPE_ROOM, NULL);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->building_id = sqlite3_column_int64 (stmt, 1);
  r->building_name = nt_sql_column_dup (stmt, 2);
  r->floor = sqlite3_column_int (stmt, 3);
  r->number = nt_sql_column_dup (stmt, 4);
  r->capacity = sqlite3_column_int (stmt, 5);
  r->gender = nt_sql_column_dup (stmt, 6);
  r->kind = nt_sql_column_dup (stmt, 7);
  r->notes = nt_sql_column_dup (stmt, 8);
  r->active = sqlite3_column_int (stmt, 9);
  r->total = sqlite3_column_int (stmt, 10);
  r->occupied = sqlite3_column_int (stmt, 11);
  return r;
}

/**
 * nt_rooms_list_rooms:
 * @building_id: a building
 *
 * Returns: (transfer full): its rooms by floor and number (A102 before
 *   A1010), each with its occupied and total beds, read in one query
 */
GListStore *
nt_rooms_list_rooms (NtStore   *store,
                     gint64     building_id,
                     gboolean   active_only,
                     GError   **error)
{
  sqlite3_stmt *stmt;
  GListStore *list;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           ROOM_SELECT
                           "WHERE r.building_id = ?1 AND r.active >= ?2 "
                           "GROUP BY r.id ORDER BY r.floor, length (r.number), r.number, r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, building_id);
  sqlite3_bind_int (stmt, 2, active_only ? 1 : 0);

  list = g_list_store_new (NT_TYPE_ROOM);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtRoom) r = room_from_row (stmt);
      g_list_store_append (list, r);
    }
  sqlite3_reset (stmt);
  return list;
}

NtRoom *
nt_rooms_load_room (NtStore  *store,
                    gint64    room_id,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  NtRoom *r = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, ROOM_SELECT "WHERE r.id = ?1 GROUP BY r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, room_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    r = room_from_row (stmt);
  sqlite3_reset (stmt);
  if (r == NULL)
    g_set_error (error, NT_ERROR, NT_ERROR_NOT_FOUND, _("The room no longer exists."));
  return r;
}

/**
 * nt_rooms_list_beds:
 *
 * Returns: (transfer full): the beds of a room with the student in each now
 */
GListStore *
nt_rooms_list_beds (NtStore   *store,
                    gint64     room_id,
                    GError   **error)
{
  sqlite3_stmt *stmt;
  GListStore *list;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT b.id, b.room_id, b.label, b.active, b.locked, a.student_id, s.code, s.full_name, "
                           "  c.name, a.start_date "
                           "FROM beds b "
                           "LEFT JOIN bed_assignments a ON a.bed_id = b.id AND a.end_date IS NULL "
                           "LEFT JOIN students s ON s.id = a.student_id "
                           "LEFT JOIN classes c ON c.id = s.class_id "
                           "WHERE b.room_id = ?1 ORDER BY length (b.label), b.label, b.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, room_id);

  list = g_list_store_new (NT_TYPE_BED);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtBed) b = g_object_new (NT_TYPE_BED, NULL);

      b->id = sqlite3_column_int64 (stmt, 0);
      b->room_id = sqlite3_column_int64 (stmt, 1);
      b->label = nt_sql_column_dup (stmt, 2);
      b->active = sqlite3_column_int (stmt, 3);
      b->locked = sqlite3_column_int (stmt, 4);
      b->student_id = sqlite3_column_int64 (stmt, 5);
      b->student_code = nt_sql_column_dup (stmt, 6);
      b->student_name = nt_sql_column_dup (stmt, 7);
      b->class_name = nt_sql_column_dup (stmt, 8);
      b->since = nt_sql_column_dup (stmt, 9);
      g_list_store_append (list, b);
    }
  sqlite3_reset (stmt);
  return list;
}

#define HISTORY_SELECT \
  "SELECT a.id, a.student_id, s.code, s.full_name, c.name, a.bed_id, b.label, r.id, r.number, bl.name, " \
  "  a.start_date, a.end_date, a.reason, a.batch " \
  "FROM bed_assignments a JOIN students s ON s.id = a.student_id " \
  "LEFT JOIN classes c ON c.id = s.class_id " \
  "JOIN beds b ON b.id = a.bed_id JOIN rooms r ON r.id = b.room_id " \
  "JOIN buildings bl ON bl.id = r.building_id "

static NtAssignment *
assignment_from_row (sqlite3_stmt *stmt)
{
  NtAssignment *a = g_object_new (NT_TYPE_ASSIGNMENT, NULL);

  a->id = sqlite3_column_int64 (stmt, 0);
  a->student_id = sqlite3_column_int64 (stmt, 1);
  a->student_code = nt_sql_column_dup (stmt, 2);
  a->student_name = nt_sql_column_dup (stmt, 3);
  a->class_name = nt_sql_column_dup (stmt, 4);
  a->bed_id = sqlite3_column_int64 (stmt, 5);
  a->bed_label = nt_sql_column_dup (stmt, 6);
  a->room_id = sqlite3_column_int64 (stmt, 7);
  a->room_number = nt_sql_column_dup (stmt, 8);
  a->building_name = nt_sql_column_dup (stmt, 9);
  a->start_date = nt_sql_column_dup (stmt, 10);
  a->end_date = nt_sql_column_dup (stmt, 11);
  a->reason = nt_sql_column_dup (stmt, 12);
  a->batch = nt_sql_column_dup (stmt, 13);
  return a;
}

static GListStore *
list_history (NtStore     *store,
              const char  *sql,
              gint64       id,
              GError     **error)
{
  sqlite3_stmt *stmt = nt_store_prepare (store, sql, error);
  GListStore *list;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  list = g_list_store_new (NT_TYPE_ASSIGNMENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtAssignment) a = assignment_from_row (stmt);
      g_list_store_append (list, a);
    }
  sqlite3_reset (stmt);
  return list;
}

/**
 * nt_rooms_student_history:
 *
 * Returns: (transfer full): where a student slept, newest first
 */
GListStore *
nt_rooms_student_history (NtStore   *store,
                          gint64     student_id,
                          GError   **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  return list_history (store,
                       HISTORY_SELECT "WHERE a.student_id = ?1 "
                       "ORDER BY a.start_date DESC, a.end_date IS NULL DESC, a.end_date DESC, a.id DESC",
                       student_id, error);
}

/**
 * nt_rooms_room_history:
 *
 * Returns: (transfer full): who slept in a room, newest first
 */
GListStore *
nt_rooms_room_history (NtStore   *store,
                       gint64     room_id,
                       GError   **error)
{
  g_return_val_if_fail (NT_IS_STORE (store), NULL);
  return list_history (store,
                       HISTORY_SELECT "WHERE b.room_id = ?1 "
                       "ORDER BY a.start_date DESC, a.end_date IS NULL DESC, a.end_date DESC, a.id DESC",
                       room_id, error);
}

/* Returns: (transfer full) (nullable): the student's bed now */
NtAssignment *
nt_rooms_current_assignment (NtStore *store,
                             gint64   student_id)
{
  sqlite3_stmt *stmt;
  NtAssignment *a = NULL;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store, HISTORY_SELECT "WHERE a.student_id = ?1 AND a.end_date IS NULL", NULL);
  g_return_val_if_fail (stmt != NULL, NULL);
  sqlite3_bind_int64 (stmt, 1, student_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    a = assignment_from_row (stmt);
  sqlite3_reset (stmt);
  return a;
}

/**
 * nt_rooms_free_beds:
 * @building_id: a building, or 0 for all
 * @gender: (nullable): "M" or "F" to count only beds a boy (girl) may
 *   have; %NULL for all
 *
 * Counts the beds that can be given now: active and not locked, in an
 * active dorm room of an active building, with nobody in them.
 */
gint64
nt_rooms_free_beds (NtStore    *store,
                    gint64      building_id,
                    const char *gender)
{
  sqlite3_stmt *stmt;
  gint64 n = 0;

  g_return_val_if_fail (NT_IS_STORE (store), 0);

  stmt = nt_store_prepare (store,
                           "SELECT count(*) FROM beds b JOIN rooms r ON r.id = b.room_id "
                           "JOIN buildings bl ON bl.id = r.building_id "
                           "WHERE b.active = 1 AND b.locked = 0 AND r.active = 1 AND r.kind = 'dorm' "
                           "AND bl.active = 1 AND (?1 = 0 OR bl.id = ?1) "
                           "AND (?2 IS NULL OR (r.gender IN ('X', ?2) AND bl.gender IN ('X', ?2))) "
                           "AND NOT EXISTS (SELECT 1 FROM bed_assignments a WHERE a.bed_id = b.id AND a.end_date IS NULL)",
                           NULL);
  g_return_val_if_fail (stmt != NULL, 0);
  sqlite3_bind_int64 (stmt, 1, building_id);
  if (gender != NULL)
    sqlite3_bind_text (stmt, 2, gender, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* Returns: the first free, active, unlocked bed of a room, or 0 */
gint64
nt_rooms_first_free_bed (NtStore *store,
                         gint64   room_id)
{
  g_return_val_if_fail (NT_IS_STORE (store), 0);

  return count_with_id (store,
                        "SELECT ifnull ((SELECT b.id FROM beds b WHERE b.room_id = ?1 AND b.active = 1 "
                        "AND b.locked = 0 AND NOT EXISTS (SELECT 1 FROM bed_assignments a WHERE a.bed_id = b.id "
                        "AND a.end_date IS NULL) ORDER BY length (b.label), b.label, b.id LIMIT 1), 0)",
                        room_id);
}

/* ----- labels ------------------------------------------------------------ */

const char *
nt_room_gender_label (const char *gender)
{
  if (g_strcmp0 (gender, "M") == 0)
    return _("boys");
  if (g_strcmp0 (gender, "F") == 0)
    return _("girls");
  return _("boys and girls");
}

const char *
nt_room_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "infirmary") == 0)
    return _("Infirmary");
  if (g_strcmp0 (kind, "staff") == 0)
    return _("Staff room");
  return _("Dorm room");
}

/**
 * nt_rooms_bed_candidates:
 * @room_id: the room of the free bed
 * @search: (nullable): words typed to narrow the list
 *
 * The active boarders who could take a free bed of @room_id (the room's and
 * building's gender), as assignment rows: @bed_id is 0 for a student with no
 * bed yet (listed first), else the bed they would move from. At most 200.
 *
 * Returns: (transfer full): NtAssignment rows
 */
GListStore *
nt_rooms_bed_candidates (NtStore    *store,
                         gint64      room_id,
                         const char *search,
                         GError    **error)
{
  g_autofree char *match = nt_vn_fts_prefix_query (search ? search : "");
  sqlite3_stmt *stmt;
  GListStore *list;

  g_return_val_if_fail (NT_IS_STORE (store), NULL);

  stmt = nt_store_prepare (store,
                           "SELECT a.id, s.id, s.code, s.full_name, c.name, a.bed_id, b.label, r.id, r.number, bl.name, "
                           "  a.start_date, a.end_date, a.reason, a.batch "
                           "FROM students s JOIN classes c ON c.id = s.class_id "
                           "LEFT JOIN bed_assignments a ON a.student_id = s.id AND a.end_date IS NULL "
                           "LEFT JOIN beds b ON b.id = a.bed_id LEFT JOIN rooms r ON r.id = b.room_id "
                           "LEFT JOIN buildings bl ON bl.id = r.building_id, "
                           "  rooms target JOIN buildings tb ON tb.id = target.building_id "
                           "WHERE target.id = ?1 AND s.active = 1 AND s.boarding = 'boarding' "
                           "  AND (target.gender = 'X' OR target.gender = s.gender) "
                           "  AND (tb.gender = 'X' OR tb.gender = s.gender) "
                           "  AND (r.id IS NULL OR r.id <> target.id) "
                           "  AND (?2 = '' OR s.id IN (SELECT rowid FROM students_fts WHERE students_fts MATCH ?2)) "
                           "ORDER BY a.id IS NOT NULL, s.name_key, s.id LIMIT 200",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, room_id);
  sqlite3_bind_text (stmt, 2, match, -1, SQLITE_TRANSIENT);

  list = g_list_store_new (NT_TYPE_ASSIGNMENT);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(NtAssignment) a = assignment_from_row (stmt);
      g_list_store_append (list, a);
    }
  sqlite3_reset (stmt);
  return list;
}
