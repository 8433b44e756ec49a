/* plan-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-editor-util.h"
#include "plan-application-private.h"
#include "plan-appendix-editor.h"
#include "plan-closing-editor.h"
#include "plan-general-editor.h"
#include "plan-json.h"
#include "plan-json-async.h"
#include "plan-numbering.h"
#include "plan-outline-editor.h"
#include "plan-decision-editor.h"
#include "plan-preamble-editor.h"
#include "plan-review-page.h"
#include "plan-save-changes-dialog.h"
#include "plan-import-panel.h"
#include "plan-window-private.h"

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (PlanWindow, plan_window, ADW_TYPE_APPLICATION_WINDOW)

/* One row of the sidebar, computed from the document before the rows are touched. */
typedef struct
{
  const char *part;
  gpointer    object;
  const char *icon_name;
  char       *title;
  char       *subtitle;
} SidebarEntry;

static void
sidebar_entry_clear (gpointer data)
{
  SidebarEntry *entry = data;

  g_free (entry->title);
  g_free (entry->subtitle);
}

static void
replace_str (char       **str,
             const char  *value)
{
  g_free (*str);
  *str = g_strdup (value);
}

static char *
first_line (const char *text)
{
  const char *newline;

  if (text == NULL)
    return g_strdup ("");

  newline = strchr (text, '\n');

  return newline ? g_strndup (text, newline - text) : g_strdup (text);
}

static char *
dup_display_path (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return g_file_get_parse_name (file);

  if (g_file_equal (parent, home))
    return g_strdup ("~");

  relative = g_file_get_relative_path (home, parent);
  if (relative != NULL)
    return g_build_filename ("~", relative, NULL);

  return g_file_get_parse_name (parent);
}

static void
plan_window_update_title (PlanWindow *self)
{
  g_autofree char *title = plan_window_dup_title (self);
  g_autofree char *marked = NULL;
  g_autofree char *window_title = NULL;
  g_autofree char *subtitle = NULL;

  /* The dot tells that there are changes to save, like GNOME Text Editor's tabs. */
  if (plan_document_get_modified (self->document))
    marked = g_strdup_printf ("• %s", title);
  else
    marked = g_strdup (title);

  if (self->file != NULL)
    subtitle = dup_display_path (self->file);
  else if (self->import_name != NULL)
    subtitle = g_strdup (_("Opened from a Word file, not saved yet"));
  else
    subtitle = g_strdup (_("Not saved yet"));

  adw_window_title_set_title (self->window_title, marked);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  /* Translators: the window title in the window list: plan title, then the application */
  window_title = g_strdup_printf (_("%s – Kế hoạch"), marked);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static GArray *
plan_window_compute_sidebar (PlanWindow *self)
{
  GArray *entries = g_array_new (FALSE, TRUE, sizeof (SidebarEntry));
  GListModel *body = plan_document_get_body (self->document);
  GListModel *appendices = plan_document_get_appendices (self->document);
  g_auto(GStrv) markers = NULL;
  SidebarEntry entry;

  g_array_set_clear_func (entries, sidebar_entry_clear);

#define ADD(p, o, i, t, s) \
  G_STMT_START { \
    entry.part = p; entry.object = o; entry.icon_name = i; \
    entry.title = t; entry.subtitle = s; \
    g_array_append_val (entries, entry); \
  } G_STMT_END

  ADD (PLAN_PART_GENERAL, NULL, "document-properties-symbolic",
       g_strdup (_("General Information")), NULL);
  /* A decision has its own Căn cứ lines: the Preamble row says it is the plan's. */
  if (plan_document_get_kind (self->document) == PLAN_DOCUMENT_KIND_DECISION)
    {
      ADD (PLAN_PART_DECISION, NULL, "x-office-document-symbolic", g_strdup (_("Decision")),
           g_strdup (_("Issuing the plan")));
      ADD (PLAN_PART_PREAMBLE, NULL, "format-justify-left-symbolic", g_strdup (_("Preamble")),
           g_strdup (_("Of the plan")));
    }
  else
    {
      ADD (PLAN_PART_PREAMBLE, NULL, "format-justify-left-symbolic", g_strdup (_("Preamble")),
           NULL);
    }
  ADD (PLAN_PART_BODY, NULL, "view-list-ordered-symbolic", g_strdup (_("Body")), NULL);

  markers = plan_numbering_markers (self->document, body, NULL, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (body); i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (body, i);
      PlanItemKind kind = plan_item_get_kind (item);
      g_autofree char *heading = NULL;

      /* Only the top-level divisions: paragraphs at the top stay inside "Body". */
      if (kind != PLAN_ITEM_PART && kind != PLAN_ITEM_SECTION && kind != PLAN_ITEM_NUMBERED)
        continue;

      heading = first_line (plan_text_get_plain (plan_item_get_heading (item)));
      if (*heading == '\0')
        replace_str (&heading, _("Untitled section"));

      ADD (PLAN_PART_SECTION, item, NULL,
           markers && markers[i] && *markers[i]
             ? g_strdup_printf ("%s %s", markers[i], heading)
             : g_strdup (heading),
           NULL);
    }

  ADD (PLAN_PART_CLOSING, NULL, "mail-send-symbolic", g_strdup (_("Recipients and Signer")), NULL);

  for (guint i = 0; i < g_list_model_get_n_items (appendices); i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);
      g_autofree char *label = plan_document_dup_appendix_label (self->document, appendix);
      g_autofree char *title = first_line (plan_appendix_get_title (appendix));

      if (label == NULL || *label == '\0')
        replace_str (&label, _("Appendix"));
      if (*title == '\0')
        replace_str (&title, _("No title yet"));

      ADD (PLAN_PART_APPENDIX, appendix, "x-office-spreadsheet-symbolic",
           g_steal_pointer (&label), g_steal_pointer (&title));
    }

  ADD (PLAN_PART_ADD_APPENDIX, NULL, "list-add-symbolic", g_strdup (_("Add Appendix")), NULL);
  ADD (PLAN_PART_REVIEW, NULL, "emblem-documents-symbolic", g_strdup (_("Review")),
       _plan_window_review_dup_status_name (self));

#undef ADD

  return entries;
}

