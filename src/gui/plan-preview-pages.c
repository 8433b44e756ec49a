/* plan-preview-pages.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "plan-preview-pages.h"

/* Points to pixels at actual size (96 dpi). */
#define PT_TO_PX (96.0 / 72.0)
#define SPACING  16

typedef struct
{
  double y;
  double width;
  double height;
  double scale;   /* pixels per point */
} PageRect;

struct _PlanPreviewPages
{
  GtkWidget      parent_instance;

  PlanLayout    *layout;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;

  GArray        *rects;         /* PageRect, in pixels at the current zoom */
  GPtrArray     *nodes;         /* GskRenderNode per page, NULL until drawn */
  double         content_width;
  double         content_height;
  double         zoom;
  guint          current_page;
  guint          n_drawn;
  /* The page asked for by scroll_to_page() stays current while the view stays there, even
   * when the end of the document keeps it from reaching the top of the view. */
  int            pinned_page;
  double         pinned_value;

  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
  guint          fit_width : 1;
};

enum {
  PROP_0,
  PROP_LAYOUT,
  PROP_ZOOM,
  PROP_FIT_WIDTH,
  PROP_CURRENT_PAGE,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (PlanPreviewPages, plan_preview_pages, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

/* Pages not drawn yet are NULL. */
static void
clear_node (gpointer data)
{
  if (data != NULL)
    gsk_render_node_unref (data);
}

static double
plan_preview_pages_get_narrowest (PlanPreviewPages *self)
{
  guint n_pages = self->layout ? plan_layout_get_n_pages (self->layout) : 0;
  double narrowest = 0;

  for (guint i = 0; i < n_pages; i++)
    {
      double w, h;

      plan_layout_get_page_size (self->layout, i, &w, &h);
      if (narrowest == 0 || w < narrowest)
        narrowest = w;
    }

  return narrowest;
}

static double
plan_preview_pages_fit_zoom (PlanPreviewPages *self,
                             int               width)
{
  double narrowest = plan_preview_pages_get_narrowest (self);

  g_assert (PLAN_IS_PREVIEW_PAGES (self));

  if (narrowest <= 0 || width <= 2 * SPACING)
    return self->zoom;

  return CLAMP ((width - 2 * SPACING) / (narrowest * PT_TO_PX),
                PLAN_PREVIEW_ZOOM_MIN, PLAN_PREVIEW_ZOOM_MAX);
}

/* Pixels per point of a page @width_pt wide. Fitting the width fits the portrait pages; a
 * landscape appendix page is shrunk to the same width rather than cut off. */
static double
plan_preview_pages_get_scale (PlanPreviewPages *self,
                              double            zoom,
                              double            narrowest,
                              double            width_pt)
{
  double scale = zoom * PT_TO_PX;

  if (self->fit_width && narrowest > 0 && width_pt > narrowest)
    scale *= narrowest / width_pt;

  return scale;
}

static void
plan_preview_pages_clear_nodes (PlanPreviewPages *self)
{
  g_ptr_array_set_size (self->nodes, 0);
  self->n_drawn = 0;
}

static void
plan_preview_pages_compute_rects (PlanPreviewPages *self)
{
  guint n_pages = self->layout ? plan_layout_get_n_pages (self->layout) : 0;
  double narrowest = plan_preview_pages_get_narrowest (self);
  double y = SPACING;
  double widest = 0;

  g_array_set_size (self->rects, 0);

  for (guint i = 0; i < n_pages; i++)
    {
      PageRect rect;
      double w, h;

      plan_layout_get_page_size (self->layout, i, &w, &h);
      rect.scale = plan_preview_pages_get_scale (self, self->zoom, narrowest, w);
      rect.y = y;
      rect.width = round (w * rect.scale);
      rect.height = round (h * rect.scale);
      g_array_append_val (self->rects, rect);

      y += rect.height + SPACING;
      widest = MAX (widest, rect.width);
    }

  self->content_width = widest + 2 * SPACING;
  self->content_height = n_pages > 0 ? y : 0;

  if (self->nodes->len != n_pages)
    plan_preview_pages_clear_nodes (self);
}

static void
plan_preview_pages_update_current_page (PlanPreviewPages *self)
{
  double value, reading_line;
  guint current = 0;

  if (self->vadjustment == NULL)
    return;

  value = gtk_adjustment_get_value (self->vadjustment);

  if (self->pinned_page >= 0
      && (guint) self->pinned_page < self->rects->len
      && fabs (value - self->pinned_value) < 1)
    {
      current = self->pinned_page;
    }
  else
    {
      /* The page a quarter down the view is the one being read. */
      self->pinned_page = -1;
      reading_line = value + gtk_adjustment_get_page_size (self->vadjustment) / 4;

      for (guint i = 0; i < self->rects->len; i++)
        {
          if (reading_line >= g_array_index (self->rects, PageRect, i).y - SPACING)
            current = i;
          else
            break;
        }
    }

  if (current != self->current_page)
    {
      self->current_page = current;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CURRENT_PAGE]);
    }
}

