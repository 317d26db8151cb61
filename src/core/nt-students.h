/* nt-students.h: the students of the school */
#pragma once

#include "nt-store.h"
#include "nt-student.h"

G_BEGIN_DECLS

gboolean   nt_students_validate      (NtStore     *store,
                                      NtStudent   *student,
                                      GHashTable **field_errors,
                                      GError     **error);
gboolean   nt_students_save          (NtStore     *store,
                                      NtStudent   *student,
                                      GHashTable **field_errors,
                                      GError     **error);
NtStudent *nt_students_load          (NtStore     *store,
                                      gint64       id,
                                      GError     **error);
gint64     nt_students_find_by_code  (NtStore     *store,
                                      const char  *code);
gboolean   nt_students_mark_left     (NtStore     *store,
                                      gint64       id,
                                      const char  *left_on_iso,
                                      const char  *reason,
                                      GError     **error);
gboolean   nt_students_return        (NtStore     *store,
                                      gint64       id,
                                      GError     **error);
gboolean   nt_students_has_history   (NtStore     *store,
                                      gint64       id);
gboolean   nt_students_delete        (NtStore     *store,
                                      gint64       id,
                                      GError     **error);
gboolean   nt_students_restore       (NtStore     *store,
                                      NtStudent   *student,
                                      GError     **error);
gboolean   nt_students_insert_unchecked (NtStore   *store,
                                         NtStudent *student,
                                         GError   **error);
gboolean   nt_students_update_unchecked (NtStore   *store,
                                         NtStudent *student,
                                         GError   **error);

typedef struct _NtStudentsBatch NtStudentsBatch;

NtStudentsBatch *nt_students_batch_new   (NtStore          *store,
                                          GError          **error);
gboolean         nt_students_batch_add   (NtStudentsBatch  *self,
                                          NtStudent        *student,
                                          guint            *failed,
                                          GError          **error);
gboolean         nt_students_batch_flush (NtStudentsBatch  *self,
                                          guint            *failed,
                                          GError          **error);
void             nt_students_batch_free  (NtStudentsBatch  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtStudentsBatch, nt_students_batch_free)

char      *nt_students_search_text   (const char  *full_name,
                                      const char  *code);
gboolean   nt_phone_normalize        (const char  *phone,
                                      char       **normalized);
gboolean   nt_personal_id_valid      (const char  *id);

G_END_DECLS
