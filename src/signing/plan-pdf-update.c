/* plan-pdf-update.c: the incremental update that signs a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "plan-cms.h"
#include "plan-pdf-reader.h"
#include "plan-pdf-update.h"
#include "plan-signing-error.h"

/* Room for the CMS: the signer's certificate, a chain of two or three CA certificates and
 * the signed attributes fit in well under 12 KiB. Written as hex, so twice that. */
#define CONTENTS_BYTES 12288
/* "[0 " + three numbers of up to 10 digits + "]" */
#define BYTE_RANGE_WIDTH 40

typedef struct {
  PlanPdfReader *reader;
  GByteArray    *out;
  GArray        *written;   /* ObjectEntry */
  guint          next_number;
} Update;

typedef struct {
  guint number;
  gsize offset;
} ObjectEntry;

static void
append (Update     *update,
        const char *text)
{
  g_byte_array_append (update->out, (const guint8 *) text, strlen (text));
}

static void
append_span (Update      *update,
             PlanPdfSpan  span)
{
  gsize length;
  const char *data = plan_pdf_reader_get_data (update->reader, &length);

  g_byte_array_append (update->out, (const guint8 *) data + span.start, span.end - span.start);
}

static G_GNUC_PRINTF (2, 3) void
appendf (Update     *update,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  append (update, text);
}

static guint
new_number (Update *update)
{
  return update->next_number++;
}

static void
begin_object (Update *update,
              guint   number)
{
  ObjectEntry entry = { number, update->out->len };

  g_array_append_val (update->written, entry);
  appendf (update, "%u 0 obj\n", number);
}

static void
end_object (Update *update)
{
  append (update, "\nendobj\n");
}

/* A text string: UTF-16BE with its byte order mark, in hex (Vietnamese names are not in
 * PDFDocEncoding). */
static char *
text_string (const char *utf8)
{
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;
  GString *out = g_string_new ("<FEFF");

  utf16 = g_utf8_to_utf16 (utf8 != NULL ? utf8 : "", -1, NULL, &n, NULL);
  for (glong i = 0; utf16 != NULL && i < n; i++)
    g_string_append_printf (out, "%04X", utf16[i]);
  g_string_append_c (out, '>');
  return g_string_free (out, FALSE);
}

char *
plan_pdf_format_date (GDateTime *time)
{
  g_autofree char *stamp = g_date_time_format (time, "%Y%m%d%H%M%S");
  GTimeSpan offset = g_date_time_get_utc_offset (time) / G_TIME_SPAN_MINUTE;
  char sign = offset < 0 ? '-' : '+';

  offset = ABS (offset);
  return g_strdup_printf ("D:%s%c%02d'%02d'", stamp, sign, (int) (offset / 60),
                          (int) (offset % 60));
}

/* The dictionary @dict with the keys of @changes (NULL-terminated pairs: "Annots", "[…]")
 * set, replaced where present and added at the end otherwise, as new text */
static char *
dict_with (PlanPdfReader      *reader,
           PlanPdfSpan         dict,
           const char * const *changes)
{
  gsize length;
  const char *data = plan_pdf_reader_get_data (reader, &length);
  g_autoptr(GArray) entries = plan_pdf_reader_dict_entries (reader, dict);
  guint n_changes = g_strv_length ((char **) changes) / 2;
  g_autofree gboolean *used = g_new0 (gboolean, n_changes + 1);
  GString *out = g_string_new ("<<");

  for (guint i = 0; i + 1 < entries->len; i += 2)
    {
      PlanPdfSpan key = g_array_index (entries, PlanPdfSpan, i);
      PlanPdfSpan value = g_array_index (entries, PlanPdfSpan, i + 1);
      gboolean replaced = FALSE;

      g_string_append_c (out, ' ');
      g_string_append_len (out, data + key.start, key.end - key.start);
      g_string_append_c (out, ' ');
      for (guint j = 0; j < n_changes && !replaced; j++)
        if (key.end - key.start - 1 == strlen (changes[2 * j]) &&
            memcmp (data + key.start + 1, changes[2 * j], key.end - key.start - 1) == 0)
          {
            g_string_append (out, changes[2 * j + 1]);
            used[j] = replaced = TRUE;
          }
      if (!replaced)
        g_string_append_len (out, data + value.start, value.end - value.start);
    }
  for (guint j = 0; j < n_changes; j++)
    if (!used[j])
      g_string_append_printf (out, " /%s %s", changes[2 * j], changes[2 * j + 1]);
  g_string_append (out, " >>");

  return g_string_free (out, FALSE);
}

