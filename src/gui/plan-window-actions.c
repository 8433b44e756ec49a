/* plan-window-actions.c: the window's actions: files, output, undo, views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-editor-util.h"
#include "plan-application.h"
#include "plan-json.h"
#include "plan-pdf-export.h"
#include "plan-print-operation.h"
#include "plan-window-private.h"

#define PLAN_FILE_SUFFIX ".kehoach.json"
#define MAX_RECENT       10

/* Opening also takes Word plans (.docx), which open as new plans */
static void
add_open_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) both = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) word = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (both, _("Plans and Word Documents"));
  gtk_file_filter_add_mime_type (both, "application/vnd.kehoach+json");
  gtk_file_filter_add_pattern (both, "*" PLAN_FILE_SUFFIX);
  gtk_file_filter_add_suffix (both, "docx");
  gtk_file_chooser_add_filter (chooser, both);

  gtk_file_filter_set_name (plans, _("Plans"));
  gtk_file_filter_add_mime_type (plans, "application/vnd.kehoach+json");
  gtk_file_filter_add_pattern (plans, "*" PLAN_FILE_SUFFIX);
  gtk_file_chooser_add_filter (chooser, plans);

  gtk_file_filter_set_name (word, _("Word documents (.docx)"));
  gtk_file_filter_add_mime_type (word,
                                 "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_suffix (word, "docx");
  gtk_file_chooser_add_filter (chooser, word);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, both);
}

static void
add_plan_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) plans = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (plans, _("Plans"));
  gtk_file_filter_add_mime_type (plans, "application/vnd.kehoach+json");
  gtk_file_filter_add_pattern (plans, "*" PLAN_FILE_SUFFIX);
  gtk_file_chooser_add_filter (chooser, plans);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_chooser_set_filter (chooser, plans);
}

/* The folder to propose: the plan's own, else that of the Word file it was opened from, else
 * Documents. */
static void
set_current_folder (PlanWindow     *self,
                    GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = NULL;

  if (self->file != NULL)
    folder = g_file_get_parent (self->file);
  else if (self->import_source != NULL)
    folder = g_file_get_parent (self->import_source);
  else if (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    folder = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));

  if (folder != NULL)
    gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

/* A file name from the plan's title: "Kế hoạch tổ chức hoạt động ….kehoach.json". */
static char *
dup_suggested_name (PlanWindow *self,
                    const char *suffix)
{
  g_autofree char *title = NULL;

  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);
      g_autofree char *display = g_filename_display_name (basename);

      if (g_str_has_suffix (display, PLAN_FILE_SUFFIX))
        display[strlen (display) - strlen (PLAN_FILE_SUFFIX)] = '\0';

      return g_strconcat (display, suffix, NULL);
    }

  title = plan_window_dup_title (self);
  g_strdelimit (title, "/\\:*?\"<>|\n", '-');
  if (g_utf8_strlen (title, -1) > 60)
    {
      char *end = g_utf8_offset_to_pointer (title, 60);

      *end = '\0';
      g_strstrip (title);
    }

  return g_strconcat (title, suffix, NULL);
}

static GFile *
ensure_plan_suffix (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;

  if (g_str_has_suffix (basename, PLAN_FILE_SUFFIX))
    return g_object_ref (file);

  stem = g_strdup (basename);
  if (g_str_has_suffix (stem, ".json"))
    stem[strlen (stem) - strlen (".json")] = '\0';

  name = g_strconcat (stem, PLAN_FILE_SUFFIX, NULL);
  parent = g_file_get_parent (file);

  return g_file_get_child (parent, name);
}

gboolean
_plan_window_save_to_file (PlanWindow  *self,
                           GFile       *file,
                           gboolean     check_etag,
                           GError     **error)
{
  g_autofree char *new_etag = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  g_assert (PLAN_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));

  _plan_window_review_record_issuing (self);
  if (!plan_json_save_file (self->document, file,
                            check_etag ? self->etag : NULL,
                            &new_etag, NULL, error))
    return FALSE;

  plan_document_set_unmodified (self->document);
  _plan_window_set_document (self, self->document, file, new_etag);

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename);
  /* Translators: %s is a file name */
  message = g_strdup_printf (_("Saved “%s”"), name);
  _plan_window_add_toast (self, message);

  if (self->close_after_save)
    _plan_window_close_confirmed (self);

  return TRUE;
}

static void
save_failed (PlanWindow   *self,
             GFile        *file,
             const GError *error)
{
  self->close_after_save = FALSE;
  _plan_window_show_error (self, file,
                           _("The plan could not be saved. It is still open here with all your changes: try again, or save it in another folder."),
                           error);
}

