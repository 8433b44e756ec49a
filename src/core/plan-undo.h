/* plan-undo.h: the undo history of a PlanDocument (private to src/core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "plan-types.h"

G_BEGIN_DECLS

#define PLAN_TYPE_UNDO (plan_undo_get_type ())
G_DECLARE_FINAL_TYPE (PlanUndo, plan_undo, PLAN, UNDO, GObject)

/* The history records changes that were already applied: the document changes the model first
 * and then tells the history what it did.
 *
 * Properties (read-only, notified on change): "can-undo", "can-redo", "modified".
 * Signal "changed": after a recorded top-level step (or a merge into the last one), an undo and
 * a redo; a group emits it once, at its outermost end, and only if something changed. */
/* @owner (the document) is not referenced by the history, though changes to it are recorded:
 * the document owns the history, and a reference back would keep both alive. */
PlanUndo *plan_undo_new              (GObject      *owner);

/* @object's @pspec went from @old_value to @new_value. */
void      plan_undo_record_set       (PlanUndo     *self,
                                      GObject      *object,
                                      GParamSpec   *pspec,
                                      const GValue *old_value,
                                      const GValue *new_value);
/* At @position of @store, @n_removed items @removed were replaced by @n_added items @added. */
void      plan_undo_record_splice    (PlanUndo     *self,
                                      GListStore   *store,
                                      guint         position,
                                      gpointer     *removed,
                                      guint         n_removed,
                                      gpointer     *added,
                                      guint         n_added);

void      plan_undo_begin_group      (PlanUndo     *self);
void      plan_undo_end_group        (PlanUndo     *self);
void      plan_undo_break_merge      (PlanUndo     *self);

gboolean  plan_undo_can_undo         (PlanUndo     *self);
gboolean  plan_undo_can_redo         (PlanUndo     *self);
void      plan_undo_undo             (PlanUndo     *self);
void      plan_undo_redo             (PlanUndo     *self);
/* TRUE while an undo or redo is being applied: changes seen then must not be recorded. */
gboolean  plan_undo_is_applying      (PlanUndo     *self);
void      plan_undo_clear            (PlanUndo     *self);

gboolean  plan_undo_get_modified     (PlanUndo     *self);
void      plan_undo_set_unmodified   (PlanUndo     *self);
/* No state in the history is the saved one (a plan recovered from a draft). */
void      plan_undo_set_modified     (PlanUndo     *self);

G_END_DECLS
