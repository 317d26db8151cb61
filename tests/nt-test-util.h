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
char     *nt_test_query_text    (NtStore    *store,
                                 const char *sql);
char     *nt_test_write_tmp     (const char *name,
                                 const void *data,
                                 gsize       len);

/* The built program (NOITRU_BIN) run to its end. */
typedef struct
{
  int   status;   /* the exit code */
  char *out;
  char *err;
} NtTestRun;

void      nt_test_run_noitru    (NtTestRun         *r,
                                 const char *const *args);
void      nt_test_run_clear     (NtTestRun         *r);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (NtTestRun, nt_test_run_clear)

G_END_DECLS
