/* plan-editor-util.h: two-way bindings between editor widgets and model properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "plan-document.h"

G_BEGIN_DECLS

/* Each binding shows @property of @object in the widget, follows the model when it changes
 * elsewhere (undo, redo) and writes user edits through plan_document_set() so they can be
 * undone. Binding a widget again replaces its previous binding; NULL @object unbinds. */
void     plan_editor_bind_editable   (GtkEditable  *editable,
                                      PlanDocument *document,
                                      gpointer      object,
                                      const char   *property);
/* A plain multi-line string ("\n" between lines). */
void     plan_editor_bind_text_view  (GtkTextView  *view,
                                      PlanDocument *document,
                                      gpointer      object,
                                      const char   *property);
/* A PlanText property in a PlanRichTextView. */
void     plan_editor_bind_rich_text  (GtkWidget    *rich_text_view,
                                      PlanDocument *document,
                                      gpointer      object,
                                      const char   *property);
/* guint or double properties. */
void     plan_editor_bind_spin       (GtkSpinButton *spin,
                                      PlanDocument  *document,
                                      gpointer       object,
                                      const char    *property);
void     plan_editor_bind_switch     (GtkSwitch    *toggle,
                                      PlanDocument *document,
                                      gpointer      object,
                                      const char   *property);
/* An enum property whose values are 0 … n-1 in the order of a GtkDropDown or AdwComboRow. */
void     plan_editor_bind_drop_down  (GtkWidget    *drop_down,
                                      PlanDocument *document,
                                      gpointer      object,
                                      const char   *property);

/* "Allowed: 20–25 mm" from the pspec's range. */
char      *plan_editor_dup_range     (GObject      *object,
                                      const char   *property,
                                      const char   *unit);
/* Loads the editors' small stylesheet once per display. */
void       plan_editor_ensure_style  (void);
/* Commits an input method's pre-edit text before a button acts on the field that has focus. */
void       plan_editor_commit_preedit (GtkWidget   *inside);

/* The file a file chooser's @response gave (NULL when cancelled), after destroying and
 * releasing @native: what every "response" handler of a one-file chooser does first */
GFile     *plan_editor_finish_file_chooser (GtkNativeDialog *native,
                                            int              response);

G_END_DECLS