static GtkWidget *
create_sidebar_row (const SidebarEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (entry->title);
  GtkWidget *subtitle = gtk_label_new (entry->subtitle);

  if (entry->icon_name != NULL)
    gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (entry->icon_name));
  else
    gtk_widget_set_margin_start (box, 28);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), title);

  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_visible (subtitle, entry->subtitle != NULL);
  gtk_box_append (GTK_BOX (labels), subtitle);

  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  if (g_str_equal (entry->part, PLAN_PART_ADD_APPENDIX))
    {
      gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "add-row");
    }
  if (g_str_equal (entry->part, PLAN_PART_SECTION))
    gtk_widget_add_css_class (row, "section-row");

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, entry->title,
                                  -1);
  g_object_set_data (G_OBJECT (row), "plan-part", (gpointer) entry->part);
  if (entry->object != NULL)
    g_object_set_data_full (G_OBJECT (row), "plan-object",
                            g_object_ref (entry->object), g_object_unref);
  g_object_set_data (G_OBJECT (row), "plan-title", title);
  g_object_set_data (G_OBJECT (row), "plan-subtitle", subtitle);

  return row;
}

static void
update_sidebar_row (GtkWidget          *row,
                    const SidebarEntry *entry)
{
  GtkLabel *title = g_object_get_data (G_OBJECT (row), "plan-title");
  GtkLabel *subtitle = g_object_get_data (G_OBJECT (row), "plan-subtitle");

  if (g_strcmp0 (gtk_label_get_label (title), entry->title) != 0)
    {
      gtk_label_set_label (title, entry->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, entry->title,
                                      -1);
    }
  if (g_strcmp0 (gtk_label_get_label (subtitle), entry->subtitle ? entry->subtitle : "") != 0)
    gtk_label_set_label (subtitle, entry->subtitle);
  gtk_widget_set_visible (GTK_WIDGET (subtitle), entry->subtitle != NULL);
}

static char *
dup_page_name (const char *part,
               gpointer    object)
{
  if (g_str_equal (part, PLAN_PART_APPENDIX))
    return g_strdup_printf ("appendix-%p", object);
  if (g_str_equal (part, PLAN_PART_SECTION))
    return g_strdup (PLAN_PART_BODY);

  return g_strdup (part);
}

/* Editor pages of appendices that were removed go with them. */
static void
plan_window_prune_editors (PlanWindow *self)
{
  GListModel *appendices = plan_document_get_appendices (self->document);
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->editor_stack));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      PlanAppendix *appendix = g_object_get_data (G_OBJECT (child), "plan-appendix");
      gboolean found = appendix == NULL;

      for (guint i = 0; !found && i < g_list_model_get_n_items (appendices); i++)
        {
          g_autoptr(PlanAppendix) other = g_list_model_get_item (appendices, i);

          found = other == appendix;
        }

      if (!found)
        gtk_stack_remove (self->editor_stack, child);

      child = next;
    }
}

