/* nt-confidential.h: the confidential box (hộp thư góp ý, đường dây nóng)
 *
 * A report received in confidence, on paper, by phone, by message or in
 * person, is entered by the staff member who received it (any role with
 * NT_PERM_CONFIDENTIAL_WRITE), with or without the reporter's name. Only a
 * role with NT_PERM_CONFIDENTIAL_READ (the principal) reads the content and
 * the reporter's name; the list shows everyone else the date, the channel
 * and the state only. The audit trail never copies the content or the name.
 *
 * The principal may turn a report into an incident: the incident keeps the
 * link (confidential_reports.incident_id, incidents.source_kind
 * 'confidential'), its description is the content or the principal's
 * rewording, and the reporter's name is never carried over.
 *
 * Times are local 'YYYY-MM-DD HH:MM'. States: "new", "incident", "closed".
 */
#pragma once

#include <gio/gio.h>

#include "nt-store.h"

G_BEGIN_DECLS

#define NT_TYPE_CONFIDENTIAL_REPORT (nt_confidential_report_get_type ())
G_DECLARE_FINAL_TYPE (NtConfidentialReport, nt_confidential_report, NT, CONFIDENTIAL_REPORT, GObject)

struct _NtConfidentialReport
{
  GObject   parent_instance;
  gint64    id;
  char     *received_at;
  char     *channel;          /* "paper", "phone", "message", "in_person", "other" */
  gint64    received_by;      /* 0 when unknown */
  char     *received_by_name;
  char     *state;            /* "new", "incident", "closed" */
  gint64    incident_id;      /* 0 when none */
  gboolean  readable;         /* content and reporter_name were read */
  char     *content;          /* NULL unless readable */
  char     *reporter_name;    /* NULL unless readable, or when anonymous */
};

typedef struct
{
  const char *received_at;    /* nullable: now */
  const char *channel;
  const char *reporter_name;  /* nullable or empty: anonymous */
  const char *content;
  gint64      received_by;    /* the staff member who received it; 0: the actor */
} NtConfidentialInput;

/* What the principal decides when turning a report into an incident. */
typedef struct
{
  const char *occurred_at;    /* nullable: when the report was received */
  const char *category;       /* an incidents category */
  int         severity;       /* 1..3 */
  const char *place_kind;     /* nullable: "school" */
  const char *place_text;     /* nullable */
  const char *description;    /* nullable: the report's content */
} NtConfidentialIncidentInput;

gint64      nt_confidential_add         (NtStore                            *store,
                                         const NtConfidentialInput          *input,
                                         GError                            **error);
GListStore *nt_confidential_list        (NtStore                            *store,
                                         GError                            **error);
NtConfidentialReport *nt_confidential_read (NtStore                         *store,
                                            gint64                           report_id,
                                            GError                         **error);
gboolean    nt_confidential_close       (NtStore                            *store,
                                         gint64                              report_id,
                                         GError                            **error);
gint64      nt_confidential_to_incident (NtStore                            *store,
                                         gint64                              report_id,
                                         const NtConfidentialIncidentInput  *input,
                                         GError                            **error);
guint       nt_confidential_count_new   (NtStore                            *store);

const char * const *nt_confidential_channels      (void);
const char         *nt_confidential_channel_label (const char *channel);
const char         *nt_confidential_state_label   (const char *state);

G_END_DECLS