/* The array @array with @item added at the end, as new text */
static char *
array_with (PlanPdfReader *reader,
            PlanPdfSpan    array,
            const char    *item)
{
  gsize length;
  const char *data = plan_pdf_reader_get_data (reader, &length);
  GString *out = g_string_new (NULL);

  g_string_append_len (out, data + array.start, array.end - 1 - array.start);
  g_string_append_printf (out, " %s]", item);
  return g_string_free (out, FALSE);
}

static GBytes *
deflate (const guint8 *data,
         gsize         length,
         GError      **error)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));

  if (!g_output_stream_write_all (stream, data, length, NULL, NULL, error) ||
      !g_output_stream_close (stream, NULL, error))
    return NULL;

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

static void
append_stream_object (Update     *update,
                      guint       number,
                      const char *dict_entries,
                      GBytes     *data)
{
  gsize size = 0;
  const guint8 *bytes = g_bytes_get_data (data, &size);

  begin_object (update, number);
  appendf (update, "<< %s /Length %" G_GSIZE_FORMAT " >>\nstream\n", dict_entries, size);
  g_byte_array_append (update->out, bytes, size);
  append (update, "\nendstream");
  end_object (update);
}

/* The appearance: an image (colour and alpha mask, deflated) in a form XObject filling the
 * widget's rectangle. Returns the form's object number, 0 on error. */
static guint
write_appearance (Update          *update,
                  cairo_surface_t *surface,
                  double           width,
                  double           height,
                  GError         **error)
{
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *pixels;
  g_autofree guint8 *rgb = g_malloc ((gsize) w * h * 3);
  g_autofree guint8 *alpha = g_malloc ((gsize) w * h);
  g_autoptr(GBytes) rgb_data = NULL;
  g_autoptr(GBytes) alpha_data = NULL;
  g_autoptr(GBytes) content = NULL;
  g_autofree char *entries = NULL;
  g_autofree char *ops = NULL;
  char width_text[G_ASCII_DTOSTR_BUF_SIZE], height_text[G_ASCII_DTOSTR_BUF_SIZE];
  guint image, mask, form;

  cairo_surface_flush (surface);
  pixels = cairo_image_surface_get_data (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pixel = *(const guint32 *) (pixels + (gsize) y * stride + 4 * x);
        guint a = pixel >> 24;
        gsize i = (gsize) y * w + x;

        /* cairo premultiplies; PDF images with a soft mask do not */
        alpha[i] = a;
        for (int c = 0; c < 3; c++)
          {
            guint v = (pixel >> (16 - 8 * c)) & 0xff;

            rgb[3 * i + c] = a == 0 ? 0 : MIN (255, (v * 255 + a / 2) / a);
          }
      }

  rgb_data = deflate (rgb, (gsize) w * h * 3, error);
  alpha_data = rgb_data != NULL ? deflate (alpha, (gsize) w * h, error) : NULL;
  if (alpha_data == NULL)
    return 0;

  mask = new_number (update);
  entries = g_strdup_printf ("/Type /XObject /Subtype /Image /Width %d /Height %d "
                             "/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
                             w, h);
  append_stream_object (update, mask, entries, alpha_data);
  g_free (entries);

  image = new_number (update);
  entries = g_strdup_printf ("/Type /XObject /Subtype /Image /Width %d /Height %d "
                             "/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /FlateDecode "
                             "/SMask %u 0 R", w, h, mask);
  append_stream_object (update, image, entries, rgb_data);
  g_free (entries);

  g_ascii_formatd (width_text, sizeof width_text, "%.3f", width);
  g_ascii_formatd (height_text, sizeof height_text, "%.3f", height);
  ops = g_strdup_printf ("q %s 0 0 %s 0 0 cm /Im0 Do Q", width_text, height_text);
  content = g_bytes_new (ops, strlen (ops));
  form = new_number (update);
  entries = g_strdup_printf ("/Type /XObject /Subtype /Form /BBox [0 0 %s %s] "
                             "/Resources << /XObject << /Im0 %u 0 R >> >>",
                             width_text, height_text, image);
  append_stream_object (update, form, entries, content);

  return form;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ObjectEntry *ea = a, *eb = b;

  return ea->number < eb->number ? -1 : ea->number > eb->number;
}

