/* nt-incident-editor.h: the window where an incident is recorded and
 * followed to its end, from any screen where one arises */
#pragma once

#include <adwaita.h>

#include "nt-context.h"
#include "nt-incidents.h"

G_BEGIN_DECLS

#define NT_TYPE_INCIDENT_EDITOR (nt_incident_editor_get_type ())

G_DECLARE_FINAL_TYPE (NtIncidentEditor, nt_incident_editor, NT, INCIDENT_EDITOR, AdwWindow)

NtIncidentEditor *nt_incident_editor_open_new  (GtkWidget            *parent,
                                                NtContext            *context,
                                                const NtIncidentLink *link);
GtkWidget        *nt_incident_link_button_new  (NtContext            *context,
                                                const NtIncidentLink *link);
NtIncidentEditor *nt_incident_editor_open      (GtkWidget            *parent,
                                                NtContext            *context,
                                                gint64                incident_id);
gboolean          nt_incident_editor_save      (NtIncidentEditor     *self,
                                                GError              **error);
NtIncident       *nt_incident_editor_get_incident (NtIncidentEditor  *self);
GListModel       *nt_incident_editor_get_people (NtIncidentEditor    *self);
GtkWidget        *nt_incident_editor_get_control (NtIncidentEditor   *self,
                                                  const char         *name);
void              nt_incident_editor_add_student (NtIncidentEditor   *self,
                                                  gint64              student_id,
                                                  const char         *part);

G_END_DECLS
