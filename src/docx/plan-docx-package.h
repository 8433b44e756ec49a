/* plan-docx-package.h: the parts of a .docx package (a ZIP of XML), read within limits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* The limits (docs/word-import.md): a Word plan of a thousand pages stays far inside them;
 * a hostile file meets one of them before it can take more than a few hundred megabytes or
 * a second. */
#define PLAN_DOCX_MAX_FILE_SIZE      (64 * 1024 * 1024)   /* the .docx itself */
#define PLAN_DOCX_MAX_PARTS          1000                 /* entries in the ZIP */
#define PLAN_DOCX_MAX_PART_SIZE      (24 * 1024 * 1024)   /* one XML part, inflated */
#define PLAN_DOCX_MAX_TOTAL_SIZE     (48 * 1024 * 1024)   /* every part read, inflated */
#define PLAN_DOCX_MAX_TAGS           2000000              /* start and end tags in one XML part */
#define PLAN_DOCX_MAX_DEPTH          256                  /* XML nesting (libxml2's own limit) */

typedef struct _PlanDocxPackage PlanDocxPackage;

/* Opens the package held in @bytes (kept referenced). Refuses an encrypted document (OLE
 * compound file), anything that is not a ZIP, a damaged or truncated ZIP, too many entries,
 * an entry name that is not UTF-8 or leaves the package ("../", absolute), an encrypted
 * entry, and a ZIP without word/document.xml. */
PlanDocxPackage *plan_docx_package_new        (GBytes           *bytes,
                                               GError          **error);
void             plan_docx_package_free       (PlanDocxPackage  *self);

gboolean         plan_docx_package_has_part   (PlanDocxPackage  *self,
                                               const char       *name);
/* Inflates and parses one part. Without a DTD (a part that declares one is refused, so no
 * entity is ever expanded), without network access, within the size, element and depth
 * limits; invalid UTF-8 and malformed XML are refused with the part's name, line and column.
 * Free the result with xmlFreeDoc(). */
xmlDoc          *plan_docx_package_read_xml   (PlanDocxPackage  *self,
                                               const char       *name,
                                               GError          **error);

/* Called for each child element of the streamed part's container, with the child's whole
 * subtree; the subtree is freed after the call. */
typedef gboolean (*PlanDocxChildFunc) (xmlNode  *child,
                                       gpointer  user_data,
                                       GError  **error);

/* Called at the start and the end of a child that is read one child at a time */
typedef gboolean (*PlanDocxEdgeFunc)  (gpointer  user_data,
                                       GError  **error);

/* Called before a child of such a child is expanded, with its local name */
typedef gboolean (*PlanDocxNameFunc)  (const char *local_name,
                                       gpointer    user_data,
                                       GError    **error);

typedef struct {
  PlanDocxChildFunc child;          /* each child of the container, whole */
  /* The children of the container named @descend (in the WordprocessingML namespace, e.g.
   * "tbl"), or none when NULL, are not expanded whole: open(), then for each of their own
   * child elements inner_start() (may be NULL) and inner_child() with that child's subtree,
   * then close(). So memory stays that of one row of a table, however many rows it has. */
  const char       *descend;
  PlanDocxEdgeFunc  open;
  PlanDocxNameFunc  inner_start;
  PlanDocxChildFunc inner_child;
  PlanDocxEdgeFunc  close;
} PlanDocxStreamFuncs;

/* Streams one part (same limits and parser options as plan_docx_package_read_xml()): memory
 * stays that of one child of the element @container_name (in the
 * WordprocessingML namespace, e.g. "body") at a time, however long the part is. FALSE with
 * @error when the part is damaged, @container_name is missing or a function of @funcs fails
 * (the stream stops there: what follows is not read). */
gboolean         plan_docx_package_stream_xml (PlanDocxPackage           *self,
                                               const char                *name,
                                               const char                *container_name,
                                               const PlanDocxStreamFuncs *funcs,
                                               gpointer                   user_data,
                                               GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlanDocxPackage, plan_docx_package_free)

G_END_DECLS
