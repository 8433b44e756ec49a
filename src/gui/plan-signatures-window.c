/* plan-signatures-window.c: "Check a Signed PDF" (Kiểm tra chữ ký số)
 *
 * One summary line for the whole file, then each signature in the order it was added: who
 * signed, their organisation, when, whether what it signed is unchanged, how much of the file
 * it covers, and whether its certificate comes from an authority this computer trusts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-pdf-verify.h"
#include "plan-signatures-window.h"

struct _PlanSignaturesWindow {
  AdwWindow  parent_instance;

  GtkWidget *title;
  GtkWidget *page;        /* AdwPreferencesPage */
};

G_DEFINE_FINAL_TYPE (PlanSignaturesWindow, plan_signatures_window, ADW_TYPE_WINDOW)

static GtkWidget *
status_icon (gboolean good)
{
  GtkWidget *icon = gtk_image_new_from_icon_name (good ? "emblem-ok-symbolic"
                                                       : "dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, good ? "success" : "error");
  return icon;
}

static void
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *text,
         int                  good)   /* 1 good, 0 bad, -1 no icon */
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (good >= 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_icon (good));
  adw_preferences_group_add (group, row);
}

static char *
describe_certificate (PlanPdfSignatureInfo *info,
                      gboolean             *good)
{
  const char *issuer = info->issuer_name[0] != '\0' ? info->issuer_name : info->issuer;

  *good = info->certificate_status == POPPLER_CERTIFICATE_TRUSTED;
  switch (info->certificate_status)
    {
    case POPPLER_CERTIFICATE_TRUSTED:
      /* Translators: %s is the certification authority that issued the certificate */
      return g_strdup_printf (_("Trusted: issued by %s, a certification authority this "
                                "computer trusts"), issuer);
    case POPPLER_CERTIFICATE_UNTRUSTED_ISSUER:
    case POPPLER_CERTIFICATE_UNKNOWN_ISSUER:
      /* Translators: %s is the certification authority that issued the certificate */
      return g_strdup_printf (_("Not confirmed: issued by %s, which this computer does not "
                                "know as trusted. Install that authority’s root certificate "
                                "to confirm it."), issuer);
    case POPPLER_CERTIFICATE_EXPIRED:
      /* Translators: %s is the certification authority that issued the certificate */
      return g_strdup_printf (_("Expired: the certificate issued by %s is no longer valid"),
                              issuer);
    case POPPLER_CERTIFICATE_REVOKED:
      /* Translators: %s is the certification authority that issued the certificate */
      return g_strdup_printf (_("Revoked: %s has withdrawn this certificate"), issuer);
    case POPPLER_CERTIFICATE_NOT_VERIFIED:
    case POPPLER_CERTIFICATE_GENERIC_ERROR:
    default:
      /* Translators: %s is the certification authority that issued the certificate */
      return g_strdup_printf (_("Could not be checked (issued by %s)"), issuer);
    }
}

