/* plan-signer-credentials.c: certificate and private key from a .p12 file or a PKCS#11 token
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gnutls/pkcs11.h>
#include <gnutls/pkcs12.h>

#include "plan-signer-credentials.h"
#include "plan-signing-error.h"

struct _PlanSignerCredentials {
  gnutls_x509_crt_t  certificate;
  gnutls_x509_crt_t *chain;
  guint              n_chain;
  gnutls_privkey_t   key;
  char              *name;
  char              *issuer;
  char              *fingerprint;
};

void
plan_signer_credentials_free (PlanSignerCredentials *self)
{
  if (self == NULL)
    return;

  if (self->certificate != NULL)
    gnutls_x509_crt_deinit (self->certificate);
  for (guint i = 0; i < self->n_chain; i++)
    gnutls_x509_crt_deinit (self->chain[i]);
  g_free (self->chain);
  if (self->key != NULL)
    gnutls_privkey_deinit (self->key);
  g_free (self->name);
  g_free (self->issuer);
  g_free (self->fingerprint);
  g_free (self);
}

static char *
dup_dn (gnutls_x509_crt_t crt,
        gboolean          issuer)
{
  gnutls_datum_t dn = { NULL, 0 };
  int ret = issuer ? gnutls_x509_crt_get_issuer_dn3 (crt, &dn, 0)
                   : gnutls_x509_crt_get_dn3 (crt, &dn, 0);
  char *text;

  if (ret < 0)
    return g_strdup ("");
  text = g_strndup ((const char *) dn.data, dn.size);
  gnutls_free (dn.data);
  return text;
}

char *
plan_certificate_dup_common_name (gnutls_x509_crt_t crt)
{
  char buffer[512];
  size_t size = sizeof buffer;

  if (gnutls_x509_crt_get_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0, 0, buffer, &size) == 0)
    return g_strndup (buffer, size);

  return dup_dn (crt, FALSE);
}

char *
plan_certificate_dup_attribute (gnutls_x509_crt_t  crt,
                                gboolean           issuer,
                                const char        *oid)
{
  char buffer[512];
  size_t size = sizeof buffer;
  int ret = issuer ? gnutls_x509_crt_get_issuer_dn_by_oid (crt, oid, 0, 0, buffer, &size)
                   : gnutls_x509_crt_get_dn_by_oid (crt, oid, 0, 0, buffer, &size);

  return ret == 0 ? g_strndup (buffer, size) : g_strdup ("");
}

char *
plan_certificate_dup_issuer (gnutls_x509_crt_t crt)
{
  return dup_dn (crt, TRUE);
}

static gboolean
finish (PlanSignerCredentials *self,
        GError               **error)
{
  guchar digest[32];
  size_t size = sizeof digest;

  self->name = plan_certificate_dup_common_name (self->certificate);
  self->issuer = plan_certificate_dup_issuer (self->certificate);
  if (gnutls_x509_crt_get_fingerprint (self->certificate, GNUTLS_DIG_SHA256, digest, &size) < 0)
    {
      g_set_error_literal (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_FAILED,
                           _("Cannot compute the certificate’s fingerprint"));
      return FALSE;
    }
  self->fingerprint = g_new0 (char, 2 * size + 1);
  for (gsize i = 0; i < size; i++)
    g_snprintf (self->fingerprint + 2 * i, 3, "%02x", digest[i]);

  return plan_signer_credentials_check (self, g_get_real_time () / G_USEC_PER_SEC, error);
}

/* Signs a few bytes with the key and checks them with the certificate: the key opens (the
 * PIN is right) and belongs to the certificate. A GnuTLS error code, or 0. */
