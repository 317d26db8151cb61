/* nt-resources.c
 *
 * The resource is registered by hand, not by a constructor: the core is a
 * static library and a constructor in an unreferenced object would be
 * dropped by the linker.
 */
#define G_LOG_DOMAIN "nt-resources"

#include "nt-core-resources.h"
#include "nt-resources.h"

#define CORE_DATA_PATH "/vn/edu/noitru/core/data/"

void
nt_core_ensure_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      nt_core_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

GBytes *
nt_core_lookup_data (const char  *name,
                     GError     **error)
{
  g_autofree char *path = g_strconcat (CORE_DATA_PATH, name, NULL);

  nt_core_ensure_resources ();
  return g_resources_lookup_data (path, 0, error);
}

/**
 * nt_core_lookup_lines:
 * @name: a reference list under data/
 *
 * Returns: (transfer full): the list's lines, without blank lines and
 *   lines starting with '#'
 */
char **
nt_core_lookup_lines (const char *name)
{
  g_autoptr(GBytes) bytes = nt_core_lookup_data (name, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (bytes != NULL, g_new0 (char *, 1));

  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);
      if (line[0] != '\0' && line[0] != '#')
        g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}