static void
plan_preview_pages_configure_adjustments (PlanPreviewPages *self,
                                          double            anchor_fraction)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment != NULL)
    {
      double upper = MAX (self->content_width, width);

      gtk_adjustment_configure (self->hadjustment,
                                CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, upper - width),
                                0, upper, width * 0.1, width * 0.9, width);
    }

  if (self->vadjustment != NULL)
    {
      double upper = MAX (self->content_height, height);
      double value = gtk_adjustment_get_value (self->vadjustment);

      if (anchor_fraction >= 0)
        value = anchor_fraction * upper - height / 2.0;

      gtk_adjustment_configure (self->vadjustment,
                                CLAMP (value, 0, upper - height),
                                0, upper, height * 0.1, height * 0.9, height);
    }

  plan_preview_pages_update_current_page (self);
}

/* The fraction of the content at the middle of the view, to keep it there across a zoom. */
static double
plan_preview_pages_get_anchor (PlanPreviewPages *self)
{
  if (self->vadjustment == NULL || self->content_height <= 0)
    return -1;

  return (gtk_adjustment_get_value (self->vadjustment)
          + gtk_adjustment_get_page_size (self->vadjustment) / 2) / self->content_height;
}

static void
plan_preview_pages_apply_zoom (PlanPreviewPages *self,
                               double            zoom)
{
  double anchor;

  zoom = CLAMP (zoom, PLAN_PREVIEW_ZOOM_MIN, PLAN_PREVIEW_ZOOM_MAX);
  if (fabs (zoom - self->zoom) < 0.0001)
    return;

  anchor = plan_preview_pages_get_anchor (self);
  self->zoom = zoom;
  plan_preview_pages_clear_nodes (self);
  plan_preview_pages_compute_rects (self);
  plan_preview_pages_configure_adjustments (self, anchor);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

static GskRenderNode *
plan_preview_pages_get_node (PlanPreviewPages *self,
                             guint             page)
{
  const PageRect *rect = &g_array_index (self->rects, PageRect, page);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  cairo_t *cr;

  if (self->nodes->len != self->rects->len)
    g_ptr_array_set_size (self->nodes, self->rects->len);

  if (g_ptr_array_index (self->nodes, page) != NULL)
    return g_ptr_array_index (self->nodes, page);

  /* The cairo node records the drawing: scrolling replays it without laying out text again. */
  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, rect->width, rect->height));
  cairo_scale (cr, rect->scale, rect->scale);
  plan_layout_draw_page (self->layout, cr, page);
  cairo_destroy (cr);

  g_ptr_array_index (self->nodes, page) = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  self->n_drawn++;

  return g_ptr_array_index (self->nodes, page);
}

static void
plan_preview_pages_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  PlanPreviewPages *self = (PlanPreviewPages *)widget;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double hvalue = self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
  double vvalue = self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
  double area_width = MAX (width, self->content_width);
  GdkRGBA shadow = { 0, 0, 0, 0.3 };

  for (guint i = 0; i < self->rects->len; i++)
    {
      const PageRect *rect = &g_array_index (self->rects, PageRect, i);
      double x = floor ((area_width - rect->width) / 2 - hvalue);
      double y = floor (rect->y - vvalue);

      /* Only the pages in view are drawn. */
      if (y + rect->height < 0)
        continue;
      if (y > height)
        break;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
      gtk_snapshot_append_outset_shadow (snapshot,
                                         &GSK_ROUNDED_RECT_INIT (0, 0, rect->width, rect->height),
                                         &shadow, 0, 1, 0, 4);
      gtk_snapshot_append_node (snapshot, plan_preview_pages_get_node (self, i));
      gtk_snapshot_restore (snapshot);
    }
}

static double
plan_preview_pages_get_content_height (PlanPreviewPages *self,
                                       double            zoom)
{
  guint n_pages = self->layout ? plan_layout_get_n_pages (self->layout) : 0;
  double narrowest = plan_preview_pages_get_narrowest (self);
  double height = SPACING;

  for (guint i = 0; i < n_pages; i++)
    {
      double w, h;

      plan_layout_get_page_size (self->layout, i, &w, &h);
      height += round (h * plan_preview_pages_get_scale (self, zoom, narrowest, w)) + SPACING;
    }

  return n_pages > 0 ? height : 0;
}

