/* main.c: the command line, and the window when no headless job is asked */
#define G_LOG_DOMAIN "noitru"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "nt-application.h"
#include "nt-cli.h"

static void
setup_gettext (void)
{
  const char *dir = g_getenv ("NOITRU_LOCALEDIR");
  g_autofree char *installed = g_build_filename (LOCALEDIR, "vi", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  /* Run from the build tree, the catalogue is in the build folder. */
  if (dir == NULL)
    dir = g_file_test (installed, G_FILE_TEST_EXISTS) ? LOCALEDIR : BUILD_LOCALEDIR;

  /* Vietnamese unless the person asks for another language with LANGUAGE
   * (LANGUAGE=en): a school's computer often comes set up in English, and
   * what the program writes into the database (default criteria, the
   * demo school) is read by Vietnamese staff. gettext ignores LANGUAGE in
   * the plain "C" locale, which also prints Vietnamese as "?": take its
   * UTF-8 form then. */
  if (g_getenv ("LANGUAGE") == NULL || g_getenv ("LANGUAGE")[0] == '\0')
    g_setenv ("LANGUAGE", "vi", TRUE);
  setlocale (LC_ALL, "");
  if (!g_get_charset (NULL))
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(NtCliOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(NtApplication) app = NULL;
  int status = 0;

  setup_gettext ();

  options = nt_cli_parse (&argc, &argv, &error);
  if (options == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (nt_cli_has_job (options))
    return nt_cli_run (options);

  app = nt_application_new (options->db_path);
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status;
}
