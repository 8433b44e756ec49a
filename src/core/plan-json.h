/* plan-json.h: the .kehoach.json file format (docs/file-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include "plan-document.h"
#include "plan-error.h"

G_BEGIN_DECLS

#define PLAN_FILE_FORMAT_NAME    "kehoach"
/* The newest format this version reads and writes. Files are written with the lowest version
 * that holds the plan (1 for a plan that uses nothing added in 2), so that older versions of
 * the app still open them; every older version is read. */
#define PLAN_FILE_FORMAT_VERSION 2
#define PLAN_FILE_MAX_SIZE       (64 * 1024 * 1024)
#define PLAN_FILE_MAX_DEPTH      64
/* Entries in one list (table rows, paragraphs, items...) or members in one object, and values
 * in the whole file: they bound the memory and the time a file can take to open (a plan
 * within them loads in well under a gigabyte) and keep the editor responsive. */
#define PLAN_FILE_MAX_LIST_LENGTH 10000
#define PLAN_FILE_MAX_VALUES      1000000
/* Characters in a marker written by hand ("f)", "3.1.2.") and in a marker's suffix ("/.") */
#define PLAN_FILE_MAX_MARKER        16
#define PLAN_FILE_MAX_MARKER_SUFFIX 4

/* Parses a whole file held in memory. Every failure is one PLAN_FILE_ERROR with one specific
 * message (line and column, or the member's path such as
 * "appendices[0].content[1].table.rows[3][2]: expected a string"). Never crashes. */
PlanDocument *plan_json_load_data    (const char   *data,
                                      gsize         length,
                                      GError      **error);
/* Reads @file (never modifies it). The message is prefixed with nothing: callers add the file
 * name. @etag_out receives the file's etag for a later save (may be NULL). */
PlanDocument *plan_json_load_file    (GFile        *file,
                                      char        **etag_out,
                                      GCancellable *cancellable,
                                      GError      **error);
/* Canonical, byte-stable serialization: UTF-8, members in a fixed order, 2-space indent,
 * final newline. */
GBytes       *plan_json_save_bytes   (PlanDocument *document);
/* Atomic save (temporary file in the same folder, then rename). When @etag is non-NULL and the
 * file changed on disk since, fails with G_IO_ERROR_WRONG_ETAG and leaves it untouched.
 * @new_etag_out receives the new etag. */
gboolean      plan_json_save_file    (PlanDocument *document,
                                      GFile        *file,
                                      const char   *etag,
                                      char        **new_etag_out,
                                      GCancellable *cancellable,
                                      GError      **error);
/* The safe write under plan_json_save_file(), for any bytes (recovery drafts use it too, from a
 * worker thread): temporary file in the same folder, flushed, renamed over @file on success;
 * on failure @file is untouched, no temporary file is left and @error has a plain message
 * naming the file or folder (the GIO error code is kept). */
gboolean      plan_json_replace_file (GFile        *file,
                                      GBytes       *bytes,
                                      const char   *etag,
                                      char        **new_etag_out,
                                      GCancellable *cancellable,
                                      GError      **error);

/* Fault injection for the tests: always compiled in, inert until set. With
 * PLAN_SAVE_FAULT_BEFORE_RENAME every save writes the whole temporary file, then gives up
 * before the rename as a crash or power cut there would, and fails with G_IO_ERROR_FAILED. */
typedef enum {
  PLAN_SAVE_FAULT_NONE,
  PLAN_SAVE_FAULT_BEFORE_RENAME,
} PlanSaveFault;

void          plan_json_set_save_fault (PlanSaveFault fault);

G_END_DECLS