static void
write_xref_and_trailer (Update *update)
{
  gsize xref_offset = update->out->len;
  PlanPdfSpan value;

  g_array_sort (update->written, compare_entries);
  append (update, "xref\n");
  for (guint i = 0; i < update->written->len; )
    {
      guint first = g_array_index (update->written, ObjectEntry, i).number;
      guint count = 1;

      while (i + count < update->written->len &&
             g_array_index (update->written, ObjectEntry, i + count).number == first + count)
        count++;
      appendf (update, "%u %u\n", first, count);
      for (guint j = 0; j < count; j++)
        appendf (update, "%010" G_GSIZE_FORMAT " 00000 n\r\n",
                 g_array_index (update->written, ObjectEntry, i + j).offset);
      i += count;
    }

  appendf (update, "trailer\n<< /Size %u", update->next_number);
  if (plan_pdf_reader_trailer_get (update->reader, "Root", &value))
    {
      append (update, " /Root ");
      append_span (update, value);
    }
  if (plan_pdf_reader_trailer_get (update->reader, "Info", &value))
    {
      append (update, " /Info ");
      append_span (update, value);
    }
  if (plan_pdf_reader_trailer_get (update->reader, "ID", &value))
    {
      append (update, " /ID ");
      append_span (update, value);
    }
  appendf (update, " /Prev %" G_GSIZE_FORMAT " >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
           plan_pdf_reader_get_startxref (update->reader), xref_offset);
}

/* The page with the widget added to its annotations (or the annotations array, when the page
 * refers to it) */
static gboolean
add_to_page (Update  *update,
             guint    page,
             guint    widget,
             GError **error)
{
  PlanPdfSpan dict, annots, array;
  g_autofree char *ref = g_strdup_printf ("%u 0 R", widget);
  g_autofree char *array_text = NULL;
  g_autofree char *text = NULL;
  guint annots_number;

  if (!plan_pdf_reader_object (update->reader, page, &dict, error))
    return FALSE;

  if (plan_pdf_reader_dict_get (update->reader, dict, "Annots", &annots) &&
      plan_pdf_reader_span_ref (update->reader, annots, &annots_number))
    {
      if (!plan_pdf_reader_object (update->reader, annots_number, &array, error))
        return FALSE;
      array_text = array_with (update->reader, array, ref);
      begin_object (update, annots_number);
      append (update, array_text);
      end_object (update);
      return TRUE;
    }

  if (plan_pdf_reader_dict_get (update->reader, dict, "Annots", &annots))
    array_text = array_with (update->reader, annots, ref);
  else
    array_text = g_strdup_printf ("[%s]", ref);

  text = dict_with (update->reader, dict, (const char * const[]) { "Annots", array_text, NULL });
  begin_object (update, page);
  append (update, text);
  end_object (update);
  return TRUE;
}

/* The form dictionary @form (when there is one) with the field added to /Fields and /SigFlags
 * 3 (signatures exist; the file is to be appended to only), as new text. A /Fields array kept
 * in an object of its own is rewritten there. */
static char *
form_with_field (Update      *update,
                 PlanPdfSpan *form,
                 const char  *ref,
                 GError     **error)
{
  PlanPdfSpan fields, array;
  guint fields_number;
  g_autofree char *array_text = NULL;

  if (form == NULL)
    return g_strdup_printf ("<< /Fields [%s] /SigFlags 3 >>", ref);

  if (plan_pdf_reader_dict_get (update->reader, *form, "Fields", &fields) &&
      plan_pdf_reader_span_ref (update->reader, fields, &fields_number))
    {
      if (!plan_pdf_reader_object (update->reader, fields_number, &array, error))
        return NULL;
      array_text = array_with (update->reader, array, ref);
      begin_object (update, fields_number);
      append (update, array_text);
      end_object (update);
      return dict_with (update->reader, *form, (const char * const[]) { "SigFlags", "3", NULL });
    }

  if (plan_pdf_reader_dict_get (update->reader, *form, "Fields", &fields))
    array_text = array_with (update->reader, fields, ref);
  else
    array_text = g_strdup_printf ("[%s]", ref);

  return dict_with (update->reader, *form,
                    (const char * const[]) { "Fields", array_text, "SigFlags", "3", NULL });
}

