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
#define PLAN_FILE_FORMAT_VERSION 1
#define PLAN_FILE_MAX_SIZE       (64 * 1024 * 1024)
#define PLAN_FILE_MAX_DEPTH      64

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

G_END_DECLS