static void
plan_window_sync_sidebar (PlanWindow *self)
{
  g_autoptr(GArray) entries = plan_window_compute_sidebar (self);
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
  gboolean same_rows = TRUE;
  const char *selected_part;
  gpointer selected_object = NULL;
  guint n_rows = 0;

  for (GtkWidget *r = row; r != NULL; r = gtk_widget_get_next_sibling (r))
    {
      const SidebarEntry *entry;

      if (n_rows >= entries->len)
        {
          same_rows = FALSE;
          break;
        }

      entry = &g_array_index (entries, SidebarEntry, n_rows);
      if (g_object_get_data (G_OBJECT (r), "plan-part") != entry->part
          || g_object_get_data (G_OBJECT (r), "plan-object") != entry->object)
        same_rows = FALSE;
      n_rows++;
    }

  if (same_rows && n_rows == entries->len)
    {
      guint i = 0;

      for (GtkWidget *r = row; r != NULL; r = gtk_widget_get_next_sibling (r))
        update_sidebar_row (r, &g_array_index (entries, SidebarEntry, i++));
      return;
    }

  /* The parts changed (a section or an appendix came or went): rebuild, keep the selection. */
  selected_part = _plan_window_get_selected_part (self, &selected_object);
  if (selected_object != NULL)
    g_object_ref (selected_object);

  self->rebuilding_sidebar = TRUE;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
    gtk_list_box_remove (self->sidebar, row);

  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->sidebar, create_sidebar_row (&g_array_index (entries, SidebarEntry, i)));

  plan_window_prune_editors (self);

  self->rebuilding_sidebar = FALSE;

  if (selected_part == NULL
      || !_plan_window_select_part (self, selected_part, selected_object))
    {
      /* The selected section or appendix is gone: its parent part takes over. */
      if (g_strcmp0 (selected_part, PLAN_PART_SECTION) == 0)
        _plan_window_select_part (self, PLAN_PART_BODY, NULL);
      else
        _plan_window_select_part (self, PLAN_PART_GENERAL, NULL);
    }

  g_clear_object (&selected_object);
}

static void
plan_window_focus_object_cb (PlanWindow *self,
                             GObject    *object)
{
  PlanLayout *layout = self->layout;
  int page;

  if (object == NULL || layout == NULL)
    return;

  if (plan_preview_get_update_pending (self->preview))
    plan_preview_update (self->preview);

  /* Stay on the current page while the object is printed on it. */
  page = plan_layout_find_page (layout, object);
  if (page >= 0 && (guint) page != plan_preview_get_current_page (self->preview))
    plan_preview_scroll_to_page (self->preview, page);
}

GtkWidget *
_plan_window_get_editor (PlanWindow *self,
                         const char *part,
                         gpointer    object)
{
  g_autofree char *name = dup_page_name (part, object);
  GtkWidget *editor;

  g_assert (PLAN_IS_WINDOW (self));

  if (g_str_equal (part, PLAN_PART_ADD_APPENDIX))
    return NULL;

  editor = gtk_stack_get_child_by_name (self->editor_stack, name);
  if (editor != NULL)
    return editor;

  /* Editors are made when first shown: a window opens as fast as its first page. */
  if (g_str_equal (part, PLAN_PART_GENERAL))
    editor = plan_general_editor_new (self->document);
  else if (g_str_equal (part, PLAN_PART_DECISION))
    editor = plan_decision_editor_new (self->document);
  else if (g_str_equal (part, PLAN_PART_PREAMBLE))
    editor = plan_preamble_editor_new (self->document);
  else if (g_str_equal (part, PLAN_PART_BODY) || g_str_equal (part, PLAN_PART_SECTION))
    editor = plan_outline_editor_new (self->document, plan_document_get_body (self->document));
  else if (g_str_equal (part, PLAN_PART_CLOSING))
    editor = plan_closing_editor_new (self->document);
  else if (g_str_equal (part, PLAN_PART_APPENDIX))
    editor = plan_appendix_editor_new (self->document, PLAN_APPENDIX (object));
  else if (g_str_equal (part, PLAN_PART_REVIEW))
    editor = plan_review_page_new (self->document);
  else
    g_return_val_if_reached (NULL);

  if (g_str_equal (part, PLAN_PART_APPENDIX))
    g_object_set_data_full (G_OBJECT (editor), "plan-appendix",
                            g_object_ref (object), g_object_unref);

  if (g_signal_lookup ("focus-object", G_OBJECT_TYPE (editor)) != 0)
    g_signal_connect_object (editor, "focus-object",
                             G_CALLBACK (plan_window_focus_object_cb), self,
                             G_CONNECT_SWAPPED);

  gtk_stack_add_named (self->editor_stack, editor, name);

  return editor;
}

