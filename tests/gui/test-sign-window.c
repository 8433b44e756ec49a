/* test-sign-window.c: "Sign the PDF…" in the window: the certificate on a SoftHSM2 token is
 * offered, a wrong PIN typed into the dialog is refused there, the right one signs; the PDF
 * verifies with the test CA trusted, and the signing is in the saved plan's history. The
 * certificates of the user's NSS database, the agency's signature, an appendix issued as a
 * separate file, and Check a Signed PDF….
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
#include "plan-sign-pdf.h"
#include "plan-signatures-window.h"
#include "plan-window-private.h"
#include "plan-poppler-autoptr.h"
#include "plan-workflow.h"
#include "pki-test-util.h"

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

/* The combo row titled @title ("Certificate", "Appendix") */
static GtkWidget *
find_combo_row (GtkWidget  *widget,
                const char *title)
{
  if (ADW_IS_COMBO_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_combo_row (child, title);

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

static GFile *approved_sample_numbered (gboolean numbered);

static GFile *
approved_sample (void)
{
  return approved_sample_numbered (TRUE);
}

/* The reference plan, submitted and approved; without its number when !@numbered (the
 * approval leaves the number out) */
static GFile *
approved_sample_numbered (gboolean numbered)
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
  if (!numbered)
    g_object_set (document, "number", 0, NULL);
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
write_png (const char *path,
           int         width,
           int         height,
           double      red,
           double      green,
           double      blue)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, red, green, blue);
  cairo_set_line_width (cr, MIN (width, height) / 12.0);
  cairo_arc (cr, width / 2.0, height / 2.0, MIN (width, height) / 2.5, 0, 2 * G_PI);
  cairo_move_to (cr, width * 0.1, height * 0.6);
  cairo_line_to (cr, width * 0.9, height * 0.4);
  cairo_stroke (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

/* Types the PIN and presses Sign; waits for the dialog to close */
static void
sign_in_dialog (PlanSignDialog *dialog,
                const char     *pin_text)
{
  GtkWidget *pin = find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL);
  GtkWidget *sign = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Sign");

  gtk_editable_set_text (GTK_EDITABLE (pin), pin_text);
  g_assert_true (gtk_widget_get_sensitive (sign));
  g_signal_emit_by_name (sign, "clicked");
  g_assert_true (gui_test_wait (dialog_gone, NULL, 10000));
  gui_test_run_for (200);
}

/* The signer signs with a .p12, then the clerk adds the agency's signature from the Review
 * page: the signer's PDF is offered, a PDF not signed for this plan is refused, the seal
 * chosen is remembered, and the result has two valid signatures, the agency's last and over
 * the whole file, its seal over the left third of the signer's image. */
static void
test_agency_signature (void)
{
  g_autoptr(GFile) file = approved_sample ();
  g_autofree char *signer_path = g_build_filename (work_dir, "agency-test-signed.pdf", NULL);
  g_autofree char *issued_path = g_build_filename (work_dir, "agency-test-issued.pdf", NULL);
  g_autofree char *other_path = g_build_filename (work_dir, "other.pdf", NULL);
  g_autofree char *seal_path = g_build_filename (work_dir, "con-dau.png", NULL);
  g_autofree char *signer_p12 = g_build_filename (pki, "signer.p12", NULL);
  g_autofree char *agency_p12 = g_build_filename (pki, "agency.p12", NULL);
  g_autofree char *nssdb = g_build_filename (pki, "nssdb-trusted", NULL);
  g_autoptr(GFile) signer_pdf = g_file_new_for_path (signer_path);
  g_autoptr(GFile) issued_pdf = g_file_new_for_path (issued_path);
  g_autoptr(GFile) other_pdf = g_file_new_for_path (other_path);
  g_autoptr(GFile) seal = g_file_new_for_path (seal_path);
  g_autoptr(GFile) signer_cert = g_file_new_for_path (signer_p12);
  g_autoptr(GFile) agency_cert = g_file_new_for_path (agency_p12);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GBytes) signer_bytes = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(PlanDocument) saved = NULL;
  g_autoptr(PlanEvent) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *agency_seal = NULL;
  PlanSignDialog *dialog;
  PlanWindow *window;
  GtkWidget *page, *agency_button, *sign, *pin, *error_label;
  PlanPdfSignatureInfo *first, *second;

  g_settings_set_string (settings, "user-name", "Trần Thị Bình");
  g_settings_set_string (settings, "user-title", "Văn thư");
  g_settings_set_enum (settings, "user-role", 0);
  g_settings_set_string (settings, "seal-image", "");
  write_png (seal_path, 425, 425, 0.85, 0.05, 0.05);

  window = gui_test_open_window (app, NULL, file);
  _plan_window_select_part (window, PLAN_PART_REVIEW, NULL);
  gui_test_run_for (100);
  page = gtk_stack_get_child_by_name (window->editor_stack, PLAN_PART_REVIEW);
  agency_button = find_widget (page, GTK_TYPE_BUTTON, "Add the A_gency’s Signature…");
  g_assert_nonnull (agency_button);
  /* Nothing signed yet: only the signer's step */
  g_assert_false (gtk_widget_get_visible (agency_button));

  /* The signer, with a .p12 */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-pdf", NULL));
  gui_test_run_for (100);
  dialog = find_sign_dialog ();
  g_assert_nonnull (dialog);
  plan_sign_dialog_set_output_file (dialog, signer_pdf);
  plan_sign_dialog_set_certificate_file (dialog, signer_cert);
  sign_in_dialog (dialog, "123456");
  g_assert_true (g_file_query_exists (signer_pdf, NULL));
  signer_bytes = g_file_load_bytes (signer_pdf, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Now the clerk's step shows */
  g_assert_true (gtk_widget_get_visible (agency_button));
  {
    g_autofree char *labels = gui_test_collect_labels (page);

    g_assert_nonnull (strstr (labels, "The clerk adds the agency’s digital signature"));
  }
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "sign-review-page-signed");
  g_clear_pointer (&shot, g_free);

  g_signal_emit_by_name (agency_button, "clicked");
  gui_test_run_for (100);
  dialog = find_sign_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==, "Add the Agency’s Signature");
  {
    /* The PDF signed in this window is offered */
    g_autofree char *labels = gui_test_collect_labels (GTK_WIDGET (dialog));

    g_assert_nonnull (strstr (labels, "agency-test-signed.pdf"));
  }
  plan_sign_dialog_set_output_file (dialog, issued_pdf);
  plan_sign_dialog_set_certificate_file (dialog, agency_cert);

  /* A signed PDF that is not this plan's: refused in the dialog, nothing written */
  {
    g_autoptr(GByteArray) changed = g_byte_array_new ();

    g_byte_array_append (changed, g_bytes_get_data (signer_bytes, NULL),
                         g_bytes_get_size (signer_bytes));
    g_byte_array_append (changed, (const guint8 *) "\n", 1);
    g_assert_true (g_file_set_contents (other_path, (const char *) changed->data, changed->len,
                                        NULL));
  }
  plan_sign_dialog_set_input_file (dialog, other_pdf);
  pin = find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL);
  sign = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Sign");
  gtk_editable_set_text (GTK_EDITABLE (pin), "123456");
  g_signal_emit_by_name (sign, "clicked");
  gui_test_run_for (100);
  g_assert_true (find_sign_dialog () == dialog);
  error_label = find_error_label (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)),
                            "This PDF is not the one signed for this plan"));
  g_assert_false (g_file_query_exists (issued_pdf, NULL));

  /* The signer's PDF and the seal */
  plan_sign_dialog_set_input_file (dialog, signer_pdf);
  plan_sign_dialog_set_image_file (dialog, seal);
  gui_test_run_for (50);
  shot = gui_test_save_screenshot (GTK_WIDGET (dialog), "sign-agency-dialog");
  g_clear_pointer (&shot, g_free);
  sign_in_dialog (dialog, "123456");

  /* The seal is remembered for the next time */
  agency_seal = g_settings_get_string (settings, "seal-image");
  g_assert_cmpstr (agency_seal, ==, seal_path);

  /* Two valid signatures, the agency's last and over the whole file */
  bytes = g_file_load_bytes (issued_pdf, NULL, NULL, &error);
  g_assert_no_error (error);
  if (g_getenv ("KEHOACH_ARTIFACTS_DIR") != NULL)
    {
      /* To look at */
      g_autofree char *copy = g_build_filename (g_getenv ("KEHOACH_ARTIFACTS_DIR"),
                                                "sign-agency-issued.pdf", NULL);

      g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
    }
  g_assert_true (plan_pdf_verify_init (nssdb, &error));
  signatures = plan_pdf_verify (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signatures->len, ==, 2);
  g_assert_true (plan_pdf_verify_all_intact (signatures));
  first = g_ptr_array_index (signatures, 0);
  second = g_ptr_array_index (signatures, 1);
  g_assert_cmpstr (first->signer_name, ==, "Nguyễn Văn A");
  g_assert_cmpstr (second->signer_name, ==, "Trường THCS Kim Đồng");
  g_assert_cmpint (first->signature_status, ==, POPPLER_SIGNATURE_VALID);
  g_assert_cmpint (second->signature_status, ==, POPPLER_SIGNATURE_VALID);
  g_assert_false (first->covers_whole_file);
  g_assert_true (second->covers_whole_file);
  g_assert_cmpint (second->certificate_status, ==, POPPLER_CERTIFICATE_TRUSTED);
  /* The signer's PDF is the start of the issued one, byte for byte */
  g_assert_cmpuint (g_bytes_get_size (bytes), >, g_bytes_get_size (signer_bytes));
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (signer_bytes),
                   g_bytes_get_data (signer_bytes, NULL), g_bytes_get_size (signer_bytes));
  /* The seal (425 px at 300 dpi: 36 mm) on the same page, its right edge a third of the way
   * into the signer's image, centred on it vertically */
  g_assert_cmpuint (second->page, ==, first->page);
  g_assert_cmpfloat_with_epsilon (second->rect[2] - second->rect[0], 425 * 72.0 / 300, 0.5);
  g_assert_cmpfloat_with_epsilon (second->rect[2],
                                  first->rect[0] + (first->rect[2] - first->rect[0]) / 3, 0.5);
  g_assert_cmpfloat_with_epsilon ((second->rect[1] + second->rect[3]) / 2,
                                  (first->rect[1] + first->rect[3]) / 2, 0.5);

  /* Recorded (the agency named by its certificate) and the plan saved */
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  saved = plan_json_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    GListModel *history = plan_review_get_history (plan_document_get_review (saved));

    last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  }
  g_assert_cmpstr (plan_event_get_actor (last), ==, "Trường THCS Kim Đồng");
  g_assert_nonnull (strstr (plan_event_get_note (last), digest));
  g_assert_false (plan_document_get_modified (plan_window_get_document (window)));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The number of times @needle occurs in @haystack */
