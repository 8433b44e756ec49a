/* plan-numbering.h: the markers items print, from their position, their list's style and any
 * marker written by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-document.h"

G_BEGIN_DECLS

/* The printed markers of every item of @items, in order: "I.", "1.", "1.1.", "a)", "-", "+", ""
 * (paragraphs, notes, tables). @parent is the item holding @items (NULL at the top of the body
 * or of an appendix's content). Items are counted among their siblings of the same kind. Each
 * item's style is its own "marker-format" and "marker-suffix"; an item with PLAN_MARKER_AUTO
 * takes the style of the previous sibling of its kind that has one, else the kind's default:
 * parts by the document's "part-style" ("A." or "Phần I"), sections "I.", numbered items
 * "1." or "1)" by "numbered-style" and continuing the number of a numbered parent ("1.1."),
 * points "a)" or "a." by "point-style", bullets "-" ("+" inside a bullet). A literal "marker"
 * wins over the computed one; the item still counts.
 * Returns a NULL-terminated array with g_list_model_get_n_items (@items) strings. */
GStrv   plan_numbering_markers        (PlanDocument *document,
                                       GListModel   *items,
                                       PlanItem     *parent,
                                       const char   *parent_number);
/* The number to pass down as @parent_number when descending into @item's children: "1.1" for a
 * numbered item whose marker is "1.1.", "3" for "3/.", else NULL. */
char   *plan_numbering_child_prefix   (PlanItem     *item,
                                       const char   *marker);

/* The style the items of @kind in @items print with: that of the first item of @kind (its own,
 * or the kind's default when it has none). FALSE when @items holds no item of @kind or the kind
 * has no marker (paragraphs, notes, tables). @suffix_out receives a new string. */
gboolean plan_numbering_get_list_style (PlanDocument     *document,
                                        GListModel       *items,
                                        PlanItemKind      kind,
                                        PlanItem         *parent,
                                        PlanMarkerFormat *format_out,
                                        char            **suffix_out);
/* Gives the items of @kind in @items one style, as one undo step: the first item of @kind
 * carries it and the others follow it (PLAN_MARKER_AUTO). PLAN_MARKER_AUTO returns the list to
 * the document's default. Returns FALSE when there was nothing to change. */
gboolean plan_numbering_set_list_style (PlanDocument     *document,
                                        GListModel       *items,
                                        PlanItemKind      kind,
                                        PlanMarkerFormat  format,
                                        const char       *suffix);
/* "Renumber": clears every literal marker in @items and below, as one undo step, so that every
 * item prints its computed marker again. Returns how many markers were cleared. */
guint   plan_numbering_clear_literal_markers (PlanDocument *document,
                                              GListModel   *items);
/* TRUE when an item in @items or below has a literal marker. */
gboolean plan_numbering_has_literal_markers  (GListModel   *items);

/* The marker of the @n-th item (from 1) in a style, e.g. (PLAN_MARKER_LETTER, 5, NULL, ")") →
 * "đ)", (PLAN_MARKER_DECIMAL_NESTED, 2, "6", "") → "6.2". PLAN_MARKER_AUTO gives "". */
char   *plan_numbering_format_marker  (PlanMarkerFormat  format,
                                       guint             n,
                                       const char       *parent_number,
                                       const char       *suffix);

/* The styles offered in editors, in the order shown. */
typedef struct {
  PlanMarkerFormat  format;
  const char       *suffix;
} PlanMarkerStyle;

const PlanMarkerStyle *plan_numbering_get_styles (guint *n_styles);
/* "a), b), c), d), đ)" (letters show the fifth, where the sequences part), "1.1, 1.2, 1.3"
 * (nested under "1"), "-" */
char   *plan_numbering_dup_style_sample (PlanMarkerFormat  format,
                                         const char       *suffix);

G_END_DECLS
