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
#include "plan-signer-tokens.h"
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

/* The pkcs11: URL of the object @id on @slot's token, as its manufacturer, serial and label
 * say; NULL when the token cannot be asked */
static char *
dup_object_url (PK11SlotInfo  *slot,
                const SECItem *id)
{
  GString *url;
  CK_TOKEN_INFO token;

  if (slot == NULL || id->len == 0 || PK11_GetTokenInfo (slot, &token) != SECSuccess)
    return NULL;

  url = g_string_new ("pkcs11:");
  append_attribute (url, "manufacturer", (const char *) token.manufacturerID,
                    sizeof token.manufacturerID);
  append_attribute (url, "serial", (const char *) token.serialNumber, sizeof token.serialNumber);
  append_attribute (url, "token", (const char *) token.label, sizeof token.label);
  g_string_append (url, ";id=");
  for (guint i = 0; i < id->len; i++)
    g_string_append_printf (url, "%%%02X", id->data[i]);
  return g_string_free (url, FALSE);
}

/* The URL of @certificate and its key, by the token NSS found it on and its CKA_ID (the key
 * shares it); NULL when it has no ID */
static char *
dup_certificate_url (CERTCertificate *certificate)
{
  SECItem id = { siBuffer, NULL, 0 };
  char *url = NULL;

  if (certificate->slot != NULL &&
      PK11_ReadRawAttribute (PK11_TypeCert, certificate, CKA_ID, &id) == SECSuccess)
    url = dup_object_url (certificate->slot, &id);
  SECITEM_FreeItem (&id, PR_FALSE);
  return url;
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
  char *url;
  CERTCertificate *certificate;
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
  url = dup_certificate_url (certificate);
  CERT_DestroyCertificate (certificate);
  if (url == NULL)
    g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN,
                 _("The certificate “%s” is not linked to a key (it has no key ID)"),
                 nickname);
  return url;
}

static void
free_item (SECItem *item)
{
  SECITEM_FreeItem (item, PR_TRUE);
}

/* Whether @slot shows an object of @class with the CKA_ID @id */
static gboolean
slot_has_object (PK11SlotInfo    *slot,
                 CK_OBJECT_CLASS  class,
                 const SECItem   *id)
{
  PK11GenericObject *objects = PK11_FindGenericObjects (slot, class);
  gboolean found = FALSE;

  for (PK11GenericObject *object = objects; object != NULL && !found;
       object = PK11_GetNextGenericObject (object))
    {
      SECItem object_id = { siBuffer, NULL, 0 };

      found = PK11_ReadRawAttribute (PK11_TypeGeneric, object, CKA_ID, &object_id) == SECSuccess &&
              SECITEM_ItemsAreEqual (&object_id, id);
      SECITEM_FreeItem (&object_id, PR_FALSE);
    }
  if (objects != NULL)
    PK11_DestroyGenericObjects (objects);
  return found;
}

/* The CKA_ID of @certificate's copy on @slot when the slot shows a key with that ID beside it
 * (its public key, or the private key itself where it can be seen without logging in); else
 * NULL */
static SECItem *
dup_id_with_key (PK11SlotInfo    *slot,
                 CERTCertificate *certificate)
{
  PK11GenericObject *objects = PK11_FindGenericObjects (slot, CKO_CERTIFICATE);
  SECItem *id = NULL;

  for (PK11GenericObject *object = objects; object != NULL && id == NULL;
       object = PK11_GetNextGenericObject (object))
    {
      SECItem value = { siBuffer, NULL, 0 };

      if (PK11_ReadRawAttribute (PK11_TypeGeneric, object, CKA_VALUE, &value) == SECSuccess &&
          SECITEM_ItemsAreEqual (&value, &certificate->derCert))
        {
          id = SECITEM_AllocItem (NULL, NULL, 0);
          if (PK11_ReadRawAttribute (PK11_TypeGeneric, object, CKA_ID, id) != SECSuccess ||
              id->len == 0)
            g_clear_pointer (&id, free_item);
        }
      SECITEM_FreeItem (&value, PR_FALSE);
    }
  if (objects != NULL)
    PK11_DestroyGenericObjects (objects);

  if (id != NULL && !slot_has_object (slot, CKO_PUBLIC_KEY, id) &&
      !slot_has_object (slot, CKO_PRIVATE_KEY, id))
    g_clear_pointer (&id, free_item);
  return id;
}

/* NSS asks for a password while listing: none is given (the list is made without one) */
static char *
no_password_cb (PK11SlotInfo *slot,
                PRBool        retry,
                void         *data)
{
  return NULL;
}

