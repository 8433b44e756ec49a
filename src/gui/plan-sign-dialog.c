/* plan-sign-dialog.c: "Sign the PDF" (Ký số) and the agency's "Add the Agency's Signature"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "plan-json.h"
#include "plan-pdf-verify.h"
#include "plan-sign-dialog.h"
#include "plan-sign-pdf.h"
#include "plan-signature-image-group.h"
#include "plan-signer-credentials.h"
#include "plan-signer-nss.h"
#include "plan-signer-tokens.h"
#include "plan-editor-util.h"

struct _PlanSignDialog {
  AdwWindow        parent_instance;

  gboolean         agency;      /* the clerk adds the agency's signature to the signed PDF */
  gboolean         appendix;    /* the clerk issues an appendix as a separate file */
  GFile           *plan_file;   /* appendix: the plan's file, to name the PDF beside it */
  PlanDocument    *document;
  PlanTrustStore  *trust;
  GFile           *suggested;
  GFile           *output;
  GFile           *input;       /* agency: the PDF the signer signed */
  GFile           *p12;
  GFile           *image;
  GPtrArray       *tokens;      /* PlanSignerToken, the first entries of the combo row */

  GtkWidget       *certificate_group;
  GtkWidget       *image_group;
  GtkWidget       *input_group;
  GtkWidget       *appendix_group;
  AdwComboRow     *appendix_row;
  AdwActionRow    *input_row;
  AdwComboRow     *certificate_row;
  AdwActionRow    *file_row;
  AdwEntryRow     *pin_row;
  AdwActionRow    *image_row;
  GtkLabel        *error_label;
  GtkWidget       *sign_button;
};

G_DEFINE_FINAL_TYPE (PlanSignDialog, plan_sign_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_SIGNED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Điều 15.2: the clerk numbers and dates the plan before it is signed and issued */
static gboolean
numbered_and_dated (PlanDocument *document)
{
  guint year, month, day;

  if (document == NULL)
    return FALSE;
  plan_document_get_date (document, &year, &month, &day);
  return plan_document_get_number (document) > 0 && year > 0 && month > 0 && day > 0;
}

static gboolean
file_chosen (PlanSignDialog *self)
{
  return adw_combo_row_get_selected (self->certificate_row) == self->tokens->len;
}

static void
update (PlanSignDialog *self)
{
  gboolean from_file = file_chosen (self);
  const char *pin = gtk_editable_get_text (GTK_EDITABLE (self->pin_row));

  gtk_widget_set_visible (GTK_WIDGET (self->file_row), from_file);
  gtk_widget_set_sensitive (self->sign_button,
                            pin[0] != '\0' && (!from_file || self->p12 != NULL) &&
                            (!self->agency || self->appendix || self->input != NULL) &&
                            ((self->agency && !self->appendix) ||
                             numbered_and_dated (self->document)));
}

static void
show_error (PlanSignDialog *self,
            const char     *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The PDF the signer signed for this plan's current issue, with only that signature */
static GBytes *
read_signer_pdf (PlanSignDialog  *self,
                 GError         **error)
{
  g_autoptr(GBytes) pdf = g_file_load_bytes (self->input, NULL, NULL, error);
  g_auto(GStrv) digests = NULL;
  g_autofree char *digest = NULL;
  g_autoptr(GPtrArray) signatures = NULL;

  if (pdf == NULL)
    return NULL;

  digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, pdf);
  digests = plan_sign_pdf_dup_signed_digests (self->document);
  if (!g_strv_contains ((const char * const *) digests, digest))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This PDF is not the one signed for this plan with its current "
                             "number and date: choose the PDF the person with authority signed"));
      return NULL;
    }

  signatures = plan_pdf_verify (pdf, error);
  if (signatures == NULL)
    return NULL;
  if (signatures->len > 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("This PDF already carries the agency’s signature"));
      return NULL;
    }
  return g_steal_pointer (&pdf);
}