static void
add_signature (PlanSignaturesWindow *self,
               guint                 index,
               PlanPdfSignatureInfo *info)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *heading = NULL;
  g_autofree char *when = NULL;
  g_autofree char *certificate = NULL;
  gboolean valid = info->signature_status == POPPLER_SIGNATURE_VALID;
  gboolean trusted;
  const char *name = info->signer_name[0] != '\0' ? info->signer_name : _("Unknown signer");

  /* Translators: a heading: the signature's number in the file and the signer's name */
  heading = g_strdup_printf (_("Signature %u: %s"), index + 1, name);
  adw_preferences_group_set_title (group, heading);

  add_row (group, _("Signed by"), name, -1);
  add_row (group, _("Organisation"),
           info->organization[0] != '\0' ? info->organization : _("Not given in the certificate"),
           -1);

  if (info->time != NULL)
    {
      /* In Vietnam's time zone, as the decree writes the signing time */
      g_autoptr(GTimeZone) vietnam = g_time_zone_new_identifier ("+07:00");
      g_autoptr(GDateTime) local = g_date_time_to_timezone (info->time, vietnam);

      /* Translators: the signing time, as strftime: "05/12/2026 at 13:31:49 (UTC+07:00)" */
      when = g_date_time_format (local, _("%d/%m/%Y at %H:%M:%S (UTC%:z)"));
    }
  add_row (group, _("Signed at"), when != NULL ? when : _("Not recorded"), -1);

  if (valid)
    add_row (group, _("Signature"),
             _("Valid: what it signed has not been changed since"), TRUE);
  else if (info->signature_status == POPPLER_SIGNATURE_INVALID ||
           info->signature_status == POPPLER_SIGNATURE_DIGEST_MISMATCH)
    add_row (group, _("Signature"),
             _("Not valid: the document was changed after it was signed"), FALSE);
  else
    add_row (group, _("Signature"),
             _("Not valid: the signature is damaged and cannot be checked"), FALSE);

  if (info->covers_whole_file)
    add_row (group, _("Covers"), _("The whole document"), TRUE);
  else if (info->covers_revision)
    add_row (group, _("Covers"),
             _("The document as it was when signed; what comes after it was added later "
               "(such as a later signature)"), TRUE);
  else
    add_row (group, _("Covers"), _("Only part of the document"), FALSE);

  certificate = describe_certificate (info, &trusted);
  add_row (group, _("Certificate"), certificate, trusted);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), group);
}

static void
add_summary (PlanSignaturesWindow *self,
             const char           *text,
             gboolean              good)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *icon = status_icon (good);

  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  adw_preferences_group_add (group, box);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), group);
}

static void
check (PlanSignaturesWindow *self,
       GFile                *file)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(GError) error = NULL;
  gboolean all_trusted = TRUE;

  pdf = g_file_load_bytes (file, NULL, NULL, &error);
  if (pdf != NULL)
    signatures = plan_pdf_verify (pdf, &error);
  if (signatures == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The signatures cannot be read: %s"),
                                               error->message);

      add_summary (self, text, FALSE);
      return;
    }
  if (signatures->len == 0)
    {
      add_summary (self, _("This PDF carries no digital signature."), FALSE);
      return;
    }

  for (guint i = 0; i < signatures->len; i++)
    all_trusted &= ((PlanPdfSignatureInfo *) g_ptr_array_index (signatures, i))->certificate_status
                   == POPPLER_CERTIFICATE_TRUSTED;

  if (!plan_pdf_verify_all_intact (signatures))
    add_summary (self, _("Do not rely on this document: it was changed after it was signed, "
                         "or a signature is not valid."), FALSE);
  else if (!all_trusted)
    add_summary (self, _("The document is unchanged since it was signed, but not every "
                         "certificate could be confirmed as trusted on this computer."), FALSE);
  else
    add_summary (self, _("The document is unchanged since it was signed, and every signature "
                         "is valid and trusted."), TRUE);

  for (guint i = 0; i < signatures->len; i++)
    add_signature (self, i, g_ptr_array_index (signatures, i));
}

static void
plan_signatures_window_class_init (PlanSignaturesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plan_signatures_window_init (PlanSignaturesWindow *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  gtk_window_set_title (GTK_WINDOW (self), _("Digital Signatures"));
  self->title = adw_window_title_new (_("Digital Signatures"), NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->title);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (self->page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), self->page);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

GtkWidget *
plan_signatures_window_new (GtkWindow *parent,
                            GFile     *pdf)
{
  PlanSignaturesWindow *self = g_object_new (PLAN_TYPE_SIGNATURES_WINDOW,
                                             "transient-for", parent, NULL);
  g_autofree char *basename = g_file_get_basename (pdf);
  g_autofree char *name = g_filename_display_name (basename);

  adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->title), name);
  check (self, pdf);
  return GTK_WIDGET (self);
}