static int
probe_key (PlanSignerCredentials *self)
{
  static const char probe[] = "kehoach probe";
  gnutls_datum_t data = { (unsigned char *) probe, sizeof probe - 1 };
  gnutls_datum_t signature = { NULL, 0 };
  gnutls_pubkey_t pubkey = NULL;
  int ret;

  ret = gnutls_privkey_sign_data (self->key, GNUTLS_DIG_SHA256, 0, &data, &signature);
  if (ret < 0)
    return ret;

  gnutls_pubkey_init (&pubkey);
  ret = gnutls_pubkey_import_x509 (pubkey, self->certificate, 0);
  if (ret >= 0)
    ret = gnutls_pubkey_verify_data2 (pubkey,
                                      gnutls_pk_to_sign (gnutls_pubkey_get_pk_algorithm (pubkey,
                                                                                         NULL),
                                                         GNUTLS_DIG_SHA256),
                                      0, &data, &signature);
  gnutls_pubkey_deinit (pubkey);
  gnutls_free (signature.data);

  return ret < 0 ? GNUTLS_E_PK_SIG_VERIFY_FAILED : 0;
}

static gboolean
read_file (const char      *path,
           gnutls_datum_t  *datum,
           char           **contents,
           GError         **error)
{
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  if (!g_file_get_contents (path, contents, &length, &local_error))
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_BAD_FILE, "%s",
                   local_error->message);
      return FALSE;
    }
  datum->data = (unsigned char *) *contents;
  datum->size = length;
  return TRUE;
}