GPtrArray *
plan_signer_nss_list (const char  *nss_dir,
                      GError     **error)
{
  g_autoptr(GPtrArray) certificates = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_signer_token_free);
  g_autofree char *dir = NULL;
  g_autofree char *default_dir = NULL;
  CERTCertList *list;

  if (nss_dir == NULL)
    {
      /* No database yet: nothing to list, and NSS left for whoever needs it first */
      default_dir = g_build_filename (g_get_home_dir (), ".pki", "nssdb", NULL);
      if (!g_file_test (default_dir, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&certificates);
    }
  if (!plan_pdf_verify_init (nss_dir, error))
    return NULL;
  dir = g_strdup (nss_dir != NULL ? nss_dir : default_dir);
  if (g_str_has_prefix (dir, "sql:"))
    memmove (dir, dir + 4, strlen (dir + 4) + 1);
  if (plan_pdf_verify_get_nss_dir () == NULL ||
      !g_str_equal (plan_pdf_verify_get_nss_dir (), dir))
    {
      g_autofree char *display = g_filename_display_name (dir);

      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN,
                   _("The NSS database “%s” cannot be read: this program opened another one "
                     "already"), display);
      return NULL;
    }

  /* Certificates with a private key ("u" in certutil -L), without logging in: NSS tells
   * them by the public key object (or the key itself) their token shows beside them */
  PK11_SetPasswordFunc (no_password_cb);
  list = PK11_ListCerts (PK11CertListUser, NULL);
  PK11_SetPasswordFunc (NULL);
  if (list == NULL)
    return g_steal_pointer (&certificates);

  for (CERTCertListNode *node = CERT_LIST_HEAD (list); !CERT_LIST_END (node, list);
       node = CERT_LIST_NEXT (node))
    {
      CERTCertificate *certificate = node->cert;
      PK11SlotList *slots;
      g_autofree char *name = NULL;
      char *common_name;

      if (CERT_IsCACert (certificate, NULL))
        continue;
      common_name = CERT_GetCommonName (&certificate->subject);
      name = g_strdup (common_name != NULL ? common_name : certificate->subjectName);
      PORT_Free (common_name);

      /* NSS makes one certificate of the copies on several tokens (the database's and a
       * token's, say): each copy that has its key beside it is an entry */
      slots = PK11_GetAllSlotsForCert (certificate, NULL);
      for (PK11SlotListElement *element = slots != NULL ? slots->head : NULL; element != NULL;
           element = element->next)
        {
          SECItem *id = dup_id_with_key (element->slot, certificate);
          g_autofree char *url = id != NULL ? dup_object_url (element->slot, id) : NULL;
          PlanSignerToken *entry;
          gboolean seen = FALSE;

          if (id != NULL)
            SECITEM_FreeItem (id, PR_TRUE);
          if (url == NULL)
            continue;
          for (guint i = 0; i < certificates->len && !seen; i++)
            seen = g_str_equal (((PlanSignerToken *) g_ptr_array_index (certificates, i))->url,
                                url);
          if (seen)
            continue;

          entry = g_new0 (PlanSignerToken, 1);
          if (PK11_IsInternalKeySlot (element->slot))
            /* Translators: %s is the certificate's name; the certificate and its key are in
             * the user's NSS database (~/.pki/nssdb, the one Chrome and the CAs' installers
             * use) */
            entry->label = g_strdup_printf (_("%s (NSS certificate database)"), name);
          else
            /* Translators: %s is the certificate's name, then the token's: a token whose
             * module is registered in the user's NSS database */
            entry->label = g_strdup_printf (_("%s (%s, through the NSS certificate database)"),
                                            name, PK11_GetTokenName (element->slot));
          entry->url = g_steal_pointer (&url);
          entry->nss_dir = g_strdup (dir);
          g_ptr_array_add (certificates, entry);
        }
      if (slots != NULL)
        PK11_FreeSlotList (slots);
    }
  CERT_DestroyCertList (list);

  return g_steal_pointer (&certificates);
}

PlanSignerCredentials *
plan_signer_credentials_new_from_nss_url (const char  *nss_dir,
                                          const char  *url,
                                          const char  *pin,
                                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  PlanSignerCredentials *credentials;

  g_return_val_if_fail (nss_dir != NULL && url != NULL && pin != NULL, NULL);

  if (!plan_pdf_verify_init (nss_dir, error))
    return NULL;
  /* NSS first: the modules are then NSS's, and p11-kit shares them */
  if (!plan_signer_credentials_init_pkcs11 (error) || !add_nss_modules (error))
    return NULL;

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

PlanSignerCredentials *
plan_signer_credentials_new_from_nss (const char  *nss_dir,
                                      const char  *nickname,
                                      const char  *pin,
                                      GError     **error)
{
  g_autofree char *url = plan_signer_nss_dup_url (nss_dir, nickname, pin, error);

  if (url == NULL)
    return NULL;
  g_debug ("NSS certificate %s is %s", nickname, url);
  return plan_signer_credentials_new_from_nss_url (nss_dir, url, pin, error);
}
