/* plan-trust-store.c: the approvers whose signatures the user trusts, one public key file each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "plan-key-file-private.h"
#include "plan-signing-key.h"
#include "plan-trust-store.h"
#include "plan-trusted-approver-private.h"

struct _PlanTrustStore
{
  GObject     parent_instance;
  GFile      *trusted_dir;
  GFile      *own_key_file;
  GListStore *approvers;
};

G_DEFINE_FINAL_TYPE (PlanTrustStore, plan_trust_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
plan_trust_store_dispose (GObject *object)
{
  PlanTrustStore *self = PLAN_TRUST_STORE (object);

  g_clear_object (&self->trusted_dir);
  g_clear_object (&self->own_key_file);
  g_clear_object (&self->approvers);

  G_OBJECT_CLASS (plan_trust_store_parent_class)->dispose (object);
}

static void
plan_trust_store_class_init (PlanTrustStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = plan_trust_store_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
plan_trust_store_init (PlanTrustStore *self)
{
  self->approvers = g_list_store_new (PLAN_TYPE_TRUSTED_APPROVER);
}

/* Own key first, then by name as people read it, then by key id for a stable order. */
static int
compare_approvers (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  PlanTrustedApprover *pa = (PlanTrustedApprover *) a;
  PlanTrustedApprover *pb = (PlanTrustedApprover *) b;
  g_autofree char *ka = NULL;
  g_autofree char *kb = NULL;
  int result;

  if (plan_trusted_approver_get_own (pa) != plan_trusted_approver_get_own (pb))
    return plan_trusted_approver_get_own (pa) ? -1 : 1;

  ka = g_utf8_collate_key (plan_trusted_approver_get_name (pa), -1);
  kb = g_utf8_collate_key (plan_trusted_approver_get_name (pb), -1);
  result = strcmp (ka, kb);
  if (result != 0)
    return result;

  return strcmp (plan_trusted_approver_get_key_id (pa), plan_trusted_approver_get_key_id (pb));
}

static GPtrArray *
read_folder (PlanTrustStore *self)
{
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GError) error = NULL;

  enumerator = g_file_enumerate_children (self->trusted_dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (enumerator == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Could not read the trusted approvers: %s", error->message);
      return found;
    }

  while (TRUE)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;
      g_autoptr(PlanTrustedApprover) approver = NULL;
      g_autoptr(GError) file_error = NULL;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, NULL, &error))
        {
          g_warning ("Could not read the trusted approvers: %s", error->message);
          break;
        }
      if (info == NULL)
        break;
      if (!g_str_has_suffix (g_file_info_get_name (info), PLAN_KEY_FILE_SUFFIX))
        continue;

      approver = plan_trusted_approver_new_from_file (child, NULL, &file_error);
      if (approver == NULL)
        {
          g_autofree char *path = g_file_get_path (child);

          g_warning ("Ignoring the trusted key %s: %s", path, file_error->message);
          continue;
        }

      g_ptr_array_add (found, g_steal_pointer (&approver));
    }

  return found;
}

void
plan_trust_store_reload (PlanTrustStore *self)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(PlanTrustedApprover) own = NULL;

  g_return_if_fail (PLAN_IS_TRUST_STORE (self));

  found = read_folder (self);

  if (self->own_key_file != NULL)
    own = plan_trusted_approver_new_from_file (self->own_key_file, NULL, NULL);
  if (own != NULL)
    {
      _plan_trusted_approver_set_own (own, TRUE);
      g_ptr_array_add (found, g_steal_pointer (&own));
    }

  g_list_store_splice (self->approvers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->approvers)),
                       found->pdata, found->len);
  g_list_store_sort (self->approvers, compare_approvers, NULL);

  g_signal_emit (self, signals[CHANGED], 0);
}

PlanTrustStore *
plan_trust_store_new_for_paths (GFile *trusted_dir,
                                GFile *own_key_file)
{
  PlanTrustStore *self;

  g_return_val_if_fail (G_IS_FILE (trusted_dir), NULL);
  g_return_val_if_fail (own_key_file == NULL || G_IS_FILE (own_key_file), NULL);

  self = g_object_new (PLAN_TYPE_TRUST_STORE, NULL);
  self->trusted_dir = g_object_ref (trusted_dir);
  self->own_key_file = own_key_file != NULL ? g_object_ref (own_key_file) : NULL;
  plan_trust_store_reload (self);

  return self;
}

