/* plan-key-file.c: public key file format, private folders and atomic writes with a mode
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>

#include "plan-approval-error.h"
#include "plan-key-file-private.h"

GFile *
_plan_key_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "kehoach", "keys", NULL);

  return g_file_new_for_path (path);
}

GFile *
_plan_own_key_file (void)
{
  g_autoptr(GFile) dir = _plan_key_dir ();

  return g_file_get_child (dir, "own.kehoach-key");
}

GFile *
_plan_trusted_dir (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "kehoach",
                                            "trusted-approvers", NULL);

  return g_file_new_for_path (path);
}

static gboolean
set_io_error (GError     **error,
              int          saved_errno,
              const char  *format,
              const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_KEY_STORAGE,
               format, display, g_strerror (saved_errno));
  return FALSE;
}

gboolean
_plan_make_private_dir (GFile   *dir,
                        int      mode,
                        GError **error)
{
  g_autofree char *path = g_file_get_path (dir);

  if (g_mkdir_with_parents (path, mode) != 0)
    /* Translators: %s is a folder, the second %s the system's reason */
    return set_io_error (error, errno, _("Could not create the folder “%s”: %s"), path);

  /* The folder may have existed with a looser mode, or the umask may have narrowed it. */
  if (g_chmod (path, mode) != 0)
    /* Translators: %s is a folder, the second %s the system's reason */
    return set_io_error (error, errno, _("Could not protect the folder “%s”: %s"), path);

  return TRUE;
}

gboolean
_plan_write_file_with_mode (GFile       *file,
                            const char  *data,
                            gsize        length,
                            int          mode,
                            GError     **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *temp_path = g_strconcat (path, ".XXXXXX", NULL);
  gsize written = 0;
  int fd;

  /* g_mkstemp_full creates the file with @mode, so the key is never readable by others, not
   * even for a moment. */
  fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0)
    /* Translators: %s is a file, the second %s the system's reason */
    return set_io_error (error, errno, _("Could not write “%s”: %s"), path);

  while (written < length)
    {
      ssize_t n = write (fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = errno;

          close (fd);
          g_unlink (temp_path);
          return set_io_error (error, saved_errno, _("Could not write “%s”: %s"), path);
        }
      written += n;
    }

  if (fsync (fd) != 0 || close (fd) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      return set_io_error (error, saved_errno, _("Could not write “%s”: %s"), path);
    }

  if (g_rename (temp_path, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temp_path);
      return set_io_error (error, saved_errno, _("Could not write “%s”: %s"), path);
    }

  return TRUE;
}

char *
_plan_key_file_to_data (const char *name,
                        const char *title,
                        const char *key_id,
                        const char *public_key,
                        const char *storage)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  g_key_file_set_comment (key_file, NULL, NULL,
                          " Public key of an approver of Kế hoạch plans. Import it in "
                          "Preferences to trust plans this approver signs.", NULL);
  g_key_file_set_integer (key_file, PLAN_KEY_FILE_GROUP, "Version", PLAN_KEY_FILE_VERSION);
  g_key_file_set_string (key_file, PLAN_KEY_FILE_GROUP, "Name", name != NULL ? name : "");
  g_key_file_set_string (key_file, PLAN_KEY_FILE_GROUP, "Title", title != NULL ? title : "");
  g_key_file_set_string (key_file, PLAN_KEY_FILE_GROUP, "KeyId", key_id);
  g_key_file_set_string (key_file, PLAN_KEY_FILE_GROUP, "PublicKey", public_key);
  if (storage != NULL)
    g_key_file_set_string (key_file, PLAN_KEY_FILE_GROUP, "Storage", storage);

  return g_key_file_to_data (key_file, NULL, NULL);
}

gboolean
_plan_sodium_init (GError **error)
{
  static gsize initialized = 0;
  static gboolean ok = FALSE;

  if (g_once_init_enter (&initialized))
    {
      ok = sodium_init () >= 0;
      g_once_init_leave (&initialized, 1);
    }

  if (!ok)
    g_set_error_literal (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_CRYPTO,
                         _("The cryptography library could not be started"));
  return ok;
}
