/* plan-signer-tokens.c: listing the certificates on the PKCS#11 tokens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gnutls/gnutls.h>
#include <gnutls/pkcs11.h>
#include <gnutls/x509.h>

#include "plan-signer-credentials.h"
#include "plan-signer-tokens.h"
#include "plan-signing-error.h"

void
plan_signer_token_free (PlanSignerToken *token)
{
  if (token == NULL)
    return;

  g_free (token->label);
  g_free (token->url);
  g_free (token);
}

/* The URL without its ";type=cert": the certificate and the key share label and id */
static char *
key_and_certificate_url (const char *url)
{
  g_auto(GStrv) parts = g_strsplit (url, ";", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];

      if (g_str_has_prefix (part, "pkcs11:type=") || g_str_has_prefix (part, "type="))
        {
          if (g_str_has_prefix (part, "pkcs11:"))
            g_string_append (out, "pkcs11:");
          continue;
        }
      if (out->len > 0 && !g_str_has_suffix (out->str, ":"))
        g_string_append_c (out, ';');
      g_string_append (out, part);
    }

  return g_string_free (out, FALSE);
}

GPtrArray *
plan_signer_tokens_list (GError **error)
{
  g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) plan_signer_token_free);
  gnutls_pkcs11_obj_t *objects = NULL;
  unsigned int n_objects = 0;
  int ret;

  /* the modules are loaded by the credentials code on first use */
  ret = gnutls_pkcs11_obj_list_import_url4 (&objects, &n_objects, "pkcs11:",
                                            GNUTLS_PKCS11_OBJ_FLAG_CRT);
  if (ret < 0)
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_NO_TOKEN,
                   _("Cannot list the certificates on the tokens: %s"), gnutls_strerror (ret));
      return NULL;
    }

  for (unsigned int i = 0; i < n_objects; i++)
    {
      gnutls_x509_crt_t crt = NULL;
      char *url = NULL;
      char token_label[256];
      size_t size = sizeof token_label;
      unsigned int critical = 0;

      gnutls_x509_crt_init (&crt);
      if (gnutls_x509_crt_import_pkcs11 (crt, objects[i]) >= 0 &&
          gnutls_x509_crt_get_ca_status (crt, &critical) <= 0 &&
          gnutls_pkcs11_obj_export_url (objects[i], GNUTLS_PKCS11_URL_GENERIC, &url) >= 0)
        {
          PlanSignerToken *token = g_new0 (PlanSignerToken, 1);
          g_autofree char *name = plan_certificate_dup_common_name (crt);

          if (gnutls_pkcs11_obj_get_info (objects[i], GNUTLS_PKCS11_OBJ_TOKEN_LABEL, token_label,
                                          &size) < 0)
            token_label[0] = '\0';
          token->label = token_label[0] != '\0' ? g_strdup_printf ("%s (%s)", name, token_label)
                                                : g_strdup (name);
          token->url = key_and_certificate_url (url);
          g_ptr_array_add (tokens, token);
        }
      gnutls_free (url);
      gnutls_x509_crt_deinit (crt);
      gnutls_pkcs11_obj_deinit (objects[i]);
    }
  gnutls_free (objects);

  return g_steal_pointer (&tokens);
}