PlanTrustStore *
plan_trust_store_new_default (void)
{
  g_autoptr(GFile) trusted_dir = _plan_trusted_dir ();
  g_autoptr(GFile) own_key_file = _plan_own_key_file ();

  return plan_trust_store_new_for_paths (trusted_dir, own_key_file);
}

GListModel *
plan_trust_store_get_approvers (PlanTrustStore *self)
{
  g_return_val_if_fail (PLAN_IS_TRUST_STORE (self), NULL);

  return G_LIST_MODEL (self->approvers);
}

PlanTrustedApprover *
plan_trust_store_import_file (PlanTrustStore  *self,
                              GFile           *file,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr(PlanTrustedApprover) approver = NULL;
  g_autoptr(GFile) target = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *data = NULL;
  g_autofree char *stored = NULL;
  PlanTrustedApprover *trusted;
  gsize length = 0;

  g_return_val_if_fail (PLAN_IS_TRUST_STORE (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, error))
    return NULL;

  approver = plan_trusted_approver_new_from_data (data, length, error);
  if (approver == NULL)
    return NULL;

  /* Written anew rather than copied: only what was checked ends up in the store. */
  basename = g_strconcat (plan_trusted_approver_get_key_id (approver), PLAN_KEY_FILE_SUFFIX, NULL);
  target = g_file_get_child (self->trusted_dir, basename);
  stored = _plan_key_file_to_data (plan_trusted_approver_get_name (approver),
                                   plan_trusted_approver_get_title (approver),
                                   plan_trusted_approver_get_key_id (approver),
                                   plan_trusted_approver_get_public_key (approver), NULL);

  if (!_plan_make_private_dir (self->trusted_dir, 0700, error) ||
      !_plan_write_file_with_mode (target, stored, strlen (stored), 0644, error))
    return NULL;

  plan_trust_store_reload (self);

  /* The stored one (it knows its file), or the user's own key when that is what was imported. */
  trusted = plan_trust_store_lookup (self, plan_trusted_approver_get_public_key (approver));
  return trusted != NULL ? g_object_ref (trusted) : g_steal_pointer (&approver);
}

gboolean
plan_trust_store_remove (PlanTrustStore  *self,
                         const char      *key_id,
                         GError         **error)
{
  GListModel *approvers;
  gboolean removed = FALSE;

  g_return_val_if_fail (PLAN_IS_TRUST_STORE (self), FALSE);
  g_return_val_if_fail (key_id != NULL, FALSE);

  approvers = G_LIST_MODEL (self->approvers);
  for (guint i = 0; i < g_list_model_get_n_items (approvers); i++)
    {
      g_autoptr(PlanTrustedApprover) approver = g_list_model_get_item (approvers, i);
      GFile *file = plan_trusted_approver_get_file (approver);

      if (!g_str_equal (plan_trusted_approver_get_key_id (approver), key_id) ||
          plan_trusted_approver_get_own (approver) || file == NULL)
        continue;

      if (!g_file_delete (file, NULL, error))
        return FALSE;
      removed = TRUE;
    }

  if (!removed)
    {
      g_set_error_literal (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_NOT_TRUSTED,
                           _("This key is not among your trusted approvers"));
      return FALSE;
    }

  plan_trust_store_reload (self);
  return TRUE;
}

PlanTrustedApprover *
plan_trust_store_lookup (PlanTrustStore *self,
                         const char     *public_key)
{
  GListModel *approvers;

  g_return_val_if_fail (PLAN_IS_TRUST_STORE (self), NULL);

  if (public_key == NULL || public_key[0] == '\0')
    return NULL;

  approvers = G_LIST_MODEL (self->approvers);
  for (guint i = 0; i < g_list_model_get_n_items (approvers); i++)
    {
      g_autoptr(PlanTrustedApprover) approver = g_list_model_get_item (approvers, i);

      if (g_str_equal (plan_trusted_approver_get_public_key (approver), public_key))
        return approver;  /* the store keeps its reference */
    }

  return NULL;
}
