/* plan-general-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "plan-doc-type.h"
#include "plan-editor-util.h"
#include "plan-rich-text-view.h"
#include "plan-format.h"
#include "plan-general-editor.h"

struct _PlanGeneralEditor
{
  GtkWidget        parent_instance;

  PlanDocument    *document;

  AdwPreferencesPage *page;
  GtkTextView     *parent_agency_view;
  GtkTextView     *agency_view;
  AdwEntryRow     *abbrev_row;
  AdwPreferencesGroup *number_group;
  AdwActionRow    *doc_type_row;
  GtkDropDown     *doc_type_drop_down;
  GtkLabel        *decision_type_label;
  AdwActionRow    *number_row;
  GtkSpinButton   *number_spin;
  AdwPreferencesGroup *title_group;
  GtkLabel        *symbol_label;
  AdwEntryRow     *place_row;
  AdwActionRow    *date_row;
  GtkMenuButton   *date_button;
  GtkCalendar     *calendar;
  GtkSwitch       *undated_switch;
  AdwActionRow    *month_only_row;
  GtkSwitch       *month_only_switch;
  GtkTextView     *title_view;
  AdwActionRow    *margin_top_row;
  AdwActionRow    *margin_bottom_row;
  AdwActionRow    *margin_left_row;
  AdwActionRow    *margin_right_row;
  AdwActionRow    *font_size_row;
  AdwActionRow    *line_spacing_row;
  AdwActionRow    *paragraph_spacing_row;
  GtkSpinButton   *margin_top_spin;
  GtkSpinButton   *margin_bottom_spin;
  GtkSpinButton   *margin_left_spin;
  GtkSpinButton   *margin_right_spin;
  GtkSpinButton   *font_size_spin;
  GtkSpinButton   *line_spacing_spin;
  GtkSpinButton   *paragraph_spacing_spin;
  GtkDropDown     *indent_drop_down;
  GtkSwitch       *watermark_switch;
  GtkDropDown     *appendix_numbers_drop_down;

  guint            updating : 1;
};

G_DEFINE_FINAL_TYPE (PlanGeneralEditor, plan_general_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  FOCUS_OBJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const double indents[] = { 10.0, 12.7 };

static void
update_symbol (PlanGeneralEditor *self)
{
  g_autofree char *symbol = plan_document_dup_symbol (self->document);
  /* Printed text, not translated. */
  g_autofree char *text = g_strdup_printf ("Số: %s", symbol);

  gtk_label_set_label (self->symbol_label, text);
}

/* The number, date and symbol printed on the first page are the decision's when a decision
 * issues the plan: its type (always "QĐ") is shown instead of the plan's type choice. */
static gboolean
is_decision (PlanGeneralEditor *self)
{
  return plan_document_get_kind (self->document) == PLAN_DOCUMENT_KIND_DECISION;
}

/* Says whose number the rows hold: the decision's, when there is one */
static void
update_kind (PlanGeneralEditor *self)
{
  gboolean decision = is_decision (self);

  adw_preferences_group_set_description (self->number_group,
                                         decision ? _("The decision’s number and date, printed as “Số: …/QĐ-…”. The plan it issues has none of its own: it cites the decision’s.")
                                                  : NULL);
  adw_action_row_set_subtitle (self->doc_type_row,
                               decision ? _("Of the decision that issues the plan") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->doc_type_drop_down), !decision);
  gtk_widget_set_visible (GTK_WIDGET (self->decision_type_label), decision);
  if (decision)
    {
      const char *code = plan_decision_get_doc_type (plan_document_get_decision (self->document));
      const PlanDocType *type = plan_doc_type_lookup (code);
      g_autofree char *label = type != NULL ? g_strdup_printf ("%s – %s", type->code, type->name)
                                            : g_strdup (code);

      gtk_label_set_label (self->decision_type_label, label);
    }
  adw_action_row_set_subtitle (self->number_row,
                               decision ? _("The decision’s number; 0 = not numbered yet (the office fills it in when the decision is issued)")
                                        : _("0 = not numbered yet (the office fills it in when the plan is issued)"));
  adw_preferences_group_set_description (self->title_group,
                                         decision ? _("The plan’s title. The decision’s own title (“Ban hành Kế hoạch …”) is on the Decision page.")
                                                  : NULL);
}

static void
update_doc_type (PlanGeneralEditor *self)
{
  const char *code = plan_document_get_doc_type (self->document);
  const PlanDocType *types;
  guint n_types = 0;

  types = plan_doc_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    if (g_strcmp0 (types[i].code, code) == 0)
      {
        if (gtk_drop_down_get_selected (self->doc_type_drop_down) != i)
          {
            self->updating = TRUE;
            gtk_drop_down_set_selected (self->doc_type_drop_down, i);
            self->updating = FALSE;
          }
        return;
      }
}

