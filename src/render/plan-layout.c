/* plan-layout.c: the plan on pages, laid out again only as much as an edit requires
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "plan-layout"

#include "config.h"

#include "plan-block-builder.h"
#include "plan-fonts.h"
#include "plan-layout.h"
#include "plan-layout-cache.h"
#include "plan-painter.h"
#include "plan-paginator.h"
#include "plan-units.h"

struct _PlanLayout
{
  GObject          parent_instance;

  PlanDocument    *document;
  PlanLayoutCache *cache;
  GPtrArray       *blocks;
  GPtrArray       *pages;
  GHashTable      *object_pages;
  PlanMargins      margins;
  gulong           changed_id;
  guint            dirty : 1;
};

G_DEFINE_FINAL_TYPE (PlanLayout, plan_layout, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_N_PAGES,
  N_PROPS
};

enum {
  UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
document_changed_cb (PlanLayout *self)
{
  self->dirty = TRUE;
}

static void
note_row (gpointer row,
          gpointer user_data)
{
  GHashTable *object_pages = ((gpointer *)user_data)[0];
  guint page = GPOINTER_TO_UINT (((gpointer *)user_data)[1]);

  if (!g_hash_table_contains (object_pages, row))
    g_hash_table_insert (object_pages, row, GUINT_TO_POINTER (page));
}

static void
index_objects (PlanLayout *self)
{
  g_hash_table_remove_all (self->object_pages);
  g_hash_table_insert (self->object_pages, self->document, GUINT_TO_POINTER (0));

  for (guint p = 0; p < self->pages->len; p++)
    {
      const PlanPage *page = g_ptr_array_index (self->pages, p);

      for (guint i = 0; i < page->placements->len; i++)
        {
          const PlanPlacement *placement = &g_array_index (page->placements, PlanPlacement, i);
          PlanBlock *block = placement->block;

          if (block->object != NULL && !g_hash_table_contains (self->object_pages, block->object))
            g_hash_table_insert (self->object_pages, block->object, GUINT_TO_POINTER (p));
          for (guint j = 0; block->also != NULL && j < block->also->len; j++)
            if (!g_hash_table_contains (self->object_pages, g_ptr_array_index (block->also, j)))
              g_hash_table_insert (self->object_pages, g_ptr_array_index (block->also, j),
                                   GUINT_TO_POINTER (p));
          if (block->kind == PLAN_BLOCK_TABLE)
            {
              gpointer data[2] = { self->object_pages, GUINT_TO_POINTER (p) };

              plan_table_block_foreach_row (block->table, placement->from, placement->to,
                                            note_row, data);
            }
        }
    }
}

static void
plan_layout_dispose (GObject *object)
{
  PlanLayout *self = PLAN_LAYOUT (object);

  if (self->document != NULL)
    g_clear_signal_handler (&self->changed_id, self->document);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (plan_layout_parent_class)->dispose (object);
}

static void
plan_layout_finalize (GObject *object)
{
  PlanLayout *self = PLAN_LAYOUT (object);

  g_clear_pointer (&self->cache, plan_layout_cache_free);
  g_clear_pointer (&self->object_pages, g_hash_table_unref);

  G_OBJECT_CLASS (plan_layout_parent_class)->finalize (object);
}

static void
plan_layout_constructed (GObject *object)
{
  PlanLayout *self = PLAN_LAYOUT (object);

  G_OBJECT_CLASS (plan_layout_parent_class)->constructed (object);

  g_return_if_fail (PLAN_IS_DOCUMENT (self->document));

  self->changed_id = g_signal_connect_swapped (self->document, "changed",
                                               G_CALLBACK (document_changed_cb), self);
}

static void
plan_layout_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  PlanLayout *self = PLAN_LAYOUT (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, plan_layout_get_n_pages (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_layout_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  PlanLayout *self = PLAN_LAYOUT (object);

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
plan_layout_class_init (PlanLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = plan_layout_constructed;
  object_class->dispose = plan_layout_dispose;
  object_class->finalize = plan_layout_finalize;
  object_class->get_property = plan_layout_get_property;
  object_class->set_property = plan_layout_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PLAN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlanLayout::updated:
   *
   * Emitted by plan_layout_update() after the pages changed.
   */
  signals[UPDATED] =
    g_signal_new ("updated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
plan_layout_init (PlanLayout *self)
{
  self->cache = plan_layout_cache_new ();
  self->object_pages = g_hash_table_new (NULL, NULL);
  self->dirty = TRUE;
}

PlanLayout *
plan_layout_new (PlanDocument *document)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);

  return g_object_new (PLAN_TYPE_LAYOUT, "document", document, NULL);
}

