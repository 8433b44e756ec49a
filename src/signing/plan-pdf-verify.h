/* plan-pdf-verify.h: the signatures of a PDF as a recipient checks them
 *
 * poppler-glib (22.12, NSS underneath) says whether each signature is valid and whether its
 * certificate chains to a root trusted in the NSS database; the byte ranges, read here, say
 * what each signature covers; GnuTLS reads the certificate's issuer, which poppler-glib 22.12
 * does not give.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

G_BEGIN_DECLS

typedef struct {
  char                    *field_name;
  char                    *signer_name;        /* from the certificate */
  char                    *issuer;             /* the certificate's issuer (DN) */
  char                    *organization;       /* the certificate's organisation (O), or "" */
  char                    *issuer_name;        /* the issuer's common name, or "" */
  GDateTime               *time;               /* signing time, or NULL */
  PopplerSignatureStatus   signature_status;
  PopplerCertificateStatus certificate_status;
  gboolean                 covers_revision;    /* from the start of the file to the end of a
                                                  revision, all but its own /Contents */
  gboolean                 covers_whole_file;  /* … and that revision is the whole file */
  guint                    page;               /* 0-based, G_MAXUINT if unknown */
  double                   rect[4];            /* its widget, PDF user space */
} PlanPdfSignatureInfo;

void       plan_pdf_signature_info_free (PlanPdfSignatureInfo *info);

/* The NSS database whose trusted roots decide "trusted" (a folder made by certutil, with or
 * without "sql:"); NULL: the user's ~/.pki/nssdb, or no roots when it does not exist. Only
 * the first call in a process counts: NSS is set up once. */
gboolean   plan_pdf_verify_init         (const char  *nss_dir,
                                         GError     **error);
/* The folder of the NSS database plan_pdf_verify_init() opened (without "sql:"), or NULL
 * when it has not run yet or opened none (no ~/.pki/nssdb) */
const char *plan_pdf_verify_get_nss_dir (void);

/* The signatures of @pdf in the order they were added, as PlanPdfSignatureInfo */
GPtrArray *plan_pdf_verify              (GBytes      *pdf,
                                         GError     **error);

/* Whether every signature is valid, covers its revision, and the last covers the whole file;
 * FALSE for no signatures. (Trust is reported, not required.) */
gboolean   plan_pdf_verify_all_intact   (GPtrArray   *signatures);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanPdfSignatureInfo, plan_pdf_signature_info_free)

G_END_DECLS
