/* plan-doc-type.h: the decree's document types and their codes (ND30 Phụ lục III)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char *code;   /* official spelling, mixed case kept: "KH", "QyĐ", "CTr", "TTr"; "" = Công văn */
  const char *name;   /* "Kế hoạch" */
} PlanDocType;

/* All types, in the decree's order; *n_types set to their number. */
const PlanDocType *plan_doc_types        (guint      *n_types);
/* NULL when @code is not one of the decree's codes (exact, case-sensitive match) */
const PlanDocType *plan_doc_type_lookup  (const char *code);

G_END_DECLS
