/* plan-pdf-reader.h: just enough of a PDF's structure to extend it with an incremental update
 * and to find its signatures: the cross-reference tables of every revision, the trailer, the
 * catalog, the pages and the signature fields. Objects are located, never rewritten here;
 * values are spans of the file's own bytes, copied verbatim when an object is updated.
 *
 * Classic cross-reference tables only (cairo's PDFs and the updates written by
 * plan-pdf-update.c); a file with cross-reference streams is refused with
 * PLAN_SIGNING_ERROR_UNSUPPORTED_PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PlanPdfReader PlanPdfReader;

/* A value in the file: bytes [start, end) */
typedef struct {
  gsize start;
  gsize end;
} PlanPdfSpan;

typedef struct {
  char        *field_name;     /* /T */
  guint        page;           /* 0-based page of the widget, G_MAXUINT if unknown */
  double       rect[4];        /* the widget's /Rect: x1 y1 x2 y2 */
  gint64       byte_range[4];  /* /ByteRange */
  GBytes      *contents;       /* /Contents, the DER CMS without the padding */
  char        *sub_filter;     /* "adbe.pkcs7.detached" … */
} PlanPdfSignatureField;

void           plan_pdf_signature_field_free (PlanPdfSignatureField *field);

PlanPdfReader *plan_pdf_reader_new        (GBytes         *pdf,
                                           GError        **error);
void           plan_pdf_reader_free       (PlanPdfReader  *self);

const char    *plan_pdf_reader_get_data   (PlanPdfReader  *self,
                                           gsize          *length);
/* The offset the last "startxref" points to, the next free object number (/Size) */
gsize          plan_pdf_reader_get_startxref (PlanPdfReader *self);
guint          plan_pdf_reader_get_size   (PlanPdfReader  *self);
/* The newest trailer dictionary, and a value in it (FALSE when absent) */
gboolean       plan_pdf_reader_trailer_get (PlanPdfReader *self,
                                            const char    *key,
                                            PlanPdfSpan   *value);

/* The dictionary of object @number ("<< … >>"), FALSE with @error when it is missing or not
 * a dictionary. */
gboolean       plan_pdf_reader_object     (PlanPdfReader  *self,
                                           guint           number,
                                           PlanPdfSpan    *value,
                                           GError        **error);
/* The value of @key ("Annots", without the slash) in the dictionary @dict */
gboolean       plan_pdf_reader_dict_get   (PlanPdfReader  *self,
                                           PlanPdfSpan     dict,
                                           const char     *key,
                                           PlanPdfSpan    *value);
/* The entries of the dictionary @dict: pairs of spans, key ("/Type") then value */
GArray        *plan_pdf_reader_dict_entries (PlanPdfReader *self,
                                             PlanPdfSpan    dict);
/* "12 0 R" → 12 */
gboolean       plan_pdf_reader_span_ref   (PlanPdfReader  *self,
                                           PlanPdfSpan     span,
                                           guint          *number);
/* A reference is followed to its object; anything else is returned as is */
gboolean       plan_pdf_reader_resolve    (PlanPdfReader  *self,
                                           PlanPdfSpan     span,
                                           PlanPdfSpan    *value,
                                           GError        **error);
/* The elements of the array @array, as spans */
GArray        *plan_pdf_reader_array_items (PlanPdfReader *self,
                                            PlanPdfSpan    array);
gboolean       plan_pdf_reader_span_number (PlanPdfReader *self,
                                            PlanPdfSpan    span,
                                            double        *number);
gboolean       plan_pdf_reader_span_is_name (PlanPdfReader *self,
                                             PlanPdfSpan    span,
                                             const char    *name);

/* The catalog's object number, and the object numbers of the pages in order */
gboolean       plan_pdf_reader_catalog    (PlanPdfReader  *self,
                                           guint          *number,
                                           GError        **error);
GArray        *plan_pdf_reader_pages      (PlanPdfReader  *self,
                                           GError        **error);
/* The signed signature fields of the AcroForm, in the order of their revisions (by the end
 * of their byte range); a GPtrArray of PlanPdfSignatureField, maybe empty. */
GPtrArray     *plan_pdf_reader_signatures (PlanPdfReader  *self,
                                           GError        **error);
/* Where each revision of the file ends: the offsets just after each "%%EOF" and its end of
 * line, ascending. */
GArray        *plan_pdf_reader_revision_ends (PlanPdfReader *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanPdfReader, plan_pdf_reader_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanPdfSignatureField, plan_pdf_signature_field_free)

G_END_DECLS
