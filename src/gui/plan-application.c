/* plan-application.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-application-private.h"
#include "plan-docx-import.h"
#include "plan-fonts.h"
#include "plan-json.h"
#include "plan-json-async.h"
#include "plan-signatures-window.h"
#include "plan-window-private.h"

G_DEFINE_FINAL_TYPE (PlanApplication, plan_application, ADW_TYPE_APPLICATION)

static PlanWindow *
find_window_for_file (PlanApplication *self,
                      GFile           *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (PLAN_IS_WINDOW (l->data)
          && plan_window_get_file (l->data) != NULL
          && g_file_equal (plan_window_get_file (l->data), file))
        return l->data;
    }

  return NULL;
}

static void
plan_application_activate (GApplication *application)
{
  PlanApplication *self = PLAN_APPLICATION (application);
  PlanWindow *window = plan_window_new (GTK_APPLICATION (self), NULL);

  gtk_window_present (GTK_WINDOW (window));
  _plan_application_offer_recovery (self, GTK_WINDOW (window));
}

static void
plan_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  PlanApplication *self = PLAN_APPLICATION (application);

  GtkWindow *window;

  for (int i = 0; i < n_files; i++)
    plan_application_open_file (self, files[i], NULL);

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    _plan_application_offer_recovery (self, window);
}

static void
plan_application_startup (GApplication *application)
{
  PlanApplication *self = PLAN_APPLICATION (application);

  /* The pages' fonts are looked up on the other core while GTK starts. */
  plan_fonts_prepare ();
  G_APPLICATION_CLASS (plan_application_parent_class)->startup (application);

  _plan_application_actions_init (self);
}

static void
plan_application_dispose (GObject *object)
{
  PlanApplication *self = (PlanApplication *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plan_application_parent_class)->dispose (object);
}

static void
plan_application_class_init (PlanApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = plan_application_dispose;

  application_class->activate = plan_application_activate;
  application_class->open = plan_application_open;
  application_class->startup = plan_application_startup;
}

