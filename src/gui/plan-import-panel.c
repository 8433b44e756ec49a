/* plan-import-panel.c: what the import of a Word file recognised, above the editors; every
 * place kept only as plain paragraphs, each a row that shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "plan-import-panel.h"

struct _PlanImportPanel
{
  GtkBox     parent_instance;
  GPtrArray *targets;   /* row index → GObject or NULL */
};

G_DEFINE_FINAL_TYPE (PlanImportPanel, plan_import_panel, GTK_TYPE_BOX)

enum {
  SIGNAL_NOTE_ACTIVATED,
  SIGNAL_DISMISSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
plan_import_panel_finalize (GObject *object)
{
  PlanImportPanel *self = PLAN_IMPORT_PANEL (object);

  g_ptr_array_unref (self->targets);

  G_OBJECT_CLASS (plan_import_panel_parent_class)->finalize (object);
}

static void
plan_import_panel_class_init (PlanImportPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plan_import_panel_finalize;

  signals[SIGNAL_NOTE_ACTIVATED] =
    g_signal_new ("note-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  signals[SIGNAL_DISMISSED] =
    g_signal_new ("dismissed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "import-panel");
}

static void
unref_target (gpointer target)
{
  if (target != NULL)
    g_object_unref (target);
}

static void
plan_import_panel_init (PlanImportPanel *self)
{
  self->targets = g_ptr_array_new_with_free_func (unref_target);
}

static void
row_activated_cb (PlanImportPanel *self,
                  GtkListBoxRow   *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->targets->len)
    g_signal_emit (self, signals[SIGNAL_NOTE_ACTIVATED], 0, self->targets->pdata[index]);
}

static void
close_clicked_cb (PlanImportPanel *self)
{
  g_signal_emit (self, signals[SIGNAL_DISMISSED], 0);
}

/* Every unrecognised place can be shown (one without an object is in the header: the General
 * part); a remark only when it concerns an object of the plan */
static void
add_notes (PlanImportPanel *self,
           GtkListBox      *list,
           GPtrArray       *notes,
           gboolean         all_activatable,
           const char      *icon_name)
{
  for (guint i = 0; i < notes->len; i++)
    {
      PlanDocxNote *note = g_ptr_array_index (notes, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *message = gtk_label_new (note->message);

      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 8);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
      gtk_label_set_xalign (GTK_LABEL (message), 0);
      gtk_label_set_wrap (GTK_LABEL (message), TRUE);
      gtk_box_append (GTK_BOX (texts), message);
      if (note->excerpt != NULL)
        {
          g_autofree char *quoted = g_strdup_printf ("“%s”", note->excerpt);
          GtkWidget *excerpt = gtk_label_new (quoted);
          gtk_label_set_xalign (GTK_LABEL (excerpt), 0);
          gtk_label_set_ellipsize (GTK_LABEL (excerpt), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (excerpt, "dim-label");
          gtk_box_append (GTK_BOX (texts), excerpt);
        }
      gtk_widget_set_hexpand (texts, TRUE);
      gtk_box_append (GTK_BOX (box), texts);
      gboolean activatable = all_activatable || note->target != NULL;
      if (activatable)
        {
          gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_widget_set_tooltip_text (row, _("Show this place"));
        }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), activatable);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (list, row);
      g_ptr_array_add (self->targets, note->target != NULL ? g_object_ref (note->target) : NULL);
    }
}

GtkWidget *
plan_import_panel_new (const char     *file_name,
                       PlanDocxReport *report)
{
  PlanImportPanel *self = g_object_new (PLAN_TYPE_IMPORT_PANEL,
                                        "orientation", GTK_ORIENTATION_VERTICAL,
                                        "spacing", 6, NULL);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *heading = g_strdup_printf (_("Opened from the Word file “%s”"), file_name);
  g_autofree char *summary = plan_docx_report_dup_summary (report);
  GtkWidget *heading_label = gtk_label_new (heading);
  GtkWidget *summary_label = gtk_label_new (summary);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (heading_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading_label), 0);
  gtk_label_set_wrap (GTK_LABEL (heading_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary_label), 0);
  gtk_label_set_wrap (GTK_LABEL (summary_label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (summary_label), TRUE);
  gtk_box_append (GTK_BOX (texts), heading_label);
  gtk_box_append (GTK_BOX (texts), summary_label);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (top), gtk_image_new_from_icon_name ("x-office-document-symbolic"));
  gtk_box_append (GTK_BOX (top), texts);
  gtk_widget_add_css_class (close, "flat");
  gtk_widget_set_valign (close, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (close, _("Dismiss"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (close), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Dismiss"), -1);
  g_signal_connect_object (close, "clicked", G_CALLBACK (close_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (top), close);
  gtk_box_append (GTK_BOX (self), top);

  if (report->unrecognised->len + report->remarks->len > 0)
    {
      guint n = report->unrecognised->len;
      g_autofree char *title = n > 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u place kept only as plain paragraphs, and remarks",
                                        "%u places kept only as plain paragraphs, and remarks",
                                        n), n)
        : g_strdup (_("Remarks on the import"));
      GtkWidget *expander = gtk_expander_new (title);
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      add_notes (self, GTK_LIST_BOX (list), report->unrecognised, TRUE, "dialog-warning-symbolic");
      add_notes (self, GTK_LIST_BOX (list), report->remarks, FALSE, "dialog-information-symbolic");
      g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                      GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 220);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
      gtk_expander_set_child (GTK_EXPANDER (expander), scrolled);
      gtk_expander_set_expanded (GTK_EXPANDER (expander), n > 0);
      gtk_box_append (GTK_BOX (self), expander);
    }
  return GTK_WIDGET (self);
}