/* The object whose page the preview shows when a part is selected. */
static gpointer
plan_window_get_part_object (PlanWindow *self,
                             const char *part,
                             gpointer    object)
{
  GListModel *list = NULL;

  if (object != NULL)
    return g_object_ref (object);

  if (g_str_equal (part, PLAN_PART_DECISION))
    return g_object_ref (plan_document_get_decision (self->document));
  if (g_str_equal (part, PLAN_PART_PREAMBLE))
    list = plan_document_get_preamble (self->document);
  else if (g_str_equal (part, PLAN_PART_BODY))
    list = plan_document_get_body (self->document);
  else if (g_str_equal (part, PLAN_PART_CLOSING))
    list = plan_document_get_recipients (self->document);

  if (list != NULL && g_list_model_get_n_items (list) > 0)
    return g_list_model_get_item (list, 0);

  return g_object_ref (self->document);
}

static void
plan_window_show_part (PlanWindow *self,
                       const char *part,
                       gpointer    object)
{
  g_autoptr(GObject) shown = NULL;
  GtkWidget *editor;

  /* The field being left keeps what its input method was composing. */
  plan_editor_commit_preedit (GTK_WIDGET (self));
  editor = _plan_window_get_editor (self, part, object);
  if (editor == NULL)
    return;

  gtk_stack_set_visible_child (self->editor_stack, editor);

  if (g_str_equal (part, PLAN_PART_SECTION))
    plan_outline_editor_reveal (editor, PLAN_ITEM (object));

  shown = plan_window_get_part_object (self, part, object);
  if (g_str_equal (part, PLAN_PART_CLOSING) && (gpointer) shown == (gpointer) self->document)
    {
      /* No recipient yet: the signer is on the last page of the body. */
      guint n_pages = plan_preview_get_n_pages (self->preview);

      if (n_pages > 0)
        plan_preview_scroll_to_page (self->preview, n_pages - 1);
    }
  else if (g_str_equal (part, PLAN_PART_GENERAL) || g_str_equal (part, PLAN_PART_DECISION))
    {
      plan_preview_scroll_to_page (self->preview, 0);
    }
  else
    {
      plan_window_focus_object_cb (self, shown);
    }

  _plan_window_review_show_part (self, part, object);
}

static void
plan_window_add_appendix (PlanWindow *self)
{
  GListModel *appendices = plan_document_get_appendices (self->document);
  g_autoptr(PlanAppendix) appendix = plan_appendix_new ("");

  plan_document_insert (self->document, appendices, g_list_model_get_n_items (appendices), appendix);
  /* "changed" rebuilt the sidebar already. */
  plan_window_sync_sidebar (self);
  _plan_window_select_part (self, PLAN_PART_APPENDIX, appendix);
}

static void
sidebar_row_selected_cb (PlanWindow    *self,
                         GtkListBoxRow *row)
{
  const char *part;

  if (row == NULL || self->rebuilding_sidebar)
    return;

  part = g_object_get_data (G_OBJECT (row), "plan-part");
  plan_window_show_part (self, part, g_object_get_data (G_OBJECT (row), "plan-object"));
}

static void
sidebar_row_activated_cb (PlanWindow    *self,
                          GtkListBoxRow *row)
{
  const char *part = g_object_get_data (G_OBJECT (row), "plan-part");

  if (g_str_equal (part, PLAN_PART_ADD_APPENDIX))
    {
      plan_window_add_appendix (self);
      return;
    }

  /* Selecting the row showed the part already; on a narrow window, also go to it. */
  sidebar_row_selected_cb (self, row);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
back_clicked_cb (PlanWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
plan_window_update_folding (PlanWindow *self)
{
  gboolean folded = adw_leaflet_get_folded (self->leaflet);
  gboolean on_content = g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet), "content") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), folded && on_content);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), !folded);

  /* A folded leaflet shows one page at a time: the sidebar must be there to go back to. */
  if (folded)
    {
      gtk_widget_set_visible (self->sidebar_page, TRUE);
      gtk_widget_set_visible (self->sidebar_separator, TRUE);
    }
  else
    {
      gboolean visible = gtk_toggle_button_get_active (self->sidebar_button);

      gtk_widget_set_visible (self->sidebar_page, visible);
      gtk_widget_set_visible (self->sidebar_separator, visible);
    }
}

static gboolean
plan_window_update_folding_cb (gpointer data)
{
  PlanWindow *self = data;

  self->folding_source = 0;
  plan_window_update_folding (self);

  return G_SOURCE_REMOVE;
}

static void
leaflet_folded_cb (PlanWindow *self)
{
  /* The leaflet folds while it is being allocated: changing the header bar there would
   * invalidate an allocation already made in this frame. Do it after the frame. */
  if (self->folding_source == 0)
    self->folding_source = g_idle_add (plan_window_update_folding_cb, self);
}

