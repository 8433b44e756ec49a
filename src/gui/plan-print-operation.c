/* plan-print-operation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "plan-print-operation.h"

struct _PlanPrintOperation
{
  GtkPrintOperation  parent_instance;

  PlanLayout        *layout;
};

enum {
  PROP_0,
  PROP_LAYOUT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (PlanPrintOperation, plan_print_operation, GTK_TYPE_PRINT_OPERATION)

static char *
get_settings_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, name, NULL);
}

static void
plan_print_operation_load_settings (PlanPrintOperation *self)
{
  g_autofree char *settings_path = get_settings_path ("print-settings.ini");
  g_autofree char *page_setup_path = get_settings_path ("page-setup.ini");
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GtkPageSetup) page_setup = NULL;

  /* Missing files are the normal first time: start from A4. */
  settings = gtk_print_settings_new_from_file (settings_path, NULL);
  page_setup = gtk_page_setup_new_from_file (page_setup_path, NULL);

  if (page_setup == NULL)
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      page_setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size_and_default_margins (page_setup, a4);
    }

  if (settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
}

static void
plan_print_operation_begin_print (GtkPrintOperation *operation,
                                  GtkPrintContext   *context)
{
  PlanPrintOperation *self = PLAN_PRINT_OPERATION (operation);

  plan_layout_update (self->layout);
  gtk_print_operation_set_n_pages (operation, plan_layout_get_n_pages (self->layout));
}

static void
plan_print_operation_request_page_setup (GtkPrintOperation *operation,
                                         GtkPrintContext   *context,
                                         int                page_nr,
                                         GtkPageSetup      *setup)
{
  PlanPrintOperation *self = PLAN_PRINT_OPERATION (operation);
  double width, height;

  plan_layout_get_page_size (self->layout, page_nr, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
plan_print_operation_draw_page (GtkPrintOperation *operation,
                                GtkPrintContext   *context,
                                int                page_nr)
{
  PlanPrintOperation *self = PLAN_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  /* Full page and points: the layout places the decree's margins itself. */
  cairo_save (cr);
  plan_layout_draw_page (self->layout, cr, page_nr);
  cairo_restore (cr);
}

static void
plan_print_operation_dispose (GObject *object)
{
  PlanPrintOperation *self = (PlanPrintOperation *)object;

  g_clear_object (&self->layout);

  G_OBJECT_CLASS (plan_print_operation_parent_class)->dispose (object);
}

static void
plan_print_operation_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  PlanPrintOperation *self = PLAN_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_object (value, self->layout);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_print_operation_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  PlanPrintOperation *self = PLAN_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      self->layout = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_print_operation_constructed (GObject *object)
{
  PlanPrintOperation *self = (PlanPrintOperation *)object;
  PlanDocument *document;
  const char *title;

  G_OBJECT_CLASS (plan_print_operation_parent_class)->constructed (object);

  g_assert (PLAN_IS_LAYOUT (self->layout));

  document = plan_layout_get_document (self->layout);
  title = plan_document_get_title (document);
  if (title != NULL && *title != '\0')
    {
      g_autofree char *job_name = g_strdelimit (g_strdup (title), "\n", ' ');

      gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), job_name);
    }
  else
    {
      gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self),
                                        plan_document_get_type_name (document));
    }

  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);

  plan_print_operation_load_settings (self);
}

static void
plan_print_operation_class_init (PlanPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = plan_print_operation_constructed;
  object_class->dispose = plan_print_operation_dispose;
  object_class->get_property = plan_print_operation_get_property;
  object_class->set_property = plan_print_operation_set_property;

  operation_class->begin_print = plan_print_operation_begin_print;
  operation_class->request_page_setup = plan_print_operation_request_page_setup;
  operation_class->draw_page = plan_print_operation_draw_page;

  properties [PROP_LAYOUT] =
    g_param_spec_object ("layout", NULL, NULL,
                         PLAN_TYPE_LAYOUT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plan_print_operation_init (PlanPrintOperation *self)
{
}

PlanPrintOperation *
plan_print_operation_new (PlanLayout *layout)
{
  g_return_val_if_fail (PLAN_IS_LAYOUT (layout), NULL);

  return g_object_new (PLAN_TYPE_PRINT_OPERATION,
                       "layout", layout,
                       NULL);
}

PlanLayout *
plan_print_operation_get_layout (PlanPrintOperation *self)
{
  g_return_val_if_fail (PLAN_IS_PRINT_OPERATION (self), NULL);

  return self->layout;
}

void
plan_print_operation_save_settings (PlanPrintOperation *self)
{
  g_autofree char *settings_path = get_settings_path ("print-settings.ini");
  g_autofree char *page_setup_path = get_settings_path ("page-setup.ini");
  g_autofree char *dir = get_settings_path (NULL);
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *settings;
  GtkPageSetup *page_setup;

  g_return_if_fail (PLAN_IS_PRINT_OPERATION (self));

  if (g_mkdir_with_parents (dir, 0750) != 0)
    {
      g_warning ("Cannot create %s: %s", dir, g_strerror (errno));
      return;
    }

  settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  if (settings != NULL && !gtk_print_settings_to_file (settings, settings_path, &error))
    {
      g_warning ("Cannot remember the print settings: %s", error->message);
      g_clear_error (&error);
    }

  page_setup = gtk_print_operation_get_default_page_setup (GTK_PRINT_OPERATION (self));
  if (page_setup != NULL && !gtk_page_setup_to_file (page_setup, page_setup_path, &error))
    g_warning ("Cannot remember the page setup: %s", error->message);
}
