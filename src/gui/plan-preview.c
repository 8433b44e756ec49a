/* plan-preview.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "plan-preview.h"
#include "plan-preview-pages.h"

struct _PlanPreview
{
  GtkWidget         parent_instance;

  GtkWidget        *overlay;
  PlanPreviewPages *pages;
  GtkLabel         *page_label;
  GtkLabel         *zoom_label;

  PlanLayout       *layout;
  PlanDocument     *document;
  gint64            last_update;
  guint             update_source;
  guint             n_pages;
};

enum {
  PROP_0,
  PROP_LAYOUT,
  PROP_N_PAGES,
  PROP_CURRENT_PAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (PlanPreview, plan_preview, GTK_TYPE_WIDGET)

static void
plan_preview_update_labels (PlanPreview *self)
{
  g_autofree char *zoom = NULL;

  g_assert (PLAN_IS_PREVIEW (self));

  if (self->n_pages > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: the page of the preview in view, and the number of pages: "Page 2 of 5" */
      text = g_strdup_printf (_("Page %u of %u"),
                              plan_preview_pages_get_current_page (self->pages) + 1,
                              self->n_pages);
      gtk_label_set_label (self->page_label, text);
    }
  else
    {
      gtk_label_set_label (self->page_label, "");
    }

  /* Translators: zoom level of the preview; the percent sign is doubled in the format */
  zoom = g_strdup_printf (_("%.0f %%"), round (plan_preview_pages_get_zoom (self->pages) * 100));
  gtk_label_set_label (self->zoom_label, zoom);
}

static void
plan_preview_sync_n_pages (PlanPreview *self)
{
  guint n_pages = self->layout ? plan_layout_get_n_pages (self->layout) : 0;

  if (n_pages != self->n_pages)
    {
      self->n_pages = n_pages;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_PAGES]);
    }

  plan_preview_update_labels (self);
}

static gboolean
plan_preview_update_cb (gpointer user_data)
{
  PlanPreview *self = user_data;

  self->update_source = 0;
  plan_preview_update (self);

  return G_SOURCE_REMOVE;
}

static void
plan_preview_queue_update (PlanPreview *self)
{
  gint64 since_last;

  /* Already scheduled: further typing does not postpone it. */
  if (self->update_source != 0)
    return;

  /* A lone keystroke is laid out right after it is drawn; a burst at most once per delay, so
   * that typing never waits for the layout. */
  since_last = (g_get_monotonic_time () - self->last_update) / 1000;
  if (since_last >= PLAN_PREVIEW_UPDATE_DELAY_MS)
    self->update_source = g_idle_add (plan_preview_update_cb, self);
  else
    self->update_source = g_timeout_add (PLAN_PREVIEW_UPDATE_DELAY_MS - since_last,
                                         plan_preview_update_cb, self);
}

static void
plan_preview_layout_updated_cb (PlanPreview *self)
{
  plan_preview_sync_n_pages (self);
}

static void
plan_preview_current_page_cb (PlanPreview *self)
{
  plan_preview_update_labels (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_PAGE]);
}

static void
plan_preview_zoom_in (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PlanPreview *self = PLAN_PREVIEW (widget);

  plan_preview_pages_set_zoom (self->pages, plan_preview_pages_get_zoom (self->pages) * 1.2);
}

static void
plan_preview_zoom_out (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PlanPreview *self = PLAN_PREVIEW (widget);

  plan_preview_pages_set_zoom (self->pages, plan_preview_pages_get_zoom (self->pages) / 1.2);
}

static void
plan_preview_zoom_fit (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PlanPreview *self = PLAN_PREVIEW (widget);

  plan_preview_pages_set_fit_width (self->pages, TRUE);
}

static void
plan_preview_zoom_actual (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PlanPreview *self = PLAN_PREVIEW (widget);

  plan_preview_pages_set_zoom (self->pages, 1.0);
}

static GtkWidget *
plan_preview_osd_button (const char *icon_name,
                         const char *tooltip,
                         const char *action_name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);

  return button;
}

