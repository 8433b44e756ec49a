/* plan-editor-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "plan-editor-util.h"
#include "plan-rich-text-view.h"

typedef struct
{
  GtkWidget    *widget;     /* the bound widget; the binding lives in its data */
  PlanDocument *document;
  GObject      *object;
  char         *property;
  GParamSpec   *pspec;
  gulong        notify_id;
  gulong        changed_id;
  gpointer      changed_instance;
  guint         updating : 1;
} Binding;

static const char BINDING_KEY[] = "plan-editor-binding";

static void
binding_free (gpointer data)
{
  Binding *b = data;

  if (b->notify_id != 0 && b->object != NULL)
    g_signal_handler_disconnect (b->object, b->notify_id);
  if (b->changed_id != 0 && b->changed_instance != NULL)
    g_signal_handler_disconnect (b->changed_instance, b->changed_id);
  g_clear_object (&b->object);
  g_clear_object (&b->document);
  g_clear_object (&b->changed_instance);
  g_free (b->property);
  g_free (b);
}

static Binding *
binding_new (GtkWidget    *widget,
             PlanDocument *document,
             gpointer      object,
             const char   *property)
{
  Binding *b;

  /* Setting the data frees the previous binding first. */
  g_object_set_data (G_OBJECT (widget), BINDING_KEY, NULL);
  if (object == NULL)
    return NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (object), property) == NULL)
    {
      g_critical ("%s has no property %s", G_OBJECT_TYPE_NAME (object), property);
      return NULL;
    }

  b = g_new0 (Binding, 1);
  b->widget = widget;
  b->document = g_object_ref (document);
  b->object = g_object_ref (object);
  b->property = g_strdup (property);
  b->pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_object_set_data_full (G_OBJECT (widget), BINDING_KEY, b, binding_free);
  return b;
}

static void
binding_connect (Binding    *b,
                 GCallback   model_changed,
                 gpointer    instance,
                 const char *signal,
                 GCallback   widget_changed)
{
  g_autofree char *detailed = g_strdup_printf ("notify::%s", b->property);

  b->notify_id = g_signal_connect_swapped (b->object, detailed, model_changed, b);
  b->changed_instance = g_object_ref (instance);
  b->changed_id = g_signal_connect_swapped (instance, signal, widget_changed, b);
}

static char *
binding_dup_string (Binding *b)
{
  char *value = NULL;

  g_object_get (b->object, b->property, &value, NULL);
  return value;
}

/* ---- GtkEditable ---------------------------------------------------------------------------- */

static void
editable_model_changed (Binding *b)
{
  g_autofree char *value = binding_dup_string (b);
  const char *shown = gtk_editable_get_text (GTK_EDITABLE (b->widget));

  if (g_strcmp0 (value ? value : "", shown) == 0)
    return;
  b->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (b->widget), value ? value : "");
  b->updating = FALSE;
}

static void
editable_changed (Binding *b)
{
  g_autofree char *value = NULL;
  const char *text;

  if (b->updating)
    return;
  text = gtk_editable_get_text (GTK_EDITABLE (b->widget));
  value = binding_dup_string (b);
  if (g_strcmp0 (value ? value : "", text) != 0)
    plan_document_set (b->document, b->object, b->property, text, NULL);
}

/* What the input method was composing belongs to the field the focus leaves (see
 * plan_editor_commit_preedit()): GTK only tells the engine that the focus left. */
static void
editable_focus_leave_cb (GtkEventControllerFocus *controller,
                         GtkWidget               *text)
{
  g_signal_emit_by_name (text, "move-cursor", GTK_MOVEMENT_LOGICAL_POSITIONS, 0, FALSE);
}

static void
commit_preedit_on_focus_leave (GtkEditable *editable)
{
  GtkEditable *text = editable;
  GtkEventController *focus;

  while (gtk_editable_get_delegate (text) != NULL)
    text = gtk_editable_get_delegate (text);
  if (!GTK_IS_TEXT (text) || g_object_get_data (G_OBJECT (text), "plan-commit-on-leave") != NULL)
    return;
  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (editable_focus_leave_cb), text, 0);
  gtk_widget_add_controller (GTK_WIDGET (text), focus);
  g_object_set_data (G_OBJECT (text), "plan-commit-on-leave", GINT_TO_POINTER (TRUE));
}