/* The catalog's /AcroForm with the new field: the form object rewritten, or the catalog
 * rewritten with a new or changed form. */
static gboolean
add_to_form (Update  *update,
             guint    widget,
             GError **error)
{
  g_autofree char *ref = g_strdup_printf ("%u 0 R", widget);
  g_autofree char *form_text = NULL;
  g_autofree char *catalog_text = NULL;
  g_autofree char *form_ref = NULL;
  PlanPdfSpan catalog, form;
  guint catalog_number, form_number;

  if (!plan_pdf_reader_catalog (update->reader, &catalog_number, error) ||
      !plan_pdf_reader_object (update->reader, catalog_number, &catalog, error))
    return FALSE;

  if (plan_pdf_reader_dict_get (update->reader, catalog, "AcroForm", &form) &&
      plan_pdf_reader_span_ref (update->reader, form, &form_number))
    {
      if (!plan_pdf_reader_object (update->reader, form_number, &form, error))
        return FALSE;
      form_text = form_with_field (update, &form, ref, error);
      if (form_text == NULL)
        return FALSE;
      begin_object (update, form_number);
      append (update, form_text);
      end_object (update);
      return TRUE;
    }

  if (plan_pdf_reader_dict_get (update->reader, catalog, "AcroForm", &form))
    {
      form_text = form_with_field (update, &form, ref, error);
      if (form_text == NULL)
        return FALSE;
      catalog_text = dict_with (update->reader, catalog,
                                (const char * const[]) { "AcroForm", form_text, NULL });
    }
  else
    {
      form_number = new_number (update);
      form_text = form_with_field (update, NULL, ref, error);
      begin_object (update, form_number);
      append (update, form_text);
      end_object (update);
      form_ref = g_strdup_printf ("%u 0 R", form_number);
      catalog_text = dict_with (update->reader, catalog,
                                (const char * const[]) { "AcroForm", form_ref, NULL });
    }

  begin_object (update, catalog_number);
  append (update, catalog_text);
  end_object (update);
  return TRUE;
}

static char *
format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.3f", value));
}