static void
sign_to (PlanSignDialog *self,
         GFile          *output)
{
  g_autoptr(PlanSignerCredentials) credentials = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pin = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->pin_row)));
  g_autofree char *image = self->image != NULL ? g_file_get_path (self->image) : NULL;

  /* The PIN leaves the entry now and is overwritten once used */
  gtk_editable_set_text (GTK_EDITABLE (self->pin_row), "");

  if (file_chosen (self))
    {
      g_autofree char *path = g_file_get_path (self->p12);

      credentials = plan_signer_credentials_new_from_p12 (path, pin, &error);
    }
  else
    {
      PlanSignerToken *token = g_ptr_array_index (self->tokens,
                                                  adw_combo_row_get_selected (self->certificate_row));

      if (token->nss_dir != NULL)
        credentials = plan_signer_credentials_new_from_nss_url (token->nss_dir, token->url, pin,
                                                                &error);
      else
        credentials = plan_signer_credentials_new_from_pkcs11 (token->url, pin, &error);
    }
  explicit_bzero (pin, strlen (pin));

  now = plan_sign_pdf_now ();
  if (credentials != NULL && self->appendix)
    pdf = plan_sign_pdf_appendix (self->document, self->trust, credentials,
                                  adw_combo_row_get_selected (self->appendix_row), now, &error);
  else if (credentials != NULL && self->agency)
    {
      g_autoptr(GBytes) signer_pdf = read_signer_pdf (self, &error);

      if (signer_pdf != NULL)
        pdf = plan_sign_pdf_as_agency (signer_pdf, credentials, image, now, &error);
    }
  else if (credentials != NULL)
    pdf = plan_sign_pdf_as_signer (self->document, self->trust, credentials, image, now, &error);
  if (pdf != NULL &&
      !plan_json_replace_file (output, pdf, NULL, NULL, NULL, &error))
    g_clear_pointer (&pdf, g_bytes_unref);

  if (pdf == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->pin_row));
      return;
    }

  /* The signer signs in the title the plan prints; the agency is named by its certificate */
  if (self->appendix)
    plan_sign_pdf_record_appendix (self->document, credentials,
                                   adw_combo_row_get_selected (self->appendix_row), now, pdf);
  else
    plan_sign_pdf_record (self->document, credentials,
                          self->agency ? "" : plan_document_get_signer_title (self->document),
                          now, pdf);
  g_signal_emit (self, signals[SIGNAL_SIGNED], 0, output);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
output_chosen_cb (GtkNativeDialog *native,
                  int              response,
                  PlanSignDialog  *self)
{
  g_autoptr(GFile) file = NULL;

  file = plan_editor_finish_file_chooser (GTK_NATIVE_DIALOG (native), response);

  if (file != NULL)
    sign_to (self, file);
}

/* Appendix N's PDF beside the plan: PLAN-phu-luc-N-issued.pdf */
static GFile *
suggested_appendix_file (PlanSignDialog *self)
{
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;
  char *dot;

  if (self->plan_file == NULL)
    return NULL;
  basename = g_file_get_basename (self->plan_file);
  parent = g_file_get_parent (self->plan_file);
  dot = strstr (basename, ".kehoach.json");
  if (dot != NULL)
    *dot = '\0';
  /* Translators: the suggested file name of an appendix issued as a separate PDF; %s is the
   * plan's file name, %u the appendix's number */
  name = g_strdup_printf (_("%s-phu-luc-%u-issued.pdf"), basename,
                          adw_combo_row_get_selected (self->appendix_row) + 1);
  return g_file_get_child (parent, name);
}

