/* plan-document.h: a whole plan (Kế hoạch) and the only way to change it with undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"
#include "plan-text.h"
#include "plan-paragraph.h"
#include "plan-item.h"
#include "plan-table.h"
#include "plan-recipient.h"
#include "plan-appendix.h"
#include "plan-decision.h"
#include "plan-review.h"
#include "plan-comment.h"
#include "plan-event.h"

G_BEGIN_DECLS

#define PLAN_TYPE_DOCUMENT (plan_document_get_type ())
G_DECLARE_FINAL_TYPE (PlanDocument, plan_document, PLAN, DOCUMENT, PlanNode)

/* Layout defaults and the decree's ranges (ND30 Phụ lục I). */
#define PLAN_MARGIN_TOP_DEFAULT      20.0
#define PLAN_MARGIN_BOTTOM_DEFAULT   20.0
#define PLAN_MARGIN_LEFT_DEFAULT     30.0
#define PLAN_MARGIN_RIGHT_DEFAULT    15.0
#define PLAN_MARGIN_TOP_MIN          20.0
#define PLAN_MARGIN_TOP_MAX          25.0
#define PLAN_MARGIN_BOTTOM_MIN       20.0
#define PLAN_MARGIN_BOTTOM_MAX       25.0
#define PLAN_MARGIN_LEFT_MIN         30.0
#define PLAN_MARGIN_LEFT_MAX         35.0
#define PLAN_MARGIN_RIGHT_MIN        15.0
#define PLAN_MARGIN_RIGHT_MAX        20.0
#define PLAN_FONT_SIZE_MIN           13.0
#define PLAN_FONT_SIZE_MAX           14.0
#define PLAN_LINE_SPACING_MIN        1.0
#define PLAN_LINE_SPACING_MAX        1.5
#define PLAN_PARAGRAPH_SPACING_MIN   6.0
#define PLAN_PARAGRAPH_SPACING_MAX   24.0

/* Properties (all readable and writable; ranges enforced by the pspecs):
 * Header
 *  "parent-agency"     string, "\n" between printed lines; may be empty. Stored as typed
 *                      ("Phòng GD&ĐT thành phố Hạ Long"), printed in capitals.
 *  "agency"            string, "\n" between lines ("Trường THCS Lý Tự Trọng"), printed in capitals;
 *                      used as typed in the appendix reference line ("… của Trường THCS Lý Tự Trọng")
 *  "agency-abbrev"     string ("THCS", "SCT", "PGD&ĐT")
 *  "doc-type"          string, the type code of the decree's table ("KH"; "" = Công văn)
 *  "number"            guint, 0 = not numbered yet (drafts)
 *  "place"             string ("Hạ Long")
 *  "date-year", "date-month", "date-day"  guint, 0 = not filled in yet
 *  "title"             string (trích yếu), "\n" between printed lines
 *  "urgency"           PlanUrgency, "secrecy" PlanSecrecy, "circulation" string
 *                      ("LƯU HÀNH NỘI BỘ"; empty = none)
 * Body
 *  "end-marker"        gboolean: print "./." after the last body paragraph
 *  "numbered-style", "point-style", "part-style"  numbering styles
 * Closing
 *  "archive"           string after "Lưu: " ("VT, TCCB")
 *  "signer-authority"  string, "\n" between lines ("KT. GIÁM ĐỐC"); may be empty
 *  "signer-title"      string ("PHÓ GIÁM ĐỐC", "HIỆU TRƯỞNG")
 *  "signer-name"       string ("Bùi Hoàng Anh")
 *  "signer-notes"      string, lines printed under the name; may be empty
 *  "signer-notes-bold" gboolean, default FALSE: those lines in bold (the signer's post in
 *                      another body, as some offices write it) rather than plain
 * Layout
 *  "margin-top", "margin-bottom", "margin-left", "margin-right"  double, mm
 *  "font-size"         double, pt (13 or 14)
 *  "line-spacing"      double, multiple of single spacing (1.0–1.5)
 *  "paragraph-spacing" double, pt before each paragraph (≥ 6)
 *  "first-line-indent" double, mm (10 or 12.7)
 *  "appendix-page-numbering"  PlanPageNumbering, default restart: each appendix numbered from 1
 *                      (its first page unnumbered), or continuing from the body's pages
 *  "draft-watermark"   gboolean: print "DỰ THẢO" on every page. Not signed and not decided by
 *                      the file: printing and exporting set it from
 *                      plan_approval_needs_watermark() (src/approval) first
 * Lists: preamble (PlanParagraph), body (PlanItem), recipients (PlanRecipient),
 *        appendices (PlanAppendix).
 * Kind
 *  "kind"              PlanDocumentKind, default PLAN: a plan alone, or (DECISION) the decision in
 *                      "decision" first, then the plan it issues, then the appendices. In a
 *                      decision the header's "number", date and symbol are the decision's (with the
 *                      decision's "doc-type", "QĐ"); the plan's "doc-type" names the plan.
 * Construct-only: "review" (PlanReview), "decision" (PlanDecision; both created when not
 *                 given; the decision is kept, unused, while the kind is PLAN).
 * Read-only: "can-undo", "can-redo", "modified" (changed since plan_document_set_unmodified()).
 *
 * Signals:
 *  "changed" (void): after every change made through this API, including undo and redo. */