static void
plan_window_flap_folded_cb (PlanWindow *self)
{
  /* The flap hides the preview when it folds; unfolded, the user's choice comes back. */
  if (!adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap,
                              g_settings_get_boolean (self->settings, "preview-visible"));
}

static void
plan_window_preview_toggled_cb (PlanWindow *self)
{
  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "preview-visible",
                            gtk_toggle_button_get_active (self->preview_button));
}

static void
plan_window_document_changed_cb (PlanWindow *self)
{
  _plan_window_review_changed (self);
  plan_window_sync_sidebar (self);
  _plan_window_review_update_sidebar (self);
  plan_window_update_title (self);
}

static void
plan_window_document_notify_cb (PlanWindow *self)
{
  plan_window_update_title (self);
  _plan_window_actions_update (self);
}

static void
plan_window_check_fonts (PlanWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (self->layout == NULL || plan_layout_has_real_times (self->layout))
    return;

  if (!PLAN_IS_APPLICATION (app) || !_plan_application_take_font_warning (PLAN_APPLICATION (app),
                                                                            plan_layout_get_font_family (self->layout)))
    return;

  /* Translators: %s is the name of a font, such as "Liberation Serif" */
  text = g_strdup_printf (_("Times New Roman is not installed: pages use “%s”, which has the same letter widths, so they print with the same line breaks"),
                          plan_layout_get_font_family (self->layout));
  toast = adw_toast_new (text);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static gboolean
plan_window_drop_cb (PlanWindow    *self,
                     const GValue  *value,
                     double         x,
                     double         y,
                     GtkDropTarget *target)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || !PLAN_IS_APPLICATION (app))
    return FALSE;

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (const GSList *l = files; l != NULL; l = l->next)
    plan_application_open_file (PLAN_APPLICATION (app), l->data, GTK_WINDOW (self));
  g_slist_free (files);

  return TRUE;
}

static void
plan_window_save_state (PlanWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));

  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", MAX (width, 360));
      g_settings_set_int (self->settings, "window-height", MAX (height, 294));
    }
}

static gboolean
plan_window_close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));

  return G_SOURCE_REMOVE;
}

void
_plan_window_close_confirmed (PlanWindow *self)
{
  g_assert (PLAN_IS_WINDOW (self));

  /* From an idle: the dialog that asked is still finishing its "response" over this window. */
  self->close_confirmed = TRUE;
  /* Saved (no draft left to remove) or discarded: either way the draft has served. */
  plan_autosaver_discard (self->autosaver);
  g_idle_add_full (G_PRIORITY_DEFAULT, plan_window_close_idle_cb,
                   g_object_ref (self), g_object_unref);
}

static void
plan_window_close_response_cb (PlanWindow *self,
                               const char *response)
{
  if (g_str_equal (response, PLAN_SAVE_CHANGES_SAVE))
    {
      self->close_after_save = TRUE;
      _plan_window_save (self);
    }
  else if (g_str_equal (response, PLAN_SAVE_CHANGES_DISCARD))
    {
      _plan_window_close_confirmed (self);
    }
}

static gboolean
plan_window_close_request (GtkWindow *window)
{
  PlanWindow *self = PLAN_WINDOW (window);

  if (!self->close_confirmed
      && self->document != NULL
      && plan_document_get_modified (self->document))
    {
      g_autofree char *title = plan_window_dup_title (self);
      GtkWidget *dialog = plan_save_changes_dialog_new (window, title);

      g_signal_connect_object (dialog, "response",
                               G_CALLBACK (plan_window_close_response_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_window_present (GTK_WINDOW (dialog));

      return TRUE;
    }

  plan_window_save_state (self);

  return GTK_WINDOW_CLASS (plan_window_parent_class)->close_request (window);
}

static void
plan_window_constructed (GObject *object)
{
  PlanWindow *self = (PlanWindow *)object;

  G_OBJECT_CLASS (plan_window_parent_class)->constructed (object);

  /* plan_window_new() always gives one; a bare g_object_new() gets a blank plan. */
  if (self->document == NULL)
    {
      g_autoptr(PlanDocument) document = plan_document_new_template ();

      _plan_window_set_document (self, document, NULL, NULL);
    }
}

static void
plan_window_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (plan_window_parent_class)->map (widget);

  plan_window_check_fonts (PLAN_WINDOW (widget));
}

static void
plan_window_dispose (GObject *object)
{
  PlanWindow *self = (PlanWindow *)object;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  if (self->recent_manager != NULL)
    g_signal_handlers_disconnect_by_data (self->recent_manager, self);

  g_clear_handle_id (&self->folding_source, g_source_remove);
  _plan_window_review_dispose (self);
  if (self->autosaver != NULL)
    plan_autosaver_stop (self->autosaver);
  g_clear_object (&self->autosaver);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLAN_TYPE_WINDOW);

  g_clear_object (&self->layout);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_pointer (&self->etag, g_free);
  g_clear_pointer (&self->import_name, g_free);
  g_clear_object (&self->import_source);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  g_clear_object (&self->recent_manager);

  G_OBJECT_CLASS (plan_window_parent_class)->dispose (object);
}

