/* test-sign-pdf.c: the signer's and the agency's digital signatures, end to end through the
 * command line: checked by pdfsig (poppler-utils) and by kehoach --verify-pdf, with a test CA
 * trusted or not, a .p12 file and a SoftHSM2 token; a changed byte; the refusals; the images'
 * positions read back with poppler; the history recorded in the plan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE   /* memmem */
#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <gnutls/crypto.h>
#include <gnutls/pkcs7.h>
#include <poppler.h>

#include "plan-poppler-autoptr.h"

#include "approval-test-util.h"
#include "plan-cms.h"
#include "plan-pdf-reader.h"
#include "plan-pdf-update.h"
#include "plan-pdf-verify.h"
#include "plan-sign-pdf.h"
#include "plan-signing-error.h"
#include "pki-test-util.h"

#define MM(x) ((x) * 72.0 / 25.4)
#define TOKEN_URL "pkcs11:token=KeHoachTest;object=signer"

static const char *exe_path;
static char *pki;   /* made once by make-test-pki.sh */

typedef struct {
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_argv (Run         *run,
          const char **argv)
{
  g_auto(GStrv) env = at_child_environ ();
  g_autofree char *conf = g_build_filename (pki, "softhsm2.conf", NULL);
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_setenv (env, "SOFTHSM2_CONF", conf, TRUE);
  env = g_environ_setenv (env, "TZ", "UTC", TRUE);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  g_test_message ("%s %s → %d\n%s%s", argv[0], argv[1], run->status, run->out, run->err);
}

/* kehoach with the arguments given, NULL-terminated */
static void
run_kehoach (Run        *run,
             const char *first,
             ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) exe_path);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  run_argv (run, (const char **) argv->pdata);
}

static char *
pki_file (const char *name)
{
  return g_build_filename (pki, name, NULL);
}

/* ---- Fixture: an approved plan, the images, the PIN file -------------------------------- */

typedef struct {
  char *dir;
  char *plan;         /* the reference plan, approved with the user's own key */
  char *draft;        /* the same, not approved */
  char *signature;    /* blue transparent PNG */
  char *seal;         /* red transparent PNG */
  char *pin;          /* "123456", mode 0600 */
} Fixture;

