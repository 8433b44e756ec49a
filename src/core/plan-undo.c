/* plan-undo.c: the undo history of a PlanDocument
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "plan-text.h"
#include "plan-undo.h"

/* Consecutive sets of the same text property within this time are one burst of typing. */
#define MERGE_WINDOW_USEC G_USEC_PER_SEC

typedef enum {
  OP_SET,
  OP_SPLICE,
} OpKind;

typedef struct
{
  OpKind      kind;
  /* SET: the model object; SPLICE: the GListStore. Not referenced when it is the owner. */
  GObject    *object;
  gboolean    borrowed;
  /* SET */
  GParamSpec *pspec;
  GValue      old_value;
  GValue      new_value;
  /* SPLICE */
  guint       position;
  GPtrArray  *removed;
  GPtrArray  *added;
} Op;

typedef struct
{
  GPtrArray *ops;
  /* Monotonic time of the last change merged into this step. */
  gint64     time;
  /* A single text set that later typing may extend. */
  gboolean   mergeable;
} Step;

struct _PlanUndo
{
  GObject    parent_instance;

  /* The document, not referenced (see plan_undo_new()). */
  GObject   *owner;

  GPtrArray *undo_stack;
  GPtrArray *redo_stack;
  /* The step being built while a group is open. */
  Step      *pending;
  guint      depth;

  /* Length of undo_stack when the plan was saved; -1 once that state can't be reached. */
  gint       saved;
  gboolean   merge_broken;
  gboolean   applying;

  /* What was last notified, to notify only on change. */
  gboolean   can_undo;
  gboolean   can_redo;
  gboolean   modified;
};

G_DEFINE_FINAL_TYPE (PlanUndo, plan_undo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
op_free (gpointer data)
{
  Op *op = data;

  if (op->borrowed)
    op->object = NULL;
  g_clear_object (&op->object);
  if (G_IS_VALUE (&op->old_value))
    g_value_unset (&op->old_value);
  if (G_IS_VALUE (&op->new_value))
    g_value_unset (&op->new_value);
  g_clear_pointer (&op->pspec, g_param_spec_unref);
  g_clear_pointer (&op->removed, g_ptr_array_unref);
  g_clear_pointer (&op->added, g_ptr_array_unref);
  g_free (op);
}

static Step *
step_new (void)
{
  Step *step = g_new0 (Step, 1);

  step->ops = g_ptr_array_new_with_free_func (op_free);
  step->time = g_get_monotonic_time ();
  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->ops);
  g_free (step);
}

static GPtrArray *
object_array_new (gpointer *items,
                  guint     n_items)
{
  GPtrArray *array = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (array, g_object_ref (items[i]));

  return array;
}

