/* plan-json.c: the .kehoach.json file format (docs/file-format.md): reading and writing files.
 * The syntax pass is in plan-json-syntax.c, the loader in plan-json-load.c, the writer in
 * plan-json-write.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "plan-json.h"

PlanDocument *
plan_json_load_file (GFile         *file,
                     char         **etag_out,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *etag = NULL;
  PlanDocument *document;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refuse huge files before reading them into memory. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &io_error);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a plan file"));
      return NULL;
    }
  if (info != NULL && g_file_info_get_size (info) > PLAN_FILE_MAX_SIZE)
    {
      g_set_error (error, PLAN_FILE_ERROR, PLAN_FILE_ERROR_TOO_LARGE,
                   _("The file is too large for a plan (more than %d MB)"),
                   PLAN_FILE_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  g_clear_error (&io_error);

  if (!g_file_load_contents (file, cancellable, &contents, &length, &etag, &io_error))
    {
      /* GIO's messages repeat the file name, which callers already show. */
      if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The file does not exist"));
      else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("You are not allowed to read this file"));
      else
        g_propagate_error (error, g_steal_pointer (&io_error));
      return NULL;
    }

  document = plan_json_load_data (contents, length, error);

  if (document != NULL && etag_out != NULL)
    *etag_out = g_steal_pointer (&etag);

  return document;
}
/* Set by the tests only; read on every save. */
static PlanSaveFault save_fault = PLAN_SAVE_FAULT_NONE;

void
plan_json_set_save_fault (PlanSaveFault fault)
{
  g_atomic_int_set (&save_fault, fault);
}

/* GIO's messages are technical ("Error opening file …: No such file or directory"): say what
 * happened in words a clerk understands, naming the file or its folder. The code is kept for
 * callers that react to it. */
static void
set_save_error (GFile   *file,
                GError  *io_error,
                GError **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("/");
  char *message = NULL;

  if (io_error->domain != G_IO_ERROR
      || io_error->code == G_IO_ERROR_WRONG_ETAG
      || io_error->code == G_IO_ERROR_CANCELLED)
    {
      g_propagate_error (error, io_error);
      return;
    }

  switch (io_error->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      /* Translators: %s is a folder, such as "/home/lan/Tài liệu" */
      message = g_strdup_printf (_("The folder “%s” does not exist (any more). It may have been removed or renamed, or it is on a disk or network share that is not connected."), folder);
      break;
    case G_IO_ERROR_NOT_DIRECTORY:
      /* Translators: %s is a folder, such as "/home/lan/Tài liệu" */
      message = g_strdup_printf (_("The folder “%s” cannot be used: a file is in the way where a folder should be."), folder);
      break;
    case G_IO_ERROR_PERMISSION_DENIED:
      /* Translators: %s is a folder, such as "/home/lan/Tài liệu" */
      message = g_strdup_printf (_("You are not allowed to save in the folder “%s”."), folder);
      break;
    case G_IO_ERROR_READ_ONLY:
      /* Translators: %s is a folder, such as "/media/lan/USB" */
      message = g_strdup_printf (_("The folder “%s” is on a disk that can only be read."), folder);
      break;
    case G_IO_ERROR_NO_SPACE:
      /* Translators: %s is a file name with its folder */
      message = g_strdup_printf (_("The disk is full: there is no room to save “%s”. Free some space or save on another disk."), name);
      break;
    case G_IO_ERROR_IS_DIRECTORY:
      /* Translators: %s is a file name with its folder */
      message = g_strdup_printf (_("“%s” is a folder, not a file."), name);
      break;
    case G_IO_ERROR_FILENAME_TOO_LONG:
    case G_IO_ERROR_INVALID_FILENAME:
      /* Translators: %s is a file name with its folder */
      message = g_strdup_printf (_("The name “%s” cannot be used here. Choose a shorter name without special characters."), name);
      break;
    case G_IO_ERROR_NOT_MOUNTED:
    case G_IO_ERROR_HOST_NOT_FOUND:
    case G_IO_ERROR_HOST_UNREACHABLE:
    case G_IO_ERROR_NETWORK_UNREACHABLE:
    case G_IO_ERROR_CONNECTION_CLOSED:
    case G_IO_ERROR_CONNECTION_REFUSED:
    case G_IO_ERROR_TIMED_OUT:
      /* Translators: %s is a folder */
      message = g_strdup_printf (_("The folder “%s” cannot be reached: the network share or disk is not connected."), folder);
      break;
    default:
      /* Translators: the first %s is a file name with its folder, the second the system's reason */
      message = g_strdup_printf (_("“%s” could not be written: %s"), name, io_error->message);
      break;
    }

  g_set_error_literal (error, G_IO_ERROR, io_error->code, message);
  g_free (message);
  g_error_free (io_error);
}

