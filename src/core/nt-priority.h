/* nt-priority.h: priority categories for a dorm place (Circular 27/2011, Art. 4) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;      /* what students.priority holds, e.g. "ethnic_minority" */
  const char *label;   /* Vietnamese, from data/priority-categories.txt */
  int         points;  /* weight when boarders outnumber beds */
} NtPriorityCategory;

const NtPriorityCategory *nt_priority_categories (guint       *n_categories);
const NtPriorityCategory *nt_priority_lookup     (const char  *id);
int                       nt_priority_score      (const char  *priority);
char                     *nt_priority_labels     (const char  *priority);
gboolean                  nt_priority_validate   (const char  *priority,
                                                  GError     **error);

G_END_DECLS
