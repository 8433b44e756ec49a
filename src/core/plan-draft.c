/* plan-draft.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "plan-draft.h"

struct _PlanDraft
{
  GObject    parent_instance;

  char      *id;
  char      *title;
  GFile     *original;
  char      *original_etag;
  GDateTime *time;
  int        pid;
  GFile     *file;
};

G_DEFINE_FINAL_TYPE (PlanDraft, plan_draft, G_TYPE_OBJECT)

static void
plan_draft_finalize (GObject *object)
{
  PlanDraft *self = (PlanDraft *)object;

  g_free (self->id);
  g_free (self->title);
  g_clear_object (&self->original);
  g_free (self->original_etag);
  g_clear_pointer (&self->time, g_date_time_unref);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (plan_draft_parent_class)->finalize (object);
}

static void
plan_draft_class_init (PlanDraftClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plan_draft_finalize;
}

static void
plan_draft_init (PlanDraft *self)
{
}

PlanDraft *
plan_draft_new (const char *id,
                const char *title,
                GFile      *original,
                const char *original_etag,
                GDateTime  *time,
                int         pid,
                GFile      *file)
{
  PlanDraft *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (time != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (PLAN_TYPE_DRAFT, NULL);
  self->id = g_strdup (id);
  self->title = g_strdup (title ? title : "");
  self->original = original ? g_object_ref (original) : NULL;
  self->original_etag = g_strdup (original_etag);
  self->time = g_date_time_ref (time);
  self->pid = pid;
  self->file = g_object_ref (file);

  return self;
}

const char *
plan_draft_get_id (PlanDraft *self)
{
  g_return_val_if_fail (PLAN_IS_DRAFT (self), NULL);

  return self->id;
}

const char *
plan_draft_get_title (PlanDraft *self)
{
  g_return_val_if_fail (PLAN_IS_DRAFT (self), NULL);

  return self->title;
}

GFile *
plan_draft_get_original (PlanDraft *self)
{
  g_return_val_if_fail (PLAN_IS_DRAFT (self), NULL);

  return self->original;
}

const char *
plan_draft_get_original_etag (PlanDraft *self)
{
  g_return_val_if_fail (PLAN_IS_DRAFT (self), NULL);

  return self->original_etag;
}

GDateTime *
plan_draft_get_time (PlanDraft *self)
{
  g_return_val_if_fail (PLAN_IS_DRAFT (self), NULL);

  return self->time;
}

int
plan_draft_get_pid (PlanDraft *self)
{
  g_return_val_if_fail (PLAN_IS_DRAFT (self), 0);

  return self->pid;
}

GFile *
plan_draft_get_file (PlanDraft *self)
{
  g_return_val_if_fail (PLAN_IS_DRAFT (self), NULL);

  return self->file;
}