/* GIO flushes its temporary file before the rename, but a file that did not exist is written in
 * place and not flushed, and neither is the folder that records the new name. Without this, a
 * power cut right after "Saved" could leave an empty file, and the recovery draft is already
 * gone by then. Local files only; errors here do not undo a save that happened. */
static void
sync_to_disk (GFile    *file,
              gboolean  existed)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *folder = parent ? g_file_get_path (parent) : NULL;
  int fd;

  if (path != NULL && !existed && (fd = open (path, O_RDONLY | O_CLOEXEC)) >= 0)
    {
      fsync (fd);
      close (fd);
    }

  if (folder != NULL && (fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Closing with a cancelled cancellable makes GIO delete its temporary file instead of renaming
 * it over the original. */
static void
abort_stream (GFileOutputStream *out)
{
  g_autoptr(GCancellable) abort = g_cancellable_new ();

  g_cancellable_cancel (abort);
  g_output_stream_close (G_OUTPUT_STREAM (out), abort, NULL);
}

gboolean
plan_json_replace_file (GFile         *file,
                        GBytes        *bytes,
                        const char    *etag,
                        char         **new_etag_out,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileOutputStream) out = NULL;
  GError *io_error = NULL;
  gboolean existed;
  gsize written = 0;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* A file that did not exist is created in place (there is nothing to rename over): when
   * that fails half way, the half file is ours to remove. */
  existed = g_file_query_exists (file, cancellable);

  /* GIO writes a temporary file next to @file, flushes it to disk and renames it over @file
   * when the stream is closed. REPLACE_DESTINATION forbids its fallback of truncating the
   * original and writing into it. The etag check refuses to overwrite changes made by someone
   * else since we loaded the file. */
  out = g_file_replace (file, etag, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, cancellable,
                        &io_error);
  if (out == NULL)
    {
      set_save_error (file, io_error, error);
      return FALSE;
    }

  /* Not g_file_replace_contents(): after a failed write (a full disk) it closes the stream
   * normally, which renames the truncated temporary file over the plan. */
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes), &written, cancellable, &io_error))
    {
      abort_stream (out);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      set_save_error (file, io_error, error);
      return FALSE;
    }

  if (g_atomic_int_get (&save_fault) == PLAN_SAVE_FAULT_BEFORE_RENAME)
    {
      abort_stream (out);
      if (!existed)
        g_file_delete (file, NULL, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           "Saving was interrupted before the file was replaced (test fault)");
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &io_error))
    {
      if (!existed)
        g_file_delete (file, NULL, NULL);
      set_save_error (file, io_error, error);
      return FALSE;
    }

  sync_to_disk (file, existed);

  if (new_etag_out != NULL)
    *new_etag_out = g_file_output_stream_get_etag (out);

  return TRUE;
}

gboolean
plan_json_save_file (PlanDocument  *document,
                     GFile         *file,
                     const char    *etag,
                     char         **new_etag_out,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = plan_json_save_bytes (document);

  return plan_json_replace_file (file, bytes, etag, new_etag_out, cancellable, error);
}