static void
plan_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PlanWindow *self = PLAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PlanWindow *self = PLAN_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      if (g_value_get_object (value) != NULL)
        _plan_window_set_document (self, g_value_get_object (value), NULL, NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_window_class_init (PlanWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = plan_window_constructed;
  object_class->dispose = plan_window_dispose;
  object_class->get_property = plan_window_get_property;
  object_class->set_property = plan_window_set_property;

  widget_class->map = plan_window_map;

  window_class->close_request = plan_window_close_request;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PLAN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PLAN_TYPE_PREVIEW);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/plan-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, preview_button);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, sidebar_page);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, editor_stack);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, preview);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, status_bar);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, comments_flap);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, comments_button);
  gtk_widget_class_bind_template_child (widget_class, PlanWindow, comments_count);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);

  _plan_window_class_actions_init (widget_class);
  _plan_window_review_class_init (widget_class);
}

static void
plan_window_init (PlanWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "sidebar-visible",
                   self->sidebar_button, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (self->sidebar_button, "notify::active",
                           G_CALLBACK (plan_window_update_folding), self, G_CONNECT_SWAPPED);
  plan_window_update_folding (self);

  gtk_toggle_button_set_active (self->preview_button,
                                g_settings_get_boolean (self->settings, "preview-visible"));
  g_signal_connect_object (self->preview_button, "notify::active",
                           G_CALLBACK (plan_window_preview_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::folded",
                           G_CALLBACK (plan_window_flap_folded_cb), self, G_CONNECT_SWAPPED);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (plan_window_drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  /* The split button's own button shows only an icon: name it for screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->new_button))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New Plan"), -1);

  self->recent_menu = g_menu_new ();
  adw_split_button_set_menu_model (self->open_button, G_MENU_MODEL (self->recent_menu));
  self->recent_manager = g_object_ref (gtk_recent_manager_get_default ());
  g_signal_connect_object (self->recent_manager, "changed",
                           G_CALLBACK (_plan_window_update_recent_menu), self, G_CONNECT_SWAPPED);

  _plan_window_actions_init (self);
  _plan_window_review_init (self);
  _plan_window_update_recent_menu (self);

  /* Unsaved changes are kept in a recovery draft while the window is open. */
  self->autosaver = plan_autosaver_new (self, NULL, self->settings);
}

PlanWindow *
plan_window_new (GtkApplication *application,
                 PlanDocument   *document)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (document == NULL || PLAN_IS_DOCUMENT (document), NULL);

  if (document == NULL)
    {
      g_autoptr(PlanDocument) blank = NULL;

      if (PLAN_IS_APPLICATION (application))
        blank = plan_application_new_document (PLAN_APPLICATION (application));
      else
        blank = plan_document_new_template ();

      return plan_window_new (application, blank);
    }

  return g_object_new (PLAN_TYPE_WINDOW,
                       "application", application,
                       "document", document,
                       NULL);
}

PlanDocument *
plan_window_get_document (PlanWindow *self)
{
  g_return_val_if_fail (PLAN_IS_WINDOW (self), NULL);

  return self->document;
}

GFile *
plan_window_get_file (PlanWindow *self)
{
  g_return_val_if_fail (PLAN_IS_WINDOW (self), NULL);

  return self->file;
}

gboolean
plan_window_is_blank (PlanWindow *self)
{
  g_return_val_if_fail (PLAN_IS_WINDOW (self), FALSE);

  return self->file == NULL
      && !plan_document_get_modified (self->document)
      && !plan_document_can_undo (self->document);
}

char *
plan_window_dup_title (PlanWindow *self)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (PLAN_IS_WINDOW (self), NULL);

  /* A plan opened from a Word file goes by the Word file's name until it is saved */
  if (self->file == NULL && self->import_name != NULL)
    return g_strdup (self->import_name);

  title = first_line (plan_document_get_title (self->document));
  g_strstrip (title);
  if (*title != '\0')
    return g_steal_pointer (&title);

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      return g_filename_display_name (basename);
    }

  if (plan_document_get_kind (self->document) == PLAN_DOCUMENT_KIND_DECISION)
    return g_strdup (_("New Decision"));
  return g_strdup (_("New Plan"));
}

