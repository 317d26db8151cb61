/* nt-access.h: what each staff role may do */
#pragma once

#include "nt-store.h"

G_BEGIN_DECLS

/* One value per kind of action a role may or may not take. The window
 * hides or disables what the person may not do; the core refuses it too,
 * through nt_access_require(), so a bypassed window changes nothing. */
typedef enum
{
  NT_PERM_MANAGE_STUDENTS,     /* add, edit students; import */
  NT_PERM_MANAGE_ROOMS,        /* buildings, rooms, beds, assignments */
  NT_PERM_MANAGE_STAFF,        /* staff list, sign-in of others */
  NT_PERM_RECORD_CHECKS,       /* night checks, leave, emergency rolls */
  NT_PERM_RECORD_INCIDENTS,    /* open and update incidents */
  NT_PERM_VIEW_INCIDENTS,      /* read incidents and a student's incidents */
  NT_PERM_WRITE_HANDOVERS,     /* hand-over notes */
  NT_PERM_MANAGE_ROSTER,       /* posts, shifts, generate and edit the roster */
  NT_PERM_MANAGE_RULES,        /* rule sets and their versions */
  NT_PERM_RECORD_COMMITMENTS,  /* mark signatures collected */
  NT_PERM_ASSESSMENT_EDIT,     /* fill the self-assessment */
  NT_PERM_ASSESSMENT_APPROVE,  /* approve the self-assessment */
  NT_PERM_RECORD_GATE,         /* visitors at the gate */
  NT_PERM_RECORD_DORM_LIFE,    /* inspections, dialogues */
  NT_PERM_CONFIDENTIAL_WRITE,  /* enter a confidential report */
  NT_PERM_CONFIDENTIAL_READ,   /* read the content of confidential reports */
  NT_PERM_DELETE,              /* delete anything that may be deleted */
  NT_PERM_BACKUP,              /* back up, restore */
  NT_PERM_VIEW_AUDIT,          /* read the audit trail */
  NT_PERM_LAST
} NtPermission;

gboolean    nt_access_role_may   (const char    *role,
                                  NtPermission   permission);
gboolean    nt_access_may        (NtStore       *store,
                                  NtPermission   permission);
gboolean    nt_access_require    (NtStore       *store,
                                  NtPermission   permission,
                                  GError       **error);
gboolean    nt_access_require_either (NtStore    *store,
                                      NtPermission permission,
                                      NtPermission alternative,
                                      GError     **error);
const char *nt_access_describe   (NtPermission   permission);
gboolean    nt_access_may_open_section (NtStore     *store,
                                        const char  *section);

G_END_DECLS
