/* nt-util.h: small helpers GLib 2.74 lacks */
#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* Like g_set_str() of GLib 2.76. */
static inline gboolean
nt_set_str (char       **str_pointer,
            const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || (*str_pointer && new_str && strcmp (*str_pointer, new_str) == 0))
    return FALSE;
  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

/* NULL and "" both read as empty. */
static inline gboolean
nt_str_empty (const char *s)
{
  return s == NULL || s[0] == '\0';
}

G_END_DECLS
