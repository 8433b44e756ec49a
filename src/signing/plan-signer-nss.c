/* plan-signer-nss.c: a signing certificate from an NSS database, by nickname
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE   /* dladdr */
#include "config.h"

#include <dlfcn.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <gnutls/pkcs11.h>
#include <cert.h>
#include <pk11pub.h>
#include <secmod.h>

#include "plan-pdf-verify.h"
#include "plan-signer-nss.h"
#include "plan-signing-error.h"

/* The file a module's code was loaded from: the library holding its function list (NSS keeps
 * no file name for its own softoken) */
static char *
dup_module_path (SECMODModule *module)
{
  Dl_info info;

  if (module->dllName != NULL && module->dllName[0] != '\0')
    return g_strdup (module->dllName);
  if (module->functionList != NULL && dladdr (module->functionList, &info) != 0 &&
      info.dli_fname != NULL)
    return g_strdup (info.dli_fname);
  return NULL;
}

/* Gives GnuTLS the modules NSS has loaded for the database: its softoken first, which must
 * work, then the tokens registered with modutil. p11-kit initialises each one as a managed
 * module: NSS initialised it already, and p11-kit shares it. */
static gboolean
add_nss_modules (GError **error)
{
  SECMODListLock *lock = SECMOD_GetDefaultModuleListLock ();
  g_autoptr(GPtrArray) internal = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) registered = g_ptr_array_new_with_free_func (g_free);
  int ret;

  SECMOD_GetReadLock (lock);
  for (SECMODModuleList *list = SECMOD_GetDefaultModuleList (); list != NULL; list = list->next)
    {
      char *path = dup_module_path (list->module);

      if (path != NULL)
        g_ptr_array_add (list->module->internal ? internal : registered, path);
    }
  SECMOD_ReleaseReadLock (lock);

  if (internal->len == 0)
    {
      g_set_error_literal (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN,
                           _("NSS’s own module (libsoftokn3) cannot be found"));
      return FALSE;
    }
  for (guint i = 0; i < internal->len; i++)
    {
      ret = gnutls_pkcs11_add_provider (g_ptr_array_index (internal, i), NULL);
      if (ret < 0)
        {
          g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN,
                       _("Cannot reach the NSS database’s keys through PKCS#11 (%s): %s"),
                       (char *) g_ptr_array_index (internal, i), gnutls_strerror (ret));
          return FALSE;
        }
    }
  /* A token that cannot be reached only matters when the certificate is on it */
  for (guint i = 0; i < registered->len; i++)
    {
      ret = gnutls_pkcs11_add_provider (g_ptr_array_index (registered, i), NULL);
      if (ret < 0)
        g_debug ("Module %s of the NSS database not added: %s",
                 (char *) g_ptr_array_index (registered, i), gnutls_strerror (ret));
    }
  return TRUE;
}

/* A token's text field as a pkcs11: URL path attribute: the padding dropped, escaped */
static void
append_attribute (GString    *url,
                  const char *name,
                  const char *value,
                  gsize       length)
{
  g_autofree char *text = g_strndup (value, length);
  g_autofree char *escaped = NULL;

  g_strchomp (text);
  escaped = g_uri_escape_string (text, NULL, FALSE);
  g_string_append_printf (url, "%s%s=%s", url->str[url->len - 1] == ':' ? "" : ";", name,
                          escaped);
}

typedef struct {
  const char *pin;
  gboolean    wrong;    /* asked again: the PIN was refused */
} NssPinState;

/* NSS asks when it has to log in to a token to see its certificates (most tokens): the PIN,
 * once; NSS overwrites its copy after use */
static char *
nss_pin_cb (PK11SlotInfo *slot,
            PRBool        retry,
            void         *data)
{
  NssPinState *state = data;

  /* Asked by NSS for another caller (none other sets a callback): nothing to give */
  if (state == NULL)
    return NULL;
  if (retry)
    {
      state->wrong = TRUE;
      return NULL;
    }
  return PORT_Strdup (state->pin);
}