static void
plan_application_init (PlanApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

PlanApplication *
plan_application_new (void)
{
  return g_object_new (PLAN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/kehoach/KeHoach",
                       NULL);
}

GSettings *
plan_application_get_settings (PlanApplication *self)
{
  g_return_val_if_fail (PLAN_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* Fills a blank @document from the preferences; nothing to undo, not modified. */
static void
apply_defaults (PlanApplication *self,
                PlanDocument    *document)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *parent_agency = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *abbrev = NULL;
  g_autofree char *place = NULL;
  g_autofree char *authority = NULL;
  g_autofree char *signer_title = NULL;
  g_autofree char *signer_name = NULL;
  g_autofree char *archive = NULL;

  parent_agency = g_settings_get_string (self->settings, "default-parent-agency");
  agency = g_settings_get_string (self->settings, "default-agency");
  abbrev = g_settings_get_string (self->settings, "default-agency-abbrev");
  place = g_settings_get_string (self->settings, "default-place");
  authority = g_settings_get_string (self->settings, "default-signer-authority");
  signer_title = g_settings_get_string (self->settings, "default-signer-title");
  signer_name = g_settings_get_string (self->settings, "default-signer-name");
  archive = g_settings_get_string (self->settings, "default-archive");

  /* Set directly, not through plan_document_set(): a new plan has nothing to undo. */
  g_object_set (document,
                "parent-agency", parent_agency,
                "agency", agency,
                "agency-abbrev", abbrev,
                "place", place,
                "signer-authority", authority,
                "signer-title", signer_title,
                "signer-name", signer_name,
                "archive", archive,
                "date-year", (guint) g_date_time_get_year (now),
                "date-month", (guint) g_date_time_get_month (now),
                "date-day", (guint) g_date_time_get_day_of_month (now),
                "font-size", g_settings_get_double (self->settings, "default-font-size"),
                "margin-top", g_settings_get_double (self->settings, "default-margin-top"),
                "margin-bottom", g_settings_get_double (self->settings, "default-margin-bottom"),
                "margin-left", g_settings_get_double (self->settings, "default-margin-left"),
                "margin-right", g_settings_get_double (self->settings, "default-margin-right"),
                NULL);
  plan_document_clear_undo (document);
  plan_document_set_unmodified (document);
}

PlanDocument *
plan_application_new_document (PlanApplication *self)
{
  PlanDocument *document;

  g_return_val_if_fail (PLAN_IS_APPLICATION (self), NULL);

  document = plan_document_new_template ();
  apply_defaults (self, document);
  return document;
}

PlanDocument *
plan_application_new_decision (PlanApplication *self)
{
  PlanDocument *document;
  g_autofree char *authority = NULL;
  g_autofree char *archive = NULL;

  g_return_val_if_fail (PLAN_IS_APPLICATION (self), NULL);

  document = plan_document_new_decision_template ();
  apply_defaults (self, document);

  /* The archive line is the decision's: the plan it issues prints only its signature. */
  authority = plan_document_dup_default_authority (document);
  archive = g_settings_get_string (self->settings, "default-archive");
  g_object_set (plan_document_get_decision (document), "authority", authority, NULL);
  if (*archive != '\0')
    g_object_set (plan_document_get_decision (document), "archive", archive, NULL);
  g_object_set (document, "archive", "", NULL);
  plan_document_clear_undo (document);
  plan_document_set_unmodified (document);
  return document;
}

/* A file being read and parsed in a worker thread (plan-json-async.c). */
typedef struct {
  PlanApplication *self;
  GFile           *file;
  GtkWindow       *reuse;
  guint            placeholder_source;
} OpenFile;

/* How long a load may take before a blank window stands in for the plan. Most plans load in
 * a few milliseconds: their window is then built once, with the plan, instead of a blank one
 * that is built, painted and then rebuilt. */
#define PLACEHOLDER_DELAY_MS 250

static void
open_file_free (OpenFile *open)
{
  g_clear_handle_id (&open->placeholder_source, g_source_remove);
  g_application_release (G_APPLICATION (open->self));
  g_object_unref (open->self);
  g_object_unref (open->file);
  g_clear_object (&open->reuse);
  g_free (open);
}

static gboolean
show_placeholder_cb (gpointer user_data)
{
  OpenFile *open = user_data;
  PlanWindow *window = plan_window_new (GTK_APPLICATION (open->self), NULL);

  open->placeholder_source = 0;
  open->reuse = g_object_ref (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
  _plan_application_offer_recovery (open->self, GTK_WINDOW (window));

  return G_SOURCE_REMOVE;
}

static void
open_file_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  OpenFile *open = user_data;
  PlanApplication *self = open->self;
  GFile *file = open->file;
  GtkWindow *reuse = open->reuse;
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  PlanWindow *window;

  document = plan_json_load_file_finish (result, &etag, &error);

  /* The window may have been closed while the file loaded. */
  if (reuse != NULL && g_list_find (gtk_application_get_windows (GTK_APPLICATION (self)), reuse) == NULL)
    reuse = NULL;

  if (document != NULL && (window = find_window_for_file (self, file)) != NULL)
    {
      /* Opened twice in a row: the first load won. */
      gtk_window_present (GTK_WINDOW (window));
      open_file_free (open);
      return;
    }

  if (PLAN_IS_WINDOW (reuse) && plan_window_is_blank (PLAN_WINDOW (reuse)))
    window = PLAN_WINDOW (reuse);
  else if (document != NULL)
    window = plan_window_new (GTK_APPLICATION (self), document);
  else if (PLAN_IS_WINDOW (reuse))
    window = PLAN_WINDOW (reuse);
  else
    window = plan_window_new (GTK_APPLICATION (self), NULL);

  if (document != NULL)
    _plan_window_set_document (window, document, file, etag);

  gtk_window_present (GTK_WINDOW (window));
  _plan_application_offer_recovery (self, GTK_WINDOW (window));

  if (document == NULL)
    _plan_window_show_error (window, file, _("This plan could not be opened."), error);

  open_file_free (open);
}

/* A Word file: imported in a worker thread into a new, unsaved plan */
static void
import_docx_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  OpenFile *open = user_data;
  PlanApplication *self = open->self;
  GtkWindow *reuse = open->reuse;
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(PlanDocxReport) report = NULL;
  g_autoptr(GError) error = NULL;
  PlanWindow *window;

  document = plan_docx_import_file_finish (result, &report, &error);

  if (reuse != NULL && g_list_find (gtk_application_get_windows (GTK_APPLICATION (self)), reuse) == NULL)
    reuse = NULL;

  if (PLAN_IS_WINDOW (reuse) && plan_window_is_blank (PLAN_WINDOW (reuse)))
    window = PLAN_WINDOW (reuse);
  else if (document != NULL)
    window = plan_window_new (GTK_APPLICATION (self), document);
  else if (PLAN_IS_WINDOW (reuse))
    window = PLAN_WINDOW (reuse);
  else
    window = plan_window_new (GTK_APPLICATION (self), NULL);

  if (document != NULL)
    {
      _plan_window_set_document (window, document, NULL, NULL);
      _plan_window_show_import (window, open->file, report);
    }

  gtk_window_present (GTK_WINDOW (window));
  _plan_application_offer_recovery (self, GTK_WINDOW (window));

  if (document == NULL)
    _plan_window_show_error (window, open->file, _("This Word file could not be opened."), error);

  open_file_free (open);
}

static gboolean
is_pdf_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *lower = basename != NULL ? g_ascii_strdown (basename, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".pdf");
}

