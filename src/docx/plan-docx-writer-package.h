/* plan-docx-writer-package.h: the parts of a .docx being written, zipped and saved atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _PlanDocxWriterPackage PlanDocxWriterPackage;

#define PLAN_DOCX_CT_MAIN     "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
#define PLAN_DOCX_CT_STYLES   "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
#define PLAN_DOCX_CT_SETTINGS "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
#define PLAN_DOCX_CT_NUMBERING "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"
#define PLAN_DOCX_CT_HEADER   "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
#define PLAN_DOCX_CT_CORE     "application/vnd.openxmlformats-package.core-properties+xml"
#define PLAN_DOCX_CT_APP      "application/vnd.openxmlformats-officedocument.extended-properties+xml"

#define PLAN_DOCX_REL_DOCUMENT "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
#define PLAN_DOCX_REL_STYLES   "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
#define PLAN_DOCX_REL_SETTINGS "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
#define PLAN_DOCX_REL_NUMBERING "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"
#define PLAN_DOCX_REL_HEADER   "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
#define PLAN_DOCX_REL_CORE     "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
#define PLAN_DOCX_REL_APP      "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"

PlanDocxWriterPackage *plan_docx_writer_package_new      (void);
void                   plan_docx_writer_package_free     (PlanDocxWriterPackage *self);

/* Adds the part @name ("word/document.xml") with its content type (an Override in
 * [Content_Types].xml). Takes a reference on @content. */
void                   plan_docx_writer_package_add_part (PlanDocxWriterPackage *self,
                                                          const char            *name,
                                                          const char            *content_type,
                                                          GBytes                *content);
/* Adds a relationship from the part @source ("" for the package, "word/document.xml") to
 * @target (relative to @source's folder) and returns its id ("rId3"), owned by @self. */
const char            *plan_docx_writer_package_add_relationship (PlanDocxWriterPackage *self,
                                                                  const char            *source,
                                                                  const char            *type,
                                                                  const char            *target);

/* The whole package as a ZIP: [Content_Types].xml first, the relationship parts, the parts. */
GBytes                *plan_docx_writer_package_zip      (PlanDocxWriterPackage *self,
                                                          GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanDocxWriterPackage, plan_docx_writer_package_free)

G_END_DECLS
