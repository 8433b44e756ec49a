/* plan-rich-text-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plan-editor-util.h"
#include "plan-rich-text-view.h"

struct _PlanRichTextView
{
  GtkTextView  parent_instance;

  GtkTextTag  *tags[3];          /* bold, italic, underline */
  char        *placeholder;
  PlanStyle    pending_style;    /* style of the next typed text after Ctrl+B without selection */
  guint        user_action_depth;
  int          checked_height;   /* the layout height a resize was last asked for */
  guint        check_id;
  guint        corrections;      /* resizes asked since the text last changed: a loop guard */
  guint        pending_valid : 1;
  guint        dirty : 1;        /* changed inside a user action: emit at its end */
  guint        updating : 1;     /* set_text() in progress: not a user change */
  guint        inserting : 1;
  guint        enter_activates : 1;
};

G_DEFINE_FINAL_TYPE (PlanRichTextView, plan_rich_text_view, GTK_TYPE_TEXT_VIEW)

enum {
  CHANGED,
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const PlanStyle tag_styles[3] = {
  PLAN_STYLE_BOLD, PLAN_STYLE_ITALIC, PLAN_STYLE_UNDERLINE,
};

static PlanStyle
style_at (PlanRichTextView  *self,
          const GtkTextIter *iter)
{
  PlanStyle style = 0;

  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    if (gtk_text_iter_has_tag (iter, self->tags[i]))
      style |= tag_styles[i];
  return style;
}

static void
apply_style (PlanRichTextView  *self,
             const GtkTextIter *start,
             const GtkTextIter *end,
             PlanStyle          style)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    {
      if (style & tag_styles[i])
        gtk_text_buffer_apply_tag (buffer, self->tags[i], start, end);
      else
        gtk_text_buffer_remove_tag (buffer, self->tags[i], start, end);
    }
}

/* The style a character typed at @iter gets: the pending one, else the previous character's
 * (as in a word processor), else the next one's at the very start. */
static PlanStyle
style_for_typing (PlanRichTextView  *self,
                  const GtkTextIter *iter)
{
  GtkTextIter prev = *iter;

  if (self->pending_valid)
    return self->pending_style;
  if (gtk_text_iter_backward_char (&prev))
    return style_at (self, &prev);
  return gtk_text_iter_is_end (iter) ? 0 : style_at (self, iter);
}

static void
emit_changed (PlanRichTextView *self)
{
  if (self->updating)
    return;
  if (self->user_action_depth > 0)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
buffer_insert_text_before_cb (PlanRichTextView *self,
                              GtkTextIter      *location,
                              const char       *text,
                              int               len,
                              GtkTextBuffer    *buffer)
{
  if (self->updating)
    return;
  self->pending_style = style_for_typing (self, location);
  self->pending_valid = TRUE;
  self->inserting = TRUE;
}

static void
buffer_insert_text_after_cb (PlanRichTextView *self,
                             GtkTextIter      *location,
                             const char       *text,
                             int               len,
                             GtkTextBuffer    *buffer)
{
  GtkTextIter start = *location;

  if (self->updating)
    return;
  gtk_text_iter_backward_chars (&start, (int) g_utf8_strlen (text, len));
  apply_style (self, &start, location, self->pending_style);
  self->inserting = FALSE;
  emit_changed (self);
}

static void
buffer_mark_set_cb (PlanRichTextView  *self,
                    const GtkTextIter *location,
                    GtkTextMark       *mark,
                    GtkTextBuffer     *buffer)
{
  /* Moving the cursor forgets a pending Ctrl+B. */
  if (!self->inserting && mark == gtk_text_buffer_get_insert (buffer))
    self->pending_valid = FALSE;
}

static void
buffer_begin_user_action_cb (PlanRichTextView *self)
{
  self->user_action_depth++;
}

static void
buffer_end_user_action_cb (PlanRichTextView *self)
{
  if (self->user_action_depth > 0)
    self->user_action_depth--;
  if (self->user_action_depth == 0 && self->dirty)
    emit_changed (self);
}

static void
buffer_changed_cb (PlanRichTextView *self)
{
  self->corrections = 0;
  emit_changed (self);
}

static void
buffer_tag_changed_cb (PlanRichTextView *self)
{
  if (!self->inserting)
    emit_changed (self);
}

static void
plan_rich_text_view_activate_enter (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  PlanRichTextView *self = PLAN_RICH_TEXT_VIEW (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  /* Whatever the input method was composing belongs to this field. */
  gtk_text_view_reset_im_context (GTK_TEXT_VIEW (self));
  if (self->enter_activates)
    {
      g_signal_emit (self, signals[ACTIVATE], 0);
      return;
    }
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "\n", 1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer));
}

