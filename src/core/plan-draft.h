/* plan-draft.h: one recovery draft on disk: what it is a copy of, and when it was written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PLAN_TYPE_DRAFT (plan_draft_get_type ())
G_DECLARE_FINAL_TYPE (PlanDraft, plan_draft, PLAN, DRAFT, GObject)

/* Immutable. @original and @original_etag are NULL for a plan that was never saved. */
PlanDraft  *plan_draft_new               (const char *id,
                                          const char *title,
                                          GFile      *original,
                                          const char *original_etag,
                                          GDateTime  *time,
                                          int         pid,
                                          GFile      *file);
const char *plan_draft_get_id            (PlanDraft  *self);
/* The plan's title when the draft was written ("New Plan" when it had none). */
const char *plan_draft_get_title         (PlanDraft  *self);
/* The plan's own file, or NULL. */
GFile      *plan_draft_get_original      (PlanDraft  *self);
/* The etag of the original when it was last read or saved: Save after recovery checks that
 * nobody changed the file since. */
const char *plan_draft_get_original_etag (PlanDraft  *self);
GDateTime  *plan_draft_get_time          (PlanDraft  *self);
/* The process that wrote it. */
int         plan_draft_get_pid           (PlanDraft  *self);
/* The draft file itself. */
GFile      *plan_draft_get_file          (PlanDraft  *self);

G_END_DECLS
