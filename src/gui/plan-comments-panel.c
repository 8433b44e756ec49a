/* plan-comments-panel.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-comment-target.h"
#include "plan-comments-panel.h"
#include "plan-identity.h"

struct _PlanCommentsPanel
{
  GtkWidget     parent_instance;

  PlanDocument *document;
  GSettings    *settings;
  char         *scope;
  char         *target;
  GPtrArray    *choices;     /* the targets the attach drop-down offers */
  guint         n_threads;

  /* Template widgets */
  GtkWidget    *box;
  GtkLabel     *scope_label;
  GtkStack     *stack;
  GtkListBox   *thread_list;
  GtkWidget    *attach_box;
  GtkDropDown  *attach_drop_down;
  GtkStringList *attach_list;
  GtkLabel     *new_label;
  GtkTextView  *text_view;
  GtkButton    *add_button;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (PlanCommentsPanel, plan_comments_panel, GTK_TYPE_WIDGET)

static char *
dup_author (PlanCommentsPanel *self)
{
  g_autofree char *name = plan_identity_dup_name (self->settings);

  if (*name != '\0')
    return g_steal_pointer (&name);

  /* Translators: the author of a comment when the user has not set their name */
  return g_strdup (plan_identity_get_role (self->settings) == PLAN_ROLE_APPROVER
                   ? _("Approver") : _("Drafter"));
}

static PlanComment *
find_comment (PlanCommentsPanel *self,
              const char        *id)
{
  GListModel *comments = plan_review_get_comments (plan_document_get_review (self->document));

  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(PlanComment) comment = g_list_model_get_item (comments, i);

      if (g_str_equal (plan_comment_get_id (comment), id))
        return comment;
    }

  return NULL;
}

static void
add_comment (PlanCommentsPanel *self,
             const char        *target,
             const char        *text,
             const char        *reply_to)
{
  GListModel *comments = plan_review_get_comments (plan_document_get_review (self->document));
  g_autofree char *author = dup_author (self);
  g_autoptr(PlanComment) comment = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    return;

  comment = plan_comment_new (target, author, plan_identity_get_role (self->settings), trimmed);
  if (reply_to != NULL)
    g_object_set (comment, "reply-to", reply_to, NULL);

  plan_document_insert (self->document, comments, g_list_model_get_n_items (comments), comment);
}

/* The target a new comment goes to: the part chosen in the drop-down. */
static const char *
new_comment_target (PlanCommentsPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->attach_drop_down);

  if (self->choices != NULL && selected < self->choices->len)
    return g_ptr_array_index (self->choices, selected);

  return self->target;
}

static void
update_new_label (PlanCommentsPanel *self)
{
  g_autofree char *part = plan_comment_target_describe (self->document, new_comment_target (self));
  /* Translators: label of the new comment's field; %s is a part of the plan */
  g_autofree char *text = g_strdup_printf (_("_New comment on %s"), part);

  gtk_label_set_label (self->new_label, text);
}

static void
attach_selected_cb (PlanCommentsPanel *self)
{
  update_new_label (self);
}

/* Offers the part and what is inside it (items of a section, rows of an appendix's table). */
static void
update_choices (PlanCommentsPanel *self)
{
  g_autoptr(GPtrArray) choices = plan_comment_target_list_parts (self->document, self->target);
  g_autofree const char **names = g_new0 (const char *, choices->len + 1);
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  const char *current = NULL;
  guint selected = 0;
  gboolean same = self->choices != NULL && self->choices->len == choices->len;

  for (guint i = 0; same && i < choices->len; i++)
    same = g_str_equal (g_ptr_array_index (choices, i), g_ptr_array_index (self->choices, i));

  for (guint i = 0; i < choices->len; i++)
    {
      /* Short: the panel is narrow; the full name shows in the label below. */
      char *name = plan_comment_target_describe_short (self->document,
                                                       g_ptr_array_index (choices, i), 24);

      g_ptr_array_add (owned, name);
      names[i] = name;
    }

  /* Keep the user's choice when only the names changed (typing in a heading). */
  if (same)
    current = new_comment_target (self);
  for (guint i = 0; current != NULL && i < choices->len; i++)
    if (g_str_equal (g_ptr_array_index (choices, i), current))
      selected = i;

  g_signal_handlers_block_by_func (self->attach_drop_down, attach_selected_cb, self);
  gtk_string_list_splice (self->attach_list, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->attach_list)), names);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  self->choices = g_steal_pointer (&choices);
  gtk_drop_down_set_selected (self->attach_drop_down, selected);
  g_signal_handlers_unblock_by_func (self->attach_drop_down, attach_selected_cb, self);

  gtk_widget_set_visible (self->attach_box, self->choices->len > 1);
  update_new_label (self);
}

static void
add_clicked_cb (PlanCommentsPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  add_comment (self, new_comment_target (self), text, NULL);
  gtk_text_buffer_set_text (buffer, "", -1);
}