gboolean
plan_window_load_file (PlanWindow  *self,
                       GFile       *file,
                       GError     **error)
{
  g_autoptr(PlanDocument) document = NULL;
  g_autofree char *etag = NULL;

  g_return_val_if_fail (PLAN_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  document = plan_json_load_file (file, &etag, NULL, error);
  if (document == NULL)
    return FALSE;

  _plan_window_set_document (self, document, file, etag);

  return TRUE;
}

typedef struct {
  GWeakRef  window;   /* a window closed during the load is not kept alive */
  GFile    *file;
} OpenFile;

static void
open_file_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  OpenFile *open = user_data;
  g_autoptr(PlanWindow) self = g_weak_ref_get (&open->window);
  g_autoptr(GFile) file = open->file;
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;

  g_weak_ref_clear (&open->window);
  g_free (open);

  document = plan_json_load_file_finish (result, &etag, &error);
  if (self == NULL)
    return;

  if (document != NULL)
    _plan_window_set_document (self, document, file, etag);
  else
    _plan_window_show_error (self, file, _("This plan could not be opened."), error);
}

void
plan_window_open_file (PlanWindow *self,
                       GFile      *file)
{
  OpenFile *open;

  g_return_if_fail (PLAN_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* In a worker thread: a large file does not freeze the window. */
  open = g_new0 (OpenFile, 1);
  g_weak_ref_init (&open->window, self);
  open->file = g_object_ref (file);
  plan_json_load_file_async (file, NULL, open_file_loaded_cb, open);
}

void
_plan_window_set_document (PlanWindow   *self,
                           PlanDocument *document,
                           GFile        *file,
                           const char   *etag)
{
  g_assert (PLAN_IS_WINDOW (self));
  g_assert (PLAN_IS_DOCUMENT (document));

  if (file != self->file)
    {
      g_autoptr(GFile) old_file = g_steal_pointer (&self->file);

      self->file = file ? g_object_ref (file) : NULL;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
    }

  if (etag != self->etag)
    {
      g_free (self->etag);
      self->etag = g_strdup (etag);
    }

  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      gtk_recent_manager_add_item (self->recent_manager, uri);
    }

  if (document != self->document)
    {
      GtkWidget *child;

      if (self->document != NULL)
        g_signal_handlers_disconnect_by_data (self->document, self);

      /* The old plan's editors go with it. */
      self->rebuilding_sidebar = TRUE;
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->editor_stack))) != NULL)
        gtk_stack_remove (self->editor_stack, child);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar))) != NULL)
        gtk_list_box_remove (self->sidebar, GTK_WIDGET (child));
      self->rebuilding_sidebar = FALSE;

      if (self->import_panel != NULL)
        {
          gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->import_panel)),
                          self->import_panel);
          self->import_panel = NULL;
        }
      g_clear_pointer (&self->import_name, g_free);
      g_clear_object (&self->import_source);

      g_set_object (&self->document, document);
      g_clear_object (&self->layout);
      self->layout = plan_layout_new (document);
      plan_preview_set_layout (self->preview, self->layout);
      _plan_window_review_set_document (self);

      g_signal_connect_object (document, "changed",
                               G_CALLBACK (plan_window_document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::modified",
                               G_CALLBACK (plan_window_document_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-undo",
                               G_CALLBACK (plan_window_document_notify_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::can-redo",
                               G_CALLBACK (plan_window_document_notify_cb), self,
                               G_CONNECT_SWAPPED);

      plan_window_sync_sidebar (self);
      _plan_window_review_update_sidebar (self);
      _plan_window_select_part (self, PLAN_PART_GENERAL, NULL);
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        plan_window_check_fonts (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
    }

  plan_window_update_title (self);
  _plan_window_actions_update (self);
}

gboolean
_plan_window_select_part (PlanWindow *self,
                          const char *part,
                          gpointer    object)
{
  g_assert (PLAN_IS_WINDOW (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "plan-part"), part) == 0
          && g_object_get_data (G_OBJECT (row), "plan-object") == object)
        {
          if (gtk_list_box_get_selected_row (self->sidebar) == GTK_LIST_BOX_ROW (row))
            sidebar_row_selected_cb (self, GTK_LIST_BOX_ROW (row));
          else
            gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
          return TRUE;
        }
    }

  return FALSE;
}

const char *
_plan_window_get_selected_part (PlanWindow *self,
                                gpointer   *object)
{
  GtkListBoxRow *row;

  g_assert (PLAN_IS_WINDOW (self));

  row = gtk_list_box_get_selected_row (self->sidebar);
  if (row == NULL)
    return NULL;

  if (object != NULL)
    *object = g_object_get_data (G_OBJECT (row), "plan-object");

  return g_object_get_data (G_OBJECT (row), "plan-part");
}