static void
op_apply (Op       *op,
          gboolean  forward)
{
  switch (op->kind)
    {
    case OP_SET:
      g_object_set_property (op->object, op->pspec->name,
                             forward ? &op->new_value : &op->old_value);
      break;

    case OP_SPLICE:
      {
        GPtrArray *gone = forward ? op->removed : op->added;
        GPtrArray *back = forward ? op->added : op->removed;

        g_list_store_splice (G_LIST_STORE (op->object), op->position, gone->len,
                             back->pdata, back->len);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
update_state (PlanUndo *self)
{
  gboolean can_undo = plan_undo_can_undo (self);
  gboolean can_redo = plan_undo_can_redo (self);
  gboolean modified = plan_undo_get_modified (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

/* A new change makes the redo steps unreachable, and with them perhaps the saved state. */
static void
clear_redo (PlanUndo *self)
{
  if (self->redo_stack->len == 0)
    return;

  if (self->saved > (gint) self->undo_stack->len)
    self->saved = -1;
  g_ptr_array_set_size (self->redo_stack, 0);
}

static void
push_step (PlanUndo *self,
           Step     *step)
{
  clear_redo (self);
  g_ptr_array_add (self->undo_stack, step);
}

static gboolean
is_text_pspec (GParamSpec *pspec)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  return type == G_TYPE_STRING || type == PLAN_TYPE_TEXT;
}

/* Whether a set of @object's @pspec continues the burst of typing recorded last. */
static gboolean
can_merge (PlanUndo   *self,
           GObject    *object,
           GParamSpec *pspec,
           gint64      now)
{
  Step *top;
  Op *op;

  if (self->merge_broken || !is_text_pspec (pspec) || self->undo_stack->len == 0)
    return FALSE;
  /* Merging into the saved step would make the saved state unreachable by undo. */
  if (self->saved == (gint) self->undo_stack->len)
    return FALSE;

  top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  if (!top->mergeable || top->ops->len != 1 || now - top->time > MERGE_WINDOW_USEC)
    return FALSE;

  op = g_ptr_array_index (top->ops, 0);
  return op->kind == OP_SET && op->object == object && op->pspec == pspec;
}

static void
record (PlanUndo *self,
        Op       *op)
{
  Step *step;

  if (self->depth > 0)
    {
      g_ptr_array_add (self->pending->ops, op);
      update_state (self);
      return;
    }

  step = step_new ();
  step->mergeable = op->kind == OP_SET && is_text_pspec (op->pspec);
  g_ptr_array_add (step->ops, op);
  push_step (self, step);
  self->merge_broken = FALSE;

  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
plan_undo_finalize (GObject *object)
{
  PlanUndo *self = PLAN_UNDO (object);

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->pending, step_free);

  G_OBJECT_CLASS (plan_undo_parent_class)->finalize (object);
}

static void
plan_undo_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PlanUndo *self = PLAN_UNDO (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, plan_undo_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, plan_undo_can_redo (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, plan_undo_get_modified (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_undo_class_init (PlanUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = plan_undo_finalize;
  object_class->get_property = plan_undo_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 0);
}

static void
plan_undo_init (PlanUndo *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (step_free);
  self->redo_stack = g_ptr_array_new_with_free_func (step_free);
}

PlanUndo *
plan_undo_new (GObject *owner)
{
  PlanUndo *self;

  g_return_val_if_fail (G_IS_OBJECT (owner), NULL);

  self = g_object_new (PLAN_TYPE_UNDO, NULL);
  self->owner = owner;
  return self;
}

void
plan_undo_record_set (PlanUndo     *self,
                      GObject      *object,
                      GParamSpec   *pspec,
                      const GValue *old_value,
                      const GValue *new_value)
{
  gint64 now;
  Op *op;

  g_return_if_fail (PLAN_IS_UNDO (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (pspec != NULL);

  if (self->applying)
    return;

  now = g_get_monotonic_time ();

  if (self->depth == 0 && can_merge (self, object, pspec, now))
    {
      Step *top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);

      op = g_ptr_array_index (top->ops, 0);
      g_value_unset (&op->new_value);
      g_value_init (&op->new_value, G_VALUE_TYPE (new_value));
      g_value_copy (new_value, &op->new_value);
      top->time = now;

      /* The redo stack is already empty: undoing breaks the merge. */
      update_state (self);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }

  op = g_new0 (Op, 1);
  op->kind = OP_SET;
  op->borrowed = object == self->owner;
  op->object = op->borrowed ? object : g_object_ref (object);
  op->pspec = g_param_spec_ref (pspec);
  g_value_init (&op->old_value, G_VALUE_TYPE (old_value));
  g_value_copy (old_value, &op->old_value);
  g_value_init (&op->new_value, G_VALUE_TYPE (new_value));
  g_value_copy (new_value, &op->new_value);

  record (self, op);
}

void
plan_undo_record_splice (PlanUndo   *self,
                         GListStore *store,
                         guint       position,
                         gpointer   *removed,
                         guint       n_removed,
                         gpointer   *added,
                         guint       n_added)
{
  Op *op;

  g_return_if_fail (PLAN_IS_UNDO (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (removed != NULL || n_removed == 0);
  g_return_if_fail (added != NULL || n_added == 0);

  if (self->applying || (n_removed == 0 && n_added == 0))
    return;

  op = g_new0 (Op, 1);
  op->kind = OP_SPLICE;
  op->object = g_object_ref (G_OBJECT (store));
  op->position = position;
  op->removed = object_array_new (removed, n_removed);
  op->added = object_array_new (added, n_added);

  /* Structure changes end any burst of typing. */
  self->merge_broken = TRUE;
  record (self, op);
  self->merge_broken = TRUE;
}

void
plan_undo_begin_group (PlanUndo *self)
{
  g_return_if_fail (PLAN_IS_UNDO (self));

  if (self->depth++ == 0)
    {
      g_assert (self->pending == NULL);
      self->pending = step_new ();
      self->merge_broken = TRUE;
    }
}

void
plan_undo_end_group (PlanUndo *self)
{
  Step *step;

  g_return_if_fail (PLAN_IS_UNDO (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  step = g_steal_pointer (&self->pending);
  self->merge_broken = TRUE;

  if (step->ops->len == 0)
    {
      step_free (step);
      update_state (self);
      return;
    }

  push_step (self, step);
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
plan_undo_break_merge (PlanUndo *self)
{
  g_return_if_fail (PLAN_IS_UNDO (self));

  self->merge_broken = TRUE;
}

gboolean
plan_undo_can_undo (PlanUndo *self)
{
  g_return_val_if_fail (PLAN_IS_UNDO (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
plan_undo_can_redo (PlanUndo *self)
{
  g_return_val_if_fail (PLAN_IS_UNDO (self), FALSE);

  return self->redo_stack->len > 0;
}

void
plan_undo_undo (PlanUndo *self)
{
  Step *step;

  g_return_if_fail (PLAN_IS_UNDO (self));
  g_return_if_fail (self->depth == 0);

  if (self->undo_stack->len == 0)
    return;

  step = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);

  self->applying = TRUE;
  for (guint i = step->ops->len; i > 0; i--)
    op_apply (g_ptr_array_index (step->ops, i - 1), FALSE);
  self->applying = FALSE;

  g_ptr_array_add (self->redo_stack, step);
  self->merge_broken = TRUE;

  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
plan_undo_redo (PlanUndo *self)
{
  Step *step;

  g_return_if_fail (PLAN_IS_UNDO (self));
  g_return_if_fail (self->depth == 0);

  if (self->redo_stack->len == 0)
    return;

  step = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);

  self->applying = TRUE;
  for (guint i = 0; i < step->ops->len; i++)
    op_apply (g_ptr_array_index (step->ops, i), TRUE);
  self->applying = FALSE;

  g_ptr_array_add (self->undo_stack, step);
  self->merge_broken = TRUE;

  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
plan_undo_is_applying (PlanUndo *self)
{
  g_return_val_if_fail (PLAN_IS_UNDO (self), FALSE);

  return self->applying;
}

void
plan_undo_clear (PlanUndo *self)
{
  gboolean was_modified;

  g_return_if_fail (PLAN_IS_UNDO (self));

  was_modified = plan_undo_get_modified (self);

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  if (self->pending != NULL)
    g_ptr_array_set_size (self->pending->ops, 0);
  self->merge_broken = TRUE;
  /* Forgetting the history does not make unsaved changes saved. */
  self->saved = was_modified ? -1 : 0;

  update_state (self);
}

gboolean
plan_undo_get_modified (PlanUndo *self)
{
  g_return_val_if_fail (PLAN_IS_UNDO (self), FALSE);

  if (self->pending != NULL && self->pending->ops->len > 0)
    return TRUE;

  return self->saved != (gint) self->undo_stack->len;
}

void
plan_undo_set_unmodified (PlanUndo *self)
{
  g_return_if_fail (PLAN_IS_UNDO (self));

  self->saved = self->undo_stack->len;
  /* The next keystroke must start a new step, so that undo can return to this state. */
  self->merge_broken = TRUE;

  update_state (self);
}

void
plan_undo_set_modified (PlanUndo *self)
{
  g_return_if_fail (PLAN_IS_UNDO (self));

  self->saved = -1;

  update_state (self);
}
