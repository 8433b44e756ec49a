/* plan-approval-result.c: what plan_approval_verify() found
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-approval-result-private.h"

struct _PlanApprovalResult
{
  GObject            parent_instance;
  PlanApprovalState  state;
  char              *name;
  char              *title;
  gint64             time;
  char              *key_id;
  GStrv              changed_parts;
  char              *description;
};

G_DEFINE_FINAL_TYPE (PlanApprovalResult, plan_approval_result, G_TYPE_OBJECT)

GType
plan_approval_state_get_type (void)
{
  static gsize type = 0;
  static const GEnumValue values[] = {
    { PLAN_APPROVAL_NONE, "PLAN_APPROVAL_NONE", "none" },
    { PLAN_APPROVAL_VALID, "PLAN_APPROVAL_VALID", "valid" },
    { PLAN_APPROVAL_CHANGED, "PLAN_APPROVAL_CHANGED", "changed" },
    { PLAN_APPROVAL_UNTRUSTED_KEY, "PLAN_APPROVAL_UNTRUSTED_KEY", "untrusted-key" },
    { PLAN_APPROVAL_BAD_SIGNATURE, "PLAN_APPROVAL_BAD_SIGNATURE", "bad-signature" },
    { 0, NULL, NULL }
  };

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("PlanApprovalState", values));

  return type;
}

static void
plan_approval_result_finalize (GObject *object)
{
  PlanApprovalResult *self = PLAN_APPROVAL_RESULT (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->key_id);
  g_strfreev (self->changed_parts);
  g_free (self->description);

  G_OBJECT_CLASS (plan_approval_result_parent_class)->finalize (object);
}

static void
plan_approval_result_class_init (PlanApprovalResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plan_approval_result_finalize;
}

static void
plan_approval_result_init (PlanApprovalResult *self)
{
}

PlanApprovalResult *
_plan_approval_result_new (PlanApprovalState  state,
                           const char        *name,
                           const char        *title,
                           gint64             time,
                           const char        *key_id,
                           GStrv              changed_parts,
                           char              *description)
{
  PlanApprovalResult *self = g_object_new (PLAN_TYPE_APPROVAL_RESULT, NULL);

  self->state = state;
  self->name = g_strdup (name != NULL ? name : "");
  self->title = g_strdup (title != NULL ? title : "");
  self->time = time;
  self->key_id = g_strdup (key_id != NULL ? key_id : "");
  self->changed_parts = changed_parts != NULL ? changed_parts : g_new0 (char *, 1);
  self->description = description;

  return self;
}

PlanApprovalState
plan_approval_result_get_state (PlanApprovalResult *self)
{
  g_return_val_if_fail (PLAN_IS_APPROVAL_RESULT (self), PLAN_APPROVAL_NONE);

  return self->state;
}

const char *
plan_approval_result_get_name (PlanApprovalResult *self)
{
  g_return_val_if_fail (PLAN_IS_APPROVAL_RESULT (self), NULL);

  return self->name;
}

const char *
plan_approval_result_get_title (PlanApprovalResult *self)
{
  g_return_val_if_fail (PLAN_IS_APPROVAL_RESULT (self), NULL);

  return self->title;
}

gint64
plan_approval_result_get_time (PlanApprovalResult *self)
{
  g_return_val_if_fail (PLAN_IS_APPROVAL_RESULT (self), 0);

  return self->time;
}

const char *
plan_approval_result_get_key_id (PlanApprovalResult *self)
{
  g_return_val_if_fail (PLAN_IS_APPROVAL_RESULT (self), NULL);

  return self->key_id;
}

const char * const *
plan_approval_result_get_changed_parts (PlanApprovalResult *self)
{
  g_return_val_if_fail (PLAN_IS_APPROVAL_RESULT (self), NULL);

  return (const char * const *) self->changed_parts;
}

const char *
plan_approval_result_describe (PlanApprovalResult *self)
{
  g_return_val_if_fail (PLAN_IS_APPROVAL_RESULT (self), NULL);

  return self->description;
}

gboolean
plan_approval_result_is_approved (PlanApprovalResult *self)
{
  g_return_val_if_fail (PLAN_IS_APPROVAL_RESULT (self), FALSE);

  return self->state == PLAN_APPROVAL_VALID;
}
