/* plan-preferences-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-editor-util.h"
#include "plan-fonts.h"
#include "plan-preferences-window.h"
#include "plan-rich-text-view.h"
#include "plan-signature-image-group.h"
#include "plan-signing-key-group.h"
#include "plan-trusted-approvers-group.h"

struct _PlanPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  GtkTextView          *parent_agency_view;
  GtkTextView          *agency_view;
  AdwEntryRow          *agency_abbrev_row;
  AdwEntryRow          *place_row;
  GtkTextView          *signer_authority_view;
  AdwEntryRow          *signer_title_row;
  AdwEntryRow          *signer_name_row;
  AdwEntryRow          *archive_row;
  AdwActionRow         *font_family_row;
  GtkSpinButton        *font_size_spin;
  GtkSpinButton        *margin_top_spin;
  GtkSpinButton        *margin_bottom_spin;
  GtkSpinButton        *margin_left_spin;
  GtkSpinButton        *margin_right_spin;
  AdwEntryRow          *user_name_row;
  AdwEntryRow          *user_title_row;
  AdwComboRow          *user_role_row;
  GtkWidget            *signing_key_group;
  GtkWidget            *trusted_approvers_group;
};

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (PlanPreferencesWindow, plan_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The combo row lists the roles in the order of the schema's enum. */
static gboolean
role_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "approver") ? 1 : 0);

  return TRUE;
}

static GVariant *
role_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "approver" : "drafter");
}

/* The spin buttons' ranges come from the schema, so the decree's limits live in one place. */
static void
bind_spin (PlanPreferencesWindow *self,
           const char            *key,
           GtkSpinButton         *spin)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *type;
  double min, max;

  g_object_get (self->settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &type, &limits);

  if (g_str_equal (type, "range"))
    {
      g_variant_get (limits, "(dd)", &min, &max);
      gtk_spin_button_set_range (spin, min, max);
    }

  g_settings_bind (self->settings, key, spin, "value", G_SETTINGS_BIND_DEFAULT);
}

/* Approvers keep a signing key; drafters choose whose approvals they trust. */
static void
role_changed_cb (PlanPreferencesWindow *self)
{
  gboolean approver = g_settings_get_enum (self->settings, "user-role") == 1;

  gtk_widget_set_visible (self->signing_key_group, approver);
  gtk_widget_set_visible (self->trusted_approvers_group, !approver);
}

static void
plan_preferences_window_constructed (GObject *object)
{
  PlanPreferencesWindow *self = (PlanPreferencesWindow *)object;
  static const struct {
    const char *key;
    gsize       offset;
  } entries[] = {
    { "default-agency-abbrev", G_STRUCT_OFFSET (PlanPreferencesWindow, agency_abbrev_row) },
    { "default-place", G_STRUCT_OFFSET (PlanPreferencesWindow, place_row) },
    { "default-signer-title", G_STRUCT_OFFSET (PlanPreferencesWindow, signer_title_row) },
    { "default-signer-name", G_STRUCT_OFFSET (PlanPreferencesWindow, signer_name_row) },
    { "default-archive", G_STRUCT_OFFSET (PlanPreferencesWindow, archive_row) },
    { "user-name", G_STRUCT_OFFSET (PlanPreferencesWindow, user_name_row) },
    { "user-title", G_STRUCT_OFFSET (PlanPreferencesWindow, user_title_row) },
  };

  G_OBJECT_CLASS (plan_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GtkWidget *row = G_STRUCT_MEMBER (GtkWidget *, self, entries[i].offset);

      g_settings_bind (self->settings, entries[i].key, row, "text", G_SETTINGS_BIND_DEFAULT);
    }

  /* Names and authority lines are printed on several lines: one per line of the text, plain
   * (the same fields as in the editor, which also keep their height right in GTK 4.8). */
  {
    GtkTextView *views[] = { self->parent_agency_view, self->agency_view,
                             self->signer_authority_view };

    for (guint i = 0; i < G_N_ELEMENTS (views); i++)
      {
        plan_rich_text_view_set_rich (PLAN_RICH_TEXT_VIEW (views[i]), FALSE);
        /* No plan to undo into here: Ctrl+Z undoes the field's own typing, as before. */
        gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (views[i]), TRUE);
      }
  }
  g_settings_bind (self->settings, "default-parent-agency",
                   gtk_text_view_get_buffer (self->parent_agency_view), "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-agency",
                   gtk_text_view_get_buffer (self->agency_view), "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "default-signer-authority",
                   gtk_text_view_get_buffer (self->signer_authority_view), "text",
                   G_SETTINGS_BIND_DEFAULT);

  if (plan_fonts_is_real_times ())
    adw_action_row_set_subtitle (self->font_family_row, plan_fonts_get_family ());
  else
    {
      /* Translators: %s is the name of a font, such as "Liberation Serif" */
      g_autofree char *subtitle = g_strdup_printf (_("%s, with the same letter widths as Times New Roman, which is not installed: install Times New Roman to print in it"),
                                                   plan_fonts_get_family ());

      adw_action_row_set_subtitle (self->font_family_row, subtitle);
    }

  bind_spin (self, "default-font-size", self->font_size_spin);
  bind_spin (self, "default-margin-top", self->margin_top_spin);
  bind_spin (self, "default-margin-bottom", self->margin_bottom_spin);
  bind_spin (self, "default-margin-left", self->margin_left_spin);
  bind_spin (self, "default-margin-right", self->margin_right_spin);

  g_settings_bind_with_mapping (self->settings, "user-role",
                                self->user_role_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                role_get_mapping, role_set_mapping, NULL, NULL);

  plan_signing_key_group_set_settings (PLAN_SIGNING_KEY_GROUP (self->signing_key_group),
                                       self->settings);
  g_signal_connect_object (self->settings, "changed::user-role",
                           G_CALLBACK (role_changed_cb), self, G_CONNECT_SWAPPED);
  role_changed_cb (self);
}

static void
plan_preferences_window_dispose (GObject *object)
{
  PlanPreferencesWindow *self = (PlanPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PLAN_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (plan_preferences_window_parent_class)->dispose (object);
}

static void
plan_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PlanPreferencesWindow *self = PLAN_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  PlanPreferencesWindow *self = PLAN_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_preferences_window_class_init (PlanPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plan_preferences_window_constructed;
  object_class->dispose = plan_preferences_window_dispose;
  object_class->get_property = plan_preferences_window_get_property;
  object_class->set_property = plan_preferences_window_set_property;

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PLAN_TYPE_RICH_TEXT_VIEW);
  g_type_ensure (PLAN_TYPE_SIGNATURE_IMAGE_GROUP);
  g_type_ensure (PLAN_TYPE_SIGNING_KEY_GROUP);
  g_type_ensure (PLAN_TYPE_TRUSTED_APPROVERS_GROUP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "ui/plan-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, parent_agency_view);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, agency_view);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, agency_abbrev_row);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, font_family_row);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, place_row);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, signer_authority_view);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, signer_title_row);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, signer_name_row);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, archive_row);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, margin_top_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, margin_bottom_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, margin_left_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, margin_right_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, user_name_row);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, user_title_row);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, user_role_row);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, signing_key_group);
  gtk_widget_class_bind_template_child (widget_class, PlanPreferencesWindow, trusted_approvers_group);
}

static void
plan_preferences_window_init (PlanPreferencesWindow *self)
{
  /* The multi-line fields look like the editors' ("plan-field"). */
  plan_editor_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
plan_preferences_window_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (PLAN_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}
