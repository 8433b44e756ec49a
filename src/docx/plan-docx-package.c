/* plan-docx-package.c: the parts of a .docx package (a ZIP of XML), read within limits
 *
 * libzip reads the archive (it checks the central directory against the local headers and
 * every entry's CRC), libxml2 parses the parts. Everything that comes from the file is
 * bounded before it is trusted: the number of entries, every inflated size (read in chunks
 * and counted, not taken from the header, which a ZIP bomb lies in), the number of tags and
 * the nesting of each part.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define _GNU_SOURCE   /* memmem() */
#include "config.h"

#include <string.h>
#include <zip.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <glib/gi18n-lib.h>

#include "plan-docx-error.h"
#include "plan-docx-package.h"
#include "plan-docx-xml-private.h"

struct _PlanDocxPackage
{
  GBytes *bytes;
  zip_t  *zip;
  gsize   inflated_total;
};

/* An OLE compound file: what Word writes for a password-protected .docx (and for .doc). */
static const guint8 ole_signature[] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

static gboolean
entry_name_is_safe (const char *name)
{
  if (name[0] == '\0' || name[0] == '/' || name[0] == '\\')
    return FALSE;
  if (g_ascii_isalpha (name[0]) && name[1] == ':')
    return FALSE;
  if (strchr (name, '\\') != NULL)
    return FALSE;

  g_auto(GStrv) segments = g_strsplit (name, "/", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    if (g_str_equal (segments[i], ".."))
      return FALSE;
  return TRUE;
}

static gboolean
check_entries (zip_t   *zip,
               GError **error)
{
  zip_int64_t n_entries = zip_get_num_entries (zip, 0);

  if (n_entries > PLAN_DOCX_MAX_PARTS)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_TOO_LARGE,
                   _("The Word file has %d parts; at most %d are read."),
                   (int) MIN (n_entries, G_MAXINT), PLAN_DOCX_MAX_PARTS);
      return FALSE;
    }

  for (zip_int64_t i = 0; i < n_entries; i++)
    {
      const char *raw = zip_get_name (zip, (zip_uint64_t) i, ZIP_FL_ENC_RAW);
      zip_stat_t stat;

      if (raw == NULL || !g_utf8_validate (raw, -1, NULL))
        {
          g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                       _("The Word file is damaged: part %d has a name that is not valid "
                         "text."), (int) i + 1);
          return FALSE;
        }
      if (!entry_name_is_safe (raw))
        {
          g_autofree char *shown = g_strescape (raw, NULL);
          g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                       _("The Word file is damaged: the part name “%s” points outside the "
                         "document."), shown);
          return FALSE;
        }
      zip_stat_init (&stat);
      if (zip_stat_index (zip, (zip_uint64_t) i, 0, &stat) == 0 &&
          (stat.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 &&
          stat.encryption_method != ZIP_EM_NONE)
        {
          g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_ENCRYPTED,
                       _("The Word file is protected with a password. Open it in Word, "
                         "remove the password and save it again."));
          return FALSE;
        }
    }
  return TRUE;
}

PlanDocxPackage *
plan_docx_package_new (GBytes  *bytes,
                       GError **error)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  zip_error_t zip_error;
  zip_source_t *source;
  zip_t *zip;

  if (size >= sizeof ole_signature && memcmp (data, ole_signature, sizeof ole_signature) == 0)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_ENCRYPTED,
                   _("The file is protected with a password, or it is an old Word 97–2003 "
                     "document (.doc). Open it in Word, remove any password and save it as a "
                     "Word document (.docx)."));
      return NULL;
    }
  if (size < 4 || data[0] != 'P' || data[1] != 'K')
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_NOT_DOCX,
                   _("The file is not a Word document (.docx)."));
      return NULL;
    }
  if (size > PLAN_DOCX_MAX_FILE_SIZE)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_TOO_LARGE,
                   _("The Word file is larger than %d MB."), PLAN_DOCX_MAX_FILE_SIZE >> 20);
      return NULL;
    }

  zip_error_init (&zip_error);
  source = zip_source_buffer_create (data, size, 0, &zip_error);
  if (source == NULL)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                   _("The Word file could not be read: %s."), zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return NULL;
    }
  zip = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zip_error);
  if (zip == NULL)
    {
      int code = zip_error_code_zip (&zip_error);
      zip_source_free (source);
      if (code == ZIP_ER_NOZIP)
        g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                     _("The Word file is damaged or incomplete (its table of contents is "
                       "missing; was the download or copy cut short?)."));
      else
        g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                     _("The Word file is damaged: %s."), zip_error_strerror (&zip_error));
      zip_error_fini (&zip_error);
      return NULL;
    }
  zip_error_fini (&zip_error);

  if (!check_entries (zip, error))
    {
      zip_discard (zip);
      return NULL;
    }

  PlanDocxPackage *self = g_new0 (PlanDocxPackage, 1);
  self->bytes = g_bytes_ref (bytes);
  self->zip = zip;

  if (!plan_docx_package_has_part (self, "word/document.xml"))
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_NOT_DOCX,
                   _("The file is a ZIP archive but not a Word document (it has no "
                     "word/document.xml)."));
      plan_docx_package_free (self);
      return NULL;
    }
  return self;
}