void
plan_editor_bind_editable (GtkEditable  *editable,
                           PlanDocument *document,
                           gpointer      object,
                           const char   *property)
{
  Binding *b = binding_new (GTK_WIDGET (editable), document, object, property);

  if (b == NULL)
    return;
  /* Ctrl+Z is the document's undo, not the field's own. */
  gtk_editable_set_enable_undo (editable, FALSE);
  commit_preedit_on_focus_leave (editable);
  editable_model_changed (b);
  binding_connect (b, G_CALLBACK (editable_model_changed), editable, "changed",
                   G_CALLBACK (editable_changed));
}

/* ---- GtkTextView (plain) -------------------------------------------------------------------- */

static char *
text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_view_model_changed (Binding *b)
{
  g_autofree char *value = binding_dup_string (b);
  g_autofree char *shown = text_view_dup_text (GTK_TEXT_VIEW (b->widget));

  if (g_strcmp0 (value ? value : "", shown) == 0)
    return;
  b->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (b->widget)),
                            value ? value : "", -1);
  b->updating = FALSE;
}

static void
text_view_changed (Binding *b)
{
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;

  if (b->updating)
    return;
  text = text_view_dup_text (GTK_TEXT_VIEW (b->widget));
  value = binding_dup_string (b);
  if (g_strcmp0 (value ? value : "", text) != 0)
    plan_document_set (b->document, b->object, b->property, text, NULL);
}

void
plan_editor_bind_text_view (GtkTextView  *view,
                            PlanDocument *document,
                            gpointer      object,
                            const char   *property)
{
  Binding *b = binding_new (GTK_WIDGET (view), document, object, property);

  if (b == NULL)
    return;
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (view), FALSE);
  text_view_model_changed (b);
  binding_connect (b, G_CALLBACK (text_view_model_changed), gtk_text_view_get_buffer (view),
                   "changed", G_CALLBACK (text_view_changed));
}

/* ---- PlanRichTextView ---------------------------------------------------------------------- */

static void
rich_text_model_changed (Binding *b)
{
  g_autoptr(PlanText) value = NULL;

  g_object_get (b->object, b->property, &value, NULL);
  b->updating = TRUE;
  /* set_text() compares first and keeps the cursor. */
  plan_rich_text_view_set_text (PLAN_RICH_TEXT_VIEW (b->widget), value);
  b->updating = FALSE;
}

static void
rich_text_changed (Binding *b)
{
  g_autoptr(PlanText) value = NULL;
  g_autoptr(PlanText) text = NULL;

  if (b->updating)
    return;
  text = plan_rich_text_view_dup_text (PLAN_RICH_TEXT_VIEW (b->widget));
  g_object_get (b->object, b->property, &value, NULL);
  if (value == NULL || !plan_text_equal (value, text))
    plan_document_set (b->document, b->object, b->property, text, NULL);
}

void
plan_editor_bind_rich_text (GtkWidget    *rich_text_view,
                            PlanDocument *document,
                            gpointer      object,
                            const char   *property)
{
  Binding *b = binding_new (rich_text_view, document, object, property);

  if (b == NULL)
    return;
  rich_text_model_changed (b);
  binding_connect (b, G_CALLBACK (rich_text_model_changed), rich_text_view, "changed",
                   G_CALLBACK (rich_text_changed));
}

/* ---- GtkSpinButton -------------------------------------------------------------------------- */

static double
binding_get_number (Binding *b)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) as_double = G_VALUE_INIT;

  g_value_init (&value, b->pspec->value_type);
  g_object_get_property (b->object, b->property, &value);
  g_value_init (&as_double, G_TYPE_DOUBLE);
  g_value_transform (&value, &as_double);
  return g_value_get_double (&as_double);
}

static void
spin_model_changed (Binding *b)
{
  double value = binding_get_number (b);

  if (fabs (value - gtk_spin_button_get_value (GTK_SPIN_BUTTON (b->widget))) < 1e-9)
    return;
  b->updating = TRUE;
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (b->widget), value);
  b->updating = FALSE;
}

