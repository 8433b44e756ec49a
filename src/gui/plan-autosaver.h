/* plan-autosaver.h: keeps a recovery draft of a window's unsaved plan a few seconds behind the
 * user's typing (GSettings "auto-save-delay"), and removes it once the plan is saved or its
 * changes are discarded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "plan-draft-store.h"
#include "plan-window.h"

G_BEGIN_DECLS

#define PLAN_TYPE_AUTOSAVER (plan_autosaver_get_type ())
G_DECLARE_FINAL_TYPE (PlanAutosaver, plan_autosaver, PLAN, AUTOSAVER, GObject)

/* Follows @window's plan (its "document" property), file and title. @store NULL: the default. */
PlanAutosaver  *plan_autosaver_new          (PlanWindow     *window,
                                             PlanDraftStore *store,
                                             GSettings      *settings);
PlanDraftStore *plan_autosaver_get_store    (PlanAutosaver  *self);
/* The id of this window's draft (stable while the window lives). */
const char     *plan_autosaver_get_draft_id (PlanAutosaver  *self);
/* A recovered plan goes on writing the draft it came from. */
void            plan_autosaver_set_draft_id (PlanAutosaver  *self,
                                             const char     *draft_id);
/* Writes the draft now (or removes it when there is nothing unsaved) instead of after the
 * delay. */
void            plan_autosaver_flush        (PlanAutosaver  *self);
/* TRUE while no draft is being written and none is due. */
gboolean        plan_autosaver_is_idle      (PlanAutosaver  *self);
/* The user discarded the changes: the draft goes, and nothing is written any more. */
void            plan_autosaver_discard      (PlanAutosaver  *self);
/* The window goes away: stop following it; the draft stays (the changes were neither saved
 * nor discarded). */
void            plan_autosaver_stop         (PlanAutosaver  *self);

G_END_DECLS
