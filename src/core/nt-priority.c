/* nt-priority.c: priority categories for a dorm place
 *
 * The list is data (data/priority-categories.txt, built into the program)
 * so that a change of the rules is a change of one file; it is read once.
 */
#define G_LOG_DOMAIN "nt-priority"

#include <string.h>

#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-priority.h"
#include "nt-resources.h"

static GArray *categories;  /* NtPriorityCategory; strings owned by lines */

static void
load_categories (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      char **lines = nt_core_lookup_lines ("priority-categories.txt");

      categories = g_array_new (FALSE, FALSE, sizeof (NtPriorityCategory));
      for (guint i = 0; lines[i]; i++)
        {
          /* id|points|label; the strings live as long as the program. */
          char **parts = g_strsplit (lines[i], "|", 3);
          NtPriorityCategory c;

          if (g_strv_length (parts) != 3)
            {
              g_warning ("priority-categories.txt: line “%s” is not id|points|label", lines[i]);
              g_strfreev (parts);
              continue;
            }
          c.id = g_intern_string (g_strstrip (parts[0]));
          c.points = (int) g_ascii_strtoll (parts[1], NULL, 10);
          c.label = g_intern_string (g_strstrip (parts[2]));
          g_array_append_val (categories, c);
          g_strfreev (parts);
        }
      g_strfreev (lines);
      g_once_init_leave (&once, 1);
    }
}

/**
 * nt_priority_categories:
 * @n_categories: (out): how many
 *
 * Returns: (transfer none): the categories in the order of the list
 */
const NtPriorityCategory *
nt_priority_categories (guint *n_categories)
{
  g_return_val_if_fail (n_categories != NULL, NULL);

  load_categories ();
  *n_categories = categories->len;
  return (const NtPriorityCategory *) (gpointer) categories->data;
}

const NtPriorityCategory *
nt_priority_lookup (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  load_categories ();
  for (guint i = 0; i < categories->len; i++)
    {
      const NtPriorityCategory *c = &g_array_index (categories, NtPriorityCategory, i);
      if (strcmp (c->id, id) == 0)
        return c;
    }
  return NULL;
}

/* Calls @func for each non-empty id of a comma-separated list. */
static gboolean
foreach_id (const char *priority,
            gboolean  (*func) (const char *id, gpointer data),
            gpointer    data)
{
  g_auto(GStrv) ids = NULL;

  if (priority == NULL || priority[0] == '\0')
    return TRUE;
  ids = g_strsplit (priority, ",", -1);
  for (guint i = 0; ids[i]; i++)
    {
      char *id = g_strstrip (ids[i]);
      if (id[0] != '\0' && !func (id, data))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_points (const char *id,
            gpointer    data)
{
  const NtPriorityCategory *c = nt_priority_lookup (id);

  if (c != NULL)
    *(int *) data += c->points;
  return TRUE;
}

/**
 * nt_priority_score:
 * @priority: (nullable): students.priority, comma-separated category ids
 *
 * Returns: the sum of the categories' points; unknown ids count nothing
 */
int
nt_priority_score (const char *priority)
{
  int score = 0;

  foreach_id (priority, add_points, &score);
  return score;
}

static gboolean
add_label (const char *id,
           gpointer    data)
{
  const NtPriorityCategory *c = nt_priority_lookup (id);
  GString *out = data;

  if (out->len > 0)
    g_string_append (out, "; ");
  g_string_append (out, c != NULL ? c->label : id);
  return TRUE;
}

/* Returns: (transfer full): the labels of @priority joined by "; " */
char *
nt_priority_labels (const char *priority)
{
  GString *out = g_string_new (NULL);

  foreach_id (priority, add_label, out);
  return g_string_free (out, FALSE);
}

static gboolean
check_known (const char *id,
             gpointer    data)
{
  if (nt_priority_lookup (id) != NULL)
    return TRUE;
  *(char **) data = g_strdup (id);
  return FALSE;
}

gboolean
nt_priority_validate (const char  *priority,
                      GError     **error)
{
  g_autofree char *bad = NULL;

  if (foreach_id (priority, check_known, &bad))
    return TRUE;
  g_set_error (error, NT_ERROR, NT_ERROR_INVALID,
               _("“%s” is not a priority category for a dorm place."), bad);
  return FALSE;
}
