/* plan-comments-panel.h: the comments on one part of the plan, with their replies, and a field
 * to add one. Comments are review data: saved in the plan file, never printed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_COMMENTS_PANEL (plan_comments_panel_get_type ())
G_DECLARE_FINAL_TYPE (PlanCommentsPanel, plan_comments_panel, PLAN, COMMENTS_PANEL, GtkWidget)

/* @settings gives the author's name and role (Preferences). */
GtkWidget   *plan_comments_panel_new        (PlanDocument      *document,
                                             GSettings         *settings);
/* Shows the comments whose target is in @scope (plan-comment-target.h) or is @target, and adds
 * new ones to @target. */
void         plan_comments_panel_set_scope  (PlanCommentsPanel *self,
                                             const char        *scope,
                                             const char        *target);
const char  *plan_comments_panel_get_target (PlanCommentsPanel *self);
/* The number of threads shown. */
guint        plan_comments_panel_get_n_threads (PlanCommentsPanel *self);

/* For the tests: the new comment's text, its part and its button. */
GtkTextView *_plan_comments_panel_get_text_view  (PlanCommentsPanel *self);
GtkButton   *_plan_comments_panel_get_add_button (PlanCommentsPanel *self);
/* The part the new comment attaches to (the shown part, or an item or row inside it). */
GtkDropDown *_plan_comments_panel_get_attach_drop_down (PlanCommentsPanel *self);

G_END_DECLS