static void
plan_preview_pages_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  PlanPreviewPages *self = (PlanPreviewPages *)widget;

  /* The real content size, so that the scrolled window decides on its scrollbars before
   * allocating us rather than after (which would allocate again in the middle of a frame). */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->fit_width ? 0 : ceil (self->content_width);
      *natural = self->fit_width ? 500 : ceil (self->content_width);
    }
  else
    {
      double zoom = self->zoom;

      if (self->fit_width && for_size > 0)
        zoom = plan_preview_pages_fit_zoom (self, for_size);

      *minimum = *natural = ceil (plan_preview_pages_get_content_height (self, zoom));
    }
}

static GtkSizeRequestMode
plan_preview_pages_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
plan_preview_pages_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  PlanPreviewPages *self = (PlanPreviewPages *)widget;
  double anchor = plan_preview_pages_get_anchor (self);

  if (self->fit_width)
    {
      double zoom = plan_preview_pages_fit_zoom (self, width);

      if (fabs (zoom - self->zoom) >= 0.0001)
        {
          self->zoom = zoom;
          plan_preview_pages_clear_nodes (self);
          g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
        }
    }

  plan_preview_pages_compute_rects (self);
  plan_preview_pages_configure_adjustments (self, self->fit_width ? anchor : -1);
}

static gboolean
plan_preview_pages_scroll_cb (PlanPreviewPages         *self,
                              double                    dx,
                              double                    dy,
                              GtkEventControllerScroll *controller)
{
  GdkModifierType state;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_CONTROL_MASK) == 0 || dy == 0)
    return FALSE;

  plan_preview_pages_set_fit_width (self, FALSE);
  plan_preview_pages_apply_zoom (self, self->zoom * pow (1.1, -dy));

  return TRUE;
}