static void
write_png (const char *path,
           int         width,
           int         height,
           double      r,
           double      g,
           double      b,
           gboolean    round)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, r, g, b);
  cairo_set_line_width (cr, width / 30.0);
  if (round)
    {
      cairo_arc (cr, width / 2.0, height / 2.0, width / 2.0 - width / 30.0, 0, 2 * G_PI);
      cairo_stroke (cr);
      cairo_arc (cr, width / 2.0, height / 2.0, width / 6.0, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  else
    {
      /* a scribble across the whole image */
      cairo_move_to (cr, width * 0.05, height * 0.7);
      cairo_curve_to (cr, width * 0.3, height * 0.05, width * 0.5, height * 0.95, width * 0.95,
                      height * 0.3);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *sample = at_sample_path ("reference-25-kh-thcs.kehoach.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanSigningKey) key = plan_signing_key_get_default (TRUE, NULL, &error);

  g_assert_no_error (error);
  fixture->dir = g_dir_make_tmp ("kehoach-sign-XXXXXX", NULL);
  {
    g_autoptr(PlanDocument) document = at_load (sample);

    fixture->draft = at_save_in (document, fixture->dir, "draft.kehoach.json");
    at_approve (document, key);
    fixture->plan = at_save_in (document, fixture->dir, "plan.kehoach.json");
  }

  /* 300 dpi (cairo writes no pHYs): 50 × 20 mm and a 36 mm seal */
  fixture->signature = g_build_filename (fixture->dir, "signature.png", NULL);
  write_png (fixture->signature, 591, 236, 0.05, 0.15, 0.75, FALSE);
  fixture->seal = g_build_filename (fixture->dir, "seal.png", NULL);
  write_png (fixture->seal, 425, 425, 0.85, 0.05, 0.05, TRUE);

  fixture->pin = g_build_filename (fixture->dir, "pin", NULL);
  g_assert_true (g_file_set_contents_full (fixture->pin, "123456\n", -1,
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  at_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->plan);
  g_free (fixture->draft);
  g_free (fixture->signature);
  g_free (fixture->seal);
  g_free (fixture->pin);
}

static char *
out_path (Fixture    *fixture,
          const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Signs the plan as the principal with the .p12 and then as the agency: the two PDFs */
static void
sign_both (Fixture *fixture,
           char   **signer_pdf,
           char   **agency_pdf)
{
  g_autofree char *signer_p12 = pki_file ("signer.p12");
  g_autofree char *agency_p12 = pki_file ("agency.p12");
  g_auto(Run) first = { 0 };
  g_auto(Run) second = { 0 };

  *signer_pdf = out_path (fixture, "signed-1.pdf");
  *agency_pdf = out_path (fixture, "signed-2.pdf");
  run_kehoach (&first, "--sign-pdf", *signer_pdf, "--p12", signer_p12, "--pin-file",
               fixture->pin, "--image", fixture->signature, fixture->plan, NULL);
  g_assert_cmpint (first.status, ==, 0);
  g_assert_nonnull (strstr (first.out, "Signed by Nguyễn Văn A"));

  run_kehoach (&second, "--sign-pdf", *agency_pdf, "--agency", "--p12", agency_p12,
               "--pin-file", fixture->pin, "--image", fixture->seal, "--plan", fixture->plan,
               *signer_pdf, NULL);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_nonnull (strstr (second.out, "Signed by Trường THCS Kim Đồng"));
}

/* ---- pdfsig -------------------------------------------------------------------------------- */

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
run_pdfsig (Run        *run,
            const char *nssdb,
            const char *pdf)
{
  g_autofree char *db = g_strconcat ("sql:", nssdb, NULL);
  const char *argv[] = { "pdfsig", "-nssdir", db, pdf, NULL };

  run_argv (run, argv);
}

static void
test_principal_then_agency (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *signer_pdf = NULL;
  g_autofree char *agency_pdf = NULL;
  g_autofree char *trusted = pki_file ("nssdb-trusted");
  g_autofree char *empty = pki_file ("nssdb-empty");
  g_auto(Run) sig_trusted = { 0 };
  g_auto(Run) sig_untrusted = { 0 };
  g_auto(Run) sig_first = { 0 };
  g_auto(Run) ours_trusted = { 0 };
  g_auto(Run) ours_untrusted = { 0 };
  g_auto(GStrv) lines = NULL;

  sign_both (fixture, &signer_pdf, &agency_pdf);

  /* pdfsig, with the test CA trusted */
  run_pdfsig (&sig_trusted, trusted, agency_pdf);
  g_assert_cmpint (sig_trusted.status, ==, 0);
  g_assert_cmpuint (count (sig_trusted.out, "Signature Validation: Signature is Valid."), ==, 2);
  g_assert_cmpuint (count (sig_trusted.out, "Certificate Validation: Certificate is Trusted."), ==, 2);
  g_assert_nonnull (strstr (sig_trusted.out, "Signer Certificate Common Name: Nguyễn Văn A"));
  g_assert_nonnull (strstr (sig_trusted.out, "Signer Certificate Common Name: Trường THCS Kim Đồng"));
  g_assert_cmpuint (count (sig_trusted.out, "Signature Type: ETSI.CAdES.detached"), ==, 2);
  /* the time comes from /M (PAdES keeps it out of the CMS) */
  g_assert_cmpuint (count (sig_trusted.out, "Signing Time: "), ==, 2);
  g_assert_null (strstr (sig_trusted.out, "1970"));
  g_assert_cmpuint (count (sig_trusted.out, "Total document signed"), ==, 1);
  g_assert_cmpuint (count (sig_trusted.out, "Not total document signed"), ==, 1);
  /* the last one is the whole document */
  g_assert_cmpuint (strstr (sig_trusted.out, "Not total document signed") - sig_trusted.out, <,
                    strstr (sig_trusted.out, "Total document signed") - sig_trusted.out);

  /* The signer's PDF alone: one signature over all of it */
  run_pdfsig (&sig_first, trusted, signer_pdf);
  g_assert_cmpuint (count (sig_first.out, "Signature is Valid."), ==, 1);
  g_assert_cmpuint (count (sig_first.out, "Total document signed"), ==, 1);

  /* and without it: valid signatures, issuer not trusted */
  run_pdfsig (&sig_untrusted, empty, agency_pdf);
  g_assert_cmpuint (count (sig_untrusted.out, "Signature is Valid."), ==, 2);
  g_assert_cmpuint (count (sig_untrusted.out, "Certificate is Trusted."), ==, 0);
  g_assert_cmpuint (count (sig_untrusted.out, "Certificate issuer is unknown."), ==, 2);

  /* --verify-pdf agrees */
  run_kehoach (&ours_trusted, "--verify-pdf", "--nssdir", trusted, agency_pdf, NULL);
  g_assert_cmpint (ours_trusted.status, ==, 0);
  lines = g_strsplit (g_strstrip (ours_trusted.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_true (g_str_has_prefix (lines[0], "Signature 1: Nguyễn Văn A; issuer: CN=Kế hoạch Test CA"));
  g_assert_nonnull (strstr (lines[0], "+07:00; valid; covers its revision; trusted"));
  g_assert_true (g_str_has_prefix (lines[1], "Signature 2: Trường THCS Kim Đồng; issuer: CN=Kế hoạch Test CA"));
  g_assert_nonnull (strstr (lines[1], "+07:00; valid; covers the whole document; trusted"));
  g_assert_true (g_regex_match_simple ("time: 20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+07:00;",
                                       lines[1], 0, 0));

  /* the same signing times as pdfsig's (which prints them in UTC here, TZ=UTC) */
  {
    g_autoptr(GRegex) pdfsig_time = g_regex_new ("Signing Time: (.*)", 0, 0, NULL);
    g_autoptr(GRegex) our_time = g_regex_new ("time: ([^;]*);", 0, 0, NULL);
    g_autoptr(GMatchInfo) theirs = NULL;
    g_autoptr(GMatchInfo) ours = NULL;

    g_assert_true (g_regex_match (pdfsig_time, sig_trusted.out, 0, &theirs));
    g_assert_true (g_regex_match (our_time, ours_trusted.out, 0, &ours));
    for (guint i = 0; i < 2; i++)
      {
        g_autofree char *their_text = g_match_info_fetch (theirs, 1);
        g_autofree char *our_text = g_match_info_fetch (ours, 1);
        g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (our_text, NULL);
        g_autoptr(GDateTime) utc = g_date_time_to_utc (parsed);
        g_autofree char *formatted = g_date_time_format (utc, "%b %d %Y %H:%M:%S");

        g_assert_cmpstr (formatted, ==, their_text);
        g_match_info_next (theirs, NULL);
        g_match_info_next (ours, NULL);
      }
  }

  run_kehoach (&ours_untrusted, "--verify-pdf", "--nssdir", empty, agency_pdf, NULL);
  g_assert_cmpint (ours_untrusted.status, ==, 0);
  g_assert_cmpuint (count (ours_untrusted.out, "; valid; "), ==, 2);
  g_assert_cmpuint (count (ours_untrusted.out, "; unknown issuer"), ==, 2);
  g_assert_cmpuint (count (ours_untrusted.out, "; trusted"), ==, 0);
}

/* ---- The history ------------------------------------------------------------------------- */

static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *signer_pdf = NULL;
  g_autofree char *agency_pdf = NULL;
  g_autofree char *first_digest = NULL;
  g_autofree char *second_digest = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(PlanTrustStore) trust = plan_trust_store_new_default ();
  GListModel *history;
  guint n;
  gsize length;

  sign_both (fixture, &signer_pdf, &agency_pdf);

  g_assert_true (g_file_get_contents (signer_pdf, &contents, &length, NULL));
  first_digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
  g_free (contents);
  g_assert_true (g_file_get_contents (agency_pdf, &contents, &length, NULL));
  second_digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);

  document = at_load (fixture->plan);
  /* recording is not a change of the content: still approved */
  g_assert_cmpint (at_state (document, trust), ==, PLAN_APPROVAL_VALID);
  history = plan_review_get_history (plan_document_get_review (document));
  n = g_list_model_get_n_items (history);
  g_assert_cmpuint (n, >=, 5);   /* submitted, approved, issued, signed, sealed */
  {
    g_autoptr(PlanEvent) issued = g_list_model_get_item (history, n - 3);
    g_autoptr(PlanEvent) signer = g_list_model_get_item (history, n - 2);
    g_autoptr(PlanEvent) agency = g_list_model_get_item (history, n - 1);

    g_assert_cmpint (plan_event_get_action (issued), ==, PLAN_STATUS_APPROVED);
    g_assert_true (g_str_has_prefix (plan_event_get_note (issued), "Số: "));
    g_assert_cmpstr (plan_event_get_actor (signer), ==, "Nguyễn Văn A");
    g_assert_nonnull (strstr (plan_event_get_note (signer), first_digest));
    g_assert_nonnull (strstr (plan_event_get_note (signer), "Kế hoạch Test CA"));
    g_assert_cmpstr (plan_event_get_actor (agency), ==, "Trường THCS Kim Đồng");
    g_assert_nonnull (strstr (plan_event_get_note (agency), second_digest));
  }
}

/* ---- A token ----------------------------------------------------------------------------- */

static void
test_token (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *pdf = out_path (fixture, "token.pdf");
  g_autofree char *trusted = pki_file ("nssdb-trusted");
  g_auto(Run) run = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) ours = { 0 };

  run_kehoach (&run, "--sign-pdf", pdf, "--pkcs11", TOKEN_URL, "--pin-file", fixture->pin,
               "--image", fixture->signature, fixture->plan, NULL);
  g_assert_cmpint (run.status, ==, 0);

  run_pdfsig (&check, trusted, pdf);
  g_assert_cmpuint (count (check.out, "Signature is Valid."), ==, 1);
  g_assert_cmpuint (count (check.out, "Certificate is Trusted."), ==, 1);
  g_assert_nonnull (strstr (check.out, "Signer Certificate Common Name: Nguyễn Văn A"));

  run_kehoach (&ours, "--verify-pdf", "--nssdir", trusted, pdf, NULL);
  g_assert_cmpint (ours.status, ==, 0);
}

/* ---- One changed byte -------------------------------------------------------------------- */

static void
test_changed_byte (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *signer_pdf = NULL;
  g_autofree char *agency_pdf = NULL;
  g_autofree char *trusted = pki_file ("nssdb-trusted");
  g_autofree char *contents = NULL;
  g_auto(Run) check = { 0 };
  g_auto(Run) ours = { 0 };
  char *at;
  gsize length;

  sign_both (fixture, &signer_pdf, &agency_pdf);
  g_assert_true (g_file_get_contents (agency_pdf, &contents, &length, NULL));
  /* One digit of the first page's size, in the first revision: 595.275591 → 595.275592 */
  at = memmem (contents, length, "595.275591", 10);
  g_assert_nonnull (at);
  at[9] = '2';
  g_assert_true (g_file_set_contents (agency_pdf, contents, length, NULL));

  run_pdfsig (&check, trusted, agency_pdf);
  g_assert_cmpuint (count (check.out, "Signature is Valid."), ==, 0);
  g_assert_cmpuint (count (check.out, "Digest Mismatch."), ==, 2);

  run_kehoach (&ours, "--verify-pdf", "--nssdir", trusted, agency_pdf, NULL);
  g_assert_cmpint (ours.status, ==, 1);
  g_assert_cmpuint (count (ours.out, "; changed after signing; "), ==, 2);
}

/* ---- Refusals ---------------------------------------------------------------------------- */

static void
assert_refused (Fixture    *fixture,
                const char *expected,
                const char *input,
                ...)
{
  g_autofree char *pdf = out_path (fixture, "refused.pdf");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(Run) run = { 0 };
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) exe_path);
  g_ptr_array_add (argv, "--sign-pdf");
  g_ptr_array_add (argv, pdf);
  va_start (args, input);
  for (arg = va_arg (args, const char *); arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, (char *) input);
  g_ptr_array_add (argv, NULL);
  run_argv (&run, (const char **) argv->pdata);

  g_assert_cmpint (run.status, ==, 1);
  if (strstr (run.err, expected) == NULL)
    g_error ("expected “%s” in: %s", expected, run.err);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *signer_p12 = pki_file ("signer.p12");
  g_autofree char *expired_p12 = pki_file ("expired.p12");
  g_autofree char *no_signing_p12 = pki_file ("no-signing.p12");
  g_autofree char *wrong_pin = out_path (fixture, "wrong-pin");
  g_autofree char *open_pin = out_path (fixture, "open-pin");
  g_autofree char *plan_before = NULL;
  g_autofree char *plan_after = NULL;

  g_assert_true (g_file_set_contents_full (wrong_pin, "000000\n", -1, G_FILE_SET_CONTENTS_NONE,
                                           0600, NULL));
  g_assert_true (g_file_set_contents_full (open_pin, "123456\n", -1, G_FILE_SET_CONTENTS_NONE,
                                           0644, NULL));
  g_assert_true (g_file_get_contents (fixture->plan, &plan_before, NULL, NULL));

  assert_refused (fixture, "cannot be signed: Not approved: draft", fixture->draft,
                  "--p12", signer_p12, "--pin-file", fixture->pin, NULL);
  assert_refused (fixture, "Wrong password for", fixture->plan,
                  "--p12", signer_p12, "--pin-file", wrong_pin, NULL);
  assert_refused (fixture, "Wrong PIN for the token “KeHoachTest”", fixture->plan,
                  "--pkcs11", TOKEN_URL, "--pin-file", wrong_pin, NULL);
  assert_refused (fixture, "on the token “Removed”: is it plugged in?", fixture->plan,
                  "--pkcs11", "pkcs11:token=Removed;object=signer", "--pin-file", fixture->pin,
                  NULL);
  assert_refused (fixture, "expired on", fixture->plan,
                  "--p12", expired_p12, "--pin-file", fixture->pin, NULL);
  assert_refused (fixture, "is not for digital signatures", fixture->plan,
                  "--p12", no_signing_p12, "--pin-file", fixture->pin, NULL);
  assert_refused (fixture, "can be read by others (mode 0644)", fixture->plan,
                  "--p12", signer_p12, "--pin-file", open_pin, NULL);
  {
    g_autofree char *unsigned_pdf = out_path (fixture, "unsigned.pdf");
    g_auto(Run) run = { 0 };

    run_kehoach (&run, "--export-pdf", unsigned_pdf, fixture->plan, NULL);
    g_assert_cmpint (run.status, ==, 0);
    assert_refused (fixture, "no signature yet", unsigned_pdf,
                    "--agency", "--p12", signer_p12, "--pin-file", fixture->pin, NULL);
  }

  /* nothing was recorded in the plan */
  g_assert_true (g_file_get_contents (fixture->plan, &plan_after, NULL, NULL));
  g_assert_cmpstr (plan_before, ==, plan_after);
}

/* ---- The images, read back --------------------------------------------------------------- */

static void
find_text_rect (PopplerPage *page,
                const char  *text,
                double       rect[4])
{
  GList *matches = poppler_page_find_text (page, text);
  PopplerRectangle *last;

  g_assert_nonnull (matches);
  last = g_list_last (matches)->data;
  rect[0] = last->x1;
  rect[1] = MIN (last->y1, last->y2);
  rect[2] = last->x2;
  rect[3] = MAX (last->y1, last->y2);
  g_list_free_full (matches, (GDestroyNotify) poppler_rectangle_free);
}

/* The widgets' rectangles (PDF space) in the order of their fields' names */
static guint
signature_rects (PopplerPage *page,
                 double       rects[2][4])
{
  GList *mappings = poppler_page_get_form_field_mapping (page);
  guint n = 0;

  for (GList *l = mappings; l != NULL; l = l->next)
    {
      PopplerFormFieldMapping *mapping = l->data;
      g_autofree char *name = poppler_form_field_get_partial_name (mapping->field);
      guint index;

      if (poppler_form_field_get_field_type (mapping->field) != POPPLER_FORM_FIELD_SIGNATURE)
        continue;
      index = g_str_equal (name, "Signature1") ? 0 : 1;
      /* like poppler_page_find_text(): PDF space, from the bottom left */
      rects[index][0] = mapping->area.x1;
      rects[index][1] = MIN (mapping->area.y1, mapping->area.y2);
      rects[index][2] = mapping->area.x2;
      rects[index][3] = MAX (mapping->area.y1, mapping->area.y2);
      n++;
    }
  poppler_page_free_form_field_mapping (mappings);
  return n;
}

/* The share of the pixels in @rect (PDF space) of the rendered @page that are mostly @channel */
static double
colour_share (cairo_surface_t *surface,
              double           page_height,
              double           scale,
              const double     rect[4],
              int              channel)
{
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  guint hits = 0, total = 0;

  for (int y = (int) ((page_height - rect[3]) * scale); y < (int) ((page_height - rect[1]) * scale); y++)
    for (int x = (int) (rect[0] * scale); x < (int) (rect[2] * scale); x++)
      {
        guint32 pixel = *(const guint32 *) (data + y * stride + 4 * x);
        int rgb[3] = { (pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff };

        total++;
        if (rgb[channel] > 150 && rgb[(channel + 1) % 3] < 100 && rgb[(channel + 2) % 3] < 100)
          hits++;
      }

  return total > 0 ? (double) hits / total : 0;
}

static void
test_images (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *signer_pdf = NULL;
  g_autofree char *agency_pdf = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlanDocument) plan = at_load (fixture->plan);
  PopplerDocument *document;
  PopplerPage *page = NULL;
  double rects[2][4] = { { 0 } }, title[4], name[4], page_height, scale = 2;
  g_autofree char *title_text = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  int n_pages;

  sign_both (fixture, &signer_pdf, &agency_pdf);
  uri = g_filename_to_uri (agency_pdf, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  /* The page with the signatures: the two widgets on it */
  n_pages = poppler_document_get_n_pages (document);
  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *candidate = poppler_document_get_page (document, i);
      double found[2][4];

      if (signature_rects (candidate, found) == 2)
        {
          page = candidate;
          memcpy (rects, found, sizeof rects);
          break;
        }
      g_object_unref (candidate);
    }
  g_assert_nonnull (page);
  poppler_page_get_size (page, NULL, &page_height);

  /* The signer's image centred between the title line and the name, within 2 mm */
  title_text = g_utf8_strup (plan_document_get_signer_title (plan), -1);
  find_text_rect (page, title_text, title);
  find_text_rect (page, plan_document_get_signer_name (plan), name);
  g_assert_cmpfloat (rects[0][1], >=, name[3] - 0.5);
  g_assert_cmpfloat (rects[0][3], <=, title[1] + 0.5);
  g_assert_cmpfloat_with_epsilon ((rects[0][1] + rects[0][3]) / 2, (name[3] + title[1]) / 2, MM (2));
  g_assert_cmpfloat_with_epsilon ((rects[0][0] + rects[0][2]) / 2, (name[0] + name[2]) / 2, MM (2));

  /* The seal at its real size (36 mm), over the left third of the signature image */
  g_assert_cmpfloat_with_epsilon (rects[1][2] - rects[1][0], MM (36), 1);
  g_assert_cmpfloat_with_epsilon (rects[1][2], rects[0][0] + (rects[0][2] - rects[0][0]) / 3, MM (2));
  g_assert_cmpfloat_with_epsilon ((rects[1][1] + rects[1][3]) / 2, (rects[0][1] + rects[0][3]) / 2, MM (2));

  /* Drawn: blue strokes in the signature's box, red in the seal's */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595 * scale, page_height * scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  {
    double right_part[4] = { rects[1][2] + 2, rects[0][1], rects[0][2], rects[0][3] };

    g_assert_cmpfloat (colour_share (surface, page_height, scale, right_part, 2), >, 0.01);
    g_assert_cmpfloat (colour_share (surface, page_height, scale, rects[1], 0), >, 0.05);
  }
  if (g_getenv ("KEHOACH_TEST_KEEP") != NULL)
    {
      g_autofree char *png = g_build_filename (g_getenv ("KEHOACH_TEST_KEEP"), "signed-page.png", NULL);

      cairo_surface_write_to_png (surface, png);
      g_test_message ("page written to %s", png);
    }
  cairo_surface_destroy (surface);

  g_object_unref (page);
  g_object_unref (document);
}

/* ---- PDFs from elsewhere ------------------------------------------------------------------ */

/* A small PDF written by hand: its page has annotations and the catalog an inline form, as
 * other producers write them; object offsets computed here. */
/* ---- An appendix as a separate file ---------------------------------------------------- */

static void
test_appendix (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *agency_p12 = pki_file ("agency.p12");
  g_autofree char *trusted = pki_file ("nssdb-trusted");
  g_autofree char *out = out_path (fixture, "phu-luc.pdf");
  g_autofree char *missing = out_path (fixture, "phu-luc-2.pdf");
  g_autofree char *uri = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GRegex) iso = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_auto(Run) sign = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) ours = { 0 };
  g_auto(Run) refused = { 0 };
  g_auto(Run) draft = { 0 };
  GList *found, *attributes;
  double width, height;
  guint checked = 0;

  run_kehoach (&sign, "--sign-pdf", out, "--agency", "--appendix", "1", "--p12", agency_p12,
               "--pin-file", fixture->pin, fixture->plan, NULL);
  g_assert_cmpint (sign.status, ==, 0);
  g_assert_nonnull (strstr (sign.out, "Signed by Trường THCS Kim Đồng"));

  /* One signature, the agency's, over the whole file, valid and trusted */
  run_pdfsig (&check, trusted, out);
  g_assert_cmpuint (count (check.out, "Signature #"), ==, 1);
  g_assert_nonnull (strstr (check.out, "Trường THCS Kim Đồng"));
  g_assert_nonnull (strstr (check.out, "Total document signed"));
  g_assert_nonnull (strstr (check.out, "Signature is Valid."));
  g_assert_nonnull (strstr (check.out, "Certificate is Trusted."));
  run_kehoach (&ours, "--verify-pdf", "--nssdir", trusted, out, NULL);
  g_assert_cmpint (ours.status, ==, 0);

  if (g_getenv ("KEHOACH_ARTIFACTS_DIR") != NULL)
    {
      /* To look at */
      g_autofree char *copy = g_build_filename (g_getenv ("KEHOACH_ARTIFACTS_DIR"),
                                                "signing-appendix.pdf", NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
      g_file_set_contents (copy, contents, length, NULL);
    }

  /* Recorded as the appendix's signing, in the plan's history; not a PDF the agency
   * countersigns (the Review page does not take it for the signer's) */
  {
    g_autoptr(PlanDocument) plan = at_load (fixture->plan);
    GListModel *history = plan_review_get_history (plan_document_get_review (plan));
    g_autoptr(PlanEvent) last = g_list_model_get_item (history,
                                                       g_list_model_get_n_items (history) - 1);
    g_autofree char *contents = NULL;
    g_autofree char *digest = NULL;
    g_auto(GStrv) countersignable = plan_sign_pdf_dup_signed_digests (plan);
    gsize length;

    g_assert_true (g_file_get_contents (out, &contents, &length, NULL));
    digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents, length);
    g_assert_cmpstr (plan_event_get_actor (last), ==, "Trường THCS Kim Đồng");
    g_assert_true (g_str_has_prefix (plan_event_get_note (last),
                                     "Ký số phụ lục 1 (tệp PDF riêng) lúc "));
    g_assert_nonnull (strstr (plan_event_get_note (last), digest));
    g_assert_false (g_strv_contains ((const char * const *) countersignable, digest));
  }

  /* Only the appendix: its first page is the appendix's, and the plan's text is not there */
  uri = g_filename_to_uri (out, NULL, NULL);
  document = poppler_document_new_from_file (uri, NULL, NULL);
  g_assert_nonnull (document);
  g_assert_cmpint (poppler_document_get_n_pages (document), <, 6);
  page = poppler_document_get_page (document, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "Phụ lục"));
  g_assert_null (strstr (text, "MỤC ĐÍCH, YÊU CẦU"));

  /* The number and symbol, and the signing time in ISO 8601 with +07:00, at the top right */
  iso = g_regex_new ("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+07:00", 0, 0, NULL);
  g_assert_true (g_regex_match (iso, text, 0, &match));
  poppler_page_get_size (page, &width, &height);
  {
    g_autofree char *when = g_match_info_fetch (match, 0);
    const char *marks[] = { "25/KH-THCS", when };

    for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
      {
        PopplerRectangle *rect;

        found = poppler_page_find_text (page, marks[m]);
        g_assert_nonnull (found);
        rect = found->data;
        g_test_message ("%s at %.1f–%.1f, %.1f–%.1f", marks[m], rect->x1, rect->x2, rect->y1,
                        rect->y2);
        /* right-aligned 10 mm from the right edge, in the top margin (from the bottom left) */
        g_assert_cmpfloat (fabs (rect->x2 - (width - 10 * 72 / 25.4)), <, 2);
        g_assert_cmpfloat (rect->x1, >, width / 2);
        g_assert_cmpfloat (height - MAX (rect->y1, rect->y2), <, 25 * 72 / 25.4);
        g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
      }
  }
  /* 10 pt, upright (not the italic reference line) */
  attributes = poppler_page_get_text_attributes (page);
  {
    const char *at = strstr (text, "25/KH-THCS");
    glong offset = g_utf8_pointer_to_offset (text, at);

    for (GList *l = attributes; l != NULL; l = l->next)
      {
        PopplerTextAttributes *attr = l->data;

        if (attr->start_index <= offset && offset <= attr->end_index)
          {
            g_test_message ("font %s %.2f", attr->font_name, attr->font_size);
            g_assert_cmpfloat (fabs (attr->font_size - 10), <, 0.01);
            g_assert_null (strstr (attr->font_name, "Italic"));
            g_assert_cmpuint (attr->color.red | attr->color.green | attr->color.blue, ==, 0);
            checked++;
          }
      }
  }
  poppler_page_free_text_attributes (attributes);
  g_assert_cmpuint (checked, ==, 1);

  /* No image: the signature's widget has no size */
  {
    double rects[2][4] = { { 0 } };

    g_assert_cmpuint (signature_rects (page, rects), ==, 1);
    g_assert_cmpfloat (rects[0][2] - rects[0][0], ==, 0);
  }

  /* An appendix the plan does not have; an unapproved plan: refused, nothing written */
  run_kehoach (&refused, "--sign-pdf", missing, "--agency", "--appendix", "2", "--p12",
               agency_p12, "--pin-file", fixture->pin, fixture->plan, NULL);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_nonnull (strstr (refused.err, "The plan has 1 appendix, not appendix 2"));
  run_kehoach (&draft, "--sign-pdf", missing, "--agency", "--appendix", "1", "--p12",
               agency_p12, "--pin-file", fixture->pin, fixture->draft, NULL);
  g_assert_cmpint (draft.status, ==, 1);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