PlanDocument *
plan_layout_get_document (PlanLayout *self)
{
  g_return_val_if_fail (PLAN_IS_LAYOUT (self), NULL);

  return self->document;
}

void
plan_layout_update (PlanLayout *self)
{
  g_autoptr(GPtrArray) old_blocks = NULL;
  g_autoptr(GPtrArray) old_pages = NULL;
  double top, bottom, left, right;
  guint old_n_pages;

  g_return_if_fail (PLAN_IS_LAYOUT (self));

  if (!self->dirty)
    return;

  old_n_pages = plan_layout_get_n_pages (self);
  old_blocks = g_steal_pointer (&self->blocks);
  old_pages = g_steal_pointer (&self->pages);

  plan_document_get_margins (self->document, &top, &bottom, &left, &right);
  self->margins.top = PLAN_MM_TO_PT (top);
  self->margins.bottom = PLAN_MM_TO_PT (bottom);
  self->margins.left = PLAN_MM_TO_PT (left);
  self->margins.right = PLAN_MM_TO_PT (right);

  /* Unchanged paragraphs come back from the cache; the rest is shaped again. */
  plan_layout_cache_begin (self->cache);
  self->blocks = plan_block_builder_build (self->document, self->cache);
  plan_layout_cache_end (self->cache);
  self->pages = plan_paginator_run (self->blocks, &self->margins);
  index_objects (self);
  self->dirty = FALSE;

  g_debug ("Laid out %u pages, %u text blocks shaped, %u cached",
           self->pages->len, plan_layout_cache_get_misses (self->cache),
           plan_layout_cache_get_size (self->cache));

  g_signal_emit (self, signals[UPDATED], 0);
  if (old_n_pages != self->pages->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
}

guint
plan_layout_get_n_pages (PlanLayout *self)
{
  g_return_val_if_fail (PLAN_IS_LAYOUT (self), 0);

  return self->pages != NULL ? self->pages->len : 0;
}

void
plan_layout_get_page_size (PlanLayout *self,
                           guint       page,
                           double     *width_pt,
                           double     *height_pt)
{
  const PlanPage *p;

  g_return_if_fail (PLAN_IS_LAYOUT (self));

  if (self->pages == NULL || page >= self->pages->len)
    {
      if (width_pt != NULL)
        *width_pt = PLAN_A4_WIDTH_PT;
      if (height_pt != NULL)
        *height_pt = PLAN_A4_HEIGHT_PT;
      return;
    }

  p = g_ptr_array_index (self->pages, page);
  if (width_pt != NULL)
    *width_pt = p->width;
  if (height_pt != NULL)
    *height_pt = p->height;
}

guint
plan_layout_get_page_number (PlanLayout *self,
                             guint       page)
{
  const PlanPage *p;

  g_return_val_if_fail (PLAN_IS_LAYOUT (self), 0);

  if (self->pages == NULL || page >= self->pages->len)
    return 0;

  p = g_ptr_array_index (self->pages, page);
  return p->number >= 2 ? p->number : 0;
}

void
plan_layout_draw_page (PlanLayout *self,
                       cairo_t    *cr,
                       guint       page)
{
  PlanPaintOptions options = { 0, };

  g_return_if_fail (PLAN_IS_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  if (self->pages == NULL || page >= self->pages->len)
    return;

  options.margins = &self->margins;
  /* ND30: page numbers 13–14 pt, upright */
  options.page_number_size = CLAMP (plan_document_get_font_size (self->document), 13, 14);
  options.watermark = plan_document_get_draft_watermark (self->document);

  plan_painter_draw_page (self->cache, g_ptr_array_index (self->pages, page), &options, cr);
}

int
plan_layout_find_page (PlanLayout *self,
                       gpointer    object)
{
  gpointer page;

  g_return_val_if_fail (PLAN_IS_LAYOUT (self), -1);

  if (object == NULL || !g_hash_table_lookup_extended (self->object_pages, object, NULL, &page))
    return -1;

  return GPOINTER_TO_INT (page);
}

const char *
plan_layout_get_font_family (PlanLayout *self)
{
  return plan_fonts_get_family ();
}

gboolean
plan_layout_has_real_times (PlanLayout *self)
{
  return plan_fonts_is_real_times ();
}
