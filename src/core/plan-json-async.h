/* plan-json-async.h: loading a plan file in a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-json.h"

G_BEGIN_DECLS

/* plan_json_load_file() in a thread of GIO's pool, so that a window stays responsive while a
 * large file (up to PLAN_FILE_MAX_SIZE) is read and parsed. The document is built entirely in
 * the thread and handed over to @callback, called in the caller's thread-default context. */
void          plan_json_load_file_async  (GFile                *file,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
/* Same errors as plan_json_load_file(); @etag_out (may be NULL) receives the file's etag. */
PlanDocument *plan_json_load_file_finish (GAsyncResult         *result,
                                          char                **etag_out,
                                          GError              **error);

G_END_DECLS