static void
doc_type_selected_cb (PlanGeneralEditor *self)
{
  const PlanDocType *types;
  guint n_types = 0;
  guint selected = gtk_drop_down_get_selected (self->doc_type_drop_down);

  types = plan_doc_types (&n_types);
  if (self->updating || selected >= n_types)
    return;
  if (g_strcmp0 (types[selected].code, plan_document_get_doc_type (self->document)) != 0)
    plan_document_set (self->document, self->document, "doc-type", types[selected].code, NULL);
}

static void
update_date (PlanGeneralEditor *self)
{
  guint year = 0, month = 0, day = 0;
  g_autofree char *place_and_date = plan_document_dup_place_and_date (self->document);
  g_autofree char *label = NULL;
  gboolean undated;

  plan_document_get_date (self->document, &year, &month, &day);
  undated = year == 0 && month == 0 && day == 0;

  if (undated)
    label = g_strdup (_("Not dated"));
  else if (day == 0)
    /* Translators: a month and year without a day, e.g. "…/04/2026" */
    label = g_strdup_printf (_("…/%02u/%u"), month, year);
  else
    /* Translators: a date as day/month/year */
    label = g_strdup_printf (_("%02u/%02u/%u"), day, month, year);
  gtk_menu_button_set_label (self->date_button, label);
  adw_action_row_set_subtitle (self->date_row, place_and_date);

  self->updating = TRUE;
  gtk_switch_set_active (self->undated_switch, undated);
  gtk_switch_set_active (self->month_only_switch, !undated && day == 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->date_button), !undated);
  gtk_widget_set_sensitive (GTK_WIDGET (self->month_only_row), !undated);
  if (year > 0 && month > 0)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local ((int) year, (int) month,
                                                         day > 0 ? (int) day : 1, 0, 0, 0);
      if (date != NULL)
        gtk_calendar_select_day (self->calendar, date);
    }
  self->updating = FALSE;
}

static void
calendar_day_selected_cb (PlanGeneralEditor *self)
{
  g_autoptr(GDateTime) date = NULL;
  gboolean month_only;

  if (self->updating)
    return;
  date = gtk_calendar_get_date (self->calendar);
  month_only = gtk_switch_get_active (self->month_only_switch);
  plan_document_set (self->document, self->document,
                     "date-year", (guint) g_date_time_get_year (date),
                     "date-month", (guint) g_date_time_get_month (date),
                     "date-day", month_only ? 0u : (guint) g_date_time_get_day_of_month (date),
                     NULL);
}

static void
undated_switch_cb (PlanGeneralEditor *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->updating)
    return;
  if (gtk_switch_get_active (self->undated_switch))
    {
      plan_document_set (self->document, self->document,
                         "date-year", 0u, "date-month", 0u, "date-day", 0u, NULL);
      return;
    }
  now = g_date_time_new_now_local ();
  plan_document_set (self->document, self->document,
                     "date-year", (guint) g_date_time_get_year (now),
                     "date-month", (guint) g_date_time_get_month (now),
                     "date-day", (guint) g_date_time_get_day_of_month (now),
                     NULL);
}

static void
month_only_switch_cb (PlanGeneralEditor *self)
{
  g_autoptr(GDateTime) date = NULL;

  if (self->updating)
    return;
  date = gtk_calendar_get_date (self->calendar);
  plan_document_set (self->document, self->document,
                     "date-year", (guint) g_date_time_get_year (date),
                     "date-month", (guint) g_date_time_get_month (date),
                     "date-day", gtk_switch_get_active (self->month_only_switch)
                                   ? 0u : (guint) g_date_time_get_day_of_month (date),
                     NULL);
}

static void
update_indent (PlanGeneralEditor *self)
{
  double indent = plan_document_get_first_line_indent (self->document);
  guint nearest = fabs (indent - indents[0]) <= fabs (indent - indents[1]) ? 0 : 1;

  if (gtk_drop_down_get_selected (self->indent_drop_down) == nearest)
    return;
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->indent_drop_down, nearest);
  self->updating = FALSE;
}

static void
indent_selected_cb (PlanGeneralEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->indent_drop_down);

  if (self->updating || selected >= G_N_ELEMENTS (indents))
    return;
  if (fabs (plan_document_get_first_line_indent (self->document) - indents[selected]) > 1e-6)
    plan_document_set (self->document, self->document,
                       "first-line-indent", indents[selected], NULL);
}

static void
document_changed_cb (PlanGeneralEditor *self)
{
  update_symbol (self);
  update_date (self);
  update_kind (self);
  update_doc_type (self);
  update_indent (self);
}

static void
focus_enter_cb (PlanGeneralEditor *self)
{
  g_signal_emit (self, signals[FOCUS_OBJECT], 0, self->document);
}

static void
setup_range_row (PlanGeneralEditor *self,
                 AdwActionRow      *row,
                 GtkSpinButton     *spin,
                 const char        *property,
                 const char        *unit)
{
  g_autofree char *range = plan_editor_dup_range (G_OBJECT (self->document), property, unit);

  adw_action_row_set_subtitle (row, range);
  plan_editor_bind_spin (spin, self->document, self->document, property);
}

static void
setup_text_view (GtkTextView *view)
{
  /* Plain lines: Enter starts a new printed line. */
  plan_rich_text_view_set_rich (PLAN_RICH_TEXT_VIEW (view), FALSE);
}