PlanSignerCredentials *
plan_signer_credentials_new_from_p12 (const char  *path,
                                      const char  *pin,
                                      GError     **error)
{
  g_autoptr(PlanSignerCredentials) self = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  gnutls_datum_t datum;
  gnutls_pkcs12_t p12 = NULL;
  gnutls_x509_privkey_t x509_key = NULL;
  gnutls_x509_crt_t *chain = NULL;
  unsigned int n_chain = 0;
  int ret;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (pin != NULL, NULL);

  display = g_filename_display_name (path);
  if (!read_file (path, &datum, &contents, error))
    return NULL;

  gnutls_pkcs12_init (&p12);
  ret = gnutls_pkcs12_import (p12, &datum, GNUTLS_X509_FMT_DER, 0);
  if (ret < 0)
    ret = gnutls_pkcs12_import (p12, &datum, GNUTLS_X509_FMT_PEM, 0);
  if (ret < 0)
    {
      gnutls_pkcs12_deinit (p12);
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_BAD_FILE,
                   _("“%s” is not a PKCS#12 (.p12) certificate file"), display);
      return NULL;
    }

  /* The MAC proves the password before anything is decrypted with it. */
  ret = gnutls_pkcs12_verify_mac (p12, pin);
  if (ret == GNUTLS_E_MAC_VERIFY_FAILED)
    {
      gnutls_pkcs12_deinit (p12);
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_WRONG_PIN,
                   _("Wrong password for “%s”"), display);
      return NULL;
    }

  ret = gnutls_pkcs12_simple_parse (p12, pin, &x509_key, &chain, &n_chain, NULL, NULL, NULL, 0);
  gnutls_pkcs12_deinit (p12);
  if (ret < 0 || n_chain == 0)
    {
      for (guint i = 0; i < n_chain; i++)
        gnutls_x509_crt_deinit (chain[i]);
      gnutls_free (chain);
      if (x509_key != NULL)
        gnutls_x509_privkey_deinit (x509_key);
      g_set_error (error, PLAN_SIGNING_ERROR,
                   ret == GNUTLS_E_DECRYPTION_FAILED ? PLAN_SIGNING_ERROR_WRONG_PIN
                                                     : PLAN_SIGNING_ERROR_BAD_FILE,
                   ret == GNUTLS_E_DECRYPTION_FAILED ? _("Wrong password for “%s”")
                                                     : _("“%s” holds no key with its certificate"),
                   display);
      return NULL;
    }

  self = g_new0 (PlanSignerCredentials, 1);
  /* simple_parse puts the key's own certificate first, then its issuers. */
  self->certificate = chain[0];
  self->n_chain = n_chain - 1;
  self->chain = g_new0 (gnutls_x509_crt_t, MAX (self->n_chain, 1));
  for (guint i = 1; i < n_chain; i++)
    self->chain[i - 1] = chain[i];
  gnutls_free (chain);

  gnutls_privkey_init (&self->key);
  ret = gnutls_privkey_import_x509 (self->key, x509_key, GNUTLS_PRIVKEY_IMPORT_AUTO_RELEASE);
  if (ret < 0)
    {
      gnutls_x509_privkey_deinit (x509_key);
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_BAD_FILE,
                   _("Cannot use the key in “%s”: %s"), display, gnutls_strerror (ret));
      return NULL;
    }
  if (probe_key (self) < 0)
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_BAD_FILE,
                   _("The key in “%s” does not belong to its certificate"), display);
      return NULL;
    }

  if (!finish (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* ---- PKCS#11 ------------------------------------------------------------------------------ */

typedef struct {
  const char *pin;
  gboolean    wrong;
} PinState;

/* Gives the PIN once; asked again it means the token refused it. */
static int
pin_cb (void         *data,
        int           attempt,
        const char   *token_url,
        const char   *token_label,
        unsigned int  flags,
        char         *pin,
        size_t        pin_max)
{
  PinState *state = data;

  if (attempt > 0 || (flags & GNUTLS_PIN_WRONG) != 0)
    {
      state->wrong = TRUE;
      return -1;
    }
  if (strlen (state->pin) + 1 > pin_max)
    return -1;

  strcpy (pin, state->pin);
  return 0;
}

/* The token's label from its URL ("pkcs11:…;token=My%20Token;…" → "My Token"), for messages;
 * the whole URL when it names no token */
static char *
dup_token_name (const char *url)
{
  g_auto(GStrv) parts = g_strsplit (url + strlen ("pkcs11:"), ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (g_str_has_prefix (parts[i], "token="))
      {
        char *name = g_uri_unescape_string (parts[i] + strlen ("token="), NULL);

        if (name != NULL)
          return name;
      }

  return g_strdup (url);
}

gboolean
plan_signer_credentials_init_pkcs11 (GError **error)
{
  static gsize initialized = 0;
  static int result = 0;

  if (g_once_init_enter (&initialized))
    {
      /* The modules p11-kit has registered for the system and the user */
      result = gnutls_pkcs11_init (GNUTLS_PKCS11_FLAG_AUTO, NULL);
      g_once_init_leave (&initialized, 1);
    }
  if (result < 0)
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN,
                   _("Cannot load the PKCS#11 modules: %s"), gnutls_strerror (result));
      return FALSE;
    }
  return TRUE;
}

PlanSignerCredentials *
plan_signer_credentials_new_from_pkcs11 (const char  *url,
                                         const char  *pin,
                                         GError     **error)
{
  g_autoptr(PlanSignerCredentials) self = NULL;
  g_autofree char *token = NULL;
  PinState state = { pin, FALSE };
  int ret;

  g_return_val_if_fail (url != NULL, NULL);
  g_return_val_if_fail (pin != NULL, NULL);

  if (!g_str_has_prefix (url, "pkcs11:"))
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN,
                   _("“%s” is not a pkcs11: URL (for example "
                     "pkcs11:token=My%%20Token;object=My%%20Key)"), url);
      return NULL;
    }
  if (!plan_signer_credentials_init_pkcs11 (error))
    return NULL;

  token = dup_token_name (url);
  self = g_new0 (PlanSignerCredentials, 1);
  self->chain = g_new0 (gnutls_x509_crt_t, 1);

  gnutls_x509_crt_init (&self->certificate);
  ret = gnutls_x509_crt_import_url (self->certificate, url, GNUTLS_PKCS11_OBJ_FLAG_CRT);
  if (ret < 0)
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN,
                   _("No certificate found on the token “%s”: is it plugged in? (%s)"), token,
                   gnutls_strerror (ret));
      return NULL;
    }

  gnutls_privkey_init (&self->key);
  gnutls_privkey_set_pin_function (self->key, pin_cb, &state);
  ret = gnutls_privkey_import_url (self->key, url, 0);
  /* Logging in happens at the first use: sign once now, so that a wrong PIN is found before
   * anything is written. */
  if (ret >= 0)
    ret = probe_key (self);
  if (ret == GNUTLS_E_PK_SIG_VERIFY_FAILED)
    {
      gnutls_privkey_set_pin_function (self->key, NULL, NULL);
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN,
                   _("The key on the token “%s” does not belong to its certificate"), token);
      return NULL;
    }
  gnutls_privkey_set_pin_function (self->key, NULL, NULL);
  if (ret < 0)
    {
      if (state.wrong || ret == GNUTLS_E_PKCS11_PIN_ERROR)
        g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_WRONG_PIN,
                     _("Wrong PIN for the token “%s”"), token);
      else if (ret == GNUTLS_E_PKCS11_PIN_LOCKED)
        g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_WRONG_PIN,
                     _("The token’s PIN is locked after too many wrong tries"));
      else
        g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN,
                     _("Cannot use the key on the token “%s”: is it plugged in? (%s)"), token,
                     gnutls_strerror (ret));
      return NULL;
    }

  if (!finish (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* ---- Checks ------------------------------------------------------------------------------- */

static char *
format_time (time_t when)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (when);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  return local != NULL ? g_date_time_format (local, "%d/%m/%Y %H:%M") : g_strdup ("?");
}

gboolean
plan_signer_credentials_check (PlanSignerCredentials *self,
                               gint64                 now,
                               GError               **error)
{
  time_t activation, expiration;
  unsigned int usage = 0;
  int ret;

  g_return_val_if_fail (self != NULL, FALSE);

  activation = gnutls_x509_crt_get_activation_time (self->certificate);
  expiration = gnutls_x509_crt_get_expiration_time (self->certificate);
  if (expiration != (time_t) -1 && now > expiration)
    {
      g_autofree char *when = format_time (expiration);

      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_CERTIFICATE,
                   /* Translators: %s is a name, %s a date and time */
                   _("The certificate of “%s” expired on %s: it can no longer sign"),
                   self->name, when);
      return FALSE;
    }
  if (activation != (time_t) -1 && now < activation)
    {
      g_autofree char *when = format_time (activation);

      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_CERTIFICATE,
                   _("The certificate of “%s” is valid only from %s"), self->name, when);
      return FALSE;
    }

  ret = gnutls_x509_crt_get_key_usage (self->certificate, &usage, NULL);
  if (ret == GNUTLS_E_REQUESTED_DATA_NOT_AVAILABLE ||
      (ret >= 0 && (usage & (GNUTLS_KEY_DIGITAL_SIGNATURE | GNUTLS_KEY_NON_REPUDIATION)) == 0))
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_CERTIFICATE,
                   _("The certificate of “%s” is not for digital signatures (its key usage "
                     "lacks digitalSignature)"), self->name);
      return FALSE;
    }
  if (ret < 0)
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_CERTIFICATE,
                   _("Cannot read the key usage of the certificate of “%s”: %s"), self->name,
                   gnutls_strerror (ret));
      return FALSE;
    }

  return TRUE;
}

gnutls_x509_crt_t
plan_signer_credentials_get_certificate (PlanSignerCredentials *self)
{
  return self->certificate;
}

gnutls_x509_crt_t *
plan_signer_credentials_get_chain (PlanSignerCredentials *self,
                                   guint                 *n_chain)
{
  *n_chain = self->n_chain;
  return self->chain;
}

gnutls_privkey_t
plan_signer_credentials_get_key (PlanSignerCredentials *self)
{
  return self->key;
}

const char *
plan_signer_credentials_get_name (PlanSignerCredentials *self)
{
  return self->name;
}

const char *
plan_signer_credentials_get_issuer (PlanSignerCredentials *self)
{
  return self->issuer;
}

const char *
plan_signer_credentials_get_fingerprint (PlanSignerCredentials *self)
{
  return self->fingerprint;
}
