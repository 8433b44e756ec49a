/* test-recovery.c: recovery drafts of unsaved plans (autosave) and the recovery dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "gui-test-util.h"
#include "plan-application-private.h"
#include "plan-json.h"
#include "plan-recovery-dialog.h"
#include "plan-save-changes-dialog.h"
#include "plan-window-private.h"

static PlanApplication *app;

static GFile *
draft_file (PlanWindow *window)
{
  return plan_draft_store_get_file (plan_autosaver_get_store (window->autosaver),
                                    plan_autosaver_get_draft_id (window->autosaver));
}

static gboolean
file_exists (gpointer data)
{
  return g_file_query_exists (G_FILE (data), NULL);
}

static gboolean
file_missing (gpointer data)
{
  return !g_file_query_exists (G_FILE (data), NULL);
}

static gboolean
autosaver_idle (gpointer data)
{
  return plan_autosaver_is_idle (data);
}

/* TRUE once the active window shows the plan of file @data (it loads in the background) */
static gboolean
file_window_active (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  GFile *shown = PLAN_IS_WINDOW (window) ? plan_window_get_file (PLAN_WINDOW (window)) : NULL;

  return shown != NULL && g_file_equal (shown, data);
}

/* Removes every draft, so that each test starts from none. */
static void
clear_drafts (void)
{
  g_autoptr(PlanDraftStore) store = plan_draft_store_new (NULL);
  g_autoptr(GPtrArray) drafts = plan_draft_store_list (store, NULL, NULL);

  for (guint i = 0; drafts != NULL && i < drafts->len; i++)
    plan_draft_store_remove (store, plan_draft_get_id (g_ptr_array_index (drafts, i)), NULL);
}

static PlanDocument *
load_sample (const char *name,
             GFile     **file_out)
{
  g_autofree char *path = g_build_filename (g_getenv ("KEHOACH_SAMPLES_DIR"), name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PlanDocument *document = plan_json_load_file (file, NULL, NULL, &error);

  g_assert_no_error (error);
  if (file_out != NULL)
    *file_out = g_steal_pointer (&file);

  return document;
}

/* As autosave leaves it after a crash: @sample saved as @name in a new temporary folder, then
 * changed (@property set to @value) and written to @store as a draft of that file, titled
 * @value. Returns the saved file (its draft's id and the file's etag in the out arguments);
 * remove_saved_plan() removes the file and its folder. */
static GFile *
write_saved_plan_draft (PlanDraftStore *store,
                        const char     *sample,
                        const char     *name,
                        const char     *property,
                        const char     *value,
                        char          **draft_id_out,
                        char          **etag_out)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-recover-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PlanDocument) document = load_sample (sample, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *id = plan_draft_store_new_id ();

  g_assert_true (plan_json_save_file (document, file, NULL, &etag, NULL, &error));
  g_assert_no_error (error);
  plan_document_set (document, document, property, value, NULL);
  bytes = plan_json_save_bytes (document);
  g_assert_true (plan_draft_store_write (store, id, value, file, etag, bytes, NULL, &error));
  g_assert_no_error (error);

  if (draft_id_out != NULL)
    *draft_id_out = g_steal_pointer (&id);
  if (etag_out != NULL)
    *etag_out = g_steal_pointer (&etag);

  return g_steal_pointer (&file);
}

static void
remove_saved_plan (GFile *file)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);

  g_file_delete (file, NULL, NULL);
  g_file_delete (dir, NULL, NULL);
}

/* A never-saved plan is drafted a moment after an edit, in the user's data folder; saving
 * removes the draft; the next edit drafts again with the file recorded; Discard removes it. */
