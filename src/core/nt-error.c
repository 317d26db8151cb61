/* nt-error.c */
#define G_LOG_DOMAIN "nt-error"

#include "nt-error.h"

G_DEFINE_QUARK (nt-error-quark, nt_error)