void
_plan_window_add_toast (PlanWindow *self,
                        const char *title)
{
  g_assert (PLAN_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
_plan_window_show_error (PlanWindow   *self,
                         GFile        *file,
                         const char   *heading,
                         const GError *error)
{
  g_autofree char *name = NULL;
  GtkWidget *dialog;

  g_assert (PLAN_IS_WINDOW (self));

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      name = g_filename_display_name (basename);
    }
  else
    {
      name = plan_window_dup_title (self);
    }

  /* The file name is the heading; the loader's own message says what is wrong and where. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), name, NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                  heading, error ? error->message : "");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- A plan opened from a Word file ------------------------------------------------------ */

static void
import_panel_dismissed_cb (PlanWindow *self)
{
  if (self->import_panel == NULL)
    return;
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (self->import_panel)), self->import_panel);
  self->import_panel = NULL;
}

static void
import_note_activated_cb (PlanWindow *self,
                          GObject    *target)
{
  _plan_window_reveal_object (self, target);
}

void
_plan_window_show_import (PlanWindow     *self,
                          GFile          *source,
                          PlanDocxReport *report)
{
  g_autofree char *basename = g_file_get_basename (source);
  g_autofree char *display = g_filename_display_name (basename);
  GtkWidget *box = gtk_widget_get_parent (GTK_WIDGET (self->header_bar));

  g_return_if_fail (PLAN_IS_WINDOW (self));

  g_set_object (&self->import_source, source);
  g_free (self->import_name);
  self->import_name = g_strdup (display);
  if (strlen (display) > strlen (".docx") &&
      g_ascii_strcasecmp (display + strlen (display) - strlen (".docx"), ".docx") == 0)
    self->import_name[strlen (display) - strlen (".docx")] = '\0';

  import_panel_dismissed_cb (self);
  self->import_panel = plan_import_panel_new (display, report);
  g_signal_connect_object (self->import_panel, "dismissed",
                           G_CALLBACK (import_panel_dismissed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->import_panel, "note-activated",
                           G_CALLBACK (import_note_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_box_insert_child_after (GTK_BOX (box), self->import_panel, GTK_WIDGET (self->header_bar));

  /* The plan is new: closing the window asks whether to save it */
  plan_document_set_modified (self->document);
  plan_window_update_title (self);
}

static gboolean
item_holds (PlanItem *item,
            GObject  *target)
{
  GListModel *lists[2] = { plan_item_get_paragraphs (item), plan_item_get_children (item) };

  if ((GObject *) item == target)
    return TRUE;
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(GObject) child = g_list_model_get_item (lists[l], i);
        if (child == target || (PLAN_IS_ITEM (child) && item_holds (PLAN_ITEM (child), target)))
          return TRUE;
      }
  return FALSE;
}

void
_plan_window_reveal_object (PlanWindow *self,
                            GObject    *target)
{
  GListModel *body = plan_document_get_body (self->document);
  GListModel *appendices = plan_document_get_appendices (self->document);

  g_return_if_fail (PLAN_IS_WINDOW (self));

  if (target == NULL)
    {
      _plan_window_select_part (self, PLAN_PART_GENERAL, NULL);
      return;
    }
  /* The decision's parts are on its own page (the import notes a decision or an article) */
  if (PLAN_IS_DECISION (target) || PLAN_IS_ARTICLE (target))
    {
      _plan_window_select_part (self, PLAN_PART_DECISION, NULL);
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (body); i++)
    {
      g_autoptr(PlanItem) top = g_list_model_get_item (body, i);
      GtkWidget *editor;
      if (!item_holds (top, target))
        continue;
      if (plan_item_get_kind (top) == PLAN_ITEM_SECTION || plan_item_get_kind (top) == PLAN_ITEM_PART)
        _plan_window_select_part (self, PLAN_PART_SECTION, top);
      else
        _plan_window_select_part (self, PLAN_PART_BODY, NULL);
      editor = _plan_window_get_editor (self, PLAN_PART_BODY, NULL);
      if (editor != NULL && PLAN_IS_ITEM (target))
        plan_outline_editor_reveal (editor, PLAN_ITEM (target));
      return;
    }
  for (guint i = 0; i < g_list_model_get_n_items (appendices); i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);
      GListModel *content = plan_appendix_get_content (appendix);
      gboolean holds = (GObject *) appendix == target;
      for (guint j = 0; !holds && j < g_list_model_get_n_items (content); j++)
        {
          g_autoptr(PlanItem) item = g_list_model_get_item (content, j);
          holds = item_holds (item, target);
        }
      if (holds)
        {
          _plan_window_select_part (self, PLAN_PART_APPENDIX, appendix);
          return;
        }
    }
  _plan_window_select_part (self, PLAN_PART_GENERAL, NULL);
}
