/* plan-autosaver.c
 *
 * One draft write at a time: a change that comes while a draft is being written is written
 * after it, and a removal never races with a write that would bring the draft back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "plan-autosaver.h"
#include "plan-json.h"
#include "plan-window-private.h"

/* However long the typing goes on, a draft is written at least this many delays after the first
 * unsaved change. */
#define MAX_DELAYS_WITHOUT_DRAFT 10

struct _PlanAutosaver
{
  GObject         parent_instance;

  PlanWindow     *window;    /* weak */
  PlanDocument   *document;  /* the one whose signals are connected */
  PlanDraftStore *store;
  GSettings      *settings;
  char           *draft_id;

  guint           timeout_id;
  gint64          due_since;   /* monotonic time of the first change not in a draft yet */

  guint           in_flight : 1;
  guint           again : 1;       /* a change came during the write in flight */
  guint           has_draft : 1;
  guint           discarded : 1;
  guint           stopped : 1;
  guint           warned : 1;          /* told the user once that drafts cannot be written */
};

G_DEFINE_FINAL_TYPE (PlanAutosaver, plan_autosaver, G_TYPE_OBJECT)

static void plan_autosaver_follow_document (PlanAutosaver *self);

static void
remove_draft (PlanAutosaver *self)
{
  g_autoptr(GError) error = NULL;

  if (!plan_draft_store_remove (self->store, self->draft_id, &error))
    g_warning ("Could not remove the recovery draft %s: %s", self->draft_id, error->message);
  self->has_draft = FALSE;
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlanAutosaver) self = user_data;
  g_autoptr(GError) error = NULL;

  self->in_flight = FALSE;

  if (plan_draft_store_write_finish (PLAN_DRAFT_STORE (source), result, &error))
    {
      self->has_draft = TRUE;
      self->warned = FALSE;
    }
  else
    {
      g_warning ("Could not write the recovery draft %s: %s", self->draft_id, error->message);

      /* Once, not at every keystroke: the plan itself is fine, only the safety net is missing. */
      if (!self->warned && self->window != NULL && !self->discarded && !self->stopped)
        {
          self->warned = TRUE;
          _plan_window_add_toast (self->window,
                                  _("Unsaved changes cannot be kept for recovery (is the disk full?). Save the plan to keep them safe."));
        }
    }

  /* Discarded (or saved) while this draft was being written: it must not survive. */
  if (self->discarded)
    {
      remove_draft (self);
      return;
    }

  if (self->again)
    {
      self->again = FALSE;
      plan_autosaver_flush (self);
    }
}

static gboolean
timeout_cb (gpointer data)
{
  PlanAutosaver *self = data;

  self->timeout_id = 0;
  plan_autosaver_flush (self);

  return G_SOURCE_REMOVE;
}

static void
schedule (PlanAutosaver *self)
{
  guint delay;
  gint64 now = g_get_monotonic_time ();

  if (self->discarded || self->document == NULL)
    return;

  if (!plan_document_get_modified (self->document))
    {
      /* Saved, or undone back to the saved state: the draft has nothing more to keep. */
      plan_autosaver_flush (self);
      return;
    }

  delay = g_settings_get_uint (self->settings, "auto-save-delay");

  /* Each change moves the draft back, so that it is not written in the middle of a word, but
   * a long stretch of typing still gets one. */
  if (self->timeout_id != 0)
    {
      if (now - self->due_since >= (gint64) delay * MAX_DELAYS_WITHOUT_DRAFT * G_USEC_PER_SEC)
        return;
      g_clear_handle_id (&self->timeout_id, g_source_remove);
    }
  else
    {
      self->due_since = now;
    }

  self->timeout_id = g_timeout_add_seconds (delay, timeout_cb, self);
}

static void
document_changed_cb (PlanAutosaver *self)
{
  schedule (self);
}

static void
window_notify_document_cb (PlanAutosaver *self)
{
  plan_autosaver_follow_document (self);
}

static void
plan_autosaver_follow_document (PlanAutosaver *self)
{
  PlanDocument *document = self->window ? plan_window_get_document (self->window) : NULL;

  if (document == self->document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_swapped (document, "changed", G_CALLBACK (document_changed_cb), self);
      g_signal_connect_swapped (document, "notify::modified",
                                G_CALLBACK (document_changed_cb), self);
    }

  /* Another plan in the same window (a file opened over a blank plan): the draft follows it. */
  schedule (self);
}

