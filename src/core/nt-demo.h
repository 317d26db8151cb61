/* nt-demo.h: a demo school drawn by a seeded generator
 *
 * The same seed gives the same school: 25 classes (grades 6 to 12), about
 * 800 students of whom about 300 board, two dorm buildings (boys, girls) of
 * three floors with 64 rooms and their beds, about 25 staff with roles,
 * and the month behind it: the closed night checks of the 30 nights before
 * tonight and the leave that explains them (weekends at home, a few
 * medical and family leaves, two overdue, some asked for the coming
 * weekend). A larger school, for benchmarks, has no nights.
 */
#pragma once

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_DEMO_DEFAULT_SEED 2026

typedef struct
{
  guint32 seed;
  guint   n_students;  /* 0 for the default school (about 800) */
} NtDemoOptions;

gboolean  nt_demo_populate (NtStore              *store,
                            const NtDemoOptions  *options,
                            GError              **error);
NtStore  *nt_demo_create   (const char           *path,
                            const NtDemoOptions  *options,
                            GError              **error);

G_END_DECLS