static void
text_changed_cb (PlanCommentsPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), *g_strstrip (text) != '\0');
}

static void
reply_activate_cb (GtkEntry          *entry,
                   PlanCommentsPanel *self)
{
  PlanComment *comment = find_comment (self, g_object_get_data (G_OBJECT (entry), "comment-id"));

  if (comment == NULL)
    return;

  add_comment (self, plan_comment_get_target (comment), gtk_editable_get_text (GTK_EDITABLE (entry)),
               plan_comment_get_id (comment));
}

static void
resolve_clicked_cb (GtkButton         *button,
                    PlanCommentsPanel *self)
{
  PlanComment *comment = find_comment (self, g_object_get_data (G_OBJECT (button), "comment-id"));

  if (comment == NULL)
    return;

  plan_document_set (self->document, comment,
                     "resolved", !plan_comment_get_resolved (comment),
                     NULL);
}

static GtkWidget *
create_comment_widget (PlanCommentsPanel *self,
                       PlanComment       *comment)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (plan_comment_get_time (comment));
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  /* Translators: date and time of a comment, as strftime: "15/02/2022 09:30" */
  g_autofree char *when = local ? g_date_time_format (local, _("%d/%m/%Y %H:%M")) : g_strdup ("");
  g_autofree char *byline = NULL;

  /* Translators: a comment's author, role and time: "Nguyễn Văn A · Approver · 15/02/2022 09:30" */
  byline = g_strdup_printf (_("%s · %s · %s"), plan_comment_get_author (comment),
                            plan_comment_get_role (comment) == PLAN_ROLE_APPROVER
                              ? _("Approver") : _("Drafter"),
                            when);

  label = gtk_label_new (byline);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (plan_comment_get_text (comment));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_box_append (GTK_BOX (box), label);

  return box;
}

static GtkWidget *
create_thread_row (PlanCommentsPanel *self,
                   PlanComment       *comment,
                   GListModel        *comments)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *place, *replies, *actions, *entry, *resolve;
  g_autofree char *part = plan_comment_target_describe (self->document,
                                                        plan_comment_get_target (comment));
  g_autofree char *on = NULL;
  g_autofree char *accessible = NULL;
  gboolean resolved = plan_comment_get_resolved (comment);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  /* Translators: the part of the plan a comment is about: "On: II. NỘI DUNG" */
  on = resolved ? g_strdup_printf (_("On: %s (resolved)"), part)
                : g_strdup_printf (_("On: %s"), part);
  place = gtk_label_new (on);
  gtk_label_set_xalign (GTK_LABEL (place), 0);
  gtk_label_set_wrap (GTK_LABEL (place), TRUE);
  gtk_widget_add_css_class (place, "caption-heading");
  gtk_box_append (GTK_BOX (box), place);

  gtk_box_append (GTK_BOX (box), create_comment_widget (self, comment));

  /* The answers, in the order they were written, indented under the comment. */
  replies = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_start (replies, 12);
  gtk_box_append (GTK_BOX (box), replies);
  for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
    {
      g_autoptr(PlanComment) reply = g_list_model_get_item (comments, i);

      if (g_str_equal (plan_comment_get_reply_to (reply), plan_comment_get_id (comment)))
        gtk_box_append (GTK_BOX (replies), create_comment_widget (self, reply));
    }
  gtk_widget_set_visible (replies, gtk_widget_get_first_child (replies) != NULL);

  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  entry = gtk_entry_new ();
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reply…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reply to this comment"),
                                  -1);
  g_object_set_data_full (G_OBJECT (entry), "comment-id",
                          g_strdup (plan_comment_get_id (comment)), g_free);
  g_signal_connect_object (entry, "activate", G_CALLBACK (reply_activate_cb), self, 0);
  gtk_box_append (GTK_BOX (actions), entry);

  resolve = gtk_button_new_with_mnemonic (resolved ? _("_Reopen") : _("_Resolve"));
  gtk_widget_set_tooltip_text (resolve, resolved ? _("Mark this comment as not dealt with yet")
                                                 : _("Mark this comment as dealt with"));
  g_object_set_data_full (G_OBJECT (resolve), "comment-id",
                          g_strdup (plan_comment_get_id (comment)), g_free);
  g_signal_connect_object (resolve, "clicked", G_CALLBACK (resolve_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (actions), resolve);
  gtk_box_append (GTK_BOX (box), actions);

  if (resolved)
    gtk_widget_add_css_class (row, "resolved-comment");

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: what a screen reader says for a comment: part, author, text */
  accessible = g_strdup_printf (_("Comment on %s by %s: %s"), part,
                                plan_comment_get_author (comment), plan_comment_get_text (comment));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

static gboolean
shows_target (PlanCommentsPanel *self,
              const char        *target)
{
  return g_strcmp0 (target, self->target) == 0
      || (self->scope != NULL && *self->scope != '\0'
          && plan_comment_target_in_scope (self->scope, target))
      || (self->scope != NULL && *self->scope == '\0');
}

static void
plan_comments_panel_rebuild (PlanCommentsPanel *self)
{
  GListModel *comments = plan_review_get_comments (plan_document_get_review (self->document));
  GtkWidget *child;
  g_autofree char *part = NULL;
  g_autofree char *scope_text = NULL;

  if (self->target == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->thread_list))) != NULL)
    gtk_list_box_remove (self->thread_list, child);

  self->n_threads = 0;

  /* Open threads first, then the resolved ones. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < g_list_model_get_n_items (comments); i++)
      {
        g_autoptr(PlanComment) comment = g_list_model_get_item (comments, i);

        if (*plan_comment_get_reply_to (comment) != '\0'
            || plan_comment_get_resolved (comment) != (pass == 1)
            || !shows_target (self, plan_comment_get_target (comment)))
          continue;

        gtk_list_box_append (self->thread_list, create_thread_row (self, comment, comments));
        self->n_threads++;
      }

  gtk_stack_set_visible_child_name (self->stack, self->n_threads > 0 ? "threads" : "empty");

  part = plan_comment_target_describe (self->document, self->target);
  /* Translators: which part of the plan the comments panel shows */
  scope_text = g_strdup_printf (_("On: %s"), part);
  gtk_label_set_label (self->scope_label, scope_text);
  update_choices (self);
}

