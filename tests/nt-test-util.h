/* nt-test-util.h: what every test program shares */
#pragma once

#include <glib.h>

#include "nt-store.h"

G_BEGIN_DECLS

void      nt_test_init          (int     *argc,
                                 char  ***argv);
char     *nt_test_tmp_path      (const char *name);
NtStore  *nt_test_new_store     (void);
NtStore  *nt_test_demo_store    (guint32  seed);
char     *nt_test_data_path     (const char *name);

G_END_DECLS