static void
conflict_response_cb (PlanWindow *self,
                      const char *response,
                      AdwMessageDialog *dialog)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "overwrite"))
    {
      if (!_plan_window_save_to_file (self, self->file, FALSE, &error))
        save_failed (self, self->file, error);
    }
  else if (g_str_equal (response, "save-as"))
    {
      _plan_window_save_as (self);
    }
  else if (g_str_equal (response, "reload"))
    {
      g_autoptr(GFile) file = g_object_ref (self->file);

      self->close_after_save = FALSE;
      plan_window_open_file (self, file);
    }
  else
    {
      self->close_after_save = FALSE;
    }
}

static void
ask_about_conflict (PlanWindow *self)
{
  g_autofree char *basename = g_file_get_basename (self->file);
  g_autofree char *name = g_filename_display_name (basename);
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                   _("The File Was Changed by Someone Else"), NULL);
  /* Translators: %s is a file name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” was changed on disk after you opened it, perhaps by a colleague in a shared folder. Saving now would replace their changes with yours."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload Their Version"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save-as",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_plan_window_save (PlanWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_assert (PLAN_IS_WINDOW (self));

  /* Ctrl+S can reach the window before the field's input method: what it was composing
   * (Telex, VNI) belongs in the saved file. */
  plan_editor_commit_preedit (GTK_WIDGET (self));

  if (self->file == NULL)
    {
      _plan_window_save_as (self);
      return;
    }

  if (_plan_window_save_to_file (self, self->file, TRUE, &error))
    return;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WRONG_ETAG))
    ask_about_conflict (self);
  else
    save_failed (self, self->file, error);
}

static void
save_as_response_cb (PlanWindow           *self,
                     int                   response,
                     GtkFileChooserNative *native)
{
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  chosen = plan_editor_finish_file_chooser (GTK_NATIVE_DIALOG (native), response);

  if (chosen == NULL)
    {
      self->close_after_save = FALSE;
      return;
    }

  file = ensure_plan_suffix (chosen);

  /* The user chose this file (and confirmed replacing it): no etag to check. */
  if (!_plan_window_save_to_file (self, file, FALSE, &error))
    save_failed (self, file, error);
}