void
plan_application_open_file (PlanApplication *self,
                            GFile           *file,
                            GtkWindow       *reuse)
{
  PlanWindow *window;
  OpenFile *open;

  g_return_if_fail (PLAN_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (reuse == NULL || GTK_IS_WINDOW (reuse));

  /* A PDF (from the file manager's "Open With", or `kehoach FILE.pdf`) is not a plan: the
   * recipient checks its digital signatures */
  if (is_pdf_file (file))
    {
      GtkWidget *checker = plan_signatures_window_new (NULL, file);

      gtk_window_set_application (GTK_WINDOW (checker), GTK_APPLICATION (self));
      gtk_window_present (GTK_WINDOW (checker));
      return;
    }

  /* A Word file is never the file of a window: it opens as a new plan each time */
  if (!plan_docx_is_word_file (file) && (window = find_window_for_file (self, file)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  /* A large file takes seconds to parse: it loads in a thread while the windows stay
   * responsive. When it takes longer than PLACEHOLDER_DELAY_MS, a blank window shows that
   * the app has started (it receives the plan if it is still blank then). The application
   * stays alive until the load ends. */
  open = g_new0 (OpenFile, 1);
  open->self = g_object_ref (self);
  open->file = g_object_ref (file);
  open->reuse = reuse ? g_object_ref (reuse) : NULL;
  if (reuse == NULL)
    open->placeholder_source = g_timeout_add (PLACEHOLDER_DELAY_MS, show_placeholder_cb, open);
  g_application_hold (G_APPLICATION (self));
  if (plan_docx_is_word_file (file))
    plan_docx_import_file_async (file, NULL, import_docx_cb, open);
  else
    plan_json_load_file_async (file, NULL, open_file_loaded_cb, open);
}

/* TRUE when the user should be told that @family stands in for Times New Roman: once per
 * run at most, and only when that substitute was not announced before (GSettings). */
gboolean
_plan_application_take_font_warning (PlanApplication *self,
                                     const char      *family)
{
  g_autofree char *announced = NULL;

  g_return_val_if_fail (PLAN_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (family != NULL, FALSE);

  if (self->font_warning_shown)
    return FALSE;
  self->font_warning_shown = TRUE;

  announced = g_settings_get_string (self->settings, "font-notice-family");
  if (g_strcmp0 (announced, family) == 0)
    return FALSE;
  g_settings_set_string (self->settings, "font-notice-family", family);

  return TRUE;
}