static guint
count_in (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (haystack, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* The clerk issues the plan's appendix as a separate file from the Review page: the appendix
 * is chosen in the dialog, signed with the agency's .p12; pdfsig reads one valid, trusted
 * signature over the whole file, poppler the appendix alone with its number at the top; the
 * signing is in the saved history, and not taken for the signer's PDF. */
static void
test_appendix (void)
{
  g_autoptr(GFile) file = approved_sample ();
  g_autofree char *out_path = g_build_filename (work_dir, "plan-phu-luc-1-issued.pdf", NULL);
  g_autofree char *agency_p12 = g_build_filename (pki, "agency.p12", NULL);
  g_autofree char *nssdb = g_build_filename (pki, "nssdb-trusted", NULL);
  g_autofree char *sql_nssdb = g_strconcat ("sql:", nssdb, NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  g_autoptr(GFile) agency_cert = g_file_new_for_path (agency_p12);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PlanDocument) saved = NULL;
  g_autoptr(PlanEvent) last = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PopplerDocument) pdf = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *pdfsig_out = NULL;
  g_autofree char *text = NULL;
  PlanSignDialog *dialog;
  PlanWindow *window;
  GtkWidget *page_widget, *issue_button, *agency_button, *combo;
  GListModel *choices;
  int wait_status = 0;

  g_settings_set_string (settings, "user-name", "Trần Thị Bình");
  g_settings_set_string (settings, "user-title", "Văn thư");
  g_settings_set_enum (settings, "user-role", 0);

  window = gui_test_open_window (app, NULL, file);
  _plan_window_select_part (window, PLAN_PART_REVIEW, NULL);
  gui_test_run_for (100);
  page_widget = gtk_stack_get_child_by_name (window->editor_stack, PLAN_PART_REVIEW);
  issue_button = find_widget (page_widget, GTK_TYPE_BUTTON, "_Issue Appendix…");
  agency_button = find_widget (page_widget, GTK_TYPE_BUTTON, "Add the A_gency’s Signature…");
  g_assert_nonnull (issue_button);
  g_assert_true (gtk_widget_is_visible (issue_button));
  g_assert_true (gtk_widget_is_sensitive (issue_button));
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "sign-appendix-review-page");
  g_clear_pointer (&shot, g_free);

  g_signal_emit_by_name (issue_button, "clicked");
  gui_test_run_for (100);
  dialog = find_sign_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==,
                   "Issue an Appendix as a Separate File");
  /* The plan's appendix, as it prints, is offered; the certificate list follows */
  combo = find_combo_row (GTK_WIDGET (dialog), "Appendix");
  g_assert_true (gtk_widget_is_visible (combo));
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 1);
  g_test_message ("appendix: %s", gtk_string_list_get_string (GTK_STRING_LIST (choices), 0));
  g_assert_true (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0),
                                   "Phụ lục"));
  plan_sign_dialog_set_appendix (dialog, 0);
  plan_sign_dialog_set_output_file (dialog, out);
  plan_sign_dialog_set_certificate_file (dialog, agency_cert);
  gui_test_run_for (50);
  shot = gui_test_save_screenshot (GTK_WIDGET (dialog), "sign-appendix-dialog");
  g_clear_pointer (&shot, g_free);
  sign_in_dialog (dialog, "123456");

  /* pdfsig: one signature, the agency's, valid, trusted, over the whole file */
  {
    const char *argv[] = { "pdfsig", "-nssdir", sql_nssdb, out_path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &pdfsig_out, NULL, &wait_status, &error));
    g_assert_no_error (error);
  }
  g_test_message ("%s", pdfsig_out);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_assert_cmpuint (count_in (pdfsig_out, "Signature #"), ==, 1);
  g_assert_nonnull (strstr (pdfsig_out, "Signer Certificate Common Name: Trường THCS Kim Đồng"));
  g_assert_nonnull (strstr (pdfsig_out, "Total document signed"));
  g_assert_nonnull (strstr (pdfsig_out, "Signature Validation: Signature is Valid."));
  g_assert_nonnull (strstr (pdfsig_out, "Certificate Validation: Certificate is Trusted."));

  /* poppler: the appendix alone, its number and symbol at the top right */
  bytes = g_file_load_bytes (out, NULL, NULL, &error);
  g_assert_no_error (error);
  pdf = poppler_document_new_from_bytes (bytes, NULL, &error);
  g_assert_no_error (error);
  page = poppler_document_get_page (pdf, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Phụ lục"));
  g_assert_null (strstr (text, "MỤC ĐÍCH, YÊU CẦU"));
  {
    GList *found = poppler_page_find_text (page, "25/KH-THCS");
    double width, height;
    PopplerRectangle *rect;

    g_assert_nonnull (found);
    poppler_page_get_size (page, &width, &height);
    rect = found->data;
    g_assert_cmpfloat (rect->x1, >, width / 2);
    g_assert_cmpfloat (height - MAX (rect->y1, rect->y2), <, 25 * 72 / 25.4);
    g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  }
  if (g_getenv ("KEHOACH_ARTIFACTS_DIR") != NULL)
    {
      /* To look at */
      g_autofree char *copy = g_build_filename (g_getenv ("KEHOACH_ARTIFACTS_DIR"),
                                                "sign-appendix-issued.pdf", NULL);

      g_file_set_contents (copy, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL);
    }

  /* Recorded as the appendix's signing and the plan saved; the clerk's countersigning step
   * does not take the appendix for the signer's PDF */
  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  saved = plan_json_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    GListModel *history = plan_review_get_history (plan_document_get_review (saved));

    last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  }
  g_assert_cmpstr (plan_event_get_actor (last), ==, "Trường THCS Kim Đồng");
  g_assert_true (g_str_has_prefix (plan_event_get_note (last),
                                   "Ký số phụ lục 1 (tệp PDF riêng) lúc "));
  g_assert_nonnull (strstr (plan_event_get_note (last), digest));
  g_assert_false (plan_document_get_modified (plan_window_get_document (window)));
  g_assert_false (gtk_widget_get_visible (agency_button));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Điều 15.2: the clerk numbers and dates the plan before it is signed: without a number the
 * dialog says so and Sign stays off, whatever is typed */
