/* plan-key-file-private.h: the format of public key files (.kehoach-key) and where the
 * approval files live, shared by the signing key and the trust store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A GKeyFile:
 *   [Kehoach Public Key]
 *   Version=1
 *   Name=Nguyễn Văn A
 *   Title=Hiệu trưởng
 *   KeyId=1a2b3c4d5e6f7a8b
 *   PublicKey=<base64 of the 32-byte Ed25519 public key>
 * The user's own public key file also has Storage=keyring|file. */
#define PLAN_KEY_FILE_GROUP   "Kehoach Public Key"
#define PLAN_KEY_FILE_VERSION 1

/* $XDG_DATA_HOME/kehoach/keys (private: mode 0700) */
GFile    *_plan_key_dir              (void);
/* $XDG_DATA_HOME/kehoach/keys/own.kehoach-key */
GFile    *_plan_own_key_file         (void);
/* $XDG_DATA_HOME/kehoach/trusted-approvers */
GFile    *_plan_trusted_dir          (void);

/* Creates @dir and its parents; sets @dir itself to @mode even if it existed. */
gboolean  _plan_make_private_dir     (GFile       *dir,
                                      int          mode,
                                      GError     **error);
/* Writes @data to @file atomically (temporary file in the same folder, then rename), the new
 * file having @mode from its creation on. */
gboolean  _plan_write_file_with_mode (GFile       *file,
                                      const char  *data,
                                      gsize        length,
                                      int          mode,
                                      GError     **error);

char     *_plan_key_file_to_data     (const char  *name,
                                      const char  *title,
                                      const char  *key_id,
                                      const char  *public_key,
                                      const char  *storage);

/* libsodium's sodium_init(), once; FALSE with PLAN_APPROVAL_ERROR_CRYPTO on failure. */
gboolean  _plan_sodium_init          (GError     **error);

G_END_DECLS
