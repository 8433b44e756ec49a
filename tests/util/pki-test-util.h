/* pki-test-util.h: the test CA, certificates, SoftHSM2 token and NSS databases of the signing
 * tests, made fresh by tests/signing/make-test-pki.sh
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Makes the test PKI in a new temporary folder and returns the folder (set SOFTHSM2_CONF to
 * its softhsm2.conf before anything loads the PKCS#11 modules). NULL with @error naming the
 * missing tool, or the script's failure: the caller skips or fails. */
char *pki_test_make (GError **error);

G_END_DECLS
