/* plan-signing-key.c: the approver's Ed25519 key (libsodium), kept in the keyring or a
 * private file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libsecret/secret.h>
#include <sodium.h>

#include "plan-key-file-private.h"
#include "plan-signing-key.h"

#define SECRET_SERVICE_NAME "org.freedesktop.secrets"
#define PRIVATE_KEY_GROUP   "Kehoach Signing Key"
#define KEY_ID_LENGTH       16

struct _PlanSigningKey
{
  GObject         parent_instance;
  unsigned char   public_key[crypto_sign_PUBLICKEYBYTES];
  unsigned char  *secret_key;   /* sodium_malloc'd: locked, wiped on free */
  char           *public_key_base64;
  char           *key_id;
  PlanKeyStorage  storage;
  GFile          *file;
};

G_DEFINE_FINAL_TYPE (PlanSigningKey, plan_signing_key, G_TYPE_OBJECT)

static const SecretSchema *
get_secret_schema (void)
{
  static const SecretSchema schema = {
    "io.github.kehoach.KeHoach.SigningKey", SECRET_SCHEMA_NONE,
    {
      { "purpose", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

#define SECRET_PURPOSE "approval-signing"

static void
plan_signing_key_finalize (GObject *object)
{
  PlanSigningKey *self = PLAN_SIGNING_KEY (object);

  if (self->secret_key != NULL)
    sodium_free (self->secret_key);
  g_free (self->public_key_base64);
  g_free (self->key_id);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (plan_signing_key_parent_class)->finalize (object);
}

static void
plan_signing_key_class_init (PlanSigningKeyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = plan_signing_key_finalize;
}

static void
plan_signing_key_init (PlanSigningKey *self)
{
}

/* ---- Key ids ------------------------------------------------------------------------------ */

static char *
key_id_for_bytes (const unsigned char *public_key)
{
  g_autofree char *digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, public_key,
                                                         crypto_sign_PUBLICKEYBYTES);

  return g_strndup (digest, KEY_ID_LENGTH);
}

/* Decodes base64 of exactly @length bytes into @out; FALSE for anything else. */
static gboolean
decode_exact (const char    *base64,
              unsigned char *out,
              gsize          length)
{
  g_autofree guchar *decoded = NULL;
  gsize decoded_length = 0;

  if (base64 == NULL || base64[0] == '\0')
    return FALSE;

  /* g_base64_decode accepts anything; check the alphabet so that junk is not "a key". */
  for (const char *p = base64; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '+' && *p != '/' && *p != '=')
      return FALSE;

  decoded = g_base64_decode (base64, &decoded_length);
  if (decoded_length != length)
    {
      if (decoded != NULL)
        sodium_memzero (decoded, decoded_length);
      return FALSE;
    }

  memcpy (out, decoded, length);
  sodium_memzero (decoded, decoded_length);
  return TRUE;
}

char *
plan_key_id_from_public_key (const char *public_key)
{
  unsigned char bytes[crypto_sign_PUBLICKEYBYTES];

  if (!decode_exact (public_key, bytes, sizeof bytes))
    return NULL;

  return key_id_for_bytes (bytes);
}

char *
plan_key_id_format (const char *key_id)
{
  GString *formatted = g_string_new (NULL);

  g_return_val_if_fail (key_id != NULL, NULL);

  for (gsize i = 0; key_id[i] != '\0'; i++)
    {
      if (i > 0 && i % 4 == 0)
        g_string_append_c (formatted, ' ');
      g_string_append_c (formatted, key_id[i]);
    }

  return g_string_free (formatted, FALSE);
}

gboolean
plan_signature_verify (const char *public_key,
                       GBytes     *data,
                       const char *signature)
{
  unsigned char key[crypto_sign_PUBLICKEYBYTES];
  unsigned char sig[crypto_sign_BYTES];
  gsize length = 0;
  const unsigned char *message;

  g_return_val_if_fail (data != NULL, FALSE);

  if (!_plan_sodium_init (NULL) ||
      !decode_exact (public_key, key, sizeof key) ||
      !decode_exact (signature, sig, sizeof sig))
    return FALSE;

  message = g_bytes_get_data (data, &length);
  return crypto_sign_verify_detached (sig, message, length, key) == 0;
}

/* ---- Making keys -------------------------------------------------------------------------- */

static PlanSigningKey *
key_new_from_seed (const unsigned char *seed,
                   PlanKeyStorage       storage,
                   GFile               *file)
{
  PlanSigningKey *self = g_object_new (PLAN_TYPE_SIGNING_KEY, NULL);

  self->secret_key = sodium_malloc (crypto_sign_SECRETKEYBYTES);
  g_assert (self->secret_key != NULL);
  crypto_sign_seed_keypair (self->public_key, self->secret_key, seed);
  self->public_key_base64 = g_base64_encode (self->public_key, sizeof self->public_key);
  self->key_id = key_id_for_bytes (self->public_key);
  self->storage = storage;
  self->file = file != NULL ? g_object_ref (file) : NULL;

  return self;
}

/* The seed is what is stored: 32 random bytes from which libsodium derives both halves. */
static PlanSigningKey *
key_new_from_seed_base64 (const char      *seed_base64,
                          PlanKeyStorage   storage,
                          GFile           *file,
                          GError         **error)
{
  unsigned char *seed = sodium_malloc (crypto_sign_SEEDBYTES);
  PlanSigningKey *self = NULL;

  if (decode_exact (seed_base64, seed, crypto_sign_SEEDBYTES))
    self = key_new_from_seed (seed, storage, file);
  else
    g_set_error_literal (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_BAD_KEY,
                         _("The stored signing key is damaged"));
  sodium_free (seed);

  return self;
}

PlanSigningKey *
plan_signing_key_new_ephemeral (void)
{
  unsigned char *seed;
  PlanSigningKey *self;

  if (!_plan_sodium_init (NULL))
    g_error ("libsodium could not be initialized");

  seed = sodium_malloc (crypto_sign_SEEDBYTES);
  randombytes_buf (seed, crypto_sign_SEEDBYTES);
  self = key_new_from_seed (seed, PLAN_KEY_STORAGE_NONE, NULL);
  sodium_free (seed);

  return self;
}

static char *
seed_base64 (PlanSigningKey *self)
{
  /* libsodium's secret key is the seed followed by the public key. */
  return g_base64_encode (self->secret_key, crypto_sign_SEEDBYTES);
}

/* ---- Where the key is kept ---------------------------------------------------------------- */

typedef enum {
  BACKEND_AUTO,
  BACKEND_FILE,
  BACKEND_KEYRING,
} Backend;

static Backend
get_backend (void)
{
  const char *value = g_getenv ("KEHOACH_KEY_BACKEND");

  if (g_strcmp0 (value, "file") == 0)
    return BACKEND_FILE;
  if (g_strcmp0 (value, "keyring") == 0)
    return BACKEND_KEYRING;
  return BACKEND_AUTO;
}

/* A Secret Service is running on the session bus. Not merely activatable: starting a keyring
 * daemon outside a desktop session would ask for a new keyring password out of the blue. */
static gboolean
keyring_is_running (GCancellable *cancellable)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, cancellable, NULL);
  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", SECRET_SERVICE_NAME),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 5000,
                                       cancellable, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

static GFile *
private_key_file (void)
{
  g_autoptr(GFile) dir = _plan_key_dir ();

  return g_file_get_child (dir, "signing-key");
}

/* The storage recorded next to the public key, so that a key kept in the keyring is not
 * silently replaced by a new file key when the keyring happens not to run. */
static char *
recorded_storage (void)
{
  g_autoptr(GFile) own = _plan_own_key_file ();
  g_autofree char *path = g_file_get_path (own);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return NULL;

  return g_key_file_get_string (key_file, PLAN_KEY_FILE_GROUP, "Storage", NULL);
}

static PlanSigningKey *
load_from_file (GFile   *file,
                GError **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *seed = NULL;
  PlanSigningKey *self;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_KEY_STORAGE,
                   /* Translators: %s is a file, the second %s the reason */
                   _("Could not read the signing key “%s”: %s"), display, local_error->message);
      return NULL;
    }

  seed = g_key_file_get_string (key_file, PRIVATE_KEY_GROUP, "Seed", NULL);
  self = key_new_from_seed_base64 (seed, PLAN_KEY_STORAGE_FILE, file, error);
  if (seed != NULL)
    sodium_memzero (seed, strlen (seed));

  return self;
}

