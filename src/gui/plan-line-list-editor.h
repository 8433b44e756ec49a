/* plan-line-list-editor.h: an editable list of lines (Căn cứ lines, articles, Nơi nhận)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "plan-document.h"

G_BEGIN_DECLS

#define PLAN_TYPE_LINE_LIST_EDITOR (plan_line_list_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlanLineListEditor, plan_line_list_editor, PLAN, LINE_LIST_EDITOR, GtkWidget)

/* The label printed before the line at @position (e.g. "Điều 2."), shown beside its field. */
typedef char *(*PlanLineLabelFunc) (gpointer item,
                                    guint    position,
                                    gpointer user_data);

/* A boxed list with one row per item of a list of the document: PlanParagraph or PlanArticle
 * items are edited as rich text ("text" property), PlanRecipient items as name and purpose.
 * Each row has Move Up, Move Down and Remove buttons; Enter at the end of a line starts the
 * next one. Every change goes through the document's undo stack (plan_document_insert(),
 * _move(), _remove() and _set()).
 *
 * Properties, usually set in a template: "list-label" (the list's name for screen readers),
 * "field-label" (each text field's name), "placeholder", "remove-label" (the Remove button's
 * tooltip and name) and "empty-text" (shown when the list is empty).
 *
 * Signal "focus-object" (GObject *item): the focus moved into the row of @item. */
GtkWidget *plan_line_list_editor_new            (void);
void       plan_line_list_editor_bind           (PlanLineListEditor *self,
                                                 PlanDocument       *document,
                                                 GListModel         *lines);
void       plan_line_list_editor_set_label_func (PlanLineListEditor *self,
                                                 PlanLineLabelFunc   func,
                                                 gpointer            user_data);
/* Appends an empty line and puts the focus in it, as the group's "Add …" button does. */
void       plan_line_list_editor_add_line       (PlanLineListEditor *self);

G_END_DECLS