static void
sign_clicked_cb (PlanSignDialog *self)
{
  GtkFileChooserNative *native;

  show_error (self, NULL);
  if (self->output != NULL)
    {
      sign_to (self, self->output);
      return;
    }

  native = gtk_file_chooser_native_new (_("Save the Signed PDF"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (self->appendix)
    {
      g_clear_object (&self->suggested);
      self->suggested = suggested_appendix_file (self);
    }
  if (self->suggested != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (native), self->suggested, NULL);
  g_signal_connect (native, "response", G_CALLBACK (output_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

typedef enum { CHOSEN_P12, CHOSEN_IMAGE, CHOSEN_INPUT } ChosenFile;

static void
set_file (PlanSignDialog *self,
          ChosenFile      kind,
          GFile          *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *display = g_filename_display_name (name);

  switch (kind)
    {
    case CHOSEN_IMAGE:
      g_set_object (&self->image, file);
      adw_action_row_set_subtitle (self->image_row, display);
      if (self->agency)
        {
          /* The seal is the agency's: the clerk chooses it once */
          g_autoptr(GSettings) settings = g_settings_new (APP_ID);
          g_autofree char *path = g_file_get_path (file);

          g_settings_set_string (settings, "seal-image", path != NULL ? path : "");
        }
      break;
    case CHOSEN_INPUT:
      show_error (self, NULL);
      g_set_object (&self->input, file);
      adw_action_row_set_subtitle (self->input_row, display);
      break;
    case CHOSEN_P12:
    default:
      g_set_object (&self->p12, file);
      adw_action_row_set_subtitle (self->file_row, display);
      break;
    }
  update (self);
}

static void
open_chosen_cb (GtkNativeDialog *native,
                int              response,
                PlanSignDialog  *self)
{
  ChosenFile kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "plan-kind"));
  g_autoptr(GFile) file = NULL;

  file = plan_editor_finish_file_chooser (GTK_NATIVE_DIALOG (native), response);
  if (file == NULL)
    return;

  set_file (self, kind, file);
}

static void
choose_file (PlanSignDialog *self,
             ChosenFile      kind)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;
  const char *title;

  if (kind == CHOSEN_IMAGE)
    title = self->agency ? _("Choose the Seal Image") : _("Choose the Signature Image");
  else if (kind == CHOSEN_INPUT)
    title = _("Choose the Signed PDF");
  else
    title = _("Choose the Certificate File");
  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (kind == CHOSEN_INPUT)
    {
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
    }
  else if (kind == CHOSEN_IMAGE)
    {
      gtk_file_filter_set_name (filter, _("PNG Images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("Certificate Files (.p12, .pfx)"));
      gtk_file_filter_add_pattern (filter, "*.p12");
      gtk_file_filter_add_pattern (filter, "*.pfx");
      gtk_file_filter_add_pattern (filter, "*.P12");
      gtk_file_filter_add_pattern (filter, "*.PFX");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_set_data (G_OBJECT (native), "plan-kind", GINT_TO_POINTER (kind));
  g_signal_connect (native, "response", G_CALLBACK (open_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
choose_p12_cb (PlanSignDialog *self)
{
  choose_file (self, CHOSEN_P12);
}

static void
choose_image_cb (PlanSignDialog *self)
{
  choose_file (self, CHOSEN_IMAGE);
}

static void
choose_input_cb (PlanSignDialog *self)
{
  choose_file (self, CHOSEN_INPUT);
}

static GtkWidget *
choose_button (PlanSignDialog *self,
               GCallback       callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Choose…"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", callback, self);
  return button;
}

/* The certificates in the drop-down list, whole (the same name may come from a token and from
 * the NSS database, and only the end of the label tells them apart), the chosen one ticked */
static void
certificate_item_setup_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
certificate_item_update_check (GtkListItem *item,
                               AdwComboRow *row)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, gtk_list_item_get_position (item) ==
                                 adw_combo_row_get_selected (row) ? 1 : 0);
}

static void
certificate_item_selected_cb (AdwComboRow *row,
                              GParamSpec  *pspec,
                              GtkListItem *item)
{
  certificate_item_update_check (item, row);
}

static void
certificate_item_bind_cb (GtkSignalListItemFactory *factory,
                          GtkListItem              *item,
                          AdwComboRow              *row)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
  certificate_item_update_check (item, row);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (certificate_item_selected_cb),
                           item, 0);
}

static void
certificate_item_unbind_cb (GtkSignalListItemFactory *factory,
                            GtkListItem              *item,
                            AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, certificate_item_selected_cb, item);
}

static void
plan_sign_dialog_dispose (GObject *object)
{
  PlanSignDialog *self = PLAN_SIGN_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->trust);
  g_clear_object (&self->suggested);
  g_clear_object (&self->output);
  g_clear_object (&self->input);
  g_clear_object (&self->plan_file);
  g_clear_object (&self->p12);
  g_clear_object (&self->image);
  g_clear_pointer (&self->tokens, g_ptr_array_unref);

  G_OBJECT_CLASS (plan_sign_dialog_parent_class)->dispose (object);
}

static void
plan_sign_dialog_class_init (PlanSignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plan_sign_dialog_dispose;

  signals[SIGNAL_SIGNED] = g_signal_new ("signed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
plan_sign_dialog_init (PlanSignDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *certificate_group = adw_preferences_group_new ();
  GtkWidget *image_group = adw_preferences_group_new ();
  GtkWidget *input_group = adw_preferences_group_new ();
  GtkWidget *appendix_group = adw_preferences_group_new ();
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Sign the PDF"));
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 480);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->sign_button = gtk_button_new_with_mnemonic (_("_Sign"));
  gtk_widget_add_css_class (self->sign_button, "suggested-action");
  g_signal_connect_swapped (self->sign_button, "clicked", G_CALLBACK (sign_clicked_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), self);
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->sign_button);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->error_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->error_label));

  /* The agency's step: the PDF the signer signed */
  self->input_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->input_row), _("Signed PDF"));
  adw_action_row_set_subtitle (self->input_row, _("None chosen"));
  adw_action_row_add_suffix (self->input_row, choose_button (self, G_CALLBACK (choose_input_cb)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (input_group), GTK_WIDGET (self->input_row));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (input_group),
                                   _("The Signer’s PDF"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (input_group),
    _("The PDF the person with authority signed for this plan. The agency’s signature is "
      "added to it as a new revision: the first signature stays valid."));
  gtk_widget_set_visible (input_group, FALSE);

  /* The appendix issued as a separate file */
  self->appendix_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->appendix_row), _("Appendix"));
  /* The appendix titles are long: shown in full under the row title */
  adw_combo_row_set_use_subtitle (self->appendix_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (appendix_group),
                             GTK_WIDGET (self->appendix_row));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (appendix_group),
                                   _("Appendix Sent as a Separate File"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (appendix_group),
    _("The appendix alone, in a PDF of its own, with the agency’s digital signature and no "
      "image; its number and symbol and the signing time are printed at the top right of its "
      "first page."));
  gtk_widget_set_visible (appendix_group, FALSE);

  self->input_group = input_group;
  self->appendix_group = appendix_group;
  self->certificate_group = certificate_group;
  self->image_group = image_group;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (certificate_group), _("Certificate"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (certificate_group),
    _("The plan is exported without the “DỰ THẢO” watermark and signed with your digital "
      "signature certificate. The PIN is used once and never kept."));

  /* The certificates on the tokens plugged in, those of the user's NSS database (the one this
   * process verifies with; Chrome's, where CAs' installers register their tokens), then "a
   * file". NSS first: a module registered both with p11-kit and in the database shows NSS its
   * tokens only when NSS initialises it first (p11-kit then shares it; the other way round,
   * NSS leaves it out). */
  {
    g_autoptr(GError) nss_error = NULL;
    g_autoptr(GPtrArray) from_nss = plan_signer_nss_list (NULL, &nss_error);

    if (from_nss == NULL)
      g_debug ("No NSS database list: %s", nss_error->message);
    self->tokens = plan_signer_tokens_list (&error);
    if (self->tokens == NULL)
      {
        g_debug ("No token list: %s", error->message);
        self->tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_signer_token_free);
      }
    if (from_nss != NULL)
      plan_signer_tokens_add_nss (self->tokens, from_nss);
  }
  for (guint i = 0; i < self->tokens->len; i++)
    gtk_string_list_append (labels, ((PlanSignerToken *) g_ptr_array_index (self->tokens, i))->label);
  gtk_string_list_append (labels, _("From a certificate file (.p12)"));

  self->certificate_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->certificate_row), _("Certificate"));
  adw_combo_row_set_model (self->certificate_row, G_LIST_MODEL (labels));
  /* Shown in full under the title and in the list: where the certificate comes from ends the
   * label */
  adw_combo_row_set_use_subtitle (self->certificate_row, TRUE);
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

    g_signal_connect (factory, "setup", G_CALLBACK (certificate_item_setup_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (certificate_item_bind_cb),
                      self->certificate_row);
    g_signal_connect (factory, "unbind", G_CALLBACK (certificate_item_unbind_cb),
                      self->certificate_row);
    adw_combo_row_set_list_factory (self->certificate_row, factory);
  }
  g_signal_connect_swapped (self->certificate_row, "notify::selected", G_CALLBACK (update), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (certificate_group),
                             GTK_WIDGET (self->certificate_row));

  self->file_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), _("Certificate file"));
  adw_action_row_set_subtitle (self->file_row, _("None chosen"));
  adw_action_row_add_suffix (self->file_row, choose_button (self, G_CALLBACK (choose_p12_cb)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (certificate_group), GTK_WIDGET (self->file_row));

  self->pin_row = ADW_ENTRY_ROW (adw_password_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pin_row), _("PIN or password"));
  g_signal_connect_swapped (self->pin_row, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->pin_row, "entry-activated", G_CALLBACK (sign_clicked_cb), self);
  adw_entry_row_set_activates_default (self->pin_row, FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (certificate_group), GTK_WIDGET (self->pin_row));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (image_group), _("Signature Image"));
  self->image_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->image_row), _("Image"));
  adw_action_row_set_subtitle (self->image_row,
                               _("None: a transparent PNG of your signature goes between the "
                                 "title and the name"));
  adw_action_row_add_suffix (self->image_row, choose_button (self, G_CALLBACK (choose_image_cb)));
  /* The image chosen once in Preferences */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);

    self->image = plan_signature_image_dup_file (settings);
    if (self->image != NULL)
      {
        g_autofree char *basename = g_file_get_basename (self->image);
        g_autofree char *name = g_filename_display_name (basename);

        adw_action_row_set_subtitle (self->image_row, name);
      }
  }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (image_group), GTK_WIDGET (self->image_row));

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (input_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (appendix_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (certificate_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (image_group));
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (toolbar), page);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  update (self);
}

