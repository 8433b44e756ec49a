/* plan-cms.c: detached CMS signatures with GnuTLS
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <gnutls/pkcs7.h>
#include <libtasn1.h>

#include "plan-cms.h"
#include "plan-signing-error.h"

/* The tables asn1Parser makes of plan-ess.asn */
extern const asn1_static_node plan_ess_asn1_tab[];

#define OID_SIGNING_CERTIFICATE_V2 "1.2.840.113549.1.9.16.2.47"

/* The value of the ESS signing-certificate-v2 attribute (RFC 5035) naming @crt: its SHA-256
 * (the default hash, left out) and its issuer and serial number, DER encoded by libtasn1 */
static gboolean
signing_certificate_v2 (gnutls_x509_crt_t  crt,
                        gnutls_datum_t    *value,
                        GError           **error)
{
  asn1_node definitions = NULL;
  asn1_node node = NULL;
  gnutls_datum_t der = { NULL, 0 };
  gnutls_datum_t issuer = { NULL, 0 };
  guchar hash[32];
  guchar serial[64];
  size_t serial_size = sizeof serial;
  char message[ASN1_MAX_ERROR_DESCRIPTION_SIZE] = "";
  int length = 0;
  int ret;

  ret = gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_DER, &der);
  if (ret >= 0)
    ret = gnutls_hash_fast (GNUTLS_DIG_SHA256, der.data, der.size, hash);
  if (ret >= 0)
    ret = gnutls_x509_crt_get_raw_issuer_dn (crt, &issuer);
  if (ret >= 0)
    ret = gnutls_x509_crt_get_serial (crt, serial, &serial_size);
  gnutls_free (der.data);
  if (ret < 0)
    {
      gnutls_free (issuer.data);
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_FAILED,
                   _("Cannot read the signing certificate: %s"), gnutls_strerror (ret));
      return FALSE;
    }

  ret = asn1_array2tree (plan_ess_asn1_tab, &definitions, message);
  if (ret == ASN1_SUCCESS)
    ret = asn1_create_element (definitions, "KeHoachESS.SigningCertificateV2", &node);
  if (ret == ASN1_SUCCESS)
    ret = asn1_write_value (node, "certs", "NEW", 1);
  if (ret == ASN1_SUCCESS)
    ret = asn1_write_value (node, "certs.?LAST.hashAlgorithm", NULL, 0);
  if (ret == ASN1_SUCCESS)
    ret = asn1_write_value (node, "certs.?LAST.certHash", hash, sizeof hash);
  if (ret == ASN1_SUCCESS)
    ret = asn1_write_value (node, "certs.?LAST.issuerSerial.issuer", "NEW", 1);
  if (ret == ASN1_SUCCESS)
    ret = asn1_write_value (node, "certs.?LAST.issuerSerial.issuer.?LAST", "directoryName", 1);
  if (ret == ASN1_SUCCESS)
    ret = asn1_write_value (node, "certs.?LAST.issuerSerial.issuer.?LAST.directoryName",
                            issuer.data, issuer.size);
  if (ret == ASN1_SUCCESS)
    ret = asn1_write_value (node, "certs.?LAST.issuerSerial.serialNumber", serial, serial_size);
  if (ret == ASN1_SUCCESS)
    ret = asn1_write_value (node, "policies", NULL, 0);
  gnutls_free (issuer.data);
  if (ret == ASN1_SUCCESS)
    {
      /* the size first, then the encoding */
      ret = asn1_der_coding (node, "", NULL, &length, message);
      if (ret == ASN1_MEM_ERROR)
        {
          value->data = gnutls_malloc (length);
          value->size = length;
          ret = asn1_der_coding (node, "", value->data, &length, message);
          value->size = length;
        }
    }
  asn1_delete_structure (&node);
  asn1_delete_structure (&definitions);
  if (ret != ASN1_SUCCESS)
    {
      g_clear_pointer (&value->data, gnutls_free);
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_FAILED,
                   _("Cannot encode the signing certificate attribute: %s %s"),
                   asn1_strerror (ret), message);
      return FALSE;
    }
  return TRUE;
}

