/* plan-review-page.h: the "Review" part of the window: the plan's history as a timeline and
 * the workflow buttons that fit the user's role and the plan's status
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_REVIEW_PAGE (plan_review_page_get_type ())
G_DECLARE_FINAL_TYPE (PlanReviewPage, plan_review_page, PLAN, REVIEW_PAGE, GtkWidget)

GtkWidget *plan_review_page_new    (PlanDocument   *document);
/* Shows the buttons for @role and the plan's current status, and what to do next. The buttons
 * activate the window's actions (win.submit-for-review, win.return-for-changes, win.approve,
 * win.withdraw-approval). @approved: the approval verifies. */
void       plan_review_page_update (PlanReviewPage *self,
                                    PlanRole        role,
                                    gboolean        approved);

G_END_DECLS