GBytes *
plan_pdf_add_signature (GBytes                        *pdf,
                        const PlanPdfSignatureRequest *request,
                        PlanSignerCredentials         *credentials,
                        GError                       **error)
{
  g_autoptr(PlanPdfReader) reader = NULL;
  g_autoptr(GArray) pages = NULL;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GByteArray) out = NULL;
  g_autoptr(GArray) written = NULL;
  g_autoptr(GBytes) signed_data = NULL;
  g_autoptr(GBytes) cms = NULL;
  g_autofree char *date = NULL;
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *x1 = NULL, *y1 = NULL, *x2 = NULL, *y2 = NULL;
  g_autofree char *zeros = NULL;
  Update update;
  gsize length, contents_start, contents_end, range_at;
  const char *data;
  guint signature, widget, appearance = 0, page;
  gint64 range[4];
  char range_text[BYTE_RANGE_WIDTH + 1];
  gsize cms_size;
  const guint8 *cms_bytes;

  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (request != NULL && request->time != NULL, NULL);
  g_return_val_if_fail (credentials != NULL, NULL);

  reader = plan_pdf_reader_new (pdf, error);
  if (reader == NULL)
    return NULL;
  pages = plan_pdf_reader_pages (reader, error);
  existing = pages != NULL ? plan_pdf_reader_signatures (reader, error) : NULL;
  if (existing == NULL)
    return NULL;
  if (request->page >= pages->len)
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_FAILED,
                   _("The PDF has no page %u"), request->page + 1);
      return NULL;
    }
  page = g_array_index (pages, guint, request->page);

  data = plan_pdf_reader_get_data (reader, &length);
  out = g_byte_array_sized_new (length + 2 * CONTENTS_BYTES + 4096);
  g_byte_array_append (out, (const guint8 *) data, length);
  if (length > 0 && data[length - 1] != '\n' && data[length - 1] != '\r')
    g_byte_array_append (out, (const guint8 *) "\n", 1);
  written = g_array_new (FALSE, FALSE, sizeof (ObjectEntry));
  update = (Update) { reader, out, written, plan_pdf_reader_get_size (reader) };

  /* The signature dictionary; /ByteRange and /Contents are filled in at the end */
  signature = new_number (&update);
  date = plan_pdf_format_date (request->time);
  name = text_string (request->name);
  reason = text_string (request->reason);
  begin_object (&update, signature);
  appendf (&update, "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached "
           "/Name %s /Reason %s /M (%s)\n/ByteRange [", name, reason, date);
  range_at = out->len;
  for (guint i = 0; i < BYTE_RANGE_WIDTH; i++)
    append (&update, " ");
  append (&update, "]\n/Contents ");
  contents_start = out->len;
  zeros = g_strnfill (2 * CONTENTS_BYTES, '0');
  appendf (&update, "<%s>", zeros);
  contents_end = out->len;
  append (&update, " >>");
  end_object (&update);

  /* Its appearance and its field, merged with the widget annotation: printed (4) and locked
   * (128) */
  if (request->appearance != NULL)
    {
      appearance = write_appearance (&update, request->appearance,
                                     request->rect[2] - request->rect[0],
                                     request->rect[3] - request->rect[1], error);
      if (appearance == 0)
        return NULL;
    }
  widget = new_number (&update);
  x1 = format_number (request->rect[0]);
  y1 = format_number (request->rect[1]);
  x2 = format_number (request->rect[2]);
  y2 = format_number (request->rect[3]);
  begin_object (&update, widget);
  appendf (&update, "<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signature%u) /V %u 0 R "
           "/F 132 /P %u 0 R /Rect [%s %s %s %s]", existing->len + 1, signature, page,
           x1, y1, x2, y2);
  if (appearance != 0)
    appendf (&update, " /AP << /N %u 0 R >>", appearance);
  append (&update, " >>");
  end_object (&update);

  if (!add_to_page (&update, page, widget, error) || !add_to_form (&update, widget, error))
    return NULL;
  write_xref_and_trailer (&update);

  /* Everything but the hex string is signed */
  range[0] = 0;
  range[1] = contents_start;
  range[2] = contents_end;
  range[3] = out->len - contents_end;
  g_snprintf (range_text, sizeof range_text, "0 %" G_GINT64_FORMAT " %" G_GINT64_FORMAT
              " %" G_GINT64_FORMAT, range[1], range[2], range[3]);
  memcpy (out->data + range_at, range_text, strlen (range_text));

  {
    g_autoptr(GByteArray) signed_bytes = g_byte_array_sized_new (out->len);

    g_byte_array_append (signed_bytes, out->data, contents_start);
    g_byte_array_append (signed_bytes, out->data + contents_end, out->len - contents_end);
    signed_data = g_byte_array_free_to_bytes (g_steal_pointer (&signed_bytes));
  }
  cms = plan_cms_sign (credentials, signed_data, error);
  if (cms == NULL)
    return NULL;
  cms_bytes = g_bytes_get_data (cms, &cms_size);
  if (cms_size > CONTENTS_BYTES)
    {
      g_set_error (error, PLAN_SIGNING_ERROR, PLAN_SIGNING_ERROR_FAILED,
                   _("The signature is too large (%lu bytes): the certificate chain is "
                     "unusually long"), (unsigned long) cms_size);
      return NULL;
    }
  for (gsize i = 0; i < cms_size; i++)
    {
      static const char hex[] = "0123456789ABCDEF";

      out->data[contents_start + 1 + 2 * i] = hex[cms_bytes[i] >> 4];
      out->data[contents_start + 1 + 2 * i + 1] = hex[cms_bytes[i] & 0xf];
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}