void
_plan_window_save_as (PlanWindow *self)
{
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  g_assert (PLAN_IS_WINDOW (self));

  plan_editor_commit_preedit (GTK_WIDGET (self));

  native = gtk_file_chooser_native_new (_("Save Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  add_plan_filters (GTK_FILE_CHOOSER (native));
  set_current_folder (self, GTK_FILE_CHOOSER (native));
  name = dup_suggested_name (self, PLAN_FILE_SUFFIX);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect_object (native, "response", G_CALLBACK (save_as_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
plan_window_actions_save (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  _plan_window_save (PLAN_WINDOW (widget));
}

static void
plan_window_actions_save_as (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  _plan_window_save_as (PLAN_WINDOW (widget));
}

static void
open_response_cb (PlanWindow           *self,
                  int                   response,
                  GtkFileChooserNative *native)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (native));
  g_object_unref (native);

  if (files == NULL)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);

      if (PLAN_IS_APPLICATION (app))
        plan_application_open_file (PLAN_APPLICATION (app), file, GTK_WINDOW (self));
      else
        plan_window_open_file (self, file);
    }
}

/* GTK 4.8's Vietnamese catalogue lacks the shortcuts window's own words ("Shortcuts",
 * "Search Results", "Search Shortcuts"): where GTK left them in English, ours replace them. */
static void
translate_shortcuts_chrome (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    {
      const char *text = gtk_label_get_text (GTK_LABEL (widget));

      if (g_strcmp0 (text, "Shortcuts") == 0)
        gtk_label_set_text (GTK_LABEL (widget), C_("shortcut window", "Shortcuts"));
      else if (g_strcmp0 (text, "Search Results") == 0)
        gtk_label_set_text (GTK_LABEL (widget), C_("shortcut window", "Search Results"));
    }
  else if (GTK_IS_SEARCH_ENTRY (widget))
    {
      g_autofree char *placeholder = NULL;

      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      if (g_strcmp0 (placeholder, "Search Shortcuts") == 0)
        {
          g_object_set (widget, "placeholder-text", C_("shortcut window", "Search Shortcuts"), NULL);
          gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          C_("shortcut window", "Search Shortcuts"), -1);
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    translate_shortcuts_chrome (child);
}

/* Built when asked for, not with every window (as GtkApplication does with
 * gtk/help-overlay.ui): that keeps about 10 ms off the first frame of each window. */
static void
plan_window_actions_show_help_overlay (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *overlay;

  builder = gtk_builder_new_from_resource ("/io/github/kehoach/KeHoach/ui/plan-shortcuts-window.ui");
  overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
  /* The header bar is one of the window's children. */
  translate_shortcuts_chrome (GTK_WIDGET (overlay));
  gtk_window_set_transient_for (overlay, GTK_WINDOW (widget));
  gtk_window_present (overlay);
}

static void
plan_window_actions_open (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Open Plan"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  add_open_filters (GTK_FILE_CHOOSER (native));
  set_current_folder (self, GTK_FILE_CHOOSER (native));

  g_signal_connect_object (native, "response", G_CALLBACK (open_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
plan_window_actions_open_recent (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (param, NULL));

  if (PLAN_IS_APPLICATION (app))
    plan_application_open_file (PLAN_APPLICATION (app), file, GTK_WINDOW (self));
  else
    plan_window_open_file (self, file);
}

/* What differs between Export PDF and Export as Word: the dialog's words and the writer. */
typedef struct
{
  const char *dialog_title;
  const char *filter_name;
  const char *mime_type;
  const char *suffix;
  gboolean  (*export) (PlanWindow *self, GFile *file, GError **error);
  const char *failure;
} ExportFormat;

/* plan-window-review.c: both writers follow the approval (the output rule). */
static const ExportFormat pdf_format = {
  N_("Export PDF"), N_("PDF Documents"), "application/pdf", "pdf",
  _plan_window_export_pdf, N_("The PDF could not be written."),
};

static const ExportFormat docx_format = {
  N_("Export as Word"), N_("Word documents (.docx)"),
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
  _plan_window_export_docx, N_("The Word document could not be written."),
};

static void
export_response_cb (PlanWindow           *self,
                    int                   response,
                    GtkFileChooserNative *native)
{
  const ExportFormat *format = g_object_get_data (G_OBJECT (native), "export-format");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = plan_editor_finish_file_chooser (GTK_NATIVE_DIALOG (native), response);

  if (file == NULL)
    return;

  if (!format->export (self, file, &error))
    _plan_window_show_error (self, file, _(format->failure), error);
}

static void
show_export_dialog (PlanWindow         *self,
                    const ExportFormat *format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  g_autofree char *dot_suffix = g_strconcat (".", format->suffix, NULL);
  g_autofree char *name = NULL;

  plan_editor_commit_preedit (GTK_WIDGET (self));

  native = gtk_file_chooser_native_new (_(format->dialog_title), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data (G_OBJECT (native), "export-format", (gpointer) format);

  gtk_file_filter_set_name (filter, _(format->filter_name));
  gtk_file_filter_add_mime_type (filter, format->mime_type);
  gtk_file_filter_add_suffix (filter, format->suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  set_current_folder (self, GTK_FILE_CHOOSER (native));
  name = dup_suggested_name (self, dot_suffix);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
plan_window_actions_export_pdf (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *param)
{
  show_export_dialog (PLAN_WINDOW (widget), &pdf_format);
}

static void
plan_window_actions_export_docx (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *param)
{
  show_export_dialog (PLAN_WINDOW (widget), &docx_format);
}

static void
plan_window_actions_show_uri (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *param)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (param, NULL), GDK_CURRENT_TIME);
}

static void
print_done_cb (PlanPrintOperation      *operation,
               GtkPrintOperationResult  result,
               PlanWindow              *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      plan_print_operation_save_settings (operation);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (GTK_PRINT_OPERATION (operation), &error);
      _plan_window_show_error (self, NULL, _("The plan could not be printed."), error);
    }

  g_object_unref (operation);
}

static void
plan_window_actions_print (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);
  PlanPrintOperation *operation;

  plan_editor_commit_preedit (widget);

  /* The output rule: only a plan whose approval verifies prints without "DỰ THẢO". */
  if (_plan_window_review_prepare_output (self))
    _plan_window_add_toast (self, _("This plan is not approved: it prints as a draft, with “DỰ THẢO” on every page"));

  operation = plan_print_operation_new (self->layout);

  /* The reference is dropped in "done", which ends every run, asynchronous or not. */
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                           GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), NULL);
}

static void
plan_window_actions_undo (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);

  if (plan_document_can_undo (self->document))
    plan_document_undo (self->document);
}

/* The window menu's "Issue by a Decision": the plan becomes a Quyết định ban hành kế hoạch,
 * whose page opens; "Issue Without a Decision" is the way back. Each is one undo step. */
static void
plan_window_actions_issue_by_decision (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);

  if (self->review_mode)
    return;
  plan_document_issue_by_decision (self->document);
  _plan_window_select_part (self, PLAN_PART_DECISION, NULL);
  _plan_window_add_toast (self, _("The plan is issued by a decision: fill in its legal bases and articles"));
}