static void
spin_changed (Binding *b)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) as_double = G_VALUE_INIT;
  double shown;

  if (b->updating)
    return;
  shown = gtk_spin_button_get_value (GTK_SPIN_BUTTON (b->widget));
  if (fabs (shown - binding_get_number (b)) < 1e-9)
    return;
  g_value_init (&as_double, G_TYPE_DOUBLE);
  g_value_set_double (&as_double, shown);
  g_value_init (&value, b->pspec->value_type);
  if (b->pspec->value_type == G_TYPE_UINT)
    g_value_set_uint (&value, (guint) MAX (0, round (shown)));
  else
    g_value_transform (&as_double, &value);
  plan_document_set_value (b->document, b->object, b->property, &value);
}

void
plan_editor_bind_spin (GtkSpinButton *spin,
                       PlanDocument  *document,
                       gpointer       object,
                       const char    *property)
{
  Binding *b = binding_new (GTK_WIDGET (spin), document, object, property);
  GtkAdjustment *adjustment;

  if (b == NULL)
    return;

  /* The pspec's range is the decree's range: the spin button cannot leave it. */
  adjustment = gtk_spin_button_get_adjustment (spin);
  if (G_IS_PARAM_SPEC_DOUBLE (b->pspec))
    {
      GParamSpecDouble *pd = G_PARAM_SPEC_DOUBLE (b->pspec);
      gtk_adjustment_set_lower (adjustment, pd->minimum);
      gtk_adjustment_set_upper (adjustment, MIN (pd->maximum, 1e6));
    }
  else if (G_IS_PARAM_SPEC_UINT (b->pspec))
    {
      GParamSpecUInt *pu = G_PARAM_SPEC_UINT (b->pspec);
      gtk_adjustment_set_lower (adjustment, pu->minimum);
      gtk_adjustment_set_upper (adjustment, MIN (pu->maximum, 1000000));
    }
  spin_model_changed (b);
  binding_connect (b, G_CALLBACK (spin_model_changed), spin, "value-changed",
                   G_CALLBACK (spin_changed));
}

/* ---- GtkSwitch ------------------------------------------------------------------------------ */

static gboolean
binding_get_boolean (Binding *b)
{
  gboolean value = FALSE;

  g_object_get (b->object, b->property, &value, NULL);
  return value;
}

static void
switch_model_changed (Binding *b)
{
  gboolean value = binding_get_boolean (b);

  if (value == gtk_switch_get_active (GTK_SWITCH (b->widget)))
    return;
  b->updating = TRUE;
  gtk_switch_set_active (GTK_SWITCH (b->widget), value);
  b->updating = FALSE;
}

static void
switch_changed (Binding *b)
{
  gboolean active;

  if (b->updating)
    return;
  active = gtk_switch_get_active (GTK_SWITCH (b->widget));
  if (active != binding_get_boolean (b))
    plan_document_set (b->document, b->object, b->property, active, NULL);
}

void
plan_editor_bind_switch (GtkSwitch    *toggle,
                         PlanDocument *document,
                         gpointer      object,
                         const char   *property)
{
  Binding *b = binding_new (GTK_WIDGET (toggle), document, object, property);

  if (b == NULL)
    return;
  switch_model_changed (b);
  binding_connect (b, G_CALLBACK (switch_model_changed), toggle, "notify::active",
                   G_CALLBACK (switch_changed));
}

/* ---- GtkDropDown or AdwComboRow over an enum ------------------------------------------------ */

static int
binding_get_enum (Binding *b)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, b->pspec->value_type);
  g_object_get_property (b->object, b->property, &value);
  return g_value_get_enum (&value);
}

static guint
drop_down_get_selected (Binding *b)
{
  guint selected = GTK_INVALID_LIST_POSITION;

  g_object_get (b->widget, "selected", &selected, NULL);
  return selected;
}

static void
drop_down_model_changed (Binding *b)
{
  guint value = (guint) binding_get_enum (b);

  if (value == drop_down_get_selected (b))
    return;
  b->updating = TRUE;
  g_object_set (b->widget, "selected", value, NULL);
  b->updating = FALSE;
}

static void
drop_down_changed (Binding *b)
{
  guint selected;

  if (b->updating)
    return;
  selected = drop_down_get_selected (b);
  if (selected != GTK_INVALID_LIST_POSITION && (int) selected != binding_get_enum (b))
    plan_document_set (b->document, b->object, b->property, (int) selected, NULL);
}

