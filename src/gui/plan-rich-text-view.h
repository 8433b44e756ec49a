/* plan-rich-text-view.h: a text view editing a PlanText (bold, italic, underline, soft breaks)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "plan-text.h"

G_BEGIN_DECLS

#define PLAN_TYPE_RICH_TEXT_VIEW (plan_rich_text_view_get_type ())
G_DECLARE_FINAL_TYPE (PlanRichTextView, plan_rich_text_view, PLAN, RICH_TEXT_VIEW, GtkTextView)

/* Signals:
 *  "changed" (void): the user changed the text or its formatting (not emitted by set_text)
 *  "activate" (void): Enter was pressed while "enter-activates" is set; Shift+Enter always
 *                     inserts a soft line break.
 * Ctrl+B, Ctrl+I and Ctrl+U toggle bold, italic and underline of the selection, or of what is
 * typed next when nothing is selected. */
GtkWidget *plan_rich_text_view_new                 (const char       *accessible_label);
/* Shows @text, keeping the cursor where it was as far as possible. */
void       plan_rich_text_view_set_text            (PlanRichTextView *self,
                                                    PlanText         *text);
PlanText  *plan_rich_text_view_dup_text            (PlanRichTextView *self);
void       plan_rich_text_view_toggle_style        (PlanRichTextView *self,
                                                    PlanStyle         style);
void       plan_rich_text_view_set_placeholder     (PlanRichTextView *self,
                                                    const char       *placeholder);
/* FALSE for plain multi-line fields: no formatting shortcuts, Enter breaks the line. */
void       plan_rich_text_view_set_rich            (PlanRichTextView *self,
                                                    gboolean          rich);
void       plan_rich_text_view_set_enter_activates (PlanRichTextView *self,
                                                    gboolean          enter_activates);
/* Cursor at @offset characters (-1: at the end), with keyboard focus. */
void       plan_rich_text_view_focus_at            (PlanRichTextView *self,
                                                    int               offset);

G_END_DECLS