static gboolean
save_to_file (PlanSigningKey *self,
              GFile          *file,
              GError        **error)
{
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *seed = seed_base64 (self);
  g_autofree char *data = NULL;
  gsize length = 0;
  gboolean ok;

  if (!_plan_make_private_dir (dir, 0700, error))
    return FALSE;

  g_key_file_set_comment (key_file, NULL, NULL,
                          " The private signing key of Kế hoạch approvals. Keep it secret: "
                          "anyone who has this file can approve plans in your name.", NULL);
  g_key_file_set_integer (key_file, PRIVATE_KEY_GROUP, "Version", 1);
  g_key_file_set_string (key_file, PRIVATE_KEY_GROUP, "Seed", seed);
  g_key_file_set_string (key_file, PRIVATE_KEY_GROUP, "PublicKey", self->public_key_base64);
  data = g_key_file_to_data (key_file, &length, NULL);

  ok = _plan_write_file_with_mode (file, data, length, 0600, error);
  sodium_memzero (seed, strlen (seed));
  sodium_memzero (data, length);

  return ok;
}

static PlanSigningKey *
load_from_keyring (GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *seed;
  PlanSigningKey *self;

  seed = secret_password_lookup_sync (get_secret_schema (), cancellable, &local_error,
                                      "purpose", SECRET_PURPOSE, NULL);
  if (local_error != NULL)
    {
      g_set_error (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_KEY_STORAGE,
                   /* Translators: %s is the reason */
                   _("Could not read the signing key from the keyring: %s"),
                   local_error->message);
      return NULL;
    }
  if (seed == NULL)
    {
      g_set_error_literal (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_NO_KEY,
                           _("You have no signing key yet"));
      return NULL;
    }

  self = key_new_from_seed_base64 (seed, PLAN_KEY_STORAGE_KEYRING, NULL, error);
  secret_password_free (seed);

  return self;
}

