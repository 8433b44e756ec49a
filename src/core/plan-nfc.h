/* plan-nfc.h: Unicode NFC normalization in linear time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Same result as g_utf8_normalize (@str, -1, G_NORMALIZE_NFC), but in time linear in the
 * length: GLib's composition step shifts the rest of the string for every character it
 * composes, so a long Vietnamese text (a composition every few characters) takes quadratic
 * time — minutes for one 1 MB paragraph. @str must be valid UTF-8. */
char *plan_utf8_nfc (const char *str);

G_END_DECLS