PlanDocument *plan_document_new                   (void);
/* A new blank Kế hoạch with the usual sections I–IV, empty header fields. */
PlanDocument *plan_document_new_template          (void);
/* A new Quyết định ban hành kế hoạch (kind DECISION): the decision's title, "Căn cứ …" lines,
 * the usual three articles and "Như Điều 3" to fill in, then the plan of
 * plan_document_new_template(). */
PlanDocument *plan_document_new_decision_template (void);
/* The decision's authority as offices write it, from the signer's title and the agency:
 * "Hiệu trưởng Trường THCS Lý Tự Trọng" from "HIỆU TRƯỞNG" and "Trường THCS Lý Tự Trọng" (the
 * plan's "(Ban hành kèm theo Quyết định … của …)" line cites it as typed); "" unless both are
 * known. */
char         *plan_document_dup_default_authority (PlanDocument *self);
/* Issues the plan by a decision (kind DECISION), as one undo step. A decision without
 * articles nor bases gets those of the template, its title and first article citing the plan's
 * title, and the default authority when it has none; a decision without Nơi nhận takes the
 * plan's recipients and archive line, then "Như Điều 3". The number goes back to 0: the
 * decision is numbered when it is issued. */
void          plan_document_issue_by_decision     (PlanDocument *self);
/* Back to a plan alone (kind PLAN), as one undo step: a plan without Nơi nhận gets the
 * decision's, but for "Như Điều …"; the number goes back to 0. The decision is kept in the
 * model but not saved. */
void          plan_document_remove_decision       (PlanDocument *self);

const char   *plan_document_get_parent_agency     (PlanDocument *self);
const char   *plan_document_get_agency            (PlanDocument *self);
const char   *plan_document_get_agency_abbrev     (PlanDocument *self);
const char   *plan_document_get_doc_type          (PlanDocument *self);
guint         plan_document_get_number            (PlanDocument *self);
const char   *plan_document_get_place             (PlanDocument *self);
void          plan_document_get_date              (PlanDocument *self,
                                                   guint        *year,
                                                   guint        *month,
                                                   guint        *day);
const char   *plan_document_get_title             (PlanDocument *self);
const char   *plan_document_get_archive           (PlanDocument *self);
const char   *plan_document_get_signer_authority  (PlanDocument *self);
const char   *plan_document_get_signer_title      (PlanDocument *self);
const char   *plan_document_get_signer_name       (PlanDocument *self);
const char   *plan_document_get_signer_notes      (PlanDocument *self);
gboolean      plan_document_get_signer_notes_bold (PlanDocument *self);
PlanPageNumbering plan_document_get_appendix_page_numbering (PlanDocument *self);
gboolean      plan_document_get_end_marker        (PlanDocument *self);
gboolean      plan_document_get_draft_watermark   (PlanDocument *self);
double        plan_document_get_font_size         (PlanDocument *self);
double        plan_document_get_line_spacing      (PlanDocument *self);
double        plan_document_get_paragraph_spacing (PlanDocument *self);
double        plan_document_get_first_line_indent (PlanDocument *self);
void          plan_document_get_margins           (PlanDocument *self,
                                                   double       *top,
                                                   double       *bottom,
                                                   double       *left,
                                                   double       *right);