static void
plan_window_actions_remove_decision (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);

  if (self->review_mode)
    return;
  plan_document_remove_decision (self->document);
  _plan_window_select_part (self, PLAN_PART_GENERAL, NULL);
  _plan_window_add_toast (self, _("The plan is issued without a decision"));
}

static void
plan_window_actions_redo (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);

  if (plan_document_can_redo (self->document))
    plan_document_redo (self->document);
}

static void
plan_window_actions_close (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
plan_window_actions_toggle_sidebar (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  PlanWindow *self = PLAN_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    {
      gboolean on_sidebar = g_strcmp0 (adw_leaflet_get_visible_child_name (self->leaflet),
                                       "sidebar") == 0;

      adw_leaflet_navigate (self->leaflet, on_sidebar ? ADW_NAVIGATION_DIRECTION_FORWARD
                                                      : ADW_NAVIGATION_DIRECTION_BACK);
    }
  else
    {
      gtk_toggle_button_set_active (self->sidebar_button,
                                    !gtk_toggle_button_get_active (self->sidebar_button));
    }
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;
  GDateTime *time_a = gtk_recent_info_get_modified (info_a);
  GDateTime *time_b = gtk_recent_info_get_modified (info_b);

  return g_date_time_compare (time_b, time_a);
}

void
_plan_window_update_recent_menu (PlanWindow *self)
{
  g_autoptr(GMenu) section = g_menu_new ();
  g_autoptr(GPtrArray) plans = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items;

  g_assert (PLAN_IS_WINDOW (self));

  items = gtk_recent_manager_get_items (self->recent_manager);
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_str_has_suffix (gtk_recent_info_get_uri (info), PLAN_FILE_SUFFIX)
          && gtk_recent_info_exists (info))
        g_ptr_array_add (plans, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (plans, compare_recent);

  for (guint i = 0; i < plans->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (plans, i);
      g_autoptr(GMenuItem) item = NULL;
      const char *name = gtk_recent_info_get_display_name (info);
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      /* Underscores in file names are not mnemonics. */
      parts = g_strsplit (name, "_", -1);
      label = g_strjoinv ("__", parts);

      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "win.open-recent",
                                               g_variant_new_string (gtk_recent_info_get_uri (info)));
      g_menu_append_item (section, item);
    }

  /* An action that does not exist: the item shows, greyed out. */
  if (plans->len == 0)
    g_menu_append (section, _("No Recent Plans"), "win.no-recent-plans");

  g_menu_remove_all (self->recent_menu);
  g_menu_append_section (self->recent_menu, _("Recent Plans"), G_MENU_MODEL (section));
}

void
_plan_window_actions_update (PlanWindow *self)
{
  g_assert (PLAN_IS_WINDOW (self));

  if (self->document == NULL)
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 plan_document_can_undo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 plan_document_can_redo (self->document));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", self->layout != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-pdf", self->layout != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-docx", self->layout != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.issue-by-decision",
                                 !self->review_mode &&
                                 plan_document_get_kind (self->document) == PLAN_DOCUMENT_KIND_PLAN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-decision",
                                 !self->review_mode &&
                                 plan_document_get_kind (self->document) == PLAN_DOCUMENT_KIND_DECISION);
}

void
_plan_window_actions_init (PlanWindow *self)
{
  GtkEventController *controller;

  g_assert (PLAN_IS_WINDOW (self));

  /* Undo goes to the plan even from inside a text field: the fields' own undo would skip
   * the plan's history, so the window takes these keys before the focused widget does. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>z"),
                                                          gtk_named_action_new ("win.undo")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control><Shift>z"),
                                                          gtk_named_action_new ("win.redo")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>y"),
                                                          gtk_named_action_new ("win.redo")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  _plan_window_actions_update (self);
}

void
_plan_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   plan_window_actions_show_help_overlay);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, plan_window_actions_open);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s",
                                   plan_window_actions_open_recent);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, plan_window_actions_save);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, plan_window_actions_save_as);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL,
                                   plan_window_actions_export_pdf);
  gtk_widget_class_install_action (widget_class, "win.export-docx", NULL,
                                   plan_window_actions_export_docx);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, plan_window_actions_print);
  gtk_widget_class_install_action (widget_class, "win.show-uri", "s", plan_window_actions_show_uri);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, plan_window_actions_undo);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, plan_window_actions_redo);
  gtk_widget_class_install_action (widget_class, "win.issue-by-decision", NULL,
                                   plan_window_actions_issue_by_decision);
  gtk_widget_class_install_action (widget_class, "win.remove-decision", NULL,
                                   plan_window_actions_remove_decision);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, plan_window_actions_close);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL,
                                   plan_window_actions_toggle_sidebar);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-docx", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}
