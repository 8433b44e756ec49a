/* plan-cli-sign-pdf.h: kehoach --sign-pdf OUT.pdf …: the signer's and the agency's digital
 * signatures on the issued plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-cli-private.h"

G_BEGIN_DECLS

extern const PlanCliCommand plan_cli_sign_pdf_command;

/* Reads the PIN from @path, which must be a regular file of mode 0600 (or stricter) so that
 * nobody else can read it; the first line, without its end of line. NULL with a message in
 * @error otherwise. Free the result with plan_cli_pin_free(). */
char *plan_cli_read_pin_file (const char  *path,
                              GError     **error);
/* Overwrites the PIN, then frees it */
void  plan_cli_pin_free      (char        *pin);

G_END_DECLS
