/* test-sign-window.c: "Sign the PDF…" in the window: the certificate on a SoftHSM2 token is
 * offered, a wrong PIN typed into the dialog is refused there, the right one signs; the PDF
 * verifies with the test CA trusted, and the signing is in the saved plan's history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* memmem */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "gui-test-util.h"
#include "plan-identity.h"
#include "plan-json.h"
#include "plan-pdf-verify.h"
#include "plan-preferences-window.h"
#include "plan-sign-dialog.h"
#include "plan-window-private.h"
#include "plan-workflow.h"

static PlanApplication *app;
static char *work_dir;
static char *pki;

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             const char *label)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (label == NULL || (GTK_IS_BUTTON (widget) &&
                         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_error_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error"))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_error_label (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static PlanSignDialog *
find_sign_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PLAN_IS_SIGN_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_sign_dialog () == NULL;
}

static GFile *
approved_sample (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("KEHOACH_SAMPLES_DIR"),
                                              "reference-25-kh-thcs.kehoach.json", NULL);
  g_autofree char *path = g_build_filename (work_dir, "plan.kehoach.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) sample = g_file_new_for_path (source);
  g_autoptr(PlanDocument) document = plan_json_load_file (sample, NULL, NULL, NULL);
  g_autoptr(PlanSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (document);
  key = plan_signing_key_get_default (TRUE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plan_workflow_submit (document, "Trần Thị Bình", "Văn thư", NULL, &error));
  g_assert_true (plan_approval_approve (document, key, "Nguyễn Văn An", "Hiệu trưởng", NULL,
                                        &error));
  g_assert_no_error (error);
  g_assert_true (plan_json_save_file (document, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

static void
test_sign_with_token (void)
{
  g_autoptr(GFile) file = approved_sample ();
  g_autofree char *pdf_path = g_build_filename (work_dir, "signed.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autofree char *nssdb = g_build_filename (pki, "nssdb-trusted", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(PlanDocument) saved = NULL;
  g_autoptr(PlanEvent) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *digest = NULL;
  PlanSignDialog *dialog;
  PlanWindow *window;
  GtkWidget *combo, *pin, *sign, *error_label;
  GListModel *choices;
  GListModel *history;

  g_settings_set_string (settings, "user-name", "Nguyễn Văn An");
  g_settings_set_string (settings, "user-title", "Hiệu trưởng");
  g_settings_set_enum (settings, "user-role", 1);

  /* The signature image, chosen once in Preferences */
  {
    g_autofree char *png = g_build_filename (work_dir, "chu-ky.png", NULL);
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 591, 236);
    cairo_t *cr = cairo_create (surface);
    GtkWidget *preferences;

    cairo_set_source_rgb (cr, 0.05, 0.15, 0.75);
    cairo_set_line_width (cr, 20);
    cairo_move_to (cr, 30, 165);
    cairo_curve_to (cr, 177, 12, 295, 224, 561, 71);
    cairo_stroke (cr);
    cairo_destroy (cr);
    g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
    cairo_surface_destroy (surface);
    g_settings_set_string (settings, "signature-image", png);

    preferences = plan_preferences_window_new (settings);
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "identity");
    gtk_window_present (GTK_WINDOW (preferences));
    gui_test_wait_for_window (GTK_WINDOW (preferences));
    gui_test_run_for (200);
    {
      g_autofree char *labels = gui_test_collect_labels (preferences);

      g_assert_nonnull (strstr (labels, "chu-ky.png"));
    }
    shot = gui_test_save_screenshot (preferences, "sign-preferences-image");
    g_clear_pointer (&shot, g_free);
    gtk_window_destroy (GTK_WINDOW (preferences));
  }

  window = gui_test_open_window (app, NULL, file);
  _plan_window_select_part (window, PLAN_PART_REVIEW, NULL);
  gui_test_run_for (100);
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "sign-review-page");
  g_clear_pointer (&shot, g_free);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-pdf", NULL));
  gui_test_run_for (100);
  dialog = find_sign_dialog ();
  g_assert_nonnull (dialog);
  plan_sign_dialog_set_output_file (dialog, pdf);

  /* The token's certificate is offered first, then a .p12 file */
  combo = find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, NULL);
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==,
                   "Nguyễn Văn A (KeHoachTest)");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);
  {
    g_autofree char *labels = gui_test_collect_labels (GTK_WIDGET (dialog));

    g_assert_nonnull (strstr (labels, "chu-ky.png"));
  }

  pin = find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL);
  sign = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Sign");
  g_assert_nonnull (pin);
  g_assert_nonnull (sign);
  g_assert_false (gtk_widget_get_sensitive (sign));

  /* A wrong PIN: said in the dialog, nothing written, the PIN field emptied */
  gtk_editable_set_text (GTK_EDITABLE (pin), "000000");
  g_assert_true (gtk_widget_get_sensitive (sign));
  g_signal_emit_by_name (sign, "clicked");
  gui_test_run_for (100);
  g_assert_true (find_sign_dialog () == dialog);
  error_label = find_error_label (GTK_WIDGET (dialog));
  g_assert_nonnull (error_label);
  g_test_message ("%s", gtk_label_get_text (GTK_LABEL (error_label)));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==,
                   "Wrong PIN for the token “KeHoachTest”");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pin)), ==, "");
  g_assert_false (g_file_query_exists (pdf, NULL));
  shot = gui_test_save_screenshot (GTK_WIDGET (dialog), "sign-dialog-wrong-pin");
  g_clear_pointer (&shot, g_free);

  /* The right one */
  gtk_editable_set_text (GTK_EDITABLE (pin), "123456");
  g_signal_emit_by_name (sign, "clicked");
  g_assert_true (gui_test_wait (dialog_gone, NULL, 10000));
  gui_test_run_for (200);

  bytes = g_file_load_bytes (pdf, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (plan_pdf_verify_init (nssdb, &error));
  signatures = plan_pdf_verify (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signatures->len, ==, 1);
  g_assert_true (plan_pdf_verify_all_intact (signatures));
  {
    PlanPdfSignatureInfo *info = g_ptr_array_index (signatures, 0);

    g_assert_cmpstr (info->signer_name, ==, "Nguyễn Văn A");
    g_assert_cmpint (info->certificate_status, ==, POPPLER_CERTIFICATE_TRUSTED);
  }

  /* The image is the signature's appearance */
  g_assert_nonnull (memmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            "/AP << /N ", 10));

  /* Recorded, and the plan saved with it */
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  saved = plan_json_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  history = plan_review_get_history (plan_document_get_review (saved));
  last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  g_assert_cmpstr (plan_event_get_actor (last), ==, "Nguyễn Văn A");
  g_assert_nonnull (strstr (plan_event_get_note (last), digest));
  g_assert_false (plan_document_get_modified (plan_window_get_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *script = NULL;
  g_autofree char *conf = NULL;
  int status;

  g_setenv ("KEHOACH_KEY_BACKEND", "file", TRUE);

  /* The test CA and token before anything loads the PKCS#11 modules */
  pki = g_dir_make_tmp ("kehoach-pki-XXXXXX", NULL);
  script = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "signing", "make-test-pki.sh", NULL);
  {
    const char *make[] = { "sh", script, pki, NULL };
    int wait_status = 0;

    if (!g_spawn_sync (NULL, (char **) make, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                       &wait_status, NULL) || !g_spawn_check_wait_status (wait_status, NULL))
      {
        g_test_init (&argc, &argv, NULL);
        g_test_skip ("the test PKI cannot be made (softhsm2, gnutls-bin, openssl, libnss3-tools)");
        return g_test_run ();
      }
  }
  conf = g_build_filename (pki, "softhsm2.conf", NULL);
  g_setenv ("SOFTHSM2_CONF", conf, TRUE);

  app = gui_test_init (&argc, &argv);
  if (app == NULL)
    {
      g_test_skip ("no display");
      return g_test_run ();
    }

  work_dir = g_dir_make_tmp ("kehoach-sign-window-XXXXXX", NULL);
  g_test_add_func ("/gui/sign/token", test_sign_with_token);

  status = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", pki, work_dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  return status;
}