/* ---- PAdES baseline B ---------------------------------------------------------------------- */

/* The CMS of each signature, read by openssl (an independent reader) and GnuTLS: the ESS
 * signing-certificate-v2 attribute naming the signer's certificate by its SHA-256, issuer and
 * serial, and no signing-time attribute */
static void
test_pades (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *signer_pdf = NULL;
  g_autofree char *agency_pdf = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Nguyễn Văn A", "Trường THCS Kim Đồng" };
  PlanPdfReader *reader;

  sign_both (fixture, &signer_pdf, &agency_pdf);
  {
    g_autoptr(GFile) file = g_file_new_for_path (agency_pdf);

    pdf = g_file_load_bytes (file, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  reader = plan_pdf_reader_new (pdf, &error);
  g_assert_no_error (error);
  fields = plan_pdf_reader_signatures (reader, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fields->len, ==, 2);

  for (guint i = 0; i < fields->len; i++)
    {
      PlanPdfSignatureField *field = g_ptr_array_index (fields, i);
      g_autofree char *der_path = out_path (fixture, "cms.der");
      g_autoptr(PlanCmsInfo) info = NULL;
      gnutls_pkcs7_t pkcs7 = NULL;
      gnutls_pkcs7_signature_info_st signature;
      gnutls_datum_t der, crt_der = { NULL, 0 };
      gnutls_x509_crt_t crt = NULL;
      guchar hash[32];
      gboolean found = FALSE;
      gsize size;
      g_auto(Run) print = { 0 };
      const char *argv[] = { "openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in",
                             der_path, NULL };

      g_assert_cmpstr (field->sub_filter, ==, "ETSI.CAdES.detached");
      g_assert_true (g_file_set_contents (der_path, g_bytes_get_data (field->contents, NULL),
                                          g_bytes_get_size (field->contents), NULL));
      run_argv (&print, argv);
      g_assert_cmpint (print.status, ==, 0);
      g_assert_nonnull (strstr (print.out, "id-smime-aa-signingCertificateV2"));
      g_assert_null (strstr (print.out, "signingTime"));

      /* GnuTLS: the attribute holds the SHA-256 of the signer's certificate */
      der.data = (guchar *) g_bytes_get_data (field->contents, &size);
      der.size = size;
      gnutls_pkcs7_init (&pkcs7);
      g_assert_cmpint (gnutls_pkcs7_import (pkcs7, &der, GNUTLS_X509_FMT_DER), >=, 0);
      g_assert_cmpint (gnutls_pkcs7_get_signature_info (pkcs7, 0, &signature), >=, 0);
      g_assert_cmpint (signature.signing_time, ==, (time_t) -1);
      info = plan_cms_inspect (field->contents, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (info->signer_name, ==, names[i]);
      for (guint c = 0; c < info->certificates->len; c++)
        {
          GBytes *candidate = g_ptr_array_index (info->certificates, c);
          g_autofree char *name = NULL;
          gnutls_datum_t raw = { (guchar *) g_bytes_get_data (candidate, NULL),
                                 g_bytes_get_size (candidate) };

          gnutls_x509_crt_init (&crt);
          g_assert_cmpint (gnutls_x509_crt_import (crt, &raw, GNUTLS_X509_FMT_DER), >=, 0);
          name = plan_certificate_dup_common_name (crt);
          if (g_strcmp0 (name, names[i]) == 0)
            g_assert_cmpint (gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &crt_der), >=, 0);
          gnutls_x509_crt_deinit (crt);
        }
      g_assert_nonnull (crt_der.data);
      g_assert_cmpint (gnutls_hash_fast (GNUTLS_DIG_SHA256, crt_der.data, crt_der.size, hash),
                       >=, 0);
      gnutls_free (crt_der.data);
      for (guint a = 0; !found; a++)
        {
          char *oid = NULL;
          gnutls_datum_t value = { NULL, 0 };

          if (gnutls_pkcs7_get_attr (signature.signed_attrs, a, &oid, &value, 0) < 0)
            break;
          if (g_str_equal (oid, "1.2.840.113549.1.9.16.2.47"))
            found = memmem (value.data, value.size, hash, sizeof hash) != NULL;
          gnutls_free (value.data);
        }
      g_assert_true (found);
      gnutls_pkcs7_signature_info_deinit (&signature);
      gnutls_pkcs7_deinit (pkcs7);
    }
  plan_pdf_reader_free (reader);
}

/* ---- An NSS database: --nssdir DIR --nick NAME ------------------------------------------ */

static void
test_nssdb (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *keys = pki_file ("nssdb-keys");
  g_autofree char *trusted = pki_file ("nssdb-trusted");
  g_autofree char *signer_pdf = out_path (fixture, "nss-1.pdf");
  g_autofree char *agency_pdf = out_path (fixture, "nss-2.pdf");
  g_autofree char *token_pdf = out_path (fixture, "nss-token.pdf");
  g_autofree char *refused_pdf = out_path (fixture, "nss-refused.pdf");
  g_autofree char *wrong_pin = out_path (fixture, "wrong-pin");
  g_auto(Run) signer = { 0 };
  g_auto(Run) agency = { 0 };
  g_auto(Run) check = { 0 };
  g_auto(Run) ours = { 0 };
  g_auto(Run) token = { 0 };
  g_auto(Run) token_check = { 0 };
  g_auto(Run) wrong = { 0 };
  g_auto(Run) wrong_token = { 0 };
  g_auto(Run) unknown = { 0 };
  g_auto(Run) no_dir = { 0 };
  g_auto(Run) not_db = { 0 };

  /* The signer, then the agency (which checks the signer's PDF with NSS in the same process) */
  run_kehoach (&signer, "--sign-pdf", signer_pdf, "--nssdir", keys, "--nick", "signer",
               "--pin-file", fixture->pin, "--image", fixture->signature, fixture->plan, NULL);
  g_assert_cmpint (signer.status, ==, 0);
  g_assert_nonnull (strstr (signer.out, "Signed by Nguyễn Văn A"));
  run_kehoach (&agency, "--sign-pdf", agency_pdf, "--agency", "--nssdir", keys, "--nick",
               "agency", "--pin-file", fixture->pin, "--image", fixture->seal, "--plan",
               fixture->plan, signer_pdf, NULL);
  g_assert_cmpint (agency.status, ==, 0);
  g_assert_nonnull (strstr (agency.out, "Signed by Trường THCS Kim Đồng"));

  run_pdfsig (&check, trusted, agency_pdf);
  g_assert_cmpuint (count (check.out, "Signature Validation: Signature is Valid."), ==, 2);
  g_assert_cmpuint (count (check.out, "Certificate Validation: Certificate is Trusted."), ==, 2);
  g_assert_nonnull (strstr (check.out, "Signer Certificate Common Name: Nguyễn Văn A"));
  g_assert_nonnull (strstr (check.out, "Signer Certificate Common Name: Trường THCS Kim Đồng"));
  g_assert_cmpuint (count (check.out, "Total document signed"), ==, 1);
  /* The same database gives the trust roots of --verify-pdf */
  run_kehoach (&ours, "--verify-pdf", "--nssdir", keys, agency_pdf, NULL);
  g_assert_cmpint (ours.status, ==, 0);
  g_assert_cmpuint (count (ours.out, "; trusted"), ==, 2);

  /* The SoftHSM2 token, registered in the database with modutil, by NSS's name for it */
  run_kehoach (&token, "--sign-pdf", token_pdf, "--nssdir", keys, "--nick",
               "KeHoachTest:signer", "--pin-file", fixture->pin, fixture->plan, NULL);
  g_assert_cmpint (token.status, ==, 0);
  run_pdfsig (&token_check, trusted, token_pdf);
  g_assert_nonnull (strstr (token_check.out, "Signer Certificate Common Name: Nguyễn Văn A"));
  g_assert_nonnull (strstr (token_check.out, "Signature Validation: Signature is Valid."));

  /* Refused, with a message and no file: a wrong database password, a nickname the database
   * does not have, --nick without --nssdir, a folder that is not a database */
  g_assert_true (g_file_set_contents_full (wrong_pin, "000000\n", -1,
                                           G_FILE_SET_CONTENTS_NONE, 0600, NULL));
  run_kehoach (&wrong, "--sign-pdf", refused_pdf, "--nssdir", keys, "--nick", "signer",
               "--pin-file", wrong_pin, fixture->plan, NULL);
  g_assert_cmpint (wrong.status, ==, 1);
  g_assert_nonnull (strstr (wrong.err, "Wrong password for the NSS database “"));
  run_kehoach (&wrong_token, "--sign-pdf", refused_pdf, "--nssdir", keys, "--nick",
               "KeHoachTest:signer", "--pin-file", wrong_pin, fixture->plan, NULL);
  g_assert_cmpint (wrong_token.status, ==, 1);
  g_assert_nonnull (strstr (wrong_token.err, "Wrong PIN for the token “KeHoachTest”"));
  run_kehoach (&unknown, "--sign-pdf", refused_pdf, "--nssdir", keys, "--nick", "nobody",
               "--pin-file", fixture->pin, fixture->plan, NULL);
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "No certificate “nobody” in the NSS database"));
  run_kehoach (&no_dir, "--sign-pdf", refused_pdf, "--nick", "signer", "--pin-file",
               fixture->pin, fixture->plan, NULL);
  g_assert_cmpint (no_dir.status, ==, 2);
  run_kehoach (&not_db, "--sign-pdf", refused_pdf, "--nssdir", fixture->plan, "--nick",
               "signer", "--pin-file", fixture->pin, fixture->plan, NULL);
  g_assert_cmpint (not_db.status, ==, 1);
  g_assert_nonnull (strstr (not_db.err, "is not an NSS database folder"));
  g_assert_false (g_file_test (refused_pdf, G_FILE_TEST_EXISTS));
}

