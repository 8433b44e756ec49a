/* plan-signing-key.h: the approver's Ed25519 signing key (libsodium), created on first use.
 *
 * Where it is kept: in the user's keyring through libsecret when a Secret Service is running on
 * the session bus; otherwise in $XDG_DATA_HOME/kehoach/keys/signing-key (file mode 0600,
 * folder 0700). A key already in the file keeps being used from there. The environment
 * variable KEHOACH_KEY_BACKEND=file forces the file (tests), =keyring forces the keyring.
 * The public half is also written to $XDG_DATA_HOME/kehoach/keys/own.kehoach-key so that the
 * trust store can count the user's own key as trusted without unlocking the keyring.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "plan-approval-error.h"

G_BEGIN_DECLS

/* A public key file exported for drafters to import in Preferences. */
#define PLAN_KEY_FILE_SUFFIX ".kehoach-key"
#define PLAN_KEY_FILE_MIME_TYPE "application/x-kehoach-key"

typedef enum {
  PLAN_KEY_STORAGE_NONE,     /* not stored (plan_signing_key_new_ephemeral()) */
  PLAN_KEY_STORAGE_KEYRING,  /* the Secret Service keyring */
  PLAN_KEY_STORAGE_FILE,     /* the private key file */
} PlanKeyStorage;

#define PLAN_TYPE_SIGNING_KEY (plan_signing_key_get_type ())
G_DECLARE_FINAL_TYPE (PlanSigningKey, plan_signing_key, PLAN, SIGNING_KEY, GObject)

/* The user's key: looked up in the keyring, then in the file; when there is none and @create
 * is TRUE, a new key is made and stored (keyring when reachable, else file); when @create is
 * FALSE, fails with PLAN_APPROVAL_ERROR_NO_KEY. May block on the keyring (D-Bus): from a UI,
 * use the _async variant. */
PlanSigningKey *plan_signing_key_get_default        (gboolean             create,
                                                     GCancellable        *cancellable,
                                                     GError             **error);
void            plan_signing_key_get_default_async  (gboolean             create,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
PlanSigningKey *plan_signing_key_get_default_finish (GAsyncResult        *result,
                                                     GError             **error);

/* A fresh key kept only in memory (tests, and a key that is not trusted anywhere). */
PlanSigningKey *plan_signing_key_new_ephemeral      (void);

/* 16 lowercase hex digits: the start of the SHA-256 of the public key. Shown to people in
 * groups of four: see plan_key_id_format(). */
const char     *plan_signing_key_get_key_id         (PlanSigningKey      *self);
/* The 32-byte public key in base64. */
const char     *plan_signing_key_get_public_key     (PlanSigningKey      *self);
PlanKeyStorage  plan_signing_key_get_storage        (PlanSigningKey      *self);
/* The key file when the storage is FILE, else NULL. */
GFile          *plan_signing_key_get_file           (PlanSigningKey      *self);

/* Detached Ed25519 signature of @data, base64. */
char           *plan_signing_key_sign               (PlanSigningKey      *self,
                                                     GBytes              *data);

/* Writes the public key file (name, title, key id, public key) that drafters import;
 * atomically, replacing @file. */
gboolean        plan_signing_key_export_public      (PlanSigningKey      *self,
                                                     const char          *name,
                                                     const char          *title,
                                                     GFile               *file,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

/* Forgets the user's key in both places (keyring and file) and the own public key file.
 * For tests and for a lost/compromised key; approvals already made keep verifying only where
 * the public key is trusted. */
gboolean        plan_signing_key_delete_default     (GCancellable        *cancellable,
                                                     GError             **error);

/* "1a2b 3c4d 5e6f 7a8b" for a key id (newly allocated). */
char           *plan_key_id_format                  (const char          *key_id);
/* Key id of a base64 public key; NULL when it is not a 32-byte base64 key. */
char           *plan_key_id_from_public_key         (const char          *public_key);

/* Checks a detached signature (base64) of @data against a base64 public key. FALSE for any
 * malformed input. */
gboolean        plan_signature_verify               (const char          *public_key,
                                                     GBytes              *data,
                                                     const char          *signature);

G_END_DECLS