void
plan_docx_package_free (PlanDocxPackage *self)
{
  if (self == NULL)
    return;
  zip_discard (self->zip);
  g_bytes_unref (self->bytes);
  g_free (self);
}

gboolean
plan_docx_package_has_part (PlanDocxPackage *self,
                            const char      *name)
{
  return zip_name_locate (self->zip, name, ZIP_FL_ENC_RAW) >= 0;
}

/* Inflates the entry in chunks, counting: the sizes in the ZIP headers are not trusted. */
static GByteArray *
inflate_part (PlanDocxPackage *self,
              const char      *name,
              GError         **error)
{
  zip_int64_t index = zip_name_locate (self->zip, name, ZIP_FL_ENC_RAW);
  zip_file_t *file;
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  guint8 chunk[64 * 1024];
  zip_int64_t n_read;

  g_return_val_if_fail (index >= 0, NULL);

  file = zip_fopen_index (self->zip, (zip_uint64_t) index, 0);
  if (file == NULL)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                   _("The Word file is damaged: its part %s cannot be read (%s)."),
                   name, zip_strerror (self->zip));
      return NULL;
    }
  while ((n_read = zip_fread (file, chunk, sizeof chunk)) > 0)
    {
      if (buffer->len + (gsize) n_read > PLAN_DOCX_MAX_PART_SIZE ||
          self->inflated_total + (gsize) n_read > PLAN_DOCX_MAX_TOTAL_SIZE)
        {
          zip_fclose (file);
          g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_TOO_LARGE,
                       _("The Word file's part %s unpacks to more than %d MB (the limit is "
                         "%d MB per part and %d MB in all); it is not read."),
                       name, (int) ((buffer->len + (gsize) n_read) >> 20),
                       PLAN_DOCX_MAX_PART_SIZE >> 20, PLAN_DOCX_MAX_TOTAL_SIZE >> 20);
          return NULL;
        }
      g_byte_array_append (buffer, chunk, (guint) n_read);
      self->inflated_total += (gsize) n_read;
    }
  if (n_read < 0)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                   _("The Word file is damaged: its part %s cannot be unpacked (%s)."),
                   name, zip_file_strerror (file));
      zip_fclose (file);
      return NULL;
    }
  zip_fclose (file);
  return g_steal_pointer (&buffer);
}

/* A DOCTYPE is the only way to declare entities; Word never writes one. Refusing it keeps
 * entity expansion ("billion laughs") and external entities out altogether. */
static gboolean
declares_dtd (const guint8 *data,
              gsize         length)
{
  static const char doctype[] = "<!DOCTYPE";
  return memmem (data, length, doctype, sizeof doctype - 1) != NULL;
}

static gsize
count_tags (const guint8 *data,
            gsize         length)
{
  gsize n = 0;
  const guint8 *end = data + length;
  for (const guint8 *p = data; p < end && (p = memchr (p, '<', (gsize) (end - p))) != NULL; p++)
    n++;
  return n;
}

