/* plan-docx-writer-package.c: the parts of a .docx being written, zipped and saved atomically
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <zip.h>
#include <glib/gi18n-lib.h>

#include "plan-docx-error.h"
#include "plan-docx-writer-package.h"
#include "plan-docx-writer-xml.h"

#define CONTENT_TYPES_NS "http://schemas.openxmlformats.org/package/2006/content-types"

typedef struct {
  char   *name;
  char   *content_type;
  GBytes *content;
} Part;

typedef struct {
  char *id;
  char *type;
  char *target;
} Relationship;

struct _PlanDocxWriterPackage {
  GPtrArray  *parts;          /* Part, in the order added */
  GHashTable *relationships;  /* source part name → GPtrArray of Relationship */
  GPtrArray  *sources;        /* source part names, in the order first used */
};

static void
part_free (gpointer data)
{
  Part *part = data;

  g_free (part->name);
  g_free (part->content_type);
  g_bytes_unref (part->content);
  g_free (part);
}

static void
relationship_free (gpointer data)
{
  Relationship *relationship = data;

  g_free (relationship->id);
  g_free (relationship->type);
  g_free (relationship->target);
  g_free (relationship);
}

PlanDocxWriterPackage *
plan_docx_writer_package_new (void)
{
  PlanDocxWriterPackage *self = g_new0 (PlanDocxWriterPackage, 1);

  self->parts = g_ptr_array_new_with_free_func (part_free);
  self->relationships = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                               (GDestroyNotify) g_ptr_array_unref);
  self->sources = g_ptr_array_new_with_free_func (g_free);
  return self;
}

void
plan_docx_writer_package_free (PlanDocxWriterPackage *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->parts);
  g_hash_table_unref (self->relationships);
  g_ptr_array_unref (self->sources);
  g_free (self);
}

void
plan_docx_writer_package_add_part (PlanDocxWriterPackage *self,
                                   const char            *name,
                                   const char            *content_type,
                                   GBytes                *content)
{
  Part *part = g_new0 (Part, 1);

  part->name = g_strdup (name);
  part->content_type = g_strdup (content_type);
  part->content = g_bytes_ref (content);
  g_ptr_array_add (self->parts, part);
}

const char *
plan_docx_writer_package_add_relationship (PlanDocxWriterPackage *self,
                                           const char            *source,
                                           const char            *type,
                                           const char            *target)
{
  GPtrArray *list = g_hash_table_lookup (self->relationships, source);
  Relationship *relationship = g_new0 (Relationship, 1);

  if (list == NULL)
    {
      char *key = g_strdup (source);

      list = g_ptr_array_new_with_free_func (relationship_free);
      g_ptr_array_add (self->sources, key);
      g_hash_table_insert (self->relationships, key, list);
    }
  relationship->id = g_strdup_printf ("rId%u", list->len + 1);
  relationship->type = g_strdup (type);
  relationship->target = g_strdup (target);
  g_ptr_array_add (list, relationship);

  return relationship->id;
}

static GBytes *
write_content_types (PlanDocxWriterPackage *self)
{
  g_autoptr(PlanDocxXml) xml = plan_docx_xml_new ("Types", "", CONTENT_TYPES_NS, NULL);

  plan_docx_xml_start (xml, "Default");
  plan_docx_xml_attr (xml, "Extension", "rels");
  plan_docx_xml_attr (xml, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
  plan_docx_xml_end (xml);
  plan_docx_xml_start (xml, "Default");
  plan_docx_xml_attr (xml, "Extension", "xml");
  plan_docx_xml_attr (xml, "ContentType", "application/xml");
  plan_docx_xml_end (xml);

  for (guint i = 0; i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);
      g_autofree char *part_name = g_strconcat ("/", part->name, NULL);

      plan_docx_xml_start (xml, "Override");
      plan_docx_xml_attr (xml, "PartName", part_name);
      plan_docx_xml_attr (xml, "ContentType", part->content_type);
      plan_docx_xml_end (xml);
    }

  return plan_docx_xml_finish (g_steal_pointer (&xml));
}

/* "word/document.xml" → "word/_rels/document.xml.rels"; "" → "_rels/.rels" */
static char *
relationships_part_name (const char *source)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;

  if (source[0] == '\0')
    return g_strdup ("_rels/.rels");
  folder = g_path_get_dirname (source);
  base = g_path_get_basename (source);
  if (g_str_equal (folder, "."))
    return g_strconcat ("_rels/", base, ".rels", NULL);
  return g_strconcat (folder, "/_rels/", base, ".rels", NULL);
}