static void
plan_general_editor_constructed (GObject *object)
{
  PlanGeneralEditor *self = PLAN_GENERAL_EDITOR (object);
  g_autoptr(GtkStringList) types_model = gtk_string_list_new (NULL);
  const PlanDocType *types;
  guint n_types = 0;

  G_OBJECT_CLASS (plan_general_editor_parent_class)->constructed (object);

  types = plan_doc_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autofree char *label = NULL;

      if (types[i].code[0] == '\0')
        label = g_strdup (types[i].name);
      else
        label = g_strdup_printf ("%s – %s", types[i].code, types[i].name);
      gtk_string_list_append (types_model, label);
    }
  gtk_drop_down_set_model (self->doc_type_drop_down, G_LIST_MODEL (types_model));

  plan_editor_bind_text_view (self->parent_agency_view, self->document, self->document,
                              "parent-agency");
  plan_editor_bind_text_view (self->agency_view, self->document, self->document, "agency");
  plan_editor_bind_editable (GTK_EDITABLE (self->abbrev_row), self->document, self->document,
                             "agency-abbrev");
  plan_editor_bind_spin (self->number_spin, self->document, self->document, "number");
  plan_editor_bind_editable (GTK_EDITABLE (self->place_row), self->document, self->document,
                             "place");
  plan_editor_bind_text_view (self->title_view, self->document, self->document, "title");
  plan_editor_bind_drop_down (GTK_WIDGET (self->appendix_numbers_drop_down), self->document,
                              self->document, "appendix-page-numbering");
  plan_editor_bind_switch (self->watermark_switch, self->document, self->document,
                           "draft-watermark");

  setup_range_row (self, self->margin_top_row, self->margin_top_spin, "margin-top", "mm");
  setup_range_row (self, self->margin_bottom_row, self->margin_bottom_spin, "margin-bottom", "mm");
  setup_range_row (self, self->margin_left_row, self->margin_left_spin, "margin-left", "mm");
  setup_range_row (self, self->margin_right_row, self->margin_right_spin, "margin-right", "mm");
  setup_range_row (self, self->font_size_row, self->font_size_spin, "font-size", "pt");
  setup_range_row (self, self->line_spacing_row, self->line_spacing_spin, "line-spacing", "×");
  setup_range_row (self, self->paragraph_spacing_row, self->paragraph_spacing_spin,
                   "paragraph-spacing", "pt");

  document_changed_cb (self);
  g_signal_connect_object (self->doc_type_drop_down, "notify::selected",
                           G_CALLBACK (doc_type_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

static void
plan_general_editor_dispose (GObject *object)
{
  PlanGeneralEditor *self = PLAN_GENERAL_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLAN_TYPE_GENERAL_EDITOR);
  G_OBJECT_CLASS (plan_general_editor_parent_class)->dispose (object);
}

static void
plan_general_editor_finalize (GObject *object)
{
  PlanGeneralEditor *self = PLAN_GENERAL_EDITOR (object);

  g_clear_object (&self->document);
  G_OBJECT_CLASS (plan_general_editor_parent_class)->finalize (object);
}

static void
plan_general_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlanGeneralEditor *self = PLAN_GENERAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_general_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlanGeneralEditor *self = PLAN_GENERAL_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_general_editor_class_init (PlanGeneralEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plan_general_editor_constructed;
  object_class->dispose = plan_general_editor_dispose;
  object_class->finalize = plan_general_editor_finalize;
  object_class->set_property = plan_general_editor_set_property;
  object_class->get_property = plan_general_editor_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLAN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FOCUS_OBJECT] = g_signal_new ("focus-object", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_OBJECT);

  g_type_ensure (PLAN_TYPE_RICH_TEXT_VIEW);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "ui/plan-general-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, page);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, parent_agency_view);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, agency_view);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, abbrev_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, doc_type_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, number_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, symbol_label);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, number_group);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, doc_type_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, decision_type_label);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, number_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, title_group);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, undated_switch);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, month_only_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, month_only_switch);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, title_view);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, margin_top_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, margin_bottom_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, margin_left_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, margin_right_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, font_size_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, line_spacing_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, paragraph_spacing_row);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, margin_top_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, margin_bottom_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, margin_left_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, margin_right_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, line_spacing_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, paragraph_spacing_spin);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, indent_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, watermark_switch);
  gtk_widget_class_bind_template_child (widget_class, PlanGeneralEditor, appendix_numbers_drop_down);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, undated_switch_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_only_switch_cb);
  gtk_widget_class_bind_template_callback (widget_class, indent_selected_cb);
}

static void
plan_general_editor_init (PlanGeneralEditor *self)
{
  GtkEventController *focus;

  plan_editor_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  setup_text_view (self->parent_agency_view);
  setup_text_view (self->agency_view);
  setup_text_view (self->title_view);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_swapped (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

GtkWidget *
plan_general_editor_new (PlanDocument *document)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  return g_object_new (PLAN_TYPE_GENERAL_EDITOR, "document", document, NULL);
}