static gboolean
save_to_keyring (PlanSigningKey *self,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *seed = seed_base64 (self);
  gboolean ok;

  ok = secret_password_store_sync (get_secret_schema (), SECRET_COLLECTION_DEFAULT,
                                   /* Translators: the label of the key in the keyring app */
                                   _("Kế hoạch approval signing key"),
                                   seed, cancellable, &local_error,
                                   "purpose", SECRET_PURPOSE, NULL);
  sodium_memzero (seed, strlen (seed));

  if (!ok)
    g_set_error (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_KEY_STORAGE,
                 /* Translators: %s is the reason */
                 _("Could not store the signing key in the keyring: %s"),
                 local_error->message);
  return ok;
}

/* The public half, readable without unlocking anything: lets the trust store count the
 * user's own key, and records where the private half is. */
static gboolean
save_own_public_key (PlanSigningKey *self,
                     GError        **error)
{
  g_autoptr(GFile) file = _plan_own_key_file ();
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autofree char *data = NULL;

  if (!_plan_make_private_dir (dir, 0700, error))
    return FALSE;

  data = _plan_key_file_to_data ("", "", self->key_id, self->public_key_base64,
                                 self->storage == PLAN_KEY_STORAGE_KEYRING ? "keyring" : "file");
  return _plan_write_file_with_mode (file, data, strlen (data), 0644, error);
}

static gboolean
own_public_key_matches (PlanSigningKey *self)
{
  g_autoptr(GFile) own = _plan_own_key_file ();
  g_autofree char *path = g_file_get_path (own);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *public_key = NULL;

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    return FALSE;

  public_key = g_key_file_get_string (key_file, PLAN_KEY_FILE_GROUP, "PublicKey", NULL);
  return g_strcmp0 (public_key, self->public_key_base64) == 0;
}

/* Two windows asking at once (each from a worker thread) must not both create a key. */
static GMutex default_key_lock;

static PlanSigningKey *get_default_locked (gboolean       create,
                                           GCancellable  *cancellable,
                                           GError       **error);

PlanSigningKey *
plan_signing_key_get_default (gboolean       create,
                              GCancellable  *cancellable,
                              GError       **error)
{
  PlanSigningKey *key;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_mutex_lock (&default_key_lock);
  key = get_default_locked (create, cancellable, error);
  g_mutex_unlock (&default_key_lock);

  return key;
}

static PlanSigningKey *
get_default_locked (gboolean       create,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GFile) file = private_key_file ();
  g_autoptr(PlanSigningKey) key = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *storage = NULL;
  Backend backend = get_backend ();
  gboolean use_keyring;

  if (!_plan_sodium_init (error))
    return NULL;

  /* A key already in the file keeps being used from there. */
  if (backend != BACKEND_KEYRING && g_file_query_exists (file, cancellable))
    {
      key = load_from_file (file, error);
      if (key == NULL)
        return NULL;
    }
  else
    {
      storage = recorded_storage ();
      use_keyring = backend == BACKEND_KEYRING ||
                    (backend == BACKEND_AUTO && keyring_is_running (cancellable));

      if (use_keyring)
        {
          key = load_from_keyring (cancellable, &local_error);
          if (key == NULL &&
              !g_error_matches (local_error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_NO_KEY))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
        }
      else if (g_strcmp0 (storage, "keyring") == 0 && backend == BACKEND_AUTO)
        {
          g_set_error_literal (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_KEY_STORAGE,
                               _("Your signing key is kept in the keyring, but no keyring is "
                                 "running. Log in to your desktop session and try again."));
          return NULL;
        }

      if (key == NULL)
        {
          if (!create)
            {
              g_set_error_literal (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_NO_KEY,
                                   _("You have no signing key yet"));
              return NULL;
            }

          key = plan_signing_key_new_ephemeral ();
          if (use_keyring)
            {
              if (!save_to_keyring (key, cancellable, error))
                return NULL;
              key->storage = PLAN_KEY_STORAGE_KEYRING;
            }
          else
            {
              if (!save_to_file (key, file, error))
                return NULL;
              key->storage = PLAN_KEY_STORAGE_FILE;
              key->file = g_object_ref (file);
            }
        }
    }

  /* Written on creation, and again if it went missing (the user cleaned the folder). */
  if (!own_public_key_matches (key) && !save_own_public_key (key, error))
    return NULL;

  return g_steal_pointer (&key);
}