static GBytes *
write_relationships (GPtrArray *list)
{
  g_autoptr(PlanDocxXml) xml = plan_docx_xml_new ("Relationships", "", PLAN_DOCX_NS_REL, NULL);

  for (guint i = 0; i < list->len; i++)
    {
      Relationship *relationship = g_ptr_array_index (list, i);

      plan_docx_xml_start (xml, "Relationship");
      plan_docx_xml_attr (xml, "Id", relationship->id);
      plan_docx_xml_attr (xml, "Type", relationship->type);
      plan_docx_xml_attr (xml, "Target", relationship->target);
      plan_docx_xml_end (xml);
    }

  return plan_docx_xml_finish (g_steal_pointer (&xml));
}

static gboolean
add_entry (zip_t       *zip,
           const char  *name,
           GBytes      *content,
           GPtrArray   *keep,
           GError     **error)
{
  zip_source_t *source;
  gsize size;
  const void *data = g_bytes_get_data (content, &size);
  zip_int64_t index;

  /* libzip reads the data at zip_close(): the bytes are kept alive until then. */
  g_ptr_array_add (keep, g_bytes_ref (content));
  source = zip_source_buffer (zip, data, size, 0);
  if (source == NULL ||
      (index = zip_file_add (zip, name, source, ZIP_FL_ENC_UTF_8)) < 0)
    {
      if (source != NULL)
        zip_source_free (source);
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_WRITE,
                   _("The Word file could not be assembled: %s."), zip_strerror (zip));
      return FALSE;
    }
  /* Fixed time stamps: the same plan gives the same file. */
  zip_file_set_mtime (zip, (zip_uint64_t) index, 315532800 /* 1980-01-01 */, 0);
  return TRUE;
}

GBytes *
plan_docx_writer_package_zip (PlanDocxWriterPackage *self,
                              GError               **error)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GBytes) content_types = write_content_types (self);
  zip_error_t zip_error;
  zip_source_t *buffer;
  zip_stat_t stat;
  zip_t *zip;
  GByteArray *out;
  gboolean ok = TRUE;

  zip_error_init (&zip_error);
  buffer = zip_source_buffer_create (NULL, 0, 0, &zip_error);
  zip = buffer != NULL ? zip_open_from_source (buffer, ZIP_TRUNCATE, &zip_error) : NULL;
  if (zip == NULL)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_WRITE,
                   _("The Word file could not be assembled: %s."), zip_error_strerror (&zip_error));
      if (buffer != NULL)
        zip_source_free (buffer);
      zip_error_fini (&zip_error);
      return NULL;
    }
  zip_error_fini (&zip_error);
  /* The buffer outlives the archive: the ZIP is read back from it after zip_close(). */
  zip_source_keep (buffer);

  ok = add_entry (zip, "[Content_Types].xml", content_types, keep, error);
  for (guint i = 0; ok && i < self->sources->len; i++)
    {
      const char *source = g_ptr_array_index (self->sources, i);
      g_autofree char *name = relationships_part_name (source);
      g_autoptr(GBytes) rels = write_relationships (g_hash_table_lookup (self->relationships, source));

      ok = add_entry (zip, name, rels, keep, error);
    }
  for (guint i = 0; ok && i < self->parts->len; i++)
    {
      Part *part = g_ptr_array_index (self->parts, i);

      ok = add_entry (zip, part->name, part->content, keep, error);
    }

  if (!ok)
    {
      zip_discard (zip);
      zip_source_free (buffer);
      return NULL;
    }
  if (zip_close (zip) < 0)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_WRITE,
                   _("The Word file could not be assembled: %s."), zip_strerror (zip));
      zip_discard (zip);
      zip_source_free (buffer);
      return NULL;
    }

  zip_stat_init (&stat);
  out = g_byte_array_new ();
  if (zip_source_stat (buffer, &stat) < 0 || zip_source_open (buffer) < 0)
    ok = FALSE;
  else
    {
      g_byte_array_set_size (out, (guint) stat.size);
      ok = zip_source_read (buffer, out->data, stat.size) == (zip_int64_t) stat.size;
      zip_source_close (buffer);
    }
  zip_source_free (buffer);
  if (!ok)
    {
      g_byte_array_unref (out);
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_WRITE,
                   _("The Word file could not be assembled."));
      return NULL;
    }

  return g_byte_array_free_to_bytes (out);
}