static void
plan_preview_pages_adjustment_changed_cb (PlanPreviewPages *self)
{
  plan_preview_pages_update_current_page (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
plan_preview_pages_set_adjustment (PlanPreviewPages  *self,
                                   GtkAdjustment    **slot,
                                   GtkAdjustment     *adjustment)
{
  if (adjustment == *slot)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, plan_preview_pages_adjustment_changed_cb, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (plan_preview_pages_adjustment_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
plan_preview_pages_layout_updated_cb (PlanPreviewPages *self)
{
  plan_preview_pages_invalidate (self);
}

static void
plan_preview_pages_dispose (GObject *object)
{
  PlanPreviewPages *self = (PlanPreviewPages *)object;

  plan_preview_pages_set_layout (self, NULL);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment,
                                          plan_preview_pages_adjustment_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment,
                                          plan_preview_pages_adjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (plan_preview_pages_parent_class)->dispose (object);
}

static void
plan_preview_pages_finalize (GObject *object)
{
  PlanPreviewPages *self = (PlanPreviewPages *)object;

  g_clear_pointer (&self->rects, g_array_unref);
  g_clear_pointer (&self->nodes, g_ptr_array_unref);

  G_OBJECT_CLASS (plan_preview_pages_parent_class)->finalize (object);
}

static void
plan_preview_pages_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PlanPreviewPages *self = PLAN_PREVIEW_PAGES (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      g_value_set_object (value, self->layout);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_FIT_WIDTH:
      g_value_set_boolean (value, self->fit_width);
      break;
    case PROP_CURRENT_PAGE:
      g_value_set_uint (value, self->current_page);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_preview_pages_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PlanPreviewPages *self = PLAN_PREVIEW_PAGES (object);

  switch (prop_id)
    {
    case PROP_LAYOUT:
      plan_preview_pages_set_layout (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      plan_preview_pages_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT_WIDTH:
      plan_preview_pages_set_fit_width (self, g_value_get_boolean (value));
      break;
    case PROP_HADJUSTMENT:
      plan_preview_pages_set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      plan_preview_pages_set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_preview_pages_class_init (PlanPreviewPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = plan_preview_pages_dispose;
  object_class->finalize = plan_preview_pages_finalize;
  object_class->get_property = plan_preview_pages_get_property;
  object_class->set_property = plan_preview_pages_set_property;

  widget_class->snapshot = plan_preview_pages_snapshot;
  widget_class->measure = plan_preview_pages_measure;
  widget_class->size_allocate = plan_preview_pages_size_allocate;

  properties [PROP_LAYOUT] =
    g_param_spec_object ("layout", NULL, NULL,
                         PLAN_TYPE_LAYOUT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         PLAN_PREVIEW_ZOOM_MIN, PLAN_PREVIEW_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_FIT_WIDTH] =
    g_param_spec_boolean ("fit-width", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_CURRENT_PAGE] =
    g_param_spec_uint ("current-page", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  widget_class->get_request_mode = plan_preview_pages_get_request_mode;

  gtk_widget_class_set_css_name (widget_class, "preview-pages");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
plan_preview_pages_init (PlanPreviewPages *self)
{
  GtkEventController *scroll;

  self->rects = g_array_new (FALSE, FALSE, sizeof (PageRect));
  self->nodes = g_ptr_array_new_with_free_func (clear_node);
  self->zoom = 0.5;
  self->fit_width = TRUE;
  self->pinned_page = -1;

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (plan_preview_pages_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

GtkWidget *
plan_preview_pages_new (void)
{
  return g_object_new (PLAN_TYPE_PREVIEW_PAGES, NULL);
}

void
plan_preview_pages_set_layout (PlanPreviewPages *self,
                               PlanLayout       *layout)
{
  g_return_if_fail (PLAN_IS_PREVIEW_PAGES (self));
  g_return_if_fail (layout == NULL || PLAN_IS_LAYOUT (layout));

  if (self->layout == layout)
    return;

  if (self->layout != NULL)
    g_signal_handlers_disconnect_by_func (self->layout, plan_preview_pages_layout_updated_cb, self);

  g_set_object (&self->layout, layout);

  if (layout != NULL)
    g_signal_connect_swapped (layout, "updated",
                              G_CALLBACK (plan_preview_pages_layout_updated_cb), self);

  plan_preview_pages_invalidate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LAYOUT]);
}

PlanLayout *
plan_preview_pages_get_layout (PlanPreviewPages *self)
{
  g_return_val_if_fail (PLAN_IS_PREVIEW_PAGES (self), NULL);

  return self->layout;
}

double
plan_preview_pages_get_zoom (PlanPreviewPages *self)
{
  g_return_val_if_fail (PLAN_IS_PREVIEW_PAGES (self), 1.0);

  return self->zoom;
}

void
plan_preview_pages_set_zoom (PlanPreviewPages *self,
                             double            zoom)
{
  g_return_if_fail (PLAN_IS_PREVIEW_PAGES (self));

  plan_preview_pages_set_fit_width (self, FALSE);
  plan_preview_pages_apply_zoom (self, zoom);
}

gboolean
plan_preview_pages_get_fit_width (PlanPreviewPages *self)
{
  g_return_val_if_fail (PLAN_IS_PREVIEW_PAGES (self), FALSE);

  return self->fit_width;
}

void
plan_preview_pages_set_fit_width (PlanPreviewPages *self,
                                  gboolean          fit_width)
{
  g_return_if_fail (PLAN_IS_PREVIEW_PAGES (self));

  fit_width = !!fit_width;
  if (self->fit_width == fit_width)
    return;

  self->fit_width = fit_width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FIT_WIDTH]);
}

guint
plan_preview_pages_get_current_page (PlanPreviewPages *self)
{
  g_return_val_if_fail (PLAN_IS_PREVIEW_PAGES (self), 0);

  return self->current_page;
}

void
plan_preview_pages_scroll_to_page (PlanPreviewPages *self,
                                   guint             page)
{
  double target;

  g_return_if_fail (PLAN_IS_PREVIEW_PAGES (self));

  if (page >= self->rects->len || self->vadjustment == NULL)
    return;

  target = g_array_index (self->rects, PageRect, page).y - SPACING;
  target = CLAMP (target,
                  gtk_adjustment_get_lower (self->vadjustment),
                  MAX (gtk_adjustment_get_lower (self->vadjustment),
                       gtk_adjustment_get_upper (self->vadjustment)
                       - gtk_adjustment_get_page_size (self->vadjustment)));
  self->pinned_page = page;
  self->pinned_value = target;
  gtk_adjustment_set_value (self->vadjustment, target);
  plan_preview_pages_update_current_page (self);
}

void
plan_preview_pages_invalidate (PlanPreviewPages *self)
{
  g_return_if_fail (PLAN_IS_PREVIEW_PAGES (self));

  plan_preview_pages_clear_nodes (self);
  plan_preview_pages_compute_rects (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
plan_preview_pages_get_n_drawn (PlanPreviewPages *self)
{
  g_return_val_if_fail (PLAN_IS_PREVIEW_PAGES (self), 0);

  return self->n_drawn;
}