static GBytes *
hand_made_pdf (gboolean xref_stream)
{
  const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /DA (/Helv 0 Tf 0 g) >> >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
      "/Annots [5 0 R] /Resources << >> >>",
    "<< /Length 25 >>\nstream\n0 0 1 rg 10 10 50 50 re f\nendstream",
    "<< /Type /Annot /Subtype /Text /Rect [100 100 120 120] /Contents (note) >>",
  };
  GString *pdf = g_string_new ("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  if (xref_stream)
    g_string_append (pdf, "6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 1] /Root 1 0 R /Length 0 >>\n"
                          "stream\n\nendstream\nendobj\n");
  else
    {
      g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f\r\n",
                              (guint) G_N_ELEMENTS (objects) + 1);
      for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
        g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n\r\n", offsets[i]);
      g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\n",
                              (guint) G_N_ELEMENTS (objects) + 1);
    }
  g_string_append_printf (pdf, "startxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);

  return g_string_free_to_bytes (pdf);
}

static void
test_other_producers (void)
{
  g_autofree char *p12 = pki_file ("signer.p12");
  g_autofree char *agency_p12 = pki_file ("agency.p12");
  g_autofree char *dir = g_dir_make_tmp ("kehoach-sign-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "other.pdf", NULL);
  g_autofree char *trusted = pki_file ("nssdb-trusted");
  g_autoptr(PlanSignerCredentials) signer = NULL;
  g_autoptr(PlanSignerCredentials) agency = NULL;
  g_autoptr(GDateTime) now = plan_sign_pdf_now ();
  g_autoptr(GBytes) original = hand_made_pdf (FALSE);
  g_autoptr(GBytes) with_stream = hand_made_pdf (TRUE);
  g_autoptr(GBytes) once = NULL;
  g_autoptr(GBytes) twice = NULL;
  g_autoptr(GBytes) refused = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) check = { 0 };
  PlanPdfSignatureRequest request = { 0, { 300, 300, 400, 350 }, NULL, "Nguyễn Văn A",
                                      "Kiểm thử", now };

  signer = plan_signer_credentials_new_from_p12 (p12, "123456", &error);
  g_assert_no_error (error);
  agency = plan_signer_credentials_new_from_p12 (agency_p12, "123456", &error);
  g_assert_no_error (error);

  once = plan_pdf_add_signature (original, &request, signer, &error);
  g_assert_no_error (error);
  /* the original bytes are kept as they were */
  g_assert_cmpint (memcmp (g_bytes_get_data (once, NULL), g_bytes_get_data (original, NULL),
                           g_bytes_get_size (original)), ==, 0);
  request.name = "Trường THCS Kim Đồng";
  twice = plan_pdf_add_signature (once, &request, agency, &error);
  g_assert_no_error (error);

  signatures = plan_pdf_verify (twice, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (signatures->len, ==, 2);
  g_assert_true (plan_pdf_verify_all_intact (signatures));
  g_assert_cmpstr (((PlanPdfSignatureInfo *) g_ptr_array_index (signatures, 0))->signer_name, ==,
                   "Nguyễn Văn A");

  /* pdfsig agrees; poppler still sees the text annotation next to the two widgets */
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (twice, NULL),
                                      g_bytes_get_size (twice), NULL));
  run_pdfsig (&check, trusted, path);
  g_assert_cmpuint (count (check.out, "Signature is Valid."), ==, 2);
  {
    g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
    PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
    PopplerPage *page;
    GList *annots;

    g_assert_no_error (error);
    page = poppler_document_get_page (document, 0);
    annots = poppler_page_get_annot_mapping (page);
    g_assert_cmpuint (g_list_length (annots), ==, 3);
    poppler_page_free_annot_mapping (annots);
    g_object_unref (page);
    g_object_unref (document);
  }

  /* cross-reference streams are refused, with a message */
  refused = plan_pdf_add_signature (with_stream, &request, signer, &error);
  g_assert_null (refused);
  g_assert_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_UNSUPPORTED_PDF);

  at_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  at_init (&argc, &argv);
  exe_path = argc > 1 ? argv[1] : NULL;

  {
    g_autoptr(GError) error = NULL;

    pki = pki_test_make (&error);
    if (pki == NULL && g_error_matches (error, G_SPAWN_ERROR, G_SPAWN_ERROR_NOENT))
      {
        g_test_skip (error->message);
        return g_test_run ();
      }
    g_assert_no_error (error);
  }

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/signing/principal-then-agency", test_principal_then_agency);
  ADD ("/signing/history", test_history);
  ADD ("/signing/token", test_token);
  ADD ("/signing/changed-byte", test_changed_byte);
  ADD ("/signing/refusals", test_refusals);
  ADD ("/signing/images", test_images);
  ADD ("/signing/appendix", test_appendix);
  ADD ("/signing/nssdb", test_nssdb);
  ADD ("/signing/pades", test_pades);
#undef ADD
  g_test_add_func ("/signing/other-producers", test_other_producers);

  status = g_test_run ();
  at_remove_dir (pki);
  g_free (pki);
  return status;
}
