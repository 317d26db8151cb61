/* rooms-fixture.h: small hand-built schools for the room tests */
#pragma once

#include <sqlite3.h>

#include "nt-rooms.h"
#include "nt-store.h"

G_GNUC_UNUSED static gint64
fx_exec_id (NtStore    *store,
            const char *sql)
{
  g_assert_cmpint (sqlite3_exec (nt_store_get_db (store), sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return sqlite3_last_insert_rowid (nt_store_get_db (store));
}

G_GNUC_UNUSED static gint64
fx_class (NtStore    *store,
          const char *name,
          int         grade)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO classes (name, grade) VALUES ('%s', %d)", name, grade);
  return fx_exec_id (store, sql);
}

/* A student; @boarding "boarding", "semi" or "day". */
G_GNUC_UNUSED static gint64
fx_student_full (NtStore    *store,
                 const char *name,
                 const char *gender,
                 gint64      class_id,
                 const char *boarding,
                 const char *ethnicity,
                 const char *commune,
                 const char *phone,
                 const char *priority)
{
  static int n;
  g_autofree char *sql = g_strdup_printf (
      "INSERT INTO students (code, full_name, name_key, search_text, gender, birth_date, class_id, "
      "ethnicity, home_commune, guardian_phone, boarding, priority) "
      "VALUES ('T%05d', '%s', vi_name_key ('%s'), vi_fold ('%s'), '%s', '2010-01-01', %" G_GINT64_FORMAT ", "
      "'%s', '%s', '%s', '%s', '%s')",
      ++n, name, name, name, gender, class_id, ethnicity, commune, phone, boarding, priority);
  return fx_exec_id (store, sql);
}

G_GNUC_UNUSED static gint64
fx_student (NtStore    *store,
            const char *name,
            const char *gender,
            gint64      class_id)
{
  return fx_student_full (store, name, gender, class_id, "boarding", "", "", "", "");
}

G_GNUC_UNUSED static gint64
fx_building (NtStore    *store,
             const char *name,
             const char *gender)
{
  NtBuildingInput in = { name, gender, 3, NULL, NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_rooms_add_building (store, &in, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

G_GNUC_UNUSED static gint64
fx_room (NtStore    *store,
         gint64      building,
         const char *number,
         int         beds,
         const char *gender)
{
  NtRoomInput in = { building, 1, number, beds, gender, "dorm", NULL };
  g_autoptr(GError) error = NULL;
  gint64 id = nt_rooms_add_room (store, &in, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

G_GNUC_UNUSED static gint64
fx_bed (NtStore *store,
        gint64   room,
        int      n)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM beds WHERE room_id = %" G_GINT64_FORMAT
                                          " AND label = '%d'", room, n);
  gint64 id = nt_store_count (store, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* The room a student sleeps in now, or 0. */
G_GNUC_UNUSED static gint64
fx_room_of (NtStore *store,
            gint64   student)
{
  g_autofree char *sql = g_strdup_printf ("SELECT ifnull ((SELECT b.room_id FROM bed_assignments a JOIN beds b "
                                          "ON b.id = a.bed_id WHERE a.student_id = %" G_GINT64_FORMAT
                                          " AND a.end_date IS NULL), 0)", student);
  return nt_store_count (store, sql);
}

G_GNUC_UNUSED static gint64
fx_count (NtStore    *store,
          const char *sql)
{
  return nt_store_count (store, sql);
}