PlanSignDialog *
plan_sign_dialog_new (GtkWindow      *parent,
                      PlanDocument   *document,
                      PlanTrustStore *trust,
                      GFile          *suggested)
{
  PlanSignDialog *self = g_object_new (PLAN_TYPE_SIGN_DIALOG, "transient-for", parent, NULL);

  self->document = g_object_ref (document);
  self->trust = trust != NULL ? g_object_ref (trust) : NULL;
  self->suggested = suggested != NULL ? g_object_ref (suggested) : NULL;
  if (!numbered_and_dated (document))
    show_error (self, _("The clerk fills in the plan’s number and date before it is signed "
                        "and issued (General Information → Number and Date)."));
  update (self);
  return self;
}

PlanSignDialog *
plan_sign_dialog_new_for_agency (GtkWindow    *parent,
                                 PlanDocument *document,
                                 GFile        *signed_pdf,
                                 GFile        *suggested)
{
  PlanSignDialog *self = g_object_new (PLAN_TYPE_SIGN_DIALOG, "transient-for", parent, NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *seal = g_settings_get_string (settings, "seal-image");

  self->agency = TRUE;
  self->document = g_object_ref (document);
  self->suggested = suggested != NULL ? g_object_ref (suggested) : NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Add the Agency’s Signature"));
  gtk_widget_set_visible (self->input_group, TRUE);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->certificate_group),
    _("The agency’s digital signature certificate, kept by the clerk (văn thư). The PIN is "
      "used once and never kept."));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->image_group), _("Seal"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->image_row), _("Seal image"));

  /* The seal chosen last time, else none (not the signer's image from Preferences) */
  g_clear_object (&self->image);
  adw_action_row_set_subtitle (self->image_row,
                               _("None: a transparent PNG of the seal (red, at its real size) "
                                 "goes over the left third of the signature image"));
  if (seal[0] != '\0' && g_file_test (seal, G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (seal);

      set_file (self, CHOSEN_IMAGE, file);
    }
  if (signed_pdf != NULL)
    set_file (self, CHOSEN_INPUT, signed_pdf);

  update (self);
  return self;
}