static void
plan_rich_text_view_activate_soft_break (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

  gtk_text_view_reset_im_context (GTK_TEXT_VIEW (widget));
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, "\n", 1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
plan_rich_text_view_activate_style (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  plan_rich_text_view_toggle_style (PLAN_RICH_TEXT_VIEW (widget),
                                    (PlanStyle) g_variant_get_int32 (parameter));
}

static void
plan_rich_text_view_snapshot_layer (GtkTextView      *view,
                                    GtkTextViewLayer  layer,
                                    GtkSnapshot      *snapshot)
{
  PlanRichTextView *self = PLAN_RICH_TEXT_VIEW (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  g_autoptr(PangoLayout) layout = NULL;
  GdkRGBA color;

  if (layer != GTK_TEXT_VIEW_LAYER_BELOW_TEXT || self->placeholder == NULL ||
      gtk_text_buffer_get_char_count (buffer) > 0)
    return;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), self->placeholder);
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (view)), &color);
  color.alpha *= 0.45f;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (gtk_text_view_get_left_margin (view), 0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static int
layout_height (GtkTextView *view)
{
  GtkTextIter end;
  int y = 0, line_height = 0;

  gtk_text_buffer_get_end_iter (gtk_text_view_get_buffer (view), &end);
  gtk_text_view_get_line_yrange (view, &end, &y, &line_height);
  return y + line_height + gtk_text_view_get_top_margin (view) +
         gtk_text_view_get_bottom_margin (view);
}

static gboolean
check_height_cb (gpointer data)
{
  PlanRichTextView *self = data;
  int needed = layout_height (GTK_TEXT_VIEW (self));

  self->check_id = 0;
  if (needed != gtk_widget_get_height (GTK_WIDGET (self)) && needed != self->checked_height &&
      self->corrections < 3)
    {
      self->checked_height = needed;
      self->corrections++;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  return G_SOURCE_REMOVE;
}

/* GTK 4.8 may size a text view whose text was set before it was shown as if it were empty,
 * and not ask again once its lines are laid out in the background: check after that. */
static void
plan_rich_text_view_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  PlanRichTextView *self = PLAN_RICH_TEXT_VIEW (widget);

  GTK_WIDGET_CLASS (plan_rich_text_view_parent_class)->size_allocate (widget, width, height,
                                                                      baseline);
  if (self->check_id == 0)
    self->check_id = g_idle_add_full (G_PRIORITY_LOW, check_height_cb, self, NULL);
}

static void
plan_rich_text_view_finalize (GObject *object)
{
  PlanRichTextView *self = PLAN_RICH_TEXT_VIEW (object);

  g_clear_handle_id (&self->check_id, g_source_remove);
  g_free (self->placeholder);
  G_OBJECT_CLASS (plan_rich_text_view_parent_class)->finalize (object);
}

static void
plan_rich_text_view_class_init (PlanRichTextViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  object_class->finalize = plan_rich_text_view_finalize;
  widget_class->size_allocate = plan_rich_text_view_size_allocate;
  text_view_class->snapshot_layer = plan_rich_text_view_snapshot_layer;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "rich-text.enter", NULL,
                                   plan_rich_text_view_activate_enter);
  gtk_widget_class_install_action (widget_class, "rich-text.soft-break", NULL,
                                   plan_rich_text_view_activate_soft_break);
  gtk_widget_class_install_action (widget_class, "rich-text.style", "i",
                                   plan_rich_text_view_activate_style);

}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              GdkModifierType        modifiers,
              const char            *action,
              GVariant              *arguments)
{
  g_autoptr(GtkShortcut) shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                                      gtk_named_action_new (action));

  if (arguments != NULL)
    gtk_shortcut_set_arguments (shortcut, arguments);
  gtk_shortcut_controller_add_shortcut (controller, g_steal_pointer (&shortcut));
}

