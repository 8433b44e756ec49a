/* plan-decision.h: the decision (Quyết định) that issues a plan, printed before it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-node.h"
#include "plan-article.h"

G_BEGIN_DECLS

#define PLAN_TYPE_DECISION (plan_decision_get_type ())
G_DECLARE_FINAL_TYPE (PlanDecision, plan_decision, PLAN, DECISION, PlanNode)

/* The decision shares with its plan the header (agencies, place), the number and the date
 * (the plan issued by a decision has none of its own: it is cited by the decision's), the
 * signer (Mẫu 1.3 of the decree's Phụ lục III repeats the same signature block under the
 * attached document) and the layout. What is its own:
 *
 * Properties:
 *  "doc-type"   string, the decision's type code, default "QĐ"
 *  "title"      string (trích yếu), "\n" between printed lines ("Ban hành Kế hoạch …")
 *  "authority"  string as typed, "\n" between lines ("Hiệu trưởng Trường THCS Lý Tự Trọng"):
 *               printed in bold capitals above "Căn cứ …", and used as typed in the plan's
 *               "(Ban hành kèm theo Quyết định số … của Hiệu trưởng …)" line
 *  "archive"    string after "Lưu: " in the decision's Nơi nhận ("VT, VP")
 * Lists: preamble (PlanParagraph: "Căn cứ …;" and "Theo đề nghị của …", printed italic),
 *        articles (PlanArticle), recipients (PlanRecipient, the decision's Nơi nhận). */
PlanDecision *plan_decision_new            (void);
const char   *plan_decision_get_doc_type   (PlanDecision *self);
const char   *plan_decision_get_title      (PlanDecision *self);
const char   *plan_decision_get_authority  (PlanDecision *self);
const char   *plan_decision_get_archive    (PlanDecision *self);
GListModel   *plan_decision_get_preamble   (PlanDecision *self);
GListModel   *plan_decision_get_articles   (PlanDecision *self);
GListModel   *plan_decision_get_recipients (PlanDecision *self);

G_END_DECLS
