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
  g_free (token->nss_dir);
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

/* One of a token's text fields, as gnutls gives it (the padding dropped) */
static char *
dup_token_info (gnutls_pkcs11_obj_t      object,
                gnutls_pkcs11_obj_info_t which)
{
  char text[256];
  size_t size = sizeof text;

  if (gnutls_pkcs11_obj_get_info (object, which, text, &size) < 0)
    return g_strdup ("");
  return g_strdup (text);
}

/* NSS's softoken (its database and its crypto services): p11-kit never registers it; GnuTLS
 * has it only when NSS's modules were added to sign from a database */
static gboolean
is_nss_softoken (gnutls_pkcs11_obj_t object)
{
  g_autofree char *manufacturer = dup_token_info (object, GNUTLS_PKCS11_OBJ_TOKEN_MANUFACTURER);
  g_autofree char *model = dup_token_info (object, GNUTLS_PKCS11_OBJ_TOKEN_MODEL);

  return g_str_equal (manufacturer, "Mozilla Foundation") && g_str_equal (model, "NSS 3");
}

/* What names one object on one token in a pkcs11: URL, whoever wrote it: the token's
 * manufacturer, serial and label and the object's CKA_ID, unescaped; NULL when the URL lacks
 * one of them */
static char *
dup_object_key (const char *url)
{
  const char *names[] = { "manufacturer", "serial", "token", "id" };
  char *values[G_N_ELEMENTS (names)] = { NULL };
  g_autofree char *path = NULL;
  g_auto(GStrv) parts = NULL;
  gboolean complete = TRUE;
  GString *key;

  if (url == NULL || !g_str_has_prefix (url, "pkcs11:"))
    return NULL;
  path = g_strndup (url + strlen ("pkcs11:"), strcspn (url + strlen ("pkcs11:"), "?"));
  parts = g_strsplit (path, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *equals = strchr (parts[i], '=');

      if (equals == NULL)
        continue;
      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        if (strlen (names[n]) == (gsize) (equals - parts[i]) &&
            strncmp (parts[i], names[n], equals - parts[i]) == 0)
          {
            g_autoptr(GBytes) bytes = g_uri_unescape_bytes (equals + 1, -1, NULL, NULL);
            gsize size = 0;
            const guint8 *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
            GString *hex = g_string_new (NULL);

            /* hex: an ID is binary; the text fields' padding is not in URLs */
            for (gsize b = 0; b < size; b++)
              g_string_append_printf (hex, "%02x", data[b]);
            g_free (values[n]);
            values[n] = g_string_free (hex, FALSE);
          }
    }

  key = g_string_new (NULL);
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      if (values[n] == NULL || values[n][0] == '\0')
        complete = FALSE;
      else
        g_string_append_printf (key, "%s%s", n > 0 ? ";" : "", values[n]);
      g_free (values[n]);
    }
  return g_string_free (key, !complete);
}

void
plan_signer_tokens_add_nss (GPtrArray *tokens,
                            GPtrArray *from_nss)
{
  g_return_if_fail (tokens != NULL && from_nss != NULL);

  for (guint i = 0; i < from_nss->len; i++)
    {
      PlanSignerToken *nss = g_ptr_array_index (from_nss, i);
      g_autofree char *key = dup_object_key (nss->url);
      PlanSignerToken *copy = g_new0 (PlanSignerToken, 1);
      gboolean placed = FALSE;

      copy->label = g_strdup (nss->label);
      copy->url = g_strdup (nss->url);
      copy->nss_dir = g_strdup (nss->nss_dir);
      for (guint t = 0; t < tokens->len && key != NULL && !placed; t++)
        {
          PlanSignerToken *token = g_ptr_array_index (tokens, t);
          g_autofree char *token_key = dup_object_key (token->url);

          if (token->nss_dir == NULL && g_strcmp0 (key, token_key) == 0)
            {
              plan_signer_token_free (token);
              tokens->pdata[t] = copy;
              placed = TRUE;
            }
        }
      if (!placed)
        g_ptr_array_add (tokens, copy);
    }
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
      if (!is_nss_softoken (objects[i]) &&
          gnutls_x509_crt_import_pkcs11 (crt, objects[i]) >= 0 &&
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