static void
test_needs_number (void)
{
  g_autoptr(GFile) file = approved_sample_numbered (FALSE);
  g_autofree char *p12 = g_build_filename (pki, "signer.p12", NULL);
  g_autoptr(GFile) certificate = g_file_new_for_path (p12);
  PlanWindow *window = gui_test_open_window (app, NULL, file);
  PlanSignDialog *dialog;
  GtkWidget *pin, *sign, *error_label;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-pdf", NULL));
  gui_test_run_for (100);
  dialog = find_sign_dialog ();
  g_assert_nonnull (dialog);
  plan_sign_dialog_set_certificate_file (dialog, certificate);
  pin = find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL);
  sign = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Sign");
  gtk_editable_set_text (GTK_EDITABLE (pin), "123456");
  g_assert_false (gtk_widget_get_sensitive (sign));
  error_label = find_error_label (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (error_label)),
                                   "The clerk fills in the plan’s number and date"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Signed by the signer then the agency, through the library, with the .p12 files */
static GBytes *
sign_both_p12 (void)
{
  g_autoptr(GFile) file = approved_sample ();
  g_autoptr(PlanDocument) document = plan_json_load_file (file, NULL, NULL, NULL);
  g_autofree char *signer_p12 = g_build_filename (pki, "signer.p12", NULL);
  g_autofree char *agency_p12 = g_build_filename (pki, "agency.p12", NULL);
  g_autoptr(PlanSignerCredentials) signer = NULL;
  g_autoptr(PlanSignerCredentials) agency = NULL;
  g_autoptr(GDateTime) now = plan_sign_pdf_now ();
  g_autoptr(GBytes) signed_pdf = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *issued;

  signer = plan_signer_credentials_new_from_p12 (signer_p12, "123456", &error);
  g_assert_no_error (error);
  agency = plan_signer_credentials_new_from_p12 (agency_p12, "123456", &error);
  g_assert_no_error (error);
  signed_pdf = plan_sign_pdf_as_signer (document, plan_identity_get_trust_store (), signer, NULL,
                                        now, &error);
  g_assert_no_error (error);
  issued = plan_sign_pdf_as_agency (signed_pdf, agency, NULL, now, &error);
  g_assert_no_error (error);
  return issued;
}

