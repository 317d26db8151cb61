/* nt-school.h: the school itself, its classes and its headline figures */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_TYPE_CLASS (nt_class_get_type ())

G_DECLARE_FINAL_TYPE (NtClass, nt_class, NT, CLASS, GObject)

struct _NtClass
{
  GObject  parent_instance;
  gint64   id;
  int      grade;
  char    *name;
};

typedef struct
{
  char *name;
  char *address;
  char *principal;
  char *authority;
  char *school_year;
  char *curfew;
} NtSchoolInfo;

typedef struct
{
  gint64 students;
  gint64 boarders;
  gint64 rooms;
  gint64 beds;
  gint64 free_beds;
  gint64 staff;
  gint64 classes;
} NtSchoolFigures;

gboolean    nt_school_set        (NtStore             *store,
                                  const NtSchoolInfo  *info,
                                  GError             **error);
NtSchoolInfo *nt_school_get      (NtStore             *store);
void        nt_school_info_free  (NtSchoolInfo        *info);
gint64      nt_classes_add       (NtStore             *store,
                                  const char          *name,
                                  int                  grade,
                                  GError             **error);
GListStore *nt_classes_list      (NtStore             *store);
gint64      nt_classes_find      (NtStore             *store,
                                  const char          *name);
void        nt_school_figures    (NtStore             *store,
                                  NtSchoolFigures     *figures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NtSchoolInfo, nt_school_info_free)

G_END_DECLS