GBytes *
plan_cms_sign (PlanSignerCredentials *credentials,
               GBytes                *data,
               GError               **error)
{
  gnutls_pkcs7_attrs_t signed_attributes = NULL;
  gnutls_datum_t value = { NULL, 0 };
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_datum_t content;
  gnutls_datum_t der = { NULL, 0 };
  gnutls_x509_crt_t *chain;
  guint n_chain = 0;
  gsize size = 0;
  GBytes *result;
  int ret;

  g_return_val_if_fail (credentials != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  content.data = (unsigned char *) g_bytes_get_data (data, &size);
  content.size = size;

  /* PAdES baseline B: the signer's certificate bound by signing-certificate-v2, and no
   * signing time in the CMS (no GNUTLS_PKCS7_INCLUDE_TIME: the PDF's /M holds it) */
  if (!signing_certificate_v2 (plan_signer_credentials_get_certificate (credentials), &value,
                               error))
    return NULL;
  ret = gnutls_pkcs7_add_attr (&signed_attributes, OID_SIGNING_CERTIFICATE_V2, &value, 0);
  gnutls_free (value.data);
  if (ret < 0)
    {
      gnutls_pkcs7_attrs_deinit (signed_attributes);
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_FAILED,
                   _("Signing failed: %s"), gnutls_strerror (ret));
      return NULL;
    }

  gnutls_pkcs7_init (&pkcs7);
  /* Detached (no GNUTLS_PKCS7_EMBED_DATA): the PDF's byte ranges are the content. */
  ret = gnutls_pkcs7_sign (pkcs7, plan_signer_credentials_get_certificate (credentials),
                           plan_signer_credentials_get_key (credentials), &content,
                           signed_attributes, NULL, GNUTLS_DIG_SHA256,
                           GNUTLS_PKCS7_INCLUDE_CERT);
  gnutls_pkcs7_attrs_deinit (signed_attributes);
  /* The issuers that came with the certificate help a verifier build the chain. */
  chain = plan_signer_credentials_get_chain (credentials, &n_chain);
  for (guint i = 0; ret >= 0 && i < n_chain; i++)
    ret = gnutls_pkcs7_set_crt (pkcs7, chain[i]);
  if (ret >= 0)
    ret = gnutls_pkcs7_export2 (pkcs7, GNUTLS_X509_FMT_DER, &der);
  gnutls_pkcs7_deinit (pkcs7);

  if (ret < 0)
    {
      g_set_error (error, PLAN_SIGNING_ERROR,
                   ret == GNUTLS_E_PKCS11_PIN_ERROR ? PLAN_SIGNING_ERROR_WRONG_PIN
                                                    : PLAN_SIGNING_ERROR_FAILED,
                   _("Signing failed: %s"), gnutls_strerror (ret));
      return NULL;
    }

  result = g_bytes_new (der.data, der.size);
  gnutls_free (der.data);
  return result;
}

void
plan_cms_info_free (PlanCmsInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->signer_name);
  g_free (info->issuer);
  g_free (info->organization);
  g_clear_pointer (&info->certificates, g_ptr_array_unref);
  g_free (info->issuer_name);
  g_free (info);
}

PlanCmsInfo *
plan_cms_inspect (GBytes  *cms,
                  GError **error)
{
  gnutls_pkcs7_t pkcs7 = NULL;
  gnutls_pkcs7_signature_info_st signature;
  gnutls_datum_t der;
  gsize size = 0;
  PlanCmsInfo *info;
  int ret;

  g_return_val_if_fail (cms != NULL, NULL);

  der.data = (unsigned char *) g_bytes_get_data (cms, &size);
  der.size = size;

  gnutls_pkcs7_init (&pkcs7);
  ret = gnutls_pkcs7_import (pkcs7, &der, GNUTLS_X509_FMT_DER);
  if (ret >= 0)
    ret = gnutls_pkcs7_get_signature_info (pkcs7, 0, &signature);
  if (ret < 0)
    {
      gnutls_pkcs7_deinit (pkcs7);
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_FAILED,
                   _("The signature is not a CMS signature: %s"), gnutls_strerror (ret));
      return NULL;
    }

  info = g_new0 (PlanCmsInfo, 1);
  info->signing_time = signature.signing_time != (time_t) -1 ? signature.signing_time : -1;
  info->issuer = g_strdup ("");

  /* The signer's certificate: the one whose issuer and serial the signer info names */
  for (int i = 0; i < gnutls_pkcs7_get_crt_count (pkcs7) && info->signer_name == NULL; i++)
    {
      gnutls_datum_t raw = { NULL, 0 };
      gnutls_x509_crt_t crt = NULL;
      guchar serial[64];
      size_t serial_size = sizeof serial;

      if (gnutls_pkcs7_get_crt_raw2 (pkcs7, i, &raw) < 0)
        continue;
      gnutls_x509_crt_init (&crt);
      if (gnutls_x509_crt_import (crt, &raw, GNUTLS_X509_FMT_DER) >= 0 &&
          gnutls_x509_crt_get_serial (crt, serial, &serial_size) >= 0 &&
          serial_size == signature.signer_serial.size &&
          memcmp (serial, signature.signer_serial.data, serial_size) == 0)
        {
          info->signer_name = plan_certificate_dup_common_name (crt);
          g_free (info->issuer);
          info->issuer = plan_certificate_dup_issuer (crt);
          info->organization = plan_certificate_dup_attribute (crt, FALSE,
                                                               GNUTLS_OID_X520_ORGANIZATION_NAME);
          info->issuer_name = plan_certificate_dup_attribute (crt, TRUE,
                                                              GNUTLS_OID_X520_COMMON_NAME);
        }
      gnutls_x509_crt_deinit (crt);
      gnutls_free (raw.data);
    }
  info->certificates = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (int i = 0; i < gnutls_pkcs7_get_crt_count (pkcs7); i++)
    {
      gnutls_datum_t raw = { NULL, 0 };

      if (gnutls_pkcs7_get_crt_raw2 (pkcs7, i, &raw) < 0)
        continue;
      g_ptr_array_add (info->certificates, g_bytes_new (raw.data, raw.size));
      gnutls_free (raw.data);
    }
  if (info->signer_name == NULL)
    info->signer_name = g_strdup ("");
  if (info->organization == NULL)
    info->organization = g_strdup ("");
  if (info->issuer_name == NULL)
    info->issuer_name = g_strdup ("");

  gnutls_pkcs7_signature_info_deinit (&signature);
  gnutls_pkcs7_deinit (pkcs7);
  return info;
}