static void
plan_preview_dispose (GObject *object)
{
  PlanPreview *self = (PlanPreview *)object;

  plan_preview_set_layout (self, NULL);
  g_clear_pointer (&self->overlay, gtk_widget_unparent);

  G_OBJECT_CLASS (plan_preview_parent_class)->dispose (object);
}

static void
plan_preview_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PlanPreview *self = PLAN_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_object (value, self->layout);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    case PROP_CURRENT_PAGE:
      g_value_set_uint (value, plan_preview_get_current_page (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_preview_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PlanPreview *self = PLAN_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      plan_preview_set_layout (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_preview_class_init (PlanPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plan_preview_dispose;
  object_class->get_property = plan_preview_get_property;
  object_class->set_property = plan_preview_set_property;

  properties [PROP_LAYOUT] =
    g_param_spec_object ("layout", NULL, NULL,
                         PLAN_TYPE_LAYOUT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_CURRENT_PAGE] =
    g_param_spec_uint ("current-page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, plan_preview_zoom_in);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, plan_preview_zoom_out);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, plan_preview_zoom_fit);
  gtk_widget_class_install_action (widget_class, "preview.zoom-actual", NULL,
                                   plan_preview_zoom_actual);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "preview.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "preview.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "preview.zoom-actual", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "preview");
}

static void
plan_preview_init (PlanPreview *self)
{
  g_autoptr(GMenu) zoom_menu = g_menu_new ();
  GtkWidget *scrolled;
  GtkWidget *osd;
  GtkWidget *zoom_box;
  GtkWidget *zoom_button;

  self->overlay = gtk_overlay_new ();
  gtk_widget_set_parent (self->overlay, GTK_WIDGET (self));

  scrolled = gtk_scrolled_window_new ();
  /* Ask for a readable page when there is room, give it up when there is not. */
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_overlay_set_child (GTK_OVERLAY (self->overlay), scrolled);

  self->pages = PLAN_PREVIEW_PAGES (plan_preview_pages_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pages),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Preview of the printed pages"),
                                  -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->pages));
  g_signal_connect_swapped (self->pages, "notify::current-page",
                            G_CALLBACK (plan_preview_current_page_cb), self);
  g_signal_connect_swapped (self->pages, "notify::zoom",
                            G_CALLBACK (plan_preview_update_labels), self);

  /* Page indicator and zoom controls float over the pages, like a document viewer's. */
  osd = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (osd, "osd");
  gtk_widget_add_css_class (osd, "toolbar");
  gtk_widget_add_css_class (osd, "preview-controls");
  gtk_widget_set_halign (osd, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (osd, GTK_ALIGN_END);
  gtk_widget_set_margin_bottom (osd, 12);
  gtk_overlay_add_overlay (GTK_OVERLAY (self->overlay), osd);

  self->page_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->page_label, 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->page_label), "numeric");
  gtk_box_append (GTK_BOX (osd), GTK_WIDGET (self->page_label));

  zoom_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (zoom_box, "linked");
  gtk_box_append (GTK_BOX (osd), zoom_box);

  gtk_box_append (GTK_BOX (zoom_box),
                  plan_preview_osd_button ("zoom-out-symbolic", _("Zoom Out"), "preview.zoom-out"));

  g_menu_append (zoom_menu, _("Fit _Width"), "preview.zoom-fit");
  g_menu_append (zoom_menu, _("_Actual Size"), "preview.zoom-actual");
  self->zoom_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_width_chars (self->zoom_label, 5);
  gtk_widget_add_css_class (GTK_WIDGET (self->zoom_label), "numeric");
  zoom_button = gtk_menu_button_new ();
  gtk_menu_button_set_child (GTK_MENU_BUTTON (zoom_button), GTK_WIDGET (self->zoom_label));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (zoom_button), G_MENU_MODEL (zoom_menu));
  gtk_widget_set_tooltip_text (zoom_button, _("Zoom"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (zoom_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Zoom"),
                                  -1);
  gtk_box_append (GTK_BOX (zoom_box), zoom_button);

  gtk_box_append (GTK_BOX (zoom_box),
                  plan_preview_osd_button ("zoom-in-symbolic", _("Zoom In"), "preview.zoom-in"));

  plan_preview_update_labels (self);
}

GtkWidget *
plan_preview_new (void)
{
  return g_object_new (PLAN_TYPE_PREVIEW, NULL);
}

void
plan_preview_set_layout (PlanPreview *self,
                         PlanLayout  *layout)
{
  g_return_if_fail (PLAN_IS_PREVIEW (self));
  g_return_if_fail (layout == NULL || PLAN_IS_LAYOUT (layout));

  if (self->layout == layout)
    return;

  g_clear_handle_id (&self->update_source, g_source_remove);

  if (self->layout != NULL)
    g_signal_handlers_disconnect_by_func (self->layout, plan_preview_layout_updated_cb, self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_func (self->document, plan_preview_queue_update, self);
  g_clear_object (&self->document);

  g_set_object (&self->layout, layout);

  if (layout != NULL)
    {
      self->document = g_object_ref (plan_layout_get_document (layout));
      g_signal_connect_swapped (self->document, "changed",
                                G_CALLBACK (plan_preview_queue_update), self);
      g_signal_connect_swapped (layout, "updated",
                                G_CALLBACK (plan_preview_layout_updated_cb), self);
      /* In a window that is not on screen yet, the plan is laid out once the window has
       * been drawn: the editors appear first, the pages a frame later. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        plan_layout_update (layout);
      else
        plan_preview_queue_update (self);
    }

  if (self->pages != NULL)
    plan_preview_pages_set_layout (self->pages, layout);
  plan_preview_sync_n_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAYOUT]);
}

PlanLayout *
plan_preview_get_layout (PlanPreview *self)
{
  g_return_val_if_fail (PLAN_IS_PREVIEW (self), NULL);

  return self->layout;
}

guint
plan_preview_get_n_pages (PlanPreview *self)
{
  g_return_val_if_fail (PLAN_IS_PREVIEW (self), 0);

  return self->n_pages;
}

guint
plan_preview_get_current_page (PlanPreview *self)
{
  g_return_val_if_fail (PLAN_IS_PREVIEW (self), 0);

  return plan_preview_pages_get_current_page (self->pages);
}

void
plan_preview_update (PlanPreview *self)
{
  g_return_if_fail (PLAN_IS_PREVIEW (self));

  g_clear_handle_id (&self->update_source, g_source_remove);

  if (self->layout == NULL)
    return;

  /* "updated" redraws the pages when something changed. */
  plan_layout_update (self->layout);
  self->last_update = g_get_monotonic_time ();
  plan_preview_sync_n_pages (self);
}

gboolean
plan_preview_get_update_pending (PlanPreview *self)
{
  g_return_val_if_fail (PLAN_IS_PREVIEW (self), FALSE);

  return self->update_source != 0;
}

gboolean
plan_preview_scroll_to_object (PlanPreview *self,
                               gpointer     object)
{
  int page;

  g_return_val_if_fail (PLAN_IS_PREVIEW (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (object), FALSE);

  if (self->layout == NULL)
    return FALSE;

  if (self->update_source != 0)
    plan_preview_update (self);

  page = plan_layout_find_page (self->layout, object);
  if (page < 0)
    return FALSE;

  plan_preview_scroll_to_page (self, page);

  return TRUE;
}

void
plan_preview_scroll_to_page (PlanPreview *self,
                             guint        page)
{
  g_return_if_fail (PLAN_IS_PREVIEW (self));

  plan_preview_pages_scroll_to_page (self->pages, page);
}

GtkWidget *
plan_preview_get_pages (PlanPreview *self)
{
  g_return_val_if_fail (PLAN_IS_PREVIEW (self), NULL);

  return GTK_WIDGET (self->pages);
}

const char *
plan_preview_get_page_label (PlanPreview *self)
{
  g_return_val_if_fail (PLAN_IS_PREVIEW (self), NULL);

  return gtk_label_get_label (self->page_label);
}