PlanSignDialog *
plan_sign_dialog_new_for_appendix (GtkWindow      *parent,
                                   PlanDocument   *document,
                                   PlanTrustStore *trust,
                                   GFile          *plan_file)
{
  PlanSignDialog *self = g_object_new (PLAN_TYPE_SIGN_DIALOG, "transient-for", parent, NULL);
  GListModel *appendices = plan_document_get_appendices (document);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  self->agency = TRUE;
  self->appendix = TRUE;
  self->document = g_object_ref (document);
  self->trust = trust != NULL ? g_object_ref (trust) : NULL;
  self->plan_file = plan_file != NULL ? g_object_ref (plan_file) : NULL;

  /* "Phụ lục II — Danh sách giáo viên", as the plan prints them */
  for (guint i = 0; i < g_list_model_get_n_items (appendices); i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);
      g_autofree char *label = plan_document_dup_appendix_label (document, appendix);
      const char *title = plan_appendix_get_title (appendix);
      g_autofree char *text = NULL;

      if (label == NULL)
        /* Translators: an appendix without a printed label; %u is its number */
        label = g_strdup_printf (_("Appendix %u"), i + 1);
      text = title != NULL && title[0] != '\0' ? g_strdup_printf ("%s — %s", label, title)
                                               : g_steal_pointer (&label);
      gtk_string_list_append (labels, text);
    }
  adw_combo_row_set_model (self->appendix_row, G_LIST_MODEL (labels));

  gtk_window_set_title (GTK_WINDOW (self), _("Issue an Appendix as a Separate File"));
  gtk_widget_set_visible (self->appendix_group, TRUE);
  gtk_widget_set_visible (self->image_group, FALSE);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->certificate_group),
    _("The agency’s digital signature certificate, kept by the clerk (văn thư). The PIN is "
      "used once and never kept."));
  g_clear_object (&self->image);
  if (!numbered_and_dated (document))
    show_error (self, _("The clerk fills in the plan’s number and date before it is signed "
                        "and issued (General Information → Number and Date)."));

  update (self);
  return self;
}