static void
plan_autosaver_dispose (GObject *object)
{
  PlanAutosaver *self = (PlanAutosaver *)object;

  plan_autosaver_stop (self);

  G_OBJECT_CLASS (plan_autosaver_parent_class)->dispose (object);
}

static void
plan_autosaver_finalize (GObject *object)
{
  PlanAutosaver *self = (PlanAutosaver *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_free (self->draft_id);

  G_OBJECT_CLASS (plan_autosaver_parent_class)->finalize (object);
}

static void
plan_autosaver_class_init (PlanAutosaverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = plan_autosaver_dispose;
  object_class->finalize = plan_autosaver_finalize;
}

static void
plan_autosaver_init (PlanAutosaver *self)
{
  self->draft_id = plan_draft_store_new_id ();
}

PlanAutosaver *
plan_autosaver_new (PlanWindow     *window,
                    PlanDraftStore *store,
                    GSettings      *settings)
{
  PlanAutosaver *self;

  g_return_val_if_fail (PLAN_IS_WINDOW (window), NULL);
  g_return_val_if_fail (store == NULL || PLAN_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PLAN_TYPE_AUTOSAVER, NULL);
  self->store = store ? g_object_ref (store) : plan_draft_store_new (NULL);
  self->settings = g_object_ref (settings);
  g_set_weak_pointer (&self->window, window);

  g_signal_connect_swapped (window, "notify::document",
                            G_CALLBACK (window_notify_document_cb), self);
  plan_autosaver_follow_document (self);

  return self;
}

PlanDraftStore *
plan_autosaver_get_store (PlanAutosaver *self)
{
  g_return_val_if_fail (PLAN_IS_AUTOSAVER (self), NULL);

  return self->store;
}

const char *
plan_autosaver_get_draft_id (PlanAutosaver *self)
{
  g_return_val_if_fail (PLAN_IS_AUTOSAVER (self), NULL);

  return self->draft_id;
}

void
plan_autosaver_set_draft_id (PlanAutosaver *self,
                             const char    *draft_id)
{
  g_return_if_fail (PLAN_IS_AUTOSAVER (self));
  g_return_if_fail (draft_id != NULL && g_uuid_string_is_valid (draft_id));

  if (g_strcmp0 (self->draft_id, draft_id) == 0)
    return;

  /* Our own draft (if any) would be a second copy of the same changes. */
  if (self->has_draft)
    remove_draft (self);

  g_free (self->draft_id);
  self->draft_id = g_strdup (draft_id);
  /* The recovered draft is on disk until this plan is saved or discarded. */
  self->has_draft = TRUE;
}

void
plan_autosaver_flush (PlanAutosaver *self)
{
  g_autoptr(GBytes) snapshot = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (PLAN_IS_AUTOSAVER (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->discarded || self->stopped || self->document == NULL || self->window == NULL)
    return;

  if (self->in_flight)
    {
      self->again = TRUE;
      return;
    }

  if (!plan_document_get_modified (self->document))
    {
      if (self->has_draft)
        remove_draft (self);
      return;
    }

  /* The snapshot is taken here, on the main thread; only the writing happens in a worker
   * thread, so typing goes on meanwhile. */
  snapshot = plan_json_save_bytes (self->document);
  title = plan_window_dup_title (self->window);

  self->in_flight = TRUE;
  plan_draft_store_write_async (self->store, self->draft_id, title,
                                plan_window_get_file (self->window), self->window->etag,
                                snapshot, NULL, write_done_cb, g_object_ref (self));
}

gboolean
plan_autosaver_is_idle (PlanAutosaver *self)
{
  g_return_val_if_fail (PLAN_IS_AUTOSAVER (self), TRUE);

  return !self->in_flight && self->timeout_id == 0;
}

void
plan_autosaver_discard (PlanAutosaver *self)
{
  g_return_if_fail (PLAN_IS_AUTOSAVER (self));

  self->discarded = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* A write in flight removes its draft when it ends (write_done_cb). */
  remove_draft (self);
}

void
plan_autosaver_stop (PlanAutosaver *self)
{
  g_return_if_fail (PLAN_IS_AUTOSAVER (self));

  self->stopped = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_data (self->window, self);
  g_clear_weak_pointer (&self->window);
}