static void
plan_comments_panel_constructed (GObject *object)
{
  PlanCommentsPanel *self = (PlanCommentsPanel *)object;

  G_OBJECT_CLASS (plan_comments_panel_parent_class)->constructed (object);

  /* Comments, replies and resolutions all go through the document: one signal covers them,
   * and a section renamed or moved renames the threads' places too. */
  g_signal_connect_object (self->document, "changed",
                           G_CALLBACK (plan_comments_panel_rebuild), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  plan_comments_panel_set_scope (self, PLAN_TARGET_PLAN, PLAN_TARGET_PLAN);
}

static void
plan_comments_panel_dispose (GObject *object)
{
  PlanCommentsPanel *self = (PlanCommentsPanel *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLAN_TYPE_COMMENTS_PANEL);
  g_clear_object (&self->document);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->scope, g_free);
  g_clear_pointer (&self->target, g_free);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (plan_comments_panel_parent_class)->dispose (object);
}

static void
plan_comments_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlanCommentsPanel *self = PLAN_COMMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_comments_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlanCommentsPanel *self = PLAN_COMMENTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_comments_panel_class_init (PlanCommentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plan_comments_panel_constructed;
  object_class->dispose = plan_comments_panel_dispose;
  object_class->get_property = plan_comments_panel_get_property;
  object_class->set_property = plan_comments_panel_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PLAN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "comments-panel");
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/plan-comments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanCommentsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, PlanCommentsPanel, scope_label);
  gtk_widget_class_bind_template_child (widget_class, PlanCommentsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, PlanCommentsPanel, thread_list);
  gtk_widget_class_bind_template_child (widget_class, PlanCommentsPanel, attach_box);
  gtk_widget_class_bind_template_child (widget_class, PlanCommentsPanel, attach_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PlanCommentsPanel, attach_list);
  gtk_widget_class_bind_template_child (widget_class, PlanCommentsPanel, new_label);
  gtk_widget_class_bind_template_child (widget_class, PlanCommentsPanel, text_view);
  gtk_widget_class_bind_template_child (widget_class, PlanCommentsPanel, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, attach_selected_cb);
}

static void
plan_comments_panel_init (PlanCommentsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plan_comments_panel_new (PlanDocument *document,
                         GSettings    *settings)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PLAN_TYPE_COMMENTS_PANEL,
                       "document", document,
                       "settings", settings,
                       NULL);
}

void
plan_comments_panel_set_scope (PlanCommentsPanel *self,
                               const char        *scope,
                               const char        *target)
{
  g_return_if_fail (PLAN_IS_COMMENTS_PANEL (self));

  g_free (self->scope);
  self->scope = g_strdup (scope ? scope : "");
  g_free (self->target);
  self->target = g_strdup (target ? target : "");

  plan_comments_panel_rebuild (self);
}

const char *
plan_comments_panel_get_target (PlanCommentsPanel *self)
{
  g_return_val_if_fail (PLAN_IS_COMMENTS_PANEL (self), NULL);

  return self->target;
}

guint
plan_comments_panel_get_n_threads (PlanCommentsPanel *self)
{
  g_return_val_if_fail (PLAN_IS_COMMENTS_PANEL (self), 0);

  return self->n_threads;
}

GtkTextView *
_plan_comments_panel_get_text_view (PlanCommentsPanel *self)
{
  return self->text_view;
}

GtkButton *
_plan_comments_panel_get_add_button (PlanCommentsPanel *self)
{
  return self->add_button;
}

GtkDropDown *
_plan_comments_panel_get_attach_drop_down (PlanCommentsPanel *self)
{
  return self->attach_drop_down;
}
