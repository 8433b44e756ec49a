/* plan-application-recovery.c: at start-up, offer the drafts of plans left unsaved by a crash,
 * a power cut or a kill
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <unistd.h>

#include "plan-application-private.h"
#include "plan-recovery-dialog.h"
#include "plan-window-private.h"

static char *
read_comm (int pid)
{
  g_autofree char *path = pid > 0 ? g_strdup_printf ("/proc/%d/comm", pid)
                                  : g_strdup ("/proc/self/comm");
  char *comm = NULL;

  if (!g_file_get_contents (path, &comm, NULL, NULL))
    return NULL;

  return g_strstrip (comm);
}

/* A draft is in use while a window writes it: one of ours, or one of another Kế hoạch still
 * running (a second instance started without D-Bus, for example). */
static gboolean
draft_is_in_use (PlanApplication *self,
                 PlanDraft       *draft)
{
  int pid = plan_draft_get_pid (draft);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      PlanWindow *window = l->data;

      if (PLAN_IS_WINDOW (window) && window->autosaver != NULL
          && g_strcmp0 (plan_autosaver_get_draft_id (window->autosaver),
                        plan_draft_get_id (draft)) == 0)
        return TRUE;
    }

  if (pid > 0 && pid != getpid ())
    {
      g_autofree char *theirs = read_comm (pid);
      g_autofree char *ours = read_comm (0);

      /* The process that wrote it is gone, or the number now belongs to another program. */
      return theirs != NULL && g_strcmp0 (theirs, ours) == 0;
    }

  return FALSE;
}

static PlanWindow *
find_unchanged_window_for (PlanApplication *self,
                           GFile           *file)
{
  if (file == NULL)
    return NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      PlanWindow *window = l->data;

      if (PLAN_IS_WINDOW (window)
          && plan_window_get_file (window) != NULL
          && g_file_equal (plan_window_get_file (window), file)
          && !plan_document_get_modified (plan_window_get_document (window)))
        return window;
    }

  return NULL;
}

GPtrArray *
_plan_application_list_orphan_drafts (PlanApplication *self,
                                      PlanDraftStore  *store)
{
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *orphans;

  g_return_val_if_fail (PLAN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (PLAN_IS_DRAFT_STORE (store), NULL);

  orphans = g_ptr_array_new_with_free_func (g_object_unref);

  drafts = plan_draft_store_list (store, NULL, &error);
  if (drafts == NULL)
    {
      g_warning ("Could not look for recovery drafts: %s", error->message);
      return orphans;
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      PlanDraft *draft = g_ptr_array_index (drafts, i);

      if (!draft_is_in_use (self, draft))
        g_ptr_array_add (orphans, g_object_ref (draft));
    }

  return orphans;
}

void
_plan_application_offer_recovery (PlanApplication *self,
                                  GtkWindow       *parent)
{
  g_autoptr(PlanDraftStore) store = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  PlanRecoveryDialog *dialog;

  g_return_if_fail (PLAN_IS_APPLICATION (self));
  g_return_if_fail (GTK_IS_WINDOW (parent));

  /* Once per run: drafts left after that are the user's choice ("Decide Later"). */
  if (self->recovery_offered)
    return;
  self->recovery_offered = TRUE;

  store = plan_draft_store_new (NULL);
  drafts = _plan_application_list_orphan_drafts (self, store);
  if (drafts->len == 0)
    return;

  dialog = plan_recovery_dialog_new (parent, store, drafts);
  gtk_window_present (GTK_WINDOW (dialog));
}

PlanWindow *
_plan_application_recover_draft (PlanApplication  *self,
                                 PlanDraftStore   *store,
                                 PlanDraft        *draft,
                                 GtkWindow        *reuse,
                                 GError          **error)
{
  g_autoptr(PlanDocument) document = NULL;
  PlanWindow *window;

  g_return_val_if_fail (PLAN_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (PLAN_IS_DRAFT_STORE (store), NULL);
  g_return_val_if_fail (PLAN_IS_DRAFT (draft), NULL);

  document = plan_draft_store_load (store, draft, error);
  if (document == NULL)
    return NULL;

  /* The same file opened again after the crash (double-clicked, say) and not changed yet: its
   * window takes the recovered changes rather than showing the file twice. */
  window = find_unchanged_window_for (self, plan_draft_get_original (draft));
  if (window == NULL && PLAN_IS_WINDOW (reuse) && plan_window_is_blank (PLAN_WINDOW (reuse)))
    window = PLAN_WINDOW (reuse);
  if (window == NULL)
    window = plan_window_new (GTK_APPLICATION (self), document);

  /* Unsaved, with its own file (if it had one) as the place Save writes to; the etag from
   * before the crash makes Save ask first when someone changed that file since. */
  _plan_window_set_document (window, document, plan_draft_get_original (draft),
                             plan_draft_get_original_etag (draft));
  /* The window goes on keeping the same draft until the plan is saved or discarded. */
  plan_autosaver_set_draft_id (window->autosaver, plan_draft_get_id (draft));

  gtk_window_present (GTK_WINDOW (window));

  return window;
}