static void
test_autosave_lifecycle (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-autosave-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.kehoach.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) drafts_dir = g_file_new_build_filename (g_get_user_data_dir (), APP_ID,
                                                           "drafts", NULL);
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(PlanDocument) recovered = NULL;
  g_autoptr(GError) error = NULL;
  PlanWindow *window;
  PlanDocument *document;
  AdwMessageDialog *dialog;

  clear_drafts ();
  g_settings_set_uint (settings, "auto-save-delay", 1);

  window = gui_test_open_window (app, NULL, NULL);
  document = plan_window_get_document (window);
  draft = draft_file (window);
  g_assert_true (g_file_has_parent (draft, drafts_dir));

  /* Nothing to keep in an untouched plan. */
  gui_test_run_for (1500);
  g_assert_false (g_file_query_exists (draft, NULL));

  plan_document_set (document, document, "title", "về tổ chức Hội khỏe Phù Đổng", NULL);
  g_assert_true (gui_test_wait (file_exists, draft, 10000));
  g_assert_true (gui_test_wait (autosaver_idle, window->autosaver, 10000));

  drafts = plan_draft_store_list (plan_autosaver_get_store (window->autosaver), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_cmpstr (plan_draft_get_id (g_ptr_array_index (drafts, 0)), ==,
                   plan_autosaver_get_draft_id (window->autosaver));
  g_assert_cmpstr (plan_draft_get_title (g_ptr_array_index (drafts, 0)), ==,
                   "về tổ chức Hội khỏe Phù Đổng");
  g_assert_null (plan_draft_get_original (g_ptr_array_index (drafts, 0)));

  recovered = plan_draft_store_load (plan_autosaver_get_store (window->autosaver),
                                     g_ptr_array_index (drafts, 0), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (plan_document_get_title (recovered), ==, "về tổ chức Hội khỏe Phù Đổng");
  g_assert_true (plan_document_get_modified (recovered));
  /* The user's own file is never involved. */
  g_assert_false (g_file_query_exists (file, NULL));

  /* Saved: the draft goes. */
  g_assert_true (_plan_window_save_to_file (window, file, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (gui_test_wait (file_missing, draft, 10000));

  /* Edited again: drafted with the file it belongs to. */
  plan_document_set (document, document, "signer-name", "Nguyễn Thị Lan", NULL);
  g_assert_true (gui_test_wait (file_exists, draft, 10000));
  g_assert_true (gui_test_wait (autosaver_idle, window->autosaver, 10000));
  g_clear_pointer (&drafts, g_ptr_array_unref);
  drafts = plan_draft_store_list (plan_autosaver_get_store (window->autosaver), NULL, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  g_assert_nonnull (plan_draft_get_original (g_ptr_array_index (drafts, 0)));
  g_assert_true (g_file_equal (plan_draft_get_original (g_ptr_array_index (drafts, 0)), file));
  g_assert_cmpstr (plan_draft_get_original_etag (g_ptr_array_index (drafts, 0)), ==, window->etag);

  /* Undone back to the saved state: nothing unsaved, no draft. */
  plan_document_undo (document);
  g_assert_false (plan_document_get_modified (document));
  g_assert_true (gui_test_wait (file_missing, draft, 10000));

  /* Closed with "Discard": the draft goes with the changes. */
  plan_document_set (document, document, "signer-name", "Trần Văn Bình", NULL);
  g_assert_true (gui_test_wait (file_exists, draft, 10000));
  g_object_ref (window);
  gtk_window_close (GTK_WINDOW (window));
  dialog = gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, PLAN_SAVE_CHANGES_DISCARD);
  gui_test_run_for (200);
  g_assert_false (g_file_query_exists (draft, NULL));
  g_object_unref (window);

  /* Only the saved plan is left, and no draft. */
  g_assert_true (g_file_query_exists (file, NULL));
  {
    g_autoptr(PlanDraftStore) store = plan_draft_store_new (NULL);
    g_autoptr(GPtrArray) left = plan_draft_store_list (store, NULL, NULL);

    g_assert_cmpuint (left->len, ==, 0);
  }

  g_settings_reset (settings, "auto-save-delay");
  g_remove (path);
  g_rmdir (dir);
}

/* Drafts left by a crash: the dialog lists them; Discard deletes one; Recover opens the other,
 * unsaved, with its file as the save target, and the window goes on with the same draft. */
static void
test_recovery_dialog (void)
{
  g_autoptr(PlanDraftStore) store = plan_draft_store_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlanDocument) fresh = plan_document_new_template ();
  g_autoptr(GBytes) fresh_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_id = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *fresh_id = plan_draft_store_new_id ();
  g_autofree char *labels = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(GFile) fresh_draft = NULL;
  g_autoptr(GFile) saved_draft = NULL;
  PlanRecoveryDialog *dialog;
  PlanWindow *blank;
  PlanWindow *window;
  PlanDocument *document;

  clear_drafts ();

  /* A plan with a file, edited after its last save, and a plan never saved. */
  file = write_saved_plan_draft (store, "reference-25-kh-thcs.kehoach.json", "ke-hoach-25.kehoach.json",
                                 "title", "tổ chức Ngày hội đọc sách năm học 2025–2026", &saved_id, &etag);

  plan_document_set (fresh, fresh, "title", "phòng chống bão lũ", NULL);
  fresh_bytes = plan_json_save_bytes (fresh);
  g_assert_true (plan_draft_store_write (store, fresh_id, "phòng chống bão lũ", NULL, NULL,
                                         fresh_bytes, NULL, &error));
  g_assert_no_error (error);
  fresh_draft = plan_draft_store_get_file (store, fresh_id);
  saved_draft = plan_draft_store_get_file (store, saved_id);

  /* The application opens its first window and offers both. */
  blank = gui_test_open_window (app, NULL, NULL);
  _plan_application_offer_recovery (app, GTK_WINDOW (blank));
  gui_test_run_for (300);
  dialog = PLAN_RECOVERY_DIALOG (gui_test_find_dialog (GTK_WINDOW (blank)));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (plan_recovery_dialog_get_n_drafts (dialog), ==, 2);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==,
                   "Recover Unsaved Plans?");

  labels = gui_test_collect_labels (GTK_WIDGET (dialog));
  g_test_message ("%s", labels);
  g_assert_nonnull (strstr (labels, "phòng chống bão lũ"));
  g_assert_nonnull (strstr (labels, "tổ chức Ngày hội đọc sách"));
  g_assert_nonnull (strstr (labels, "Never saved to a file"));
  g_assert_nonnull (strstr (labels, "ke-hoach-25.kehoach.json"));
  /* "today at 10:32" (or "yesterday at 23:59" when the test runs across midnight) */
  g_assert_nonnull (strstr (labels, "Changes from "));
  g_assert_nonnull (strstr (labels, "day at "));

  shot = gui_test_save_screenshot (GTK_WIDGET (dialog), "recovery-dialog");
  g_test_message ("screenshot: %s", shot);

  /* Once per run only. */
  _plan_application_offer_recovery (app, GTK_WINDOW (blank));
  gui_test_run_for (100);

  /* Rows are newest first: the never-saved plan was written last. Discard it. */
  plan_recovery_dialog_discard (dialog, 0);
  g_assert_false (g_file_query_exists (fresh_draft, NULL));
  g_assert_cmpuint (plan_recovery_dialog_get_n_drafts (dialog), ==, 1);

  /* Recover the other: it takes the blank window. */
  g_object_ref (dialog);
  g_assert_true (plan_recovery_dialog_recover (dialog, 0));
  gui_test_run_for (300);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);

  window = blank;
  document = plan_window_get_document (window);
  g_assert_cmpstr (plan_document_get_title (document), ==, "tổ chức Ngày hội đọc sách năm học 2025–2026");
  g_assert_true (plan_document_get_modified (document));
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (window->window_title), "• "));
  g_assert_nonnull (plan_window_get_file (window));
  g_assert_true (g_file_equal (plan_window_get_file (window), file));
  g_assert_cmpstr (window->etag, ==, etag);
  g_assert_cmpstr (plan_autosaver_get_draft_id (window->autosaver), ==, saved_id);
  /* The draft stays until the plan is saved or discarded. */
  g_assert_true (g_file_query_exists (saved_draft, NULL));

  /* A draft a window is writing is not offered as left over. */
  {
    g_autoptr(GPtrArray) orphans = _plan_application_list_orphan_drafts (app, store);

    g_assert_cmpuint (orphans->len, ==, 0);
  }

  /* Save writes the recovered plan to its file (unchanged since: no question), and the draft goes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  gui_test_run_for (200);
  g_assert_null (gui_test_find_dialog (GTK_WINDOW (window)));
  g_assert_false (plan_document_get_modified (document));
  g_assert_true (gui_test_wait (file_missing, saved_draft, 10000));
  {
    g_autoptr(PlanDocument) on_disk = plan_json_load_file (file, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (plan_document_get_title (on_disk), ==, "tổ chức Ngày hội đọc sách năm học 2025–2026");
  }

  gui_test_destroy_window (window);
  remove_saved_plan (file);
}

/* A recovered plan whose file was changed by someone else since: Save asks first. */
static void
test_recovered_file_changed (void)
{
  g_autoptr(PlanDraftStore) store = plan_draft_store_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GDateTime) later = g_date_time_new_now_utc ();
  g_autofree char *theirs = NULL;
  const char *other = "{\"format\": \"kehoach\", \"version\": 1}\n";
  AdwMessageDialog *dialog;
  PlanWindow *window;

  clear_drafts ();
  file = write_saved_plan_draft (store, "template.kehoach.json", "plan.kehoach.json",
                                 "title", "của chúng tôi", NULL, NULL);

  /* A colleague saves the same file after the crash. */
  g_assert_true (g_file_set_contents (g_file_peek_path (file), other, -1, &error));
  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              g_date_time_to_unix (later) + 10,
                                              G_FILE_QUERY_INFO_NONE, NULL, &error));

  drafts = plan_draft_store_list (store, NULL, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  window = _plan_application_recover_draft (app, store, g_ptr_array_index (drafts, 0), NULL, &error);
  g_assert_no_error (error);
  gui_test_wait_for_window (GTK_WINDOW (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The File Was Changed by Someone Else");
  adw_message_dialog_response (dialog, "cancel");
  gui_test_run_for (100);

  g_file_get_contents (g_file_peek_path (file), &theirs, NULL, NULL);
  g_assert_cmpstr (theirs, ==, other);
  g_assert_true (plan_document_get_modified (plan_window_get_document (window)));

  window->close_confirmed = TRUE;
  gui_test_destroy_window (window);
  clear_drafts ();
  remove_saved_plan (file);
}

/* A failed save keeps the plan unsaved, its draft on disk, and says what happened in words,
 * naming the file. */
static void
test_failed_save_keeps_draft (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kehoach-failed-XXXXXX", NULL);
  g_autofree char *blocker = g_build_filename (dir, "Kế hoạch", NULL);
  g_autofree char *path = g_build_filename (blocker, "plan.kehoach.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GFile) draft = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  PlanWindow *window;
  PlanDocument *document;

  clear_drafts ();
  g_settings_set_uint (settings, "auto-save-delay", 1);

  /* The folder was replaced by a file: fails for root too. */
  g_assert_true (g_file_set_contents (blocker, "", -1, &error));

  window = gui_test_open_window (app, NULL, NULL);
  document = plan_window_get_document (window);
  draft = draft_file (window);
  plan_document_set (document, document, "title", "kiểm tra", NULL);
  window->file = g_object_ref (file);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  dialog = gui_test_find_dialog (GTK_WINDOW (window));
  g_assert_nonnull (dialog);
  g_test_message ("%s", adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "plan.kehoach.json");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "a file is in the way"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Kế hoạch"));
  g_assert_true (plan_document_get_modified (document));

  g_assert_true (gui_test_wait (file_exists, draft, 10000));

  window->close_confirmed = TRUE;
  gui_test_destroy_window (window);
  clear_drafts ();
  g_settings_reset (settings, "auto-save-delay");
  g_remove (blocker);
  g_rmdir (dir);
}

/* The plan's file was opened again after the crash: recovering uses that window. */
static void
test_recover_into_open_file (void)
{
  g_autoptr(PlanDraftStore) store = plan_draft_store_new (NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  PlanWindow *opened;
  PlanWindow *recovered;
  guint n_windows;

  clear_drafts ();
  file = write_saved_plan_draft (store, "reference-25-kh-thcs.kehoach.json", "plan.kehoach.json",
                                 "place", "Cẩm Phả", NULL, NULL);

  plan_application_open_file (app, file, NULL);
  g_assert_true (gui_test_wait (file_window_active, file, 30000));
  opened = PLAN_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (g_file_equal (plan_window_get_file (opened), file));
  n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

  drafts = plan_draft_store_list (store, NULL, &error);
  g_assert_cmpuint (drafts->len, ==, 1);
  recovered = _plan_application_recover_draft (app, store, g_ptr_array_index (drafts, 0), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (recovered == opened);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);
  g_assert_cmpstr (plan_document_get_place (plan_window_get_document (opened)), ==, "Cẩm Phả");
  g_assert_true (plan_document_get_modified (plan_window_get_document (opened)));

  opened->close_confirmed = TRUE;
  gui_test_destroy_window (opened);
  clear_drafts ();
  remove_saved_plan (file);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Many drafts scroll; "Recover All" opens every plan, the newest in front. */
static void
test_recover_all (void)
{
  g_autoptr(PlanDraftStore) store = plan_draft_store_new (NULL);
  g_autoptr(GPtrArray) windows = g_ptr_array_new ();
  g_autoptr(PlanDocument) document = plan_document_new_template ();
  g_autoptr(GPtrArray) orphans = NULL;
  PlanRecoveryDialog *dialog;
  PlanWindow *blank;
  GtkWidget *all_button;
  guint n_before;

  clear_drafts ();
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = plan_draft_store_new_id ();
      g_autofree char *title = g_strdup_printf ("kế hoạch số %u", i);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;

      plan_document_set (document, document, "title", title, NULL);
      bytes = plan_json_save_bytes (document);
      g_assert_true (plan_draft_store_write (store, id, title, NULL, NULL, bytes, NULL, &error));
      g_assert_no_error (error);
      g_usleep (2000);
    }

  blank = gui_test_open_window (app, NULL, NULL);
  n_before = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));
  app->recovery_offered = FALSE;
  _plan_application_offer_recovery (app, GTK_WINDOW (blank));
  gui_test_run_for (300);
  dialog = PLAN_RECOVERY_DIALOG (gui_test_find_dialog (GTK_WINDOW (blank)));
  g_assert_nonnull (dialog);
  g_assert_cmpuint (plan_recovery_dialog_get_n_drafts (dialog), ==, 6);
  g_assert_true (GTK_IS_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))));

  /* Clicked as a user would: the dialog then closes by itself. */
  all_button = find_button (GTK_WIDGET (dialog), "Recover _All");
  g_assert_nonnull (all_button);
  gtk_widget_activate (all_button);
  gui_test_run_for (500);
  g_assert_null (gui_test_find_dialog (GTK_WINDOW (blank)));

  /* The blank window took one plan, five new windows the others; all unsaved. */
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_before + 5);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (PLAN_IS_WINDOW (l->data))
      {
        PlanDocument *recovered = plan_window_get_document (l->data);

        g_assert_true (g_str_has_prefix (plan_document_get_title (recovered), "kế hoạch số "));
        g_assert_true (plan_document_get_modified (recovered));
        g_ptr_array_add (windows, l->data);
      }
  g_assert_cmpuint (windows->len, ==, 6);

  /* Every draft is now some window's: none is left over. */
  orphans = _plan_application_list_orphan_drafts (app, store);
  g_assert_cmpuint (orphans->len, ==, 0);

  for (guint i = 0; i < windows->len; i++)
    {
      PlanWindow *window = g_ptr_array_index (windows, i);

      window->close_confirmed = TRUE;
      gui_test_destroy_window (window);
    }
  clear_drafts ();
}

int
main (int   argc,
      char *argv[])
{
  app = gui_test_init (&argc, &argv);

  if (app == NULL)
    {
      g_test_skip ("no display");
      return g_test_run ();
    }

  g_test_add_func ("/gui/recovery/autosave-lifecycle", test_autosave_lifecycle);
  g_test_add_func ("/gui/recovery/dialog", test_recovery_dialog);
  g_test_add_func ("/gui/recovery/file-changed-since", test_recovered_file_changed);
  g_test_add_func ("/gui/recovery/failed-save-keeps-draft", test_failed_save_keeps_draft);
  g_test_add_func ("/gui/recovery/recover-all", test_recover_all);
  g_test_add_func ("/gui/recovery/into-open-file", test_recover_into_open_file);

  return g_test_run ();
}
