/* plan-preview.h: live preview of the printed pages, with zoom and page indicator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "plan-layout.h"

G_BEGIN_DECLS

#define PLAN_TYPE_PREVIEW (plan_preview_get_type ())
G_DECLARE_FINAL_TYPE (PlanPreview, plan_preview, PLAN, PREVIEW, GtkWidget)

/* The shortest time between two layouts of the preview: an edit after a pause is laid out at
 * once (when idle), a burst of typing at most once per this delay, so the preview follows
 * within it and typing never waits. */
#define PLAN_PREVIEW_UPDATE_DELAY_MS 80

/* Properties: "layout" (PlanLayout), "n-pages" and "current-page" (guint, 0-based; read-only).
 * Follows the layout's document: every "changed" schedules plan_layout_update(). */
GtkWidget  *plan_preview_new                (void);
void        plan_preview_set_layout         (PlanPreview *self,
                                             PlanLayout  *layout);
PlanLayout *plan_preview_get_layout         (PlanPreview *self);
guint       plan_preview_get_n_pages        (PlanPreview *self);
guint       plan_preview_get_current_page   (PlanPreview *self);
/* Lays out pending changes now (normally done by a short timeout). */
void        plan_preview_update             (PlanPreview *self);
gboolean    plan_preview_get_update_pending (PlanPreview *self);
/* Scrolls to the first page on which @object is printed; FALSE when it is not printed. */
gboolean    plan_preview_scroll_to_object   (PlanPreview *self,
                                             gpointer     object);
void        plan_preview_scroll_to_page     (PlanPreview *self,
                                             guint        page);
GtkWidget  *plan_preview_get_pages          (PlanPreview *self);
/* The text of the page indicator, for tests. */
const char *plan_preview_get_page_label     (PlanPreview *self);

G_END_DECLS
