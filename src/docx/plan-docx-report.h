/* plan-docx-report.h: what an import recognised, and every place it kept only as plain
 * paragraphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct {
  char    *message;   /* "Kept as a plain paragraph: a line of the header table" */
  char    *excerpt;   /* the start of the text concerned, or NULL */
  GObject *target;    /* the model object that holds it (to jump to), or NULL */
} PlanDocxNote;

typedef struct {
  gboolean   decision;          /* a decision issuing the plan (Quyết định ban hành kế hoạch) */
  guint      n_articles;        /* its articles (Điều) */
  gboolean   header;            /* agency, number, place and date were found */
  gboolean   signer;
  guint      n_preamble;
  guint      n_sections;        /* parts and sections of the body */
  guint      n_items;           /* every other item of the body */
  guint      n_recipients;
  guint      n_appendices;
  GArray    *appendix_tables;   /* guint: the columns of each table in the appendices */
  GPtrArray *unrecognised;      /* PlanDocxNote: kept only as plain paragraphs */
  GPtrArray *remarks;           /* PlanDocxNote: everything else worth knowing (images left out,
                                 * markers the app numbers differently, margins out of range) */
} PlanDocxReport;

PlanDocxReport *plan_docx_report_new       (void);
void            plan_docx_report_free      (PlanDocxReport *self);
/* @target may be NULL; @excerpt is shortened to a readable length */
void            plan_docx_report_add       (PlanDocxReport *self,
                                            gboolean        unrecognised,
                                            gpointer        target,
                                            const char     *excerpt,
                                            const char     *format,
                                            ...) G_GNUC_PRINTF (5, 6);
/* "Header, 4 preamble paragraphs, 5 sections, 41 items, 1 appendix with a 6-column table,
 * signer"; a decision issuing the plan first: "Decision issuing the plan with 3 articles, …" */
char           *plan_docx_report_dup_summary (PlanDocxReport *self);
/* The summary, then one line per unrecognised place and per remark */
char           *plan_docx_report_dup_text    (PlanDocxReport *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanDocxReport, plan_docx_report_free)

G_END_DECLS