static void
get_default_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  GError *error = NULL;
  PlanSigningKey *key;

  key = plan_signing_key_get_default (GPOINTER_TO_INT (task_data), cancellable, &error);
  if (key != NULL)
    g_task_return_pointer (task, key, g_object_unref);
  else
    g_task_return_error (task, error);
}

void
plan_signing_key_get_default_async (gboolean             create,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, plan_signing_key_get_default_async);
  g_task_set_task_data (task, GINT_TO_POINTER (create ? 1 : 0), NULL);
  g_task_run_in_thread (task, get_default_thread);
}

PlanSigningKey *
plan_signing_key_get_default_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean delete_default_locked (GCancellable  *cancellable,
                                       GError       **error);

gboolean
plan_signing_key_delete_default (GCancellable  *cancellable,
                                 GError       **error)
{
  gboolean ok;

  g_mutex_lock (&default_key_lock);
  ok = delete_default_locked (cancellable, error);
  g_mutex_unlock (&default_key_lock);

  return ok;
}

static gboolean
delete_default_locked (GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(GFile) file = private_key_file ();
  g_autoptr(GFile) own = _plan_own_key_file ();
  g_autoptr(GError) local_error = NULL;
  Backend backend = get_backend ();

  if (!g_file_delete (file, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_error (&local_error);

  if (backend == BACKEND_KEYRING || (backend == BACKEND_AUTO && keyring_is_running (cancellable)))
    {
      secret_password_clear_sync (get_secret_schema (), cancellable, &local_error,
                                  "purpose", SECRET_PURPOSE, NULL);
      if (local_error != NULL)
        {
          g_set_error (error, PLAN_APPROVAL_ERROR, PLAN_APPROVAL_ERROR_KEY_STORAGE,
                       _("Could not remove the signing key from the keyring: %s"),
                       local_error->message);
          return FALSE;
        }
    }

  if (!g_file_delete (own, cancellable, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* ---- Using the key ------------------------------------------------------------------------ */

const char *
plan_signing_key_get_key_id (PlanSigningKey *self)
{
  g_return_val_if_fail (PLAN_IS_SIGNING_KEY (self), NULL);

  return self->key_id;
}

const char *
plan_signing_key_get_public_key (PlanSigningKey *self)
{
  g_return_val_if_fail (PLAN_IS_SIGNING_KEY (self), NULL);

  return self->public_key_base64;
}

PlanKeyStorage
plan_signing_key_get_storage (PlanSigningKey *self)
{
  g_return_val_if_fail (PLAN_IS_SIGNING_KEY (self), PLAN_KEY_STORAGE_NONE);

  return self->storage;
}

GFile *
plan_signing_key_get_file (PlanSigningKey *self)
{
  g_return_val_if_fail (PLAN_IS_SIGNING_KEY (self), NULL);

  return self->file;
}

char *
plan_signing_key_sign (PlanSigningKey *self,
                       GBytes         *data)
{
  unsigned char signature[crypto_sign_BYTES];
  const unsigned char *message;
  gsize length = 0;

  g_return_val_if_fail (PLAN_IS_SIGNING_KEY (self), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  message = g_bytes_get_data (data, &length);
  crypto_sign_detached (signature, NULL, message, length, self->secret_key);

  return g_base64_encode (signature, sizeof signature);
}

gboolean
plan_signing_key_export_public (PlanSigningKey  *self,
                                const char      *name,
                                const char      *title,
                                GFile           *file,
                                GCancellable    *cancellable,
                                GError         **error)
{
  g_autofree char *data = NULL;

  g_return_val_if_fail (PLAN_IS_SIGNING_KEY (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  data = _plan_key_file_to_data (name, title, self->key_id, self->public_key_base64, NULL);

  /* Through GIO so that a portal or remote location works for an export. */
  return g_file_replace_contents (file, data, strlen (data), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, error);
}
