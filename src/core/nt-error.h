/* nt-error.h: the one error domain of the core
 *
 * Every message carried by an NT_ERROR is meant for a person: it is in
 * Vietnamese and says what is wrong and where.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NT_ERROR (nt_error_quark ())

typedef enum
{
  NT_ERROR_FAILED,
  NT_ERROR_NOT_A_DATABASE,
  NT_ERROR_DAMAGED,
  NT_ERROR_TOO_NEW,
  NT_ERROR_EXISTS,
  NT_ERROR_INVALID,
  NT_ERROR_NOT_FOUND,
  NT_ERROR_CONSTRAINT,
  NT_ERROR_BUSY,
  NT_ERROR_IO,
  NT_ERROR_DENIED,
} NtErrorCode;

GQuark nt_error_quark (void);

G_END_DECLS