GListModel   *plan_document_get_preamble          (PlanDocument *self);
GListModel   *plan_document_get_body              (PlanDocument *self);
GListModel   *plan_document_get_recipients        (PlanDocument *self);
GListModel   *plan_document_get_appendices        (PlanDocument *self);
PlanReview   *plan_document_get_review            (PlanDocument *self);
PlanDocumentKind plan_document_get_kind           (PlanDocument *self);
PlanDecision *plan_document_get_decision          (PlanDocument *self);

/* ---- Changing the plan with undo ------------------------------------------------------------
 * Every editor changes the model only through these, so that every change can be undone and
 * "changed" is emitted. @object is the document or any model object inside it; @list is any
 * list model returned by a getter above (document, item, table, row, appendix, review). */

/* Like g_object_set(): pairs of property name and value, NULL-terminated. Strings are stored as
 * NFC. Consecutive sets of the same string property of the same object within a short time
 * are merged into one undo step (a burst of typing). */
void          plan_document_set                   (PlanDocument *self,
                                                   gpointer      object,
                                                   const char   *first_property,
                                                   ...) G_GNUC_NULL_TERMINATED;
void          plan_document_set_value             (PlanDocument *self,
                                                   gpointer      object,
                                                   const char   *property,
                                                   const GValue *value);
void          plan_document_insert                (PlanDocument *self,
                                                   GListModel   *list,
                                                   guint         position,
                                                   gpointer      item);
void          plan_document_remove                (PlanDocument *self,
                                                   GListModel   *list,
                                                   guint         position);
/* Moves the item at @from so that it ends up at index @to. */
void          plan_document_move                  (PlanDocument *self,
                                                   GListModel   *list,
                                                   guint         from,
                                                   guint         to);
/* Groups every change until the matching end into one undo step (nesting allowed). */
void          plan_document_begin_group           (PlanDocument *self);
void          plan_document_end_group             (PlanDocument *self);
/* Ends the current burst of typing: the next set starts a new undo step. */
void          plan_document_break_merge           (PlanDocument *self);

gboolean      plan_document_can_undo              (PlanDocument *self);
gboolean      plan_document_can_redo              (PlanDocument *self);
void          plan_document_undo                  (PlanDocument *self);
void          plan_document_redo                  (PlanDocument *self);
/* Forgets the undo history (after loading). */
void          plan_document_clear_undo            (PlanDocument *self);
gboolean      plan_document_get_modified          (PlanDocument *self);
/* The current state is the saved one. */
void          plan_document_set_unmodified        (PlanDocument *self);
/* The plan differs from its file, whatever the history says (a recovered draft). */
void          plan_document_set_modified          (PlanDocument *self);

/* ---- Derived text (decree formats) ---------------------------------------------------------- */
/* "25/KH-THCS"; "05/…" below 10; blanks before "/" when there is no number yet. */
char         *plan_document_dup_symbol            (PlanDocument *self);
/* "Hạ Long, ngày 15 tháng 02 năm 2022"; "Lào Cai, ngày … tháng 4 năm 2026" in drafts */
char         *plan_document_dup_place_and_date    (PlanDocument *self);
/* The type's official name, "Kế hoạch" */
const char   *plan_document_get_type_name         (PlanDocument *self);
/* In a decision: "(Ban hành kèm theo Quyết định số 15/QĐ-THCS ngày 20 tháng 8 năm 2025 của
 * Hiệu trưởng Trường THCS Lý Tự Trọng)", printed under the plan's title (a day or month not
 * yet known is blank space); NULL for a plan */
char         *plan_document_dup_issuing_reference (PlanDocument *self);
/* "Phụ lục", "Phụ lục II", the custom label, or NULL (no label) */
char         *plan_document_dup_appendix_label    (PlanDocument *self,
                                                   PlanAppendix *appendix);
/* "(Kèm theo Kế hoạch số 25/KH-THCS ngày 15 tháng 02 năm 2022 của Trường THCS Lý Tự Trọng)"
 * (in a decision: "(Kèm theo Quyết định số … của <authority>)"), or the custom text in
 * parentheses, or NULL */
char         *plan_document_dup_appendix_reference (PlanDocument *self,
                                                    PlanAppendix *appendix);
/* The same as printed: a day or month not yet known is blank space for the văn thư to write
 * in, like the number (the editor shows "…" there) */
char         *plan_document_dup_printed_appendix_reference (PlanDocument *self,
                                                            PlanAppendix *appendix);

G_END_DECLS
