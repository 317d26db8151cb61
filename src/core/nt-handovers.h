/* nt-handovers.h: the hand-over notes (sổ giao ca)
 *
 * At the end of a shift the person on duty writes what happened and what
 * the next shift must watch; the next person acknowledges it.
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_TYPE_HANDOVER (nt_handover_get_type ())
G_DECLARE_FINAL_TYPE (NtHandover, nt_handover, NT, HANDOVER, GObject)

struct _NtHandover
{
  GObject   parent_instance;
  gint64    id;
  gint64    post_id;
  char     *post_name;
  gint64    shift_id;          /* 0 when none */
  char     *shift_name;        /* NULL when none */
  char     *date;              /* ISO */
  gint64    written_by;
  char     *written_by_name;
  char     *written_at;        /* 'YYYY-MM-DD HH:MM' */
  char     *happened;
  char     *to_watch;
  gint64    acknowledged_by;   /* 0 until acknowledged */
  char     *acknowledged_by_name;
  char     *acknowledged_at;
};

typedef struct
{
  gint64      post_id;
  gint64      shift_id;        /* 0 = none */
  const char *date;            /* ISO */
  gint64      written_by;
  const char *written_at;      /* NULL = now */
  const char *happened;
  const char *to_watch;
} NtHandoverInput;

gint64      nt_handovers_write        (NtStore                *store,
                                       const NtHandoverInput  *input,
                                       GError                **error);
gboolean    nt_handovers_acknowledge  (NtStore                *store,
                                       gint64                  handover_id,
                                       gint64                  staff_id,
                                       const char             *at_time,
                                       GError                **error);
GListStore *nt_handovers_list         (NtStore                *store,
                                       const char             *from_date,
                                       const char             *to_date,
                                       gint64                  post_id,
                                       const char             *query,
                                       GError                **error);

G_END_DECLS