void
plan_editor_bind_drop_down (GtkWidget    *drop_down,
                            PlanDocument *document,
                            gpointer      object,
                            const char   *property)
{
  Binding *b = binding_new (drop_down, document, object, property);

  if (b == NULL)
    return;
  drop_down_model_changed (b);
  binding_connect (b, G_CALLBACK (drop_down_model_changed), drop_down, "notify::selected",
                   G_CALLBACK (drop_down_changed));
}

/* ---- Helpers -------------------------------------------------------------------------------- */

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Numbers in the UI follow the locale's decimal separator. */
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%.0f", value);
  g_snprintf (buffer, sizeof buffer, "%g", value);
  return g_strdup (buffer);
}

char *
plan_editor_dup_range (GObject    *object,
                       const char *property,
                       const char *unit)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);
  g_autofree char *min = NULL;
  g_autofree char *max = NULL;

  if (pspec == NULL || !G_IS_PARAM_SPEC_DOUBLE (pspec))
    return NULL;

  min = format_number (G_PARAM_SPEC_DOUBLE (pspec)->minimum);
  if (G_PARAM_SPEC_DOUBLE (pspec)->maximum >= 1e6)
    /* Translators: the decree's lower limit of a layout setting, e.g. "At least 6 pt" */
    return g_strdup_printf (_("At least %s %s"), min, unit);

  max = format_number (G_PARAM_SPEC_DOUBLE (pspec)->maximum);
  /* Translators: the range the decree allows for a layout setting, e.g. "Allowed: 20–25 mm" */
  return g_strdup_printf (_("Allowed: %s–%s %s"), min, max, unit);
}

void
plan_editor_ensure_style (void)
{
  static GdkDisplay *styled;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL || display == styled)
    return;
  styled = display;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider,
    "textview.plan-field {"
    "  padding: 7px 9px; border-radius: 6px;"
    "  background-color: alpha(currentColor, .07);"
    "  outline: 0 solid transparent; outline-offset: -2px;"
    "  transition: outline-color 200ms;"
    "}"
    "textview.plan-field > text { background: none; }"
    "textview.plan-field:focus-within {"
    "  outline: 2px solid alpha(@accent_color, .5);"
    "}"
    "textview.plan-field.heading > text { font-weight: bold; }"
    "row.plan-outline-row { padding: 4px 0; }"
    "row.plan-outline-row.current { background-color: alpha(@accent_bg_color, .06); }"
    "label.plan-marker { font-weight: bold; min-width: 3em; }"
    "label.plan-marker.dim-label { font-weight: normal; }"
    /* a marker written by hand, kept as the office wrote it */
    "label.plan-marker.literal { font-style: italic; color: @accent_color; }"
    "columnview.plan-table cell { padding: 0; }"
    "columnview.plan-table button.plan-cell {"
    "  padding: 4px 6px; min-height: 24px; border-radius: 0; font-weight: normal;"
    "}"
    "columnview.plan-table label.plan-cell.heading { font-weight: bold; }"
    "columnview.plan-table label.plan-cell.italic { font-style: italic; }"
    "columnview.plan-table label.plan-row-number { padding: 0 6px; }"
    ".plan-symbol { font-feature-settings: 'tnum'; }",
    -1);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION - 1);
}

void
plan_editor_commit_preedit (GtkWidget *inside)
{
  GtkRoot *root = gtk_widget_get_root (inside);
  GtkWidget *focus;

  if (root == NULL)
    return;
  focus = gtk_root_get_focus (root);
  if (focus == NULL)
    return;
  if (GTK_IS_TEXT_VIEW (focus))
    gtk_text_view_reset_im_context (GTK_TEXT_VIEW (focus));
  else if (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY) != NULL)
    gtk_entry_reset_im_context (GTK_ENTRY (gtk_widget_get_ancestor (focus, GTK_TYPE_ENTRY)));
  else if (GTK_IS_TEXT (focus))
    /* AdwEntryRow and spin buttons: GtkText has no public reset, but any cursor movement
     * resets its input method, even a move by nothing. */
    g_signal_emit_by_name (focus, "move-cursor", GTK_MOVEMENT_LOGICAL_POSITIONS, 0, FALSE);
}

GFile *
plan_editor_finish_file_chooser (GtkNativeDialog *native,
                                 int              response)
{
  GFile *file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
  return file;
}
