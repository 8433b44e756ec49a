/* plan-text.h: an immutable run of rich text (bold, italic, underline, soft line breaks)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-types.h"

G_BEGIN_DECLS

#define PLAN_TYPE_TEXT (plan_text_get_type ())

/* One run used to build a PlanText: text with one style. */
typedef struct {
  const char *text;
  PlanStyle   style;
} PlanRun;

GType        plan_text_get_type       (void) G_GNUC_CONST;

/* All constructors normalize to NFC; invalid UTF-8 is never accepted (returns NULL). A soft line
 * break is "\n" inside the text. Adjacent runs of the same style are merged, empty runs dropped. */
PlanText    *plan_text_new            (const char    *plain);
PlanText    *plan_text_new_from_runs  (const PlanRun *runs,
                                       gsize          n_runs);
/* "**bold**", "*italic*", "__underline__" (the notation of shared/reference), for tests and tools */
PlanText    *plan_text_new_from_markdown (const char *markdown);

PlanText    *plan_text_ref            (PlanText      *self);
void         plan_text_unref          (PlanText      *self);

/* The whole text without formatting, NFC. Never NULL. */
const char  *plan_text_get_plain      (const PlanText *self);
gboolean     plan_text_is_empty       (const PlanText *self);
guint        plan_text_get_n_runs     (const PlanText *self);
/* Returns the run's text (owned by @self) and its style. */
const char  *plan_text_get_run        (const PlanText *self,
                                       guint           index,
                                       PlanStyle      *style);
gboolean     plan_text_equal          (const PlanText *a,
                                       const PlanText *b);
char        *plan_text_to_markdown    (const PlanText *self);

/* The plan's conventions, shared by the renderer and the Word export: */
/* A legal basis ("Căn cứ …", italic by the decree), leading spaces aside */
gboolean     plan_text_is_legal_basis (const PlanText *self);
/* The end marker after the last sentence: "/." after a full stop ("… thực hiện./."), else
 * "./."; @self may be NULL */
const char  *plan_text_end_marker     (const PlanText *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanText, plan_text_unref)

G_END_DECLS
