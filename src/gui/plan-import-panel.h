/* plan-import-panel.h: what the import of a Word file recognised, above the editors; every
 * place kept only as plain paragraphs, each a row that shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "plan-docx-report.h"

G_BEGIN_DECLS

#define PLAN_TYPE_IMPORT_PANEL (plan_import_panel_get_type ())
G_DECLARE_FINAL_TYPE (PlanImportPanel, plan_import_panel, PLAN, IMPORT_PANEL, GtkBox)

/* Signals:
 *  "note-activated" (GObject *target): a row was activated; @target is the model object that
 *                   holds the place (NULL for the header)
 *  "dismissed"     (void): the close button was clicked */
GtkWidget *plan_import_panel_new  (const char     *file_name,
                                   PlanDocxReport *report);

G_END_DECLS
