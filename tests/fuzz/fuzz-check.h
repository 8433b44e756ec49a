/* fuzz-check.h: what the fuzz target and the corpus regression test check for one input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Loads @data with plan_json_load_data(). A failure must come with a message in
 * PLAN_FILE_ERROR; a plan that loads must save, load again and save to the same bytes.
 * Returns NULL when all holds, otherwise a description of what went wrong. @loaded_out (may
 * be NULL) says whether the input loaded. */
char *fuzz_check_plan_json (const guint8 *data,
                            gsize         size,
                            gboolean     *loaded_out);

G_END_DECLS
