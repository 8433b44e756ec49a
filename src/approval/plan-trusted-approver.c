/* plan-trusted-approver.c: an approver's public key as read from a .kehoach-key file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plan-key-file-private.h"
#include "plan-nfc.h"
#include "plan-signing-key.h"
#include "plan-trusted-approver-private.h"

/* A public key file is a few hundred bytes; anything much larger is not one. */
#define MAX_KEY_FILE_SIZE (64 * 1024)

struct _PlanTrustedApprover
{
  GObject   parent_instance;
  char     *name;
  char     *title;
  char     *key_id;
  char     *public_key;
  gboolean  own;
  GFile    *file;
};

G_DEFINE_FINAL_TYPE (PlanTrustedApprover, plan_trusted_approver, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_KEY_ID,
  PROP_PUBLIC_KEY,
  PROP_OWN,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
plan_trusted_approver_finalize (GObject *object)
{
  PlanTrustedApprover *self = PLAN_TRUSTED_APPROVER (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->key_id);
  g_free (self->public_key);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (plan_trusted_approver_parent_class)->finalize (object);
}

static void
plan_trusted_approver_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PlanTrustedApprover *self = PLAN_TRUSTED_APPROVER (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KEY_ID:
      g_value_set_string (value, self->key_id);
      break;
    case PROP_PUBLIC_KEY:
      g_value_set_string (value, self->public_key);
      break;
    case PROP_OWN:
      g_value_set_boolean (value, self->own);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_trusted_approver_class_init (PlanTrustedApproverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = plan_trusted_approver_finalize;
  object_class->get_property = plan_trusted_approver_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_KEY_ID] = g_param_spec_string ("key-id", NULL, NULL, "", flags);
  properties[PROP_PUBLIC_KEY] = g_param_spec_string ("public-key", NULL, NULL, "", flags);
  properties[PROP_OWN] = g_param_spec_boolean ("own", NULL, NULL, FALSE, flags);
  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
plan_trusted_approver_init (PlanTrustedApprover *self)
{
}

static gboolean
bad_file (GError     **error,
          const char  *message)
{
  g_set_error_literal (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_BAD_KEY_FILE, message);
  return FALSE;
}

static char *
dup_nfc_line (GKeyFile   *key_file,
              const char *key)
{
  /* GKeyFile refuses values that are not UTF-8. */
  g_autofree char *value = g_key_file_get_string (key_file, PLAN_KEY_FILE_GROUP, key, NULL);

  if (value == NULL)
    return g_strdup ("");
  return g_strstrip (plan_utf8_nfc (value));
}

PlanTrustedApprover *
plan_trusted_approver_new_from_data (const char  *data,
                                     gsize        length,
                                     GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(PlanTrustedApprover) self = NULL;
  g_autofree char *key_id = NULL;
  g_autofree char *computed = NULL;
  g_autofree char *public_key = NULL;
  int version;

  g_return_val_if_fail (data != NULL, NULL);

  if (length > MAX_KEY_FILE_SIZE || !g_utf8_validate (data, length, NULL) ||
      !g_key_file_load_from_data (key_file, data, length, G_KEY_FILE_NONE, NULL) ||
      !g_key_file_has_group (key_file, PLAN_KEY_FILE_GROUP))
    {
      bad_file (error, _("This is not a Kế hoạch public key file"));
      return NULL;
    }

  version = g_key_file_get_integer (key_file, PLAN_KEY_FILE_GROUP, "Version", NULL);
  if (version > PLAN_KEY_FILE_VERSION)
    {
      bad_file (error, _("This public key file was made by a newer version of Kế hoạch"));
      return NULL;
    }

  public_key = g_key_file_get_string (key_file, PLAN_KEY_FILE_GROUP, "PublicKey", NULL);
  if (public_key == NULL || public_key[0] == '\0')
    {
      bad_file (error, _("The file holds no public key"));
      return NULL;
    }
  g_strstrip (public_key);

  computed = plan_key_id_from_public_key (public_key);
  if (computed == NULL)
    {
      bad_file (error, _("The public key in the file is damaged"));
      return NULL;
    }

  /* The id is redundant; a mismatch means the file was altered or mangled in transit. */
  key_id = g_key_file_get_string (key_file, PLAN_KEY_FILE_GROUP, "KeyId", NULL);
  if (key_id != NULL && !g_str_equal (g_strstrip (key_id), computed))
    {
      bad_file (error, _("The key id in the file does not match its public key: the file "
                         "was changed"));
      return NULL;
    }

  self = g_object_new (PLAN_TYPE_TRUSTED_APPROVER, NULL);
  self->name = dup_nfc_line (key_file, "Name");
  self->title = dup_nfc_line (key_file, "Title");
  self->key_id = g_steal_pointer (&computed);
  self->public_key = g_steal_pointer (&public_key);

  return g_steal_pointer (&self);
}

PlanTrustedApprover *
plan_trusted_approver_new_from_file (GFile         *file,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;
  PlanTrustedApprover *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, cancellable, &data, &length, NULL, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  self = plan_trusted_approver_new_from_data (data, length, error);
  if (self != NULL)
    self->file = g_object_ref (file);

  return self;
}

void
_plan_trusted_approver_set_own (PlanTrustedApprover *self,
                                gboolean             own)
{
  self->own = own;
}

void
_plan_trusted_approver_set_file (PlanTrustedApprover *self,
                                 GFile               *file)
{
  g_set_object (&self->file, file);
}

const char *
plan_trusted_approver_get_name (PlanTrustedApprover *self)
{
  g_return_val_if_fail (PLAN_IS_TRUSTED_APPROVER (self), NULL);

  return self->name;
}

const char *
plan_trusted_approver_get_title (PlanTrustedApprover *self)
{
  g_return_val_if_fail (PLAN_IS_TRUSTED_APPROVER (self), NULL);

  return self->title;
}

const char *
plan_trusted_approver_get_key_id (PlanTrustedApprover *self)
{
  g_return_val_if_fail (PLAN_IS_TRUSTED_APPROVER (self), NULL);

  return self->key_id;
}

const char *
plan_trusted_approver_get_public_key (PlanTrustedApprover *self)
{
  g_return_val_if_fail (PLAN_IS_TRUSTED_APPROVER (self), NULL);

  return self->public_key;
}

gboolean
plan_trusted_approver_get_own (PlanTrustedApprover *self)
{
  g_return_val_if_fail (PLAN_IS_TRUSTED_APPROVER (self), FALSE);

  return self->own;
}

GFile *
plan_trusted_approver_get_file (PlanTrustedApprover *self)
{
  g_return_val_if_fail (PLAN_IS_TRUSTED_APPROVER (self), NULL);

  return self->file;
}