char *
plan_signer_nss_dup_url (const char  *nss_dir,
                         const char  *nickname,
                         const char  *pin,
                         GError     **error)
{
  g_autoptr(GString) url = NULL;
  CERTCertificate *certificate;
  CK_TOKEN_INFO token;
  SECItem id = { siBuffer, NULL, 0 };
  NssPinState state = { pin, FALSE };

  g_return_val_if_fail (nss_dir != NULL && nickname != NULL && pin != NULL, NULL);

  if (!plan_pdf_verify_init (nss_dir, error))
    return NULL;
  /* NSS first: the modules are then NSS's, and p11-kit shares them */
  if (!plan_signer_credentials_init_pkcs11 (error) || !add_nss_modules (error))
    return NULL;

  PK11_SetPasswordFunc (nss_pin_cb);
  certificate = PK11_FindCertFromNickname (nickname, &state);
  PK11_SetPasswordFunc (NULL);
  if (certificate == NULL && state.wrong)
    {
      g_autofree char *token_name = g_strndup (nickname, strcspn (nickname, ":"));

      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_WRONG_PIN,
                   _("Wrong PIN for the token “%s”"), token_name);
      return NULL;
    }
  if (certificate == NULL)
    {
      g_autofree char *display = g_filename_display_name (nss_dir);

      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN,
                   _("No certificate “%s” in the NSS database “%s” (“certutil -L -d %s” lists "
                     "them; a token’s as “TOKEN:NAME”)"), nickname, display, display);
      return NULL;
    }
  if (certificate->slot == NULL ||
      PK11_GetTokenInfo (certificate->slot, &token) != SECSuccess ||
      PK11_ReadRawAttribute (PK11_TypeCert, certificate, CKA_ID, &id) != SECSuccess ||
      id.len == 0)
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN,
                   _("The certificate “%s” is not linked to a key (it has no key ID)"),
                   nickname);
      SECITEM_FreeItem (&id, PR_FALSE);
      CERT_DestroyCertificate (certificate);
      return NULL;
    }

  /* The token as its manufacturer, serial and label say, and the certificate's and key's
   * common ID */
  url = g_string_new ("pkcs11:");
  append_attribute (url, "manufacturer", (const char *) token.manufacturerID,
                    sizeof token.manufacturerID);
  append_attribute (url, "serial", (const char *) token.serialNumber, sizeof token.serialNumber);
  append_attribute (url, "token", (const char *) token.label, sizeof token.label);
  g_string_append (url, ";id=");
  for (guint i = 0; i < id.len; i++)
    g_string_append_printf (url, "%%%02X", id.data[i]);

  SECITEM_FreeItem (&id, PR_FALSE);
  CERT_DestroyCertificate (certificate);
  return g_string_free (g_steal_pointer (&url), FALSE);
}

PlanSignerCredentials *
plan_signer_credentials_new_from_nss (const char  *nss_dir,
                                      const char  *nickname,
                                      const char  *pin,
                                      GError     **error)
{
  g_autofree char *url = plan_signer_nss_dup_url (nss_dir, nickname, pin, error);
  g_autoptr(GError) local_error = NULL;
  PlanSignerCredentials *credentials;

  if (url == NULL)
    return NULL;
  g_debug ("NSS certificate %s is %s", nickname, url);
  credentials = plan_signer_credentials_new_from_pkcs11 (url, pin, &local_error);
  /* The database's own token is its password, not a device's PIN */
  if (credentials == NULL &&
      g_error_matches (local_error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_WRONG_PIN) &&
      strstr (url, ";token=NSS%20Certificate%20DB") != NULL)
    {
      g_autofree char *display = g_filename_display_name (nss_dir);

      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_WRONG_PIN,
                   _("Wrong password for the NSS database “%s”"), display);
      return NULL;
    }
  if (credentials == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return credentials;
}