/* Inflates @name and refuses a DTD */
static GByteArray *
prepare_part (PlanDocxPackage *self,
              const char      *name,
              GError         **error)
{
  g_autoptr(GByteArray) buffer = NULL;

  if (!plan_docx_package_has_part (self, name))
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                   _("The Word file is damaged: its part %s is missing."), name);
      return NULL;
    }
  buffer = inflate_part (self, name, error);
  if (buffer == NULL)
    return NULL;
  if (buffer->len == 0)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                   _("The Word file is damaged: its part %s is empty."), name);
      return NULL;
    }
  if (declares_dtd (buffer->data, buffer->len))
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                   _("The Word file's part %s declares a document type (DTD), which Word "
                     "never writes; it is not read."), name);
      return NULL;
    }
  /* The parsed tree takes some 60 bytes a tag: this bounds it */
  if (count_tags (buffer->data, buffer->len) > PLAN_DOCX_MAX_TAGS)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_TOO_LARGE,
                   _("The Word file's part %s has more than %d tags; it is not read."),
                   name, PLAN_DOCX_MAX_TAGS);
      return NULL;
    }
  return g_steal_pointer (&buffer);
}

/* libxml2 prints some errors (of encoding conversion) through its generic handler whatever
 * the parser options; the message the user reads is ours. The handler is per thread. */
static void
ignore_generic_error (void       *context G_GNUC_UNUSED,
                      const char *message G_GNUC_UNUSED,
                      ...)
{
}

typedef struct {
  xmlGenericErrorFunc func;
  void               *context;
} SavedHandler;

static SavedHandler
silence_generic_errors (void)
{
  SavedHandler saved = { xmlGenericError, xmlGenericErrorContext };
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  return saved;
}

static void
restore_generic_errors (SavedHandler saved)
{
  xmlSetGenericErrorFunc (saved.context, saved.func);
}

/* No XML_PARSE_NOENT (no entity substitution), no XML_PARSE_DTDLOAD, no XML_PARSE_HUGE (keeps
 * libxml2's own depth and text-node limits); XML_PARSE_NONET forbids any fetch. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | \
                       XML_PARSE_NOCDATA | XML_PARSE_COMPACT)

static void
set_xml_error (GError         **error,
               const char      *name,
               const xmlError  *last)
{
  g_autofree char *what = NULL;

  if (last == NULL || last->code == XML_ERR_OK)
    {
      /* libxml2 said nothing of it: an encoding it cannot convert, most often */
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                   _("The Word file is damaged: its part %s cannot be read as XML (its text "
                     "encoding is unknown or broken)."), name);
      return;
    }
  if (last->message != NULL)
    what = g_strchomp (g_strdup (last->message));
  if (last->code == XML_ERR_INVALID_CHAR || last->code == XML_ERR_INVALID_ENCODING)
    g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                 _("The Word file is damaged: its part %s holds text that is not valid "
                   "UTF-8 (line %d, column %d)."),
                 name, last->line, last->int2);
  else
    g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                 _("The Word file is damaged: its part %s is not valid XML (line %d, "
                   "column %d: %s)."),
                 name, last->line, last->int2, what != NULL ? what : _("unknown error"));
}

xmlDoc *
plan_docx_package_read_xml (PlanDocxPackage *self,
                            const char      *name,
                            GError         **error)
{
  g_autoptr(GByteArray) buffer = prepare_part (self, name, error);
  xmlParserCtxt *context;
  xmlDoc *doc;

  if (buffer == NULL)
    return NULL;

  context = xmlNewParserCtxt ();
  if (context == NULL)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_TOO_LARGE,
                   _("Out of memory while reading the Word file."));
      return NULL;
    }
  SavedHandler saved = silence_generic_errors ();
  doc = xmlCtxtReadMemory (context, (const char *) buffer->data, (int) buffer->len, name,
                           NULL, PARSE_OPTIONS);
  restore_generic_errors (saved);
  if (doc == NULL || !context->wellFormed)
    {
      set_xml_error (error, name, xmlCtxtGetLastError (context));
      xmlFreeDoc (doc);
      xmlFreeParserCtxt (context);
      return NULL;
    }
  xmlFreeParserCtxt (context);
  return doc;
}

typedef struct {
  xmlError error;
  gboolean failed;
} ReaderErrors;

static void
keep_first_error (void     *data,
                  xmlError *error)
{
  ReaderErrors *errors = data;
  if (!errors->failed && error->level >= XML_ERR_ERROR)
    {
      errors->failed = TRUE;
      xmlCopyError (error, &errors->error);
    }
}

