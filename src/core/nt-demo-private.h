/* nt-demo-private.h: the parts of the demo school kept in their own files */
#pragma once

#include "nt-store.h"

G_BEGIN_DECLS

/* What a part of the demo school may rely on: the school, its staff,
 * classes, dorm, students in beds and the last 30 nights are already in the
 * store, inside the demo's one transaction. Parts draw from @rand only, so a
 * seed gives the same school each time. */
typedef struct
{
  NtStore *store;
  GRand   *rand;
  int      school_year;  /* the year the current school year started in */
} NtDemoContext;

typedef gboolean (*NtDemoPart) (const NtDemoContext *ctx,
                                GError             **error);

/* One line per part, defined in src/core/nt-demo-<part>.c. */
gboolean nt_demo_commitments (const NtDemoContext *ctx, GError **error);
gboolean nt_demo_dorm (const NtDemoContext *ctx, GError **error);
gboolean nt_demo_roster (const NtDemoContext *ctx, GError **error);
gboolean nt_demo_incidents (const NtDemoContext *ctx, GError **error);
gboolean nt_demo_assessment (const NtDemoContext *ctx, GError **error);

G_END_DECLS
