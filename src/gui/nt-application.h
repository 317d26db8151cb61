#pragma once
#include <adwaita.h>
G_BEGIN_DECLS
#define NT_TYPE_APPLICATION (nt_application_get_type ())
G_DECLARE_FINAL_TYPE (NtApplication, nt_application, NT, APPLICATION, AdwApplication)
NtApplication *nt_application_new (const char *db_path);
void           nt_application_restore (NtApplication *self,
                                       const char    *backup);
G_END_DECLS
