/* plan-draft-store.h: recovery drafts of unsaved plans, one JSON file each, in the user's data
 * folder (never next to the user's own files). Pure GIO: the GUI's autosaver writes through it
 * and the application lists it at start-up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "plan-document.h"
#include "plan-draft.h"

G_BEGIN_DECLS

#define PLAN_DRAFT_FORMAT_NAME    "kehoach-draft"
#define PLAN_DRAFT_FORMAT_VERSION 1
#define PLAN_DRAFT_SUFFIX         ".kehoach-draft.json"

#define PLAN_TYPE_DRAFT_STORE (plan_draft_store_get_type ())
G_DECLARE_FINAL_TYPE (PlanDraftStore, plan_draft_store, PLAN, DRAFT_STORE, GObject)

/* @directory NULL: $XDG_DATA_HOME/io.github.kehoach.KeHoach/drafts. It is created on the first
 * write. */
PlanDraftStore *plan_draft_store_new            (GFile           *directory);
GFile          *plan_draft_store_get_directory  (PlanDraftStore  *self);
/* A new random id for a window's plan. */
char           *plan_draft_store_new_id         (void);
/* The file of the draft @id (it may not exist). */
GFile          *plan_draft_store_get_file       (PlanDraftStore  *self,
                                                 const char      *id);

/* Writes (atomically, replacing the previous one) the draft @id: @plan is the plan's JSON as
 * plan_json_save_bytes() gives it (a snapshot taken on the main thread), @original the plan's
 * file or NULL. Thread-safe: the asynchronous variant runs it in a worker thread. */
gboolean        plan_draft_store_write          (PlanDraftStore  *self,
                                                 const char      *id,
                                                 const char      *title,
                                                 GFile           *original,
                                                 const char      *original_etag,
                                                 GBytes          *plan,
                                                 GCancellable    *cancellable,
                                                 GError         **error);
void            plan_draft_store_write_async    (PlanDraftStore  *self,
                                                 const char      *id,
                                                 const char      *title,
                                                 GFile           *original,
                                                 const char      *original_etag,
                                                 GBytes          *plan,
                                                 GCancellable    *cancellable,
                                                 GAsyncReadyCallback callback,
                                                 gpointer         user_data);
gboolean        plan_draft_store_write_finish   (PlanDraftStore  *self,
                                                 GAsyncResult    *result,
                                                 GError         **error);
/* Deletes the draft @id; a draft that does not exist is not an error. */
gboolean        plan_draft_store_remove         (PlanDraftStore  *self,
                                                 const char      *id,
                                                 GError         **error);
/* The drafts on disk (PlanDraft), newest first. Files that are not readable drafts are
 * skipped (and left alone). An empty array when the folder does not exist. */
GPtrArray      *plan_draft_store_list           (PlanDraftStore  *self,
                                                 GCancellable    *cancellable,
                                                 GError         **error);
/* The plan inside @draft, marked as modified (it differs from its file, or has none). */
PlanDocument   *plan_draft_store_load           (PlanDraftStore  *self,
                                                 PlanDraft       *draft,
                                                 GError         **error);

G_END_DECLS
