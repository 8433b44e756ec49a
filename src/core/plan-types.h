/* plan-types.h: forward declarations and enums shared by the plan model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <gio/gio.h>   /* GListModel, GListStore in the model headers */

G_BEGIN_DECLS

typedef struct _PlanText       PlanText;
typedef struct _PlanParagraph  PlanParagraph;
typedef struct _PlanItem       PlanItem;
typedef struct _PlanTable      PlanTable;
typedef struct _PlanColumn     PlanColumn;
typedef struct _PlanRow        PlanRow;
typedef struct _PlanCell       PlanCell;
typedef struct _PlanRecipient  PlanRecipient;
typedef struct _PlanAppendix   PlanAppendix;
typedef struct _PlanReview     PlanReview;
typedef struct _PlanComment    PlanComment;
typedef struct _PlanEvent      PlanEvent;
typedef struct _PlanDocument   PlanDocument;
typedef struct _PlanUndo       PlanUndo;

/* Kind of an outline node in the body or an appendix. Numbering is derived from position. */
typedef enum {
  PLAN_ITEM_PART,       /* A., B. (or "Phần I") */
  PLAN_ITEM_SECTION,    /* I., II. */
  PLAN_ITEM_NUMBERED,   /* 1., 1.1., 1.1.1. when nested in another numbered item */
  PLAN_ITEM_POINT,      /* a) b) c) d) đ) e) g) … */
  PLAN_ITEM_BULLET,     /* "-"; a bullet inside a bullet prints "+" */
  PLAN_ITEM_PARAGRAPH,  /* no marker */
  PLAN_ITEM_NOTE,       /* a paragraph printed in italic, e.g. "(Lưu ý: …)" */
  PLAN_ITEM_TABLE,      /* holds a PlanTable ("table" property) and nothing else */
} PlanItemKind;

typedef enum {
  PLAN_ALIGN_LEFT,
  PLAN_ALIGN_CENTER,
  PLAN_ALIGN_RIGHT,
  PLAN_ALIGN_JUSTIFY,
} PlanAlignment;

typedef enum {
  PLAN_ORIENTATION_PORTRAIT,
  PLAN_ORIENTATION_LANDSCAPE,
} PlanOrientation;

/* How a table cell relates to its neighbours: a covered cell continues the one above or to the left. */
typedef enum {
  PLAN_MERGE_NONE,
  PLAN_MERGE_UP,
  PLAN_MERGE_LEFT,
} PlanMerge;

/* The appendix's first line: "Phụ lục" (+ Roman numeral when there are two or more),
 * a heading of the user's own, or none at all. */
typedef enum {
  PLAN_LABEL_AUTO,
  PLAN_LABEL_CUSTOM,
  PLAN_LABEL_NONE,
} PlanLabelMode;

/* The "(Kèm theo Kế hoạch số … ngày … của …)" line of an appendix. */
typedef enum {
  PLAN_REFERENCE_AUTO,
  PLAN_REFERENCE_CUSTOM,
  PLAN_REFERENCE_NONE,
} PlanReferenceMode;

typedef enum {
  PLAN_NUMBERED_DOT,    /* 1. */
  PLAN_NUMBERED_PAREN,  /* 1) */
} PlanNumberedStyle;

typedef enum {
  PLAN_POINT_PAREN,     /* a) */
  PLAN_POINT_DOT,       /* a. */
} PlanPointStyle;

typedef enum {
  PLAN_PART_LETTER,     /* A. */
  PLAN_PART_WORD,       /* Phần I */
} PlanPartStyle;

/* How an item's marker is counted and written; the text after it (".", ")", "/.", "") is the
 * item's "marker-suffix". PLAN_MARKER_AUTO takes the style of the previous sibling of the
 * same kind that has one, else the kind's default from the document's numbering styles, so
 * that a style set on the first item of a list holds for the whole list. */
typedef enum {
  PLAN_MARKER_AUTO,
  PLAN_MARKER_DECIMAL,             /* 1 2 3 */
  PLAN_MARKER_DECIMAL_NESTED,      /* 3.1 3.2 under "3." (plain 1 2 3 elsewhere) */
  PLAN_MARKER_ROMAN,               /* I II III */
  PLAN_MARKER_LETTER,              /* a b c d đ e g h i k (Vietnamese sequence) */
  PLAN_MARKER_LETTER_UPPER,        /* A B C D Đ E G */
  PLAN_MARKER_LETTER_LATIN,        /* a b c d e f g h i j k (with f, j, w, z) */
  PLAN_MARKER_LETTER_UPPER_LATIN,  /* A B C D E F G */
  PLAN_MARKER_PART_WORD,           /* Phần I, Phần II */
  PLAN_MARKER_DASH,                /* - */
  PLAN_MARKER_PLUS,                /* + */
} PlanMarkerFormat;

/* Where a table cell's text sits in a row taller than it */
typedef enum {
  PLAN_VALIGN_TOP,
  PLAN_VALIGN_CENTER,
} PlanVerticalAlignment;

/* How a header row of a table prints (a second header row "(1) (2) (3)" is often italic) */
typedef enum {
  PLAN_HEADER_BOLD,
  PLAN_HEADER_BOLD_ITALIC,
  PLAN_HEADER_ITALIC,
  PLAN_HEADER_PLAIN,
} PlanHeaderStyle;

/* Page numbers of the appendices: from 1 again in each (first page unnumbered), or going on
 * from the body's last page */
typedef enum {
  PLAN_PAGE_NUMBERING_RESTART,
  PLAN_PAGE_NUMBERING_CONTINUE,
} PlanPageNumbering;

/* What one file holds: a plan, or a decision (Quyết định) that issues the plan printed after it */
typedef enum {
  PLAN_DOCUMENT_KIND_PLAN,
  PLAN_DOCUMENT_KIND_DECISION,
} PlanDocumentKind;

typedef enum {
  PLAN_URGENCY_NONE,
  PLAN_URGENCY_KHAN,          /* KHẨN */
  PLAN_URGENCY_THUONG_KHAN,   /* THƯỢNG KHẨN */
  PLAN_URGENCY_HOA_TOC,       /* HỎA TỐC */
} PlanUrgency;

typedef enum {
  PLAN_SECRECY_NONE,
  PLAN_SECRECY_MAT,           /* MẬT */
  PLAN_SECRECY_TOI_MAT,       /* TỐI MẬT */
  PLAN_SECRECY_TUYET_MAT,     /* TUYỆT MẬT */
} PlanSecrecy;

typedef enum {
  PLAN_STATUS_DRAFT,
  PLAN_STATUS_SUBMITTED,
  PLAN_STATUS_RETURNED,
  PLAN_STATUS_APPROVED,
} PlanStatus;

typedef enum {
  PLAN_ROLE_DRAFTER,
  PLAN_ROLE_APPROVER,
} PlanRole;

/* Inline formatting of a span of text. */
typedef enum {
  PLAN_STYLE_BOLD      = 1 << 0,
  PLAN_STYLE_ITALIC    = 1 << 1,
  PLAN_STYLE_UNDERLINE = 1 << 2,
} PlanStyle;

G_END_DECLS