void
plan_sign_dialog_set_appendix (PlanSignDialog *self,
                               guint           index)
{
  g_return_if_fail (PLAN_IS_SIGN_DIALOG (self));

  adw_combo_row_set_selected (self->appendix_row, index);
}

void
plan_sign_dialog_set_input_file (PlanSignDialog *self,
                                 GFile          *file)
{
  g_return_if_fail (PLAN_IS_SIGN_DIALOG (self));

  set_file (self, CHOSEN_INPUT, file);
}

void
plan_sign_dialog_set_image_file (PlanSignDialog *self,
                                 GFile          *file)
{
  g_return_if_fail (PLAN_IS_SIGN_DIALOG (self));

  set_file (self, CHOSEN_IMAGE, file);
}

void
plan_sign_dialog_set_certificate_file (PlanSignDialog *self,
                                       GFile          *file)
{
  g_return_if_fail (PLAN_IS_SIGN_DIALOG (self));

  adw_combo_row_set_selected (self->certificate_row, self->tokens->len);
  set_file (self, CHOSEN_P12, file);
}

void
plan_sign_dialog_set_output_file (PlanSignDialog *self,
                                  GFile          *file)
{
  g_return_if_fail (PLAN_IS_SIGN_DIALOG (self));

  g_set_object (&self->output, file);
}