static PlanSignaturesWindow *
check_in_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *window = plan_signatures_window_new (NULL, file);

  gtk_window_present (GTK_WINDOW (window));
  gui_test_wait_for_window (GTK_WINDOW (window));
  gui_test_run_for (100);
  return PLAN_SIGNATURES_WINDOW (window);
}

/* The subtitle of the row titled @title in the group whose title starts with @group */
static const char *
row_text (GtkWidget  *widget,
          const char *group,
          const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      !g_str_has_prefix (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), group))
    return NULL;
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = row_text (child, group, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* "Check a Signed PDF…": the rows of an issued PDF, then of the same PDF with one byte
 * changed, and of a PDF without signatures */
static void
test_check_signatures (void)
{
  g_autofree char *nssdb = g_build_filename (pki, "nssdb-trusted", NULL);
  g_autoptr(GBytes) issued = NULL;
  g_autofree char *good_path = g_build_filename (work_dir, "check-issued.pdf", NULL);
  g_autofree char *bad_path = g_build_filename (work_dir, "check-changed.pdf", NULL);
  g_autofree char *plain_path = g_build_filename (work_dir, "check-plain.pdf", NULL);
  g_autofree char *shot = NULL;
  g_autofree char *changed = NULL;
  g_autoptr(GError) error = NULL;
  PlanSignaturesWindow *window;
  gsize length;
  char *at;

  /* The test CA trusted, before anything verifies */
  g_assert_true (plan_pdf_verify_init (nssdb, &error));
  g_assert_no_error (error);
  issued = sign_both_p12 ();
  length = g_bytes_get_size (issued);
  g_assert_true (g_file_set_contents (good_path, g_bytes_get_data (issued, NULL), length, NULL));

  window = check_in_window (good_path);
  {
    g_autofree char *labels = gui_test_collect_labels (GTK_WIDGET (window));

    g_test_message ("%s", labels);
    g_assert_nonnull (strstr (labels, "The document is unchanged since it was signed, and every "
                                      "signature is valid and trusted."));
    g_assert_nonnull (strstr (labels, "check-issued.pdf"));
  }
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 1:", "Signed by"), ==,
                   "Nguyễn Văn A");
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 1:", "Organisation"), ==,
                   "Kế hoạch tests");
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 1:", "Signature"), ==,
                   "Valid: what it signed has not been changed since");
  g_assert_true (g_str_has_prefix (row_text (GTK_WIDGET (window), "Signature 1:", "Covers"),
                                   "The document as it was when signed"));
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 1:", "Certificate"), ==,
                   "Trusted: issued by Kế hoạch Test CA, a certification authority this "
                   "computer trusts");
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 2:", "Signed by"), ==,
                   "Trường THCS Kim Đồng");
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 2:", "Covers"), ==,
                   "The whole document");
  /* In Vietnam's time, as the decree writes it */
  g_assert_true (g_str_has_suffix (row_text (GTK_WIDGET (window), "Signature 2:", "Signed at"),
                                   "(UTC+07:00)"));
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "check-signatures-valid");
  g_clear_pointer (&shot, g_free);
  gtk_window_destroy (GTK_WINDOW (window));

  /* Checked again: still trusted (poppler 22.12 alone failed a certificate's second check,
   * reading memory it had freed; plan-pdf-verify.c holds the certificates) */
  window = check_in_window (good_path);
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 1:", "Certificate"), ==,
                   "Trusted: issued by Kế hoạch Test CA, a certification authority this "
                   "computer trusts");
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 2:", "Certificate"), ==,
                   "Trusted: issued by Kế hoạch Test CA, a certification authority this "
                   "computer trusts");
  gtk_window_destroy (GTK_WINDOW (window));

  /* One digit of the first page's size, in the first revision: 595.275591 → 595.275592 */
  changed = g_memdup2 (g_bytes_get_data (issued, NULL), length);
  at = memmem (changed, length, "595.275591", 10);
  g_assert_nonnull (at);
  at[9] = '2';
  g_assert_true (g_file_set_contents (bad_path, changed, length, NULL));
  window = check_in_window (bad_path);
  {
    g_autofree char *labels = gui_test_collect_labels (GTK_WIDGET (window));

    g_assert_nonnull (strstr (labels, "Do not rely on this document"));
  }
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 1:", "Signature"), ==,
                   "Not valid: the document was changed after it was signed");
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 2:", "Signature"), ==,
                   "Not valid: the document was changed after it was signed");
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "check-signatures-changed");
  g_clear_pointer (&shot, g_free);
  gtk_window_destroy (GTK_WINDOW (window));

  /* The first revision alone: a PDF as exported, without signatures */
  {
    const char *data = g_bytes_get_data (issued, NULL);
    const char *eof = memmem (data, length, "%%EOF", 5);

    g_assert_nonnull (eof);
    g_assert_true (g_file_set_contents (plain_path, data, eof + 6 - data, NULL));
  }
  window = check_in_window (plain_path);
  {
    g_autofree char *labels = gui_test_collect_labels (GTK_WIDGET (window));

    g_assert_nonnull (strstr (labels, "This PDF carries no digital signature."));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static PlanSignaturesWindow *
find_signatures_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (PLAN_IS_SIGNATURES_WINDOW (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
signatures_window_shown (gpointer data)
{
  return find_signatures_window () != NULL;
}

/* A signed PDF opened from the file manager (GApplication open, as `kehoach FILE.pdf` and
 * the desktop file's application/pdf do): the check window opens for it, in the
 * application, and lists its signatures; no plan window tries to read it as a plan. */
static void
test_open_pdf (void)
{
  g_autofree char *nssdb = g_build_filename (pki, "nssdb-trusted", NULL);
  g_autofree char *path = g_build_filename (work_dir, "opened-issued.PDF", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) issued = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  guint plan_windows = 0;
  PlanSignaturesWindow *window;

  g_assert_true (plan_pdf_verify_init (nssdb, &error));
  g_assert_no_error (error);
  issued = sign_both_p12 ();
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (issued, NULL),
                                      g_bytes_get_size (issued), NULL));
  g_assert_null (find_signatures_window ());

  g_application_open (G_APPLICATION (app), &file, 1, "");
  g_assert_true (gui_test_wait (signatures_window_shown, NULL, 10000));
  gui_test_run_for (200);
  window = find_signatures_window ();
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) == GTK_APPLICATION (app));
  {
    g_autofree char *labels = gui_test_collect_labels (GTK_WIDGET (window));

    g_assert_nonnull (strstr (labels, "opened-issued.PDF"));
    g_assert_nonnull (strstr (labels, "The document is unchanged since it was signed, and every "
                                      "signature is valid and trusted."));
  }
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 1:", "Signed by"), ==,
                   "Nguyễn Văn A");
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 2:", "Signed by"), ==,
                   "Trường THCS Kim Đồng");
  g_assert_cmpstr (row_text (GTK_WIDGET (window), "Signature 2:", "Covers"), ==,
                   "The whole document");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (PLAN_IS_WINDOW (l->data))
      plan_windows++;
  g_assert_cmpuint (plan_windows, ==, 0);
  shot = gui_test_save_screenshot (GTK_WIDGET (window), "check-signatures-opened");
  gtk_window_destroy (GTK_WINDOW (window));
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
  combo = find_combo_row (GTK_WIDGET (dialog), "Certificate");
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