gboolean
plan_docx_package_stream_xml (PlanDocxPackage           *self,
                              const char                *name,
                              const char                *container_name,
                              const PlanDocxStreamFuncs *funcs,
                              gpointer                   user_data,
                              GError                   **error)
{
  g_autoptr(GByteArray) buffer = prepare_part (self, name, error);
  ReaderErrors errors = { { 0 }, FALSE };
  xmlTextReader *reader;
  int container_depth = -1;
  int descended_depth = -1;   /* the depth of the child read one child at a time, if in one */
  gboolean found = FALSE, ok = TRUE;
  int status;

  if (buffer == NULL)
    return FALSE;
  /* Silenced from the start: the reader detects the encoding when it is made */
  SavedHandler saved = silence_generic_errors ();
  reader = xmlReaderForMemory ((const char *) buffer->data, (int) buffer->len, name, NULL,
                               PARSE_OPTIONS);
  if (reader == NULL)
    {
      restore_generic_errors (saved);
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_TOO_LARGE,
                   _("Out of memory while reading the Word file."));
      return FALSE;
    }
  xmlTextReaderSetStructuredErrorHandler (reader, keep_first_error, &errors);

  status = xmlTextReaderRead (reader);
  while (status == 1 && ok)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);
      const char *ns = (const char *) xmlTextReaderConstNamespaceUri (reader);
      const char *local = (const char *) xmlTextReaderConstLocalName (reader);

      if (container_depth < 0)
        {
          if (type == XML_READER_TYPE_ELEMENT && g_strcmp0 (ns, PLAN_DOCX_NS_W) == 0 &&
              g_strcmp0 (local, container_name) == 0)
            {
              found = TRUE;
              container_depth = depth;
              if (xmlTextReaderIsEmptyElement (reader))
                break;
            }
          status = xmlTextReaderRead (reader);
          continue;
        }
      if (descended_depth >= 0 && depth <= descended_depth)
        {
          /* The end of the child read one child at a time */
          descended_depth = -1;
          ok = funcs->close (user_data, error);
          if (type == XML_READER_TYPE_END_ELEMENT)
            {
              status = xmlTextReaderRead (reader);
              continue;
            }
        }
      if (!ok || depth <= container_depth)
        break;   /* the container's end */
      if (type == XML_READER_TYPE_ELEMENT && depth == container_depth + 1 &&
          funcs->descend != NULL && g_strcmp0 (ns, PLAN_DOCX_NS_W) == 0 &&
          g_strcmp0 (local, funcs->descend) == 0)
        {
          ok = funcs->open (user_data, error);
          if (ok && xmlTextReaderIsEmptyElement (reader))
            ok = funcs->close (user_data, error);
          else
            descended_depth = depth;
          status = xmlTextReaderRead (reader);
          continue;
        }
      if (type == XML_READER_TYPE_ELEMENT &&
          depth == (descended_depth >= 0 ? descended_depth : container_depth) + 1)
        {
          xmlNode *child;

          if (descended_depth >= 0 && funcs->inner_start != NULL &&
              !(ok = funcs->inner_start (local, user_data, error)))
            break;
          child = xmlTextReaderExpand (reader);
          if (child == NULL)
            break;
          ok = descended_depth >= 0 ? funcs->inner_child (child, user_data, error)
                                    : funcs->child (child, user_data, error);
          status = xmlTextReaderNext (reader);
          continue;
        }
      status = xmlTextReaderRead (reader);
    }
  /* Read on to the end: a damaged end of the part is damage too */
  while (ok && status == 1)
    status = xmlTextReaderNext (reader);

  if (ok && (status < 0 || errors.failed))
    {
      set_xml_error (error, name, errors.failed ? &errors.error : NULL);
      ok = FALSE;
    }
  else if (ok && !found)
    {
      g_set_error (error, PLAN_DOCX_ERROR, PLAN_DOCX_ERROR_DAMAGED,
                   _("The Word file is damaged: its part %s has no %s element."),
                   name, container_name);
      ok = FALSE;
    }
  if (errors.failed)
    xmlResetError (&errors.error);
  xmlFreeTextReader (reader);
  restore_generic_errors (saved);
  return ok;
}
