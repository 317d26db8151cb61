/* nt-platform.c: file modes and flushing to the disk
 *
 * The POSIX-only calls of the core (DESIGN §3). A rename is durable only
 * once the folder holding it is flushed too; on Windows MoveFileEx with
 * MOVEFILE_WRITE_THROUGH does that, so sync_dir has nothing to do there.
 */
#define G_LOG_DOMAIN "nt-platform"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>

#ifndef G_OS_WIN32
#include <sys/stat.h>
#include <unistd.h>
#endif

#include "nt-error.h"
#include "nt-i18n.h"
#include "nt-platform.h"

static gboolean
io_error (GError     **error,
          const char  *path,
          int          saved_errno)
{
  g_set_error (error, NT_ERROR, NT_ERROR_IO, _("Could not write “%s”: %s"),
               path, g_strerror (saved_errno));
  return FALSE;
}

/**
 * nt_platform_make_private:
 *
 * Makes @path readable and writable by its owner only: databases, backups
 * and exports hold minors' personal data.
 */
gboolean
nt_platform_make_private (const char  *path,
                          GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);

#ifndef G_OS_WIN32
  /* A FAT-formatted USB stick has no modes: chmod is refused there, and
   * the copy is no less a copy. */
  if (chmod (path, S_IRUSR | S_IWUSR) != 0 && errno != EPERM && errno != ENOTSUP && errno != EROFS)
    return io_error (error, path, errno);
#endif
  return TRUE;
}

/**
 * nt_platform_sync_file:
 *
 * Flushes @path's content to the disk before it is renamed into place.
 */
gboolean
nt_platform_sync_file (const char  *path,
                       GError     **error)
{
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  fd = g_open (path, O_RDWR, 0);
  if (fd < 0)
    return io_error (error, path, errno);
  if (g_fsync (fd) != 0)
    {
      int saved = errno;
      g_close (fd, NULL);
      return io_error (error, path, saved);
    }
  return g_close (fd, error);
}

/**
 * nt_platform_sync_dir:
 *
 * Flushes the folder @dir, so that a rename in it survives a power cut.
 */
gboolean
nt_platform_sync_dir (const char  *dir,
                      GError     **error)
{
  g_return_val_if_fail (dir != NULL, FALSE);

#ifndef G_OS_WIN32
  {
    int fd = open (dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0)
      return io_error (error, dir, errno);
    /* Some filesystems (tmpfs, network shares) refuse fsync on a folder;
     * the rename is as durable there as it can be. */
    if (fsync (fd) != 0 && errno != EINVAL && errno != EROFS)
      {
        int saved = errno;
        close (fd);
        return io_error (error, dir, saved);
      }
    close (fd);
  }
#endif
  return TRUE;
}