/* The certificates of the user's NSS database (~/.pki/nssdb) are offered beside the tokens:
 * the database's own and the token registered in it with modutil, which p11-kit also reaches,
 * once. Signing with the database's certificate asks for its password in the dialog; the PDF
 * is valid for pdfsig. In a process of its own: a process opens one NSS database, and the
 * other tests open the test CA's. */
static void
test_sign_with_nss_database (void)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *pdf_path = g_build_filename (work_dir, "nss-signed.pdf", NULL);
  g_autoptr(GFile) pdf = g_file_new_for_path (pdf_path);
  g_autofree char *nssdb = g_build_filename (g_get_home_dir (), ".pki", "nssdb", NULL);
  g_autofree char *keys = g_build_filename (pki, "nssdb-keys", NULL);
  g_autofree char *trusted = g_strconcat ("sql:", pki, "/nssdb-trusted", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PlanDocument) saved = NULL;
  g_autoptr(PlanEvent) last = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shot = NULL;
  g_autofree char *out = NULL;
  g_autofree char *expected_error = NULL;
  PlanSignDialog *dialog;
  PlanWindow *window;
  GtkWidget *combo, *pin, *sign, *error_label;
  GListModel *choices;
  GListModel *history;
  guint own = G_MAXUINT, on_token = 0;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 180 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  /* The user's database: the test's, with two keys (password 123456) and the SoftHSM2
   * token's module registered */
  {
    g_autofree char *parent = g_path_get_dirname (nssdb);
    const char *copy[] = { "cp", "-r", keys, nssdb, NULL };
    int wait_status = 0;

    g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
    g_assert_true (g_spawn_sync (NULL, (char **) copy, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 NULL, NULL, &wait_status, NULL));
    g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  }
  g_settings_set_string (settings, "user-name", "Nguyễn Văn An");
  g_settings_set_string (settings, "user-title", "Hiệu trưởng");
  g_settings_set_enum (settings, "user-role", 1);

  file = approved_sample ();
  window = gui_test_open_window (app, NULL, file);
  _plan_window_select_part (window, PLAN_PART_REVIEW, NULL);
  gui_test_run_for (100);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-pdf", NULL));
  gui_test_run_for (100);
  dialog = find_sign_dialog ();
  g_assert_nonnull (dialog);
  plan_sign_dialog_set_output_file (dialog, pdf);

  /* The database's two certificates and the token's, once, then a .p12 file */
  combo = find_combo_row (GTK_WIDGET (dialog), "Certificate");
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      const char *label = gtk_string_list_get_string (GTK_STRING_LIST (choices), i);

      g_test_message ("offered: %s", label);
      if (g_str_equal (label, "Nguyễn Văn A (NSS certificate database)"))
        own = i;
      if (strstr (label, "KeHoachTest") != NULL)
        on_token++;
    }
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 4);
  g_assert_cmpuint (own, <, 3);
  g_assert_cmpuint (on_token, ==, 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 3), ==,
                   "From a certificate file (.p12)");
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();

    for (guint i = 0; i < 3; i++)
      g_ptr_array_add (labels, (char *) gtk_string_list_get_string (GTK_STRING_LIST (choices), i));
    g_ptr_array_add (labels, NULL);
    g_assert_true (g_strv_contains ((const char * const *) labels->pdata,
                                    "Trường THCS Kim Đồng (NSS certificate database)"));
    g_assert_true (g_strv_contains ((const char * const *) labels->pdata,
                                    "Nguyễn Văn A (KeHoachTest, through the NSS certificate database)"));
  }
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), own);
  gui_test_run_for (100);
  shot = gui_test_save_screenshot (GTK_WIDGET (dialog), "sign-dialog-nss-database");
  g_clear_pointer (&shot, g_free);

  pin = find_widget (GTK_WIDGET (dialog), ADW_TYPE_PASSWORD_ENTRY_ROW, NULL);
  sign = find_widget (GTK_WIDGET (dialog), GTK_TYPE_BUTTON, "_Sign");

  /* A wrong password: said in the dialog, nothing written */
  gtk_editable_set_text (GTK_EDITABLE (pin), "000000");
  g_signal_emit_by_name (sign, "clicked");
  gui_test_run_for (100);
  g_assert_true (find_sign_dialog () == dialog);
  error_label = find_error_label (GTK_WIDGET (dialog));
  expected_error = g_strdup_printf ("Wrong password for the NSS database “%s”", nssdb);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), ==, expected_error);
  g_assert_false (g_file_query_exists (pdf, NULL));

  /* The right one */
  sign_in_dialog (dialog, "123456");

  {
    const char *pdfsig[] = { "pdfsig", "-nssdir", trusted, pdf_path, NULL };
    int wait_status = 0;

    g_assert_true (g_spawn_sync (NULL, (char **) pdfsig, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, NULL, &wait_status, &error));
    g_assert_no_error (error);
    g_test_message ("%s", out);
    g_assert_nonnull (strstr (out, "Signer Certificate Common Name: Nguyễn Văn A"));
    g_assert_nonnull (strstr (out, "Signature Validation: Signature is Valid."));
    g_assert_nonnull (strstr (out, "Certificate Validation: Certificate is Trusted."));
    g_assert_nonnull (strstr (out, "Total document signed"));
  }

  /* Recorded, and the plan saved with it */
  saved = plan_json_load_file (file, NULL, NULL, &error);
  g_assert_no_error (error);
  history = plan_review_get_history (plan_document_get_review (saved));
  last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  g_assert_cmpstr (plan_event_get_actor (last), ==, "Nguyễn Văn A");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *conf = NULL;
  int status;

  g_setenv ("KEHOACH_KEY_BACKEND", "file", TRUE);

  /* The test CA and token before anything loads the PKCS#11 modules */
  {
    g_autoptr(GError) error = NULL;

    pki = pki_test_make (&error);
    if (pki == NULL)
      {
        g_test_init (&argc, &argv, NULL);
        g_test_skip_printf ("the test PKI cannot be made: %s", error->message);
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
  g_test_add_func ("/gui/sign/agency", test_agency_signature);
  g_test_add_func ("/gui/sign/appendix", test_appendix);
  g_test_add_func ("/gui/sign/needs-number", test_needs_number);
  g_test_add_func ("/gui/sign/nss-database", test_sign_with_nss_database);
  /* After the others: the certificates have been checked before in this process */
  g_test_add_func ("/gui/sign/check", test_check_signatures);
  g_test_add_func ("/gui/sign/open-pdf", test_open_pdf);

  status = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", pki, work_dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  return status;
}