/* Only Enter and Ctrl shortcuts: every other key belongs to the input method. They run in the
 * capture phase, before GtkTextView's own key handling, which would otherwise insert a newline
 * for a real Enter key (class key bindings come after it). */
static void
add_shortcuts (PlanRichTextView *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (controller);

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  add_shortcut (shortcuts, GDK_KEY_Return, 0, "rich-text.enter", NULL);
  add_shortcut (shortcuts, GDK_KEY_KP_Enter, 0, "rich-text.enter", NULL);
  add_shortcut (shortcuts, GDK_KEY_ISO_Enter, 0, "rich-text.enter", NULL);
  add_shortcut (shortcuts, GDK_KEY_Return, GDK_SHIFT_MASK, "rich-text.soft-break", NULL);
  add_shortcut (shortcuts, GDK_KEY_KP_Enter, GDK_SHIFT_MASK, "rich-text.soft-break", NULL);
  add_shortcut (shortcuts, GDK_KEY_ISO_Enter, GDK_SHIFT_MASK, "rich-text.soft-break", NULL);
  add_shortcut (shortcuts, GDK_KEY_b, GDK_CONTROL_MASK, "rich-text.style",
                g_variant_new_int32 (PLAN_STYLE_BOLD));
  add_shortcut (shortcuts, GDK_KEY_i, GDK_CONTROL_MASK, "rich-text.style",
                g_variant_new_int32 (PLAN_STYLE_ITALIC));
  add_shortcut (shortcuts, GDK_KEY_u, GDK_CONTROL_MASK, "rich-text.style",
                g_variant_new_int32 (PLAN_STYLE_UNDERLINE));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

/* GtkTextView only tells the input method that the focus left; ibus and fcitx engines then
 * keep or drop what they were composing, depending on the engine. Reset it: the engine commits,
 * so a word half typed in Telex is in the field before the button that took the focus acts. */
static void
focus_leave_cb (GtkEventControllerFocus *controller,
                PlanRichTextView        *self)
{
  gtk_text_view_reset_im_context (GTK_TEXT_VIEW (self));
}

static void
plan_rich_text_view_init (PlanRichTextView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));

  plan_editor_ensure_style ();
  self->tags[0] = gtk_text_buffer_create_tag (buffer, "bold", "weight", PANGO_WEIGHT_BOLD, NULL);
  self->tags[1] = gtk_text_buffer_create_tag (buffer, "italic", "style", PANGO_STYLE_ITALIC, NULL);
  self->tags[2] = gtk_text_buffer_create_tag (buffer, "underline",
                                              "underline", PANGO_UNDERLINE_SINGLE, NULL);

  /* Ctrl+Z is the document's undo, not the field's own. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "plan-field");
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  add_shortcuts (self);
  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, 0);
    gtk_widget_add_controller (GTK_WIDGET (self), focus);
  }

  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (buffer_insert_text_before_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (buffer_insert_text_after_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (buffer_mark_set_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "begin-user-action", G_CALLBACK (buffer_begin_user_action_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (buffer, "end-user-action", G_CALLBACK (buffer_end_user_action_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "apply-tag", G_CALLBACK (buffer_tag_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "remove-tag", G_CALLBACK (buffer_tag_changed_cb),
                           self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

GtkWidget *
plan_rich_text_view_new (const char *accessible_label)
{
  GtkWidget *self = g_object_new (PLAN_TYPE_RICH_TEXT_VIEW, NULL);

  if (accessible_label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                    GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE,
                                    -1);
  return self;
}

PlanText *
plan_rich_text_view_dup_text (PlanRichTextView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter, end;
  g_autoptr(GArray) runs = NULL;
  g_autoptr(GPtrArray) strings = NULL;

  g_return_val_if_fail (PLAN_IS_RICH_TEXT_VIEW (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  runs = g_array_new (FALSE, FALSE, sizeof (PlanRun));
  strings = g_ptr_array_new_with_free_func (g_free);
  gtk_text_buffer_get_start_iter (buffer, &iter);

  while (!gtk_text_iter_is_end (&iter))
    {
      PlanRun run;
      char *text;

      end = iter;
      if (!gtk_text_iter_forward_to_tag_toggle (&end, NULL))
        gtk_text_buffer_get_end_iter (buffer, &end);
      text = gtk_text_iter_get_text (&iter, &end);
      g_ptr_array_add (strings, text);
      run.text = text;
      run.style = style_at (self, &iter);
      g_array_append_val (runs, run);
      iter = end;
    }

  if (runs->len == 0)
    return plan_text_new ("");
  return plan_text_new_from_runs ((const PlanRun *) (gpointer) runs->data, runs->len);
}

void
plan_rich_text_view_set_text (PlanRichTextView *self,
                              PlanText         *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;
  g_autoptr(PlanText) current = NULL;
  int cursor;
  guint n_runs;

  g_return_if_fail (PLAN_IS_RICH_TEXT_VIEW (self));

  current = plan_rich_text_view_dup_text (self);
  if (text != NULL ? plan_text_equal (current, text) : plan_text_is_empty (current))
    return;

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  cursor = gtk_text_iter_get_offset (&iter);

  self->updating = TRUE;
  gtk_text_buffer_set_text (buffer, "", 0);
  n_runs = text != NULL ? plan_text_get_n_runs (text) : 0;
  for (guint i = 0; i < n_runs; i++)
    {
      PlanStyle style = 0;
      const char *run = plan_text_get_run (text, i, &style);
      GtkTextIter start;
      int start_offset;

      gtk_text_buffer_get_end_iter (buffer, &iter);
      start_offset = gtk_text_iter_get_offset (&iter);
      gtk_text_buffer_insert (buffer, &iter, run, -1);
      gtk_text_buffer_get_iter_at_offset (buffer, &start, start_offset);
      apply_style (self, &start, &iter, style);
    }
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, cursor);
  gtk_text_buffer_place_cursor (buffer, &iter);
  self->pending_valid = FALSE;
  self->updating = FALSE;
}

void
plan_rich_text_view_toggle_style (PlanRichTextView *self,
                                  PlanStyle         style)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end, iter;
  gboolean all = TRUE;

  g_return_if_fail (PLAN_IS_RICH_TEXT_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_view_reset_im_context (GTK_TEXT_VIEW (self));

  if (!gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    {
      /* Nothing selected: the style applies to what is typed next. */
      self->pending_style = style_for_typing (self, &start) ^ style;
      self->pending_valid = TRUE;
      return;
    }

  for (iter = start; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_char (&iter))
    if (!(style_at (self, &iter) & style))
      {
        all = FALSE;
        break;
      }

  gtk_text_buffer_begin_user_action (buffer);
  for (guint i = 0; i < G_N_ELEMENTS (self->tags); i++)
    {
      if (!(tag_styles[i] & style))
        continue;
      if (all)
        gtk_text_buffer_remove_tag (buffer, self->tags[i], &start, &end);
      else
        gtk_text_buffer_apply_tag (buffer, self->tags[i], &start, &end);
    }
  gtk_text_buffer_end_user_action (buffer);
}

void
plan_rich_text_view_set_placeholder (PlanRichTextView *self,
                                     const char       *placeholder)
{
  g_return_if_fail (PLAN_IS_RICH_TEXT_VIEW (self));

  g_free (self->placeholder);
  self->placeholder = g_strdup (placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_PLACEHOLDER, placeholder, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
plan_rich_text_view_set_rich (PlanRichTextView *self,
                              gboolean          rich)
{
  g_return_if_fail (PLAN_IS_RICH_TEXT_VIEW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rich-text.style", rich);
}

void
plan_rich_text_view_set_enter_activates (PlanRichTextView *self,
                                         gboolean          enter_activates)
{
  g_return_if_fail (PLAN_IS_RICH_TEXT_VIEW (self));

  self->enter_activates = !!enter_activates;
}

void
plan_rich_text_view_focus_at (PlanRichTextView *self,
                              int               offset)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (PLAN_IS_RICH_TEXT_VIEW (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  if (offset < 0)
    gtk_text_buffer_get_end_iter (buffer, &iter);
  else
    gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}
