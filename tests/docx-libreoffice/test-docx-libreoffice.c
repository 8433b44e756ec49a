/* test-docx-libreoffice.c: a real reader checks the Word export. For every sample plan,
 * "kehoach --export-docx" writes the .docx, LibreOffice (soffice --headless) converts it to PDF,
 * and that PDF must pass the same page checks as our own PDF of the plan, read back with poppler:
 * A4 pages in the plan's orientations, text inside the plan's margins, the header block where
 * ours is (1.5 mm) in the same font and size with the same line breaks, page numbers (none on
 * a first page, then 2, 3 … centred at the top, restarting in each appendix as ours do),
 * "Nơi nhận:" on the signer's page and the signer's lines where ours are (the signature space),
 * each appendix's heading where ours is, table headers on every page a table reaches, about as
 * many pages (one per 10), and the plan's words (recall ≥ 99.5 %, and in our case). The .docx
 * must also open in python3-docx, and LibreOffice must convert it without an error. What both
 * readers show is kept as PNGs in artifacts/NAME/{ours,libreoffice}-N.png beside this program.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <locale.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "plan-fonts.h"
#include "plan-units.h"
#include "render-test-util.h"

/* The header block: within 1.5 mm of our position (issue 14) */
#define HEADER_TOLERANCE_PT   PLAN_MM_TO_PT (1.5)
/* Text may touch a margin: glyph boxes are the font's ascent and descent, not the ink */
#define MARGIN_TOLERANCE_PT   PLAN_MM_TO_PT (0.5)
#define PAGE_SIZE_TOLERANCE_PT 1.0
/* LibreOffice's first start creates its profile: allow for a slow, shared machine */
#define SOFFICE_TIMEOUT_S     "300"

static const char *exe_path;
static const char *build_dir;

typedef struct {
  double top, bottom, left, right;   /* pt */
} Margins;

/* One PDF, opened, with what the checks derive from every page */
typedef struct {
  const char      *reader;           /* "ours" or "LibreOffice", for messages */
  PopplerDocument *pdf;
  int              n_pages;
  GString         *orientations;     /* 'P' or 'L' per page */
  GString         *numbers;          /* the page numbers as printed, "–" for none: "–,2,3" */
  GArray          *run_starts;       /* int: first page of the plan and of each appendix */
} Pdf;

static void
pdf_clear (Pdf *self)
{
  g_clear_object (&self->pdf);
  if (self->orientations != NULL)
    g_string_free (self->orientations, TRUE);
  if (self->numbers != NULL)
    g_string_free (self->numbers, TRUE);
  g_clear_pointer (&self->run_starts, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Pdf, pdf_clear)

/* Marks the test failed and goes on, so that one run lists every difference */
G_GNUC_PRINTF (1, 2)
static void
fail (const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("FAILED: %s", message);
  g_test_fail_printf ("%s", message);
}

/* Runs @argv; FALSE (with a message holding its error output) when it cannot start or fails.
 * Its output is always taken: soffice's "convert …" line on our stdout would break the TAP. */
static gboolean
run (const char * const *argv,
     char              **out)
{
  g_autofree char *unused_out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     out != NULL ? out : &unused_out, &err, &status, &error))
    {
      g_test_message ("%s cannot start: %s", argv[0], error->message);
      return FALSE;
    }
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_test_message ("%s failed (%s): %s", argv[0], error->message, err);
      return FALSE;
    }
  return TRUE;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* A private LibreOffice profile (parallel runs and root's own profile do not interfere) that
 * replaces Times New Roman by the family our renderer resolved: LibreOffice's own table would
 * take Liberation Serif where we take Tinos. Both are metric-compatible; the same family lets
 * the font names be compared. */
static char *
make_profile (const char *dir)
{
  g_autofree char *user = g_build_filename (dir, "profile", "user", NULL);
  g_autofree char *xcu = g_build_filename (user, "registrymodifications.xcu", NULL);
  g_autofree char *family = g_markup_escape_text (plan_fonts_get_family (), -1);
  g_autofree char *contents = NULL;
  g_autofree char *profile = g_build_filename (dir, "profile", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (user, 0700), ==, 0);
  contents = g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
    "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
    "<item oor:path=\"/org.openoffice.Office.Common/Font/Substitution\">"
    "<prop oor:name=\"Replacement\" oor:op=\"fuse\"><value>true</value></prop></item>\n"
    "<item oor:path=\"/org.openoffice.Office.Common/Font/Substitution/FontPairs\">"
    "<node oor:name=\"_0\" oor:op=\"replace\">"
    "<prop oor:name=\"Always\" oor:op=\"fuse\"><value>true</value></prop>"
    "<prop oor:name=\"OnScreenOnly\" oor:op=\"fuse\"><value>false</value></prop>"
    "<prop oor:name=\"ReplaceFont\" oor:op=\"fuse\"><value>Times New Roman</value></prop>"
    "<prop oor:name=\"SubstituteFont\" oor:op=\"fuse\"><value>%s</value></prop>"
    "</node></item>\n"
    "</oor:items>\n", family);
  g_file_set_contents (xcu, contents, -1, &error);
  g_assert_no_error (error);

  return g_filename_to_uri (profile, NULL, &error);
}

/* Converts @docx with LibreOffice into @outdir; the PDF's path, or NULL (with a test failure) */
static char *
convert_with_libreoffice (const char *docx,
                          const char *dir)
{
  g_autofree char *profile_uri = make_profile (dir);
  g_autofree char *profile_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *outdir = g_build_filename (dir, "libreoffice", NULL);
  g_autofree char *basename = g_path_get_basename (docx);
  g_autofree char *stem = g_strndup (basename, strlen (basename) - strlen (".docx"));
  g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *pdf = g_build_filename (outdir, pdf_name, NULL);
  const char *argv[] = { "timeout", SOFFICE_TIMEOUT_S, "soffice", profile_arg, "--headless",
                         "--norestore", "--convert-to", "pdf", "--outdir", outdir, docx, NULL };

  /* "Opens without repair": the conversion exits 0 and writes its PDF (a file LibreOffice
   * cannot read gives no PDF, with exit 0 on some versions) */
  if (!run (argv, NULL))
    {
      fail ("LibreOffice cannot convert %s", basename);
      return NULL;
    }
  if (!g_file_test (pdf, G_FILE_TEST_EXISTS))
    {
      fail ("LibreOffice wrote no PDF for %s", basename);
      return NULL;
    }
  return g_steal_pointer (&pdf);
}

static void
pdf_open (Pdf        *self,
          const char *reader,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  self->reader = reader;
  self->pdf = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  self->n_pages = poppler_document_get_n_pages (self->pdf);
  self->orientations = g_string_new (NULL);
  self->numbers = g_string_new (NULL);
  self->run_starts = g_array_new (FALSE, FALSE, sizeof (int));
}

/* The JSON of the plan, parsed independently of the app's reader */
static JsonObject *
plan_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  return object != NULL && json_object_has_member (object, name)
         ? json_object_get_string_member (object, name) : "";
}

/* The circulation note as rt_text_in_area() reads it: in capitals, without spaces */
static char *
plan_circulation (JsonObject *plan)
{
  JsonObject *header = json_object_get_object_member (plan, "header");
  g_autofree char *upper = g_utf8_strup (member_string (header, "circulation"), -1);
  g_autoptr(GString) packed = g_string_new (NULL);

  for (const char *p = upper; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (packed, g_utf8_get_char (p));
  return g_utf8_normalize (packed->str, -1, G_NORMALIZE_NFC);
}

static Margins
plan_margins (JsonObject *plan)
{
  JsonObject *layout = json_object_get_object_member (plan, "layout");
  Margins margins = {
    PLAN_MM_TO_PT (json_object_get_double_member_with_default (layout, "margin-top", 20)),
    PLAN_MM_TO_PT (json_object_get_double_member_with_default (layout, "margin-bottom", 20)),
    PLAN_MM_TO_PT (json_object_get_double_member_with_default (layout, "margin-left", 30)),
    PLAN_MM_TO_PT (json_object_get_double_member_with_default (layout, "margin-right", 15)),
  };
  return margins;
}

/* The family of a PDF font name: "XDEJCG+Tinos-Bold" → "Tinos-Bold" (the subset tag differs) */
static const char *
font_name (const char *pdf_font)
{
  const char *plus = pdf_font != NULL ? strchr (pdf_font, '+') : NULL;

  return plus != NULL ? plus + 1 : (pdf_font != NULL ? pdf_font : "");
}

static gboolean
is_page_number (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* Every page A4 in either orientation, text inside the margins, nothing in the top margin
 * but the page number, and the numbers 2, 3 … after each unnumbered first page (the plan's,
 * then each appendix's). Fills @self's orientations and run_starts; returns the number of
 * problems found. @circulation is the plan's circulation note in capitals without spaces. */
static guint
check_pages (Pdf           *self,
             const Margins *margins,
             const char    *circulation)
{
  int expected = 0;
  guint problems = 0;

  for (int i = 0; i < self->n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (self->pdf, i);
      g_autofree char *number = NULL;
      double width, height;
      gboolean landscape;
      guint outside;

      poppler_page_get_size (page, &width, &height);
      landscape = width > height;
      if (fabs (MIN (width, height) - PLAN_A4_WIDTH_PT) > PAGE_SIZE_TOLERANCE_PT ||
          fabs (MAX (width, height) - PLAN_A4_HEIGHT_PT) > PAGE_SIZE_TOLERANCE_PT)
        {
          problems++;
          fail ("%s: page %d is %.1f × %.1f pt, not A4", self->reader, i + 1,
                width, height);
        }
      g_string_append_c (self->orientations, landscape ? 'L' : 'P');

      outside = rt_count_outside (page, margins->left - MARGIN_TOLERANCE_PT, 0,
                                  width - margins->right + MARGIN_TOLERANCE_PT,
                                  height - margins->bottom + MARGIN_TOLERANCE_PT);
      if (outside > 0)
        {
          problems++;
          fail ("%s: page %d: %u characters outside the margins", self->reader,
                i + 1, outside);
        }

      number = rt_text_in_area (page, 0, 0, width, margins->top);
      /* The circulation note ("LƯU HÀNH NỘI BỘ") prints in the top margin too */
      if (circulation[0] != '\0' && strstr (number, circulation) != NULL)
        {
          char *at = strstr (number, circulation);

          memmove (at, at + strlen (circulation), strlen (at + strlen (circulation)) + 1);
        }
      g_string_append_printf (self->numbers, "%s%s", i > 0 ? "," : "",
                              number[0] != '\0' ? number : "–");
      if (!is_page_number (number))
        {
          problems++;
          fail ("%s: page %d: “%s” in the top margin, where only the page number "
                "may be", self->reader, i + 1, number);
        }
      if (number[0] == '\0')
        {
          g_array_append_val (self->run_starts, i);
          expected = 2;
        }
      else if (i == 0 || atoi (number) != expected++)
        {
          problems++;
          fail ("%s: page %d is numbered “%s” (expected %d)", self->reader, i + 1,
                number, i == 0 ? 0 : expected - 1);
        }
    }

  return problems;
}

/* The box of the number printed in the top margin of @page_index */
static gboolean
find_page_number (Pdf           *self,
                  const Margins *margins,
                  int            page_index,
                  RtSpan        *span)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (self->pdf, page_index);
  g_autofree char *number = NULL;
  double width, height;

  poppler_page_get_size (page, &width, &height);
  number = rt_text_in_area (page, 0, 0, width, margins->top);
  return number[0] != '\0' && rt_find (page, number, span);
}

static double
to_mm (double pt)
{
  return pt * 25.4 / 72.0;
}

/* Whether LibreOffice's @page ends the line @line where ours does: a line found in it may run
 * on with words that ours puts on the next line */
static gboolean
same_line_break (PopplerPage *page,
                 const char  *what,
                 int          page_number,
                 const char  *line)
{
  g_autofree char *text = poppler_page_get_text (page);
  const char *start = strstr (text, line);
  g_autofree char *theirs = start != NULL ? g_strndup (start, strcspn (start, "\n")) : NULL;

  if (theirs != NULL && strcmp (theirs, line) != 0)
    {
      fail ("page %d: %s: LibreOffice's line runs on as “%s”, ours ends at “%s”", page_number,
            what, theirs, line);
      return FALSE;
    }
  return TRUE;
}

/* @what's box and font in LibreOffice's PDF against ours; returns the largest offset (mm).
 * The bottom edge is shown, not compared: LibreOffice writes Ascent and Descent 0 in its font
 * descriptors, and poppler then takes the descent of the font's bounding box (−0.389 em for
 * Tinos instead of −0.216), so its boxes reach 0.17 em lower for the same baseline. The top
 * edge is the baseline minus the font's ascent (0.891 em) in both PDFs. */
static double
compare_span (const char   *what,
              int           page_number,
              const RtSpan *ours,
              const RtSpan *theirs)
{
  double offsets[] = { theirs->x1 - ours->x1, theirs->y1 - ours->y1,
                       theirs->x2 - ours->x2, theirs->y2 - ours->y2 };
  double worst = 0;

  for (guint i = 0; i < 3; i++)
    worst = MAX (worst, fabs (offsets[i]));
  g_test_message ("page %d: %s: left %+.2f, top %+.2f, right %+.2f mm (box bottom %+.2f); "
                  "%s %.1f pt (ours %s %.1f pt)", page_number, what, to_mm (offsets[0]),
                  to_mm (offsets[1]), to_mm (offsets[2]), to_mm (offsets[3]),
                  font_name (theirs->font), theirs->size, font_name (ours->font), ours->size);
  if (worst > HEADER_TOLERANCE_PT)
    fail ("page %d: LibreOffice prints “%s” %.2f mm away from ours (more than "
          "1.5 mm)", page_number, what, to_mm (worst));
  if (fabs (theirs->size - ours->size) > 0.05)
    fail ("page %d: LibreOffice prints “%s” at %.2f pt, ours at %.2f pt",
          page_number, what, theirs->size, ours->size);
  if (g_strcmp0 (font_name (theirs->font), font_name (ours->font)) != 0)
    fail ("page %d: LibreOffice prints “%s” in %s, ours in %s", page_number,
          what, font_name (theirs->font), font_name (ours->font));
  return to_mm (worst);
}

/* The line of @text that holds @prefix, from @prefix to the line's end */
static char *
line_from (const char *text,
           const char *prefix)
{
  const char *start = prefix[0] != '\0' ? strstr (text, prefix) : NULL;

  if (start == NULL)
    return NULL;
  return g_strndup (start, strcspn (start, "\n"));
}

/* The first @n words of the first line of @text */
static char *
first_words (const char *text,
             guint       n)
{
  g_autofree char *line = g_strndup (text, strcspn (text, "\n"));
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (line), " ", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;

  for (guint i = 0; words[i] != NULL && i < n; i++)
    g_strv_builder_add (builder, words[i]);
  kept = g_strv_builder_end (builder);
  return g_strjoinv (" ", kept);
}

typedef struct {
  const char *what;
  char       *prefix;   /* the start of its line; "" for a field the plan leaves empty */
} HeaderElement;

/* A header block on page @index (from 0): each element found by its text in our PDF, the
 * same line found in LibreOffice's within 1.5 mm, in the same font and size. Frees the
 * elements' prefixes. */
static void
check_header_on (Pdf           *ours,
                 Pdf           *theirs,
                 int            index,
                 HeaderElement *elements,
                 guint          n_elements)
{
  g_autoptr(PopplerPage) our_page = poppler_document_get_page (ours->pdf, index);
  g_autoptr(PopplerPage) their_page = poppler_document_get_page (theirs->pdf, index);
  g_autofree char *our_text = poppler_page_get_text (our_page);
  double worst = 0;

  g_assert_nonnull (their_page);
  for (guint i = 0; i < n_elements; i++)
    {
      g_autofree char *prefix = elements[i].prefix;
      g_autofree char *line = line_from (our_text, prefix);
      g_auto(RtSpan) our_span = { 0, };
      g_auto(RtSpan) their_span = { 0, };
      double offset;

      if (prefix[0] == '\0')
        continue;   /* a field the plan leaves empty */
      /* Our own PDF must show it: otherwise the check would prove nothing */
      g_assert_nonnull (line);
      g_assert_true (rt_find (our_page, line, &our_span));
      if (!rt_find (their_page, line, &their_span))
        {
          fail ("LibreOffice's page %d lacks the %s line “%s”", index + 1, elements[i].what,
                line);
          continue;
        }
      same_line_break (their_page, elements[i].what, index + 1, line);
      offset = compare_span (elements[i].what, index + 1, &our_span, &their_span);
      worst = MAX (worst, offset);
    }
  g_test_message ("header block of page %d: largest offset %.2f mm", index + 1, worst);
}

static int page_with (Pdf        *self,
                      const char *needle,
                      int         from);

/* Page 1's header block; in a decision issuing a plan, page 1 is the decision's (its number,
 * "QUYẾT ĐỊNH", its title and authority line) and the plan's first page has a header block of
 * its own (no number: the "(Ban hành kèm theo Quyết định …)" line cites the decision's) */
static void
check_header (Pdf        *ours,
              Pdf        *theirs,
              JsonObject *plan)
{
  JsonObject *header = json_object_get_object_member (plan, "header");
  JsonObject *decision = json_object_has_member (plan, "decision")
                         ? json_object_get_object_member (plan, "decision") : NULL;
  g_autofree char *parent = g_utf8_strup (member_string (header, "parent-agency"), -1);
  g_autofree char *agency = g_utf8_strup (member_string (header, "agency"), -1);
  const char *place = member_string (header, "place");
  g_autofree char *place_date = g_strconcat (place, ", ngày", NULL);
  g_autofree char *circulation = g_utf8_strup (member_string (header, "circulation"), -1);
  g_autofree char *authority = decision != NULL
                               ? g_utf8_strup (member_string (decision, "authority"), -1) : NULL;
  HeaderElement elements[] = {
    { "circulation note", first_words (circulation, 2) },
    { "parent agency", first_words (parent, 2) },
    { "agency", first_words (agency, 2) },
    { "number", g_strdup ("Số:") },
    { "Quốc hiệu", g_strdup ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") },
    { "Tiêu ngữ", g_strdup ("Độc lập - Tự do - Hạnh phúc") },
    { "place and date", g_strdup (place[0] != '\0' ? place_date : "ngày") },
    { decision != NULL ? "QUYẾT ĐỊNH" : "KẾ HOẠCH",
      g_strdup (decision != NULL ? "QUYẾT ĐỊNH" : "KẾ HOẠCH") },
    { "title", first_words (member_string (decision != NULL ? decision : header, "title"), 2) },
    { "authority", decision != NULL ? first_words (authority, 3) : g_strdup ("") },
    { "QUYẾT ĐỊNH:", g_strdup (decision != NULL ? "QUYẾT ĐỊNH:" : "") },
  };

  check_header_on (ours, theirs, 0, elements, G_N_ELEMENTS (elements));
  if (decision != NULL)
    {
      int plan_page = page_with (ours, "(Ban hành kèm theo Quyết định", 0);
      HeaderElement plan_elements[] = {
        { "plan's parent agency", first_words (parent, 2) },
        { "plan's agency", first_words (agency, 2) },
        { "plan's Quốc hiệu", g_strdup ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") },
        { "plan's Tiêu ngữ", g_strdup ("Độc lập - Tự do - Hạnh phúc") },
        { "KẾ HOẠCH", g_strdup ("KẾ HOẠCH") },
        { "plan's title", first_words (member_string (header, "title"), 2) },
        { "issuing line", g_strdup ("(Ban hành kèm theo Quyết định") },
      };

      g_assert_cmpint (plan_page, >, 0);
      check_header_on (ours, theirs, plan_page, plan_elements, G_N_ELEMENTS (plan_elements));
    }
}

/* Page numbers: the plan and each appendix restart (same runs, orientations and about the
 * same lengths), and the first number of each run where ours is */
static void
check_page_numbers (Pdf           *ours,
                    Pdf           *theirs,
                    const Margins *margins)
{
  guint n_runs = ours->run_starts->len;
  int allowed = ours->n_pages / 10;
  int difference = 0;

  g_test_message ("pages: ours %d (%s), LibreOffice %d (%s)", ours->n_pages,
                  ours->orientations->str, theirs->n_pages, theirs->orientations->str);
  if (abs (theirs->n_pages - ours->n_pages) > allowed)
    fail ("LibreOffice shows %d pages, ours %d (at most %d apart)",
          theirs->n_pages, ours->n_pages, allowed);
  g_test_message ("page numbers: ours %s, LibreOffice %s", ours->numbers->str,
                  theirs->numbers->str);
  if (theirs->run_starts->len != n_runs)
    {
      fail ("LibreOffice numbers its pages %s, ours %s (a page without a number starts the "
            "plan or an appendix)", theirs->numbers->str, ours->numbers->str);
      return;
    }
  for (guint r = 0; r < n_runs; r++)
    {
      int our_start = g_array_index (ours->run_starts, int, r);
      int their_start = g_array_index (theirs->run_starts, int, r);
      int our_end = r + 1 < n_runs ? g_array_index (ours->run_starts, int, r + 1) : ours->n_pages;
      int their_end = r + 1 < n_runs ? g_array_index (theirs->run_starts, int, r + 1)
                                     : theirs->n_pages;
      g_auto(RtSpan) our_number = { 0, };
      g_auto(RtSpan) their_number = { 0, };

      difference += abs ((their_end - their_start) - (our_end - our_start));
      if (ours->orientations->str[our_start] != theirs->orientations->str[their_start])
        fail ("LibreOffice's page %d (%s %u) is %s, ours (page %d) is not",
              their_start + 1, r == 0 ? "plan" : "appendix", r,
              theirs->orientations->str[their_start] == 'L' ? "landscape" : "portrait",
              our_start + 1);
      /* Every page of a run in one orientation, as ours */
      for (int p = their_start; p < their_end; p++)
        if (theirs->orientations->str[p] != theirs->orientations->str[their_start])
          fail ("LibreOffice's page %d turns within its part", p + 1);

      if (our_end - our_start < 2)
        continue;
      g_assert_true (find_page_number (ours, margins, our_start + 1, &our_number));
      if (their_end - their_start < 2 ||
          !find_page_number (theirs, margins, their_start + 1, &their_number))
        {
          fail ("LibreOffice's page %d shows no page number", their_start + 2);
          continue;
        }
      compare_span ("page number", their_start + 2, &our_number, &their_number);
    }
  if (difference > allowed)
    fail ("LibreOffice's parts differ from ours by %d pages", difference);
}

/* The page (0-based) whose text holds @needle, -1 when none */
static int
page_with (Pdf        *self,
           const char *needle,
           int         from)
{
  for (int i = MAX (from, 0); i < self->n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (self->pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      if (strstr (text, needle) != NULL)
        return i;
    }
  return -1;
}

/* Each line that starts with one of @prefixes (NULL-terminated, consumed; empty ones skipped)
 * on our @page, found on LibreOffice's @their page at the same place within 1.5 mm, vertically
 * measured from @our_top and @their_top, in the same font and size */
static void
compare_lines (const char  *what,
               int          page_number,
               PopplerPage *page,
               double       our_top,
               PopplerPage *their,
               double       their_top,
               GStrv        prefixes)
{
  g_auto(GStrv) owned = prefixes;
  g_autofree char *our_text = poppler_page_get_text (page);

  for (guint i = 0; prefixes[i] != NULL; i++)
    {
      g_autofree char *line = line_from (our_text, prefixes[i]);
      g_auto(RtSpan) our_span = { 0, };
      g_auto(RtSpan) their_span = { 0, };
      RtSpan our_moved, their_moved;

      if (prefixes[i][0] == '\0')
        continue;
      /* Our own PDF must show it: otherwise the check would prove nothing */
      if (line == NULL)
        g_error ("%s: our page %d has no line “%s…”", what, page_number, prefixes[i]);
      g_assert_true (rt_find (page, line, &our_span));
      if (!rt_find (their, line, &their_span))
        {
          fail ("%s: LibreOffice's page %d lacks the line “%s”", what, page_number, line);
          continue;
        }
      same_line_break (their, what, page_number, line);
      our_moved = our_span;
      their_moved = their_span;
      our_moved.y1 -= our_top;
      our_moved.y2 -= our_top;
      their_moved.y1 -= their_top;
      their_moved.y2 -= their_top;
      compare_span (line, page_number, &our_moved, &their_moved);
    }
}

/* The closing's lines: "Nơi nhận:", the authority, the signer's title and name */
static GStrv
signer_lines (JsonObject *signer)
{
  g_autofree char *authority = g_utf8_strup (member_string (signer, "authority"), -1);
  g_autofree char *title = g_utf8_strup (member_string (signer, "title"), -1);
  g_autofree char *authority_words = first_words (authority, 2);
  g_autofree char *title_words = first_words (title, 2);
  g_autofree char *name_words = first_words (member_string (signer, "name"), 2);
  const char *lines[] = { "Nơi nhận:", authority_words, title_words, name_words, NULL };

  return g_strdupv ((char **) lines);
}

/* Each appendix's first page: its label, the lines of its title and its reference line where
 * ours are (the page's top is the same in both), in our orientation. The first page is found
 * by the title's first words after the closing's page and the previous appendix: the page
 * numbers show it only when they restart ("appendix-page-numbering" may continue them). */
static void
check_appendix_headings (Pdf        *ours,
                         Pdf        *theirs,
                         JsonObject *plan)
{
  JsonArray *appendices = json_object_get_array_member (plan, "appendices");
  int our_start = page_with (ours, "Nơi nhận:", 0);
  int their_start = page_with (theirs, "Nơi nhận:", 0);

  /* In a decision issuing a plan, that is the decision's closing: the plan's ends with the
   * signer's name, after the plan's first page */
  if (json_object_has_member (plan, "decision"))
    {
      JsonObject *closing = json_object_get_object_member (plan, "closing");
      JsonObject *signer = json_object_get_object_member (closing, "signer");
      const char *name = member_string (signer, "name");

      our_start = page_with (ours, name, page_with (ours, "(Ban hành kèm theo Quyết định", 0));
      their_start = page_with (theirs, name,
                               page_with (theirs, "(Ban hành kèm theo Quyết định", 0));
    }

  for (guint a = 0; a < json_array_get_length (appendices) && their_start >= 0; a++)
    {
      JsonObject *appendix = json_array_get_object_element (appendices, a);
      g_auto(GStrv) title_lines = g_strsplit (member_string (appendix, "title"), "\n", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_autoptr(PopplerPage) page = NULL;
      g_autoptr(PopplerPage) their = NULL;
      g_autofree char *our_text = NULL;
      g_autofree char *first = NULL;

      if (title_lines[0] == NULL || title_lines[0][0] == '\0')
        continue;
      /* The title prints as typed or in capitals */
      first = first_words (title_lines[0], 2);
      if (page_with (ours, first, our_start + 1) < 0)
        {
          g_autofree char *upper = g_utf8_strup (first, -1);

          g_free (first);
          first = g_steal_pointer (&upper);
        }
      our_start = page_with (ours, first, our_start + 1);
      g_assert_cmpint (our_start, >=, 0);
      their_start = page_with (theirs, first, their_start + 1);
      if (their_start < 0)
        {
          fail ("LibreOffice's PDF has no page with appendix %u's title “%s”", a + 1, first);
          return;
        }
      g_test_message ("appendix %u starts on page %d (ours %d)", a + 1, their_start + 1,
                      our_start + 1);
      if (theirs->orientations->str[their_start] != ours->orientations->str[our_start])
        fail ("LibreOffice prints appendix %u %s", a + 1,
              theirs->orientations->str[their_start] == 'L' ? "in landscape" : "upright");

      page = poppler_document_get_page (ours->pdf, our_start);
      their = poppler_document_get_page (theirs->pdf, their_start);
      our_text = poppler_page_get_text (page);
      /* A plan may print an appendix without its label ("label-mode": "none") */
      if (strstr (our_text, "Phụ lục") != NULL)
        g_strv_builder_add (builder, "Phụ lục");
      for (guint i = 0; title_lines[i] != NULL; i++)
        {
          g_autofree char *words = first_words (title_lines[i], 2);

          if (strstr (our_text, words) == NULL)
            {
              g_autofree char *upper = g_utf8_strup (words, -1);

              g_free (words);
              words = g_steal_pointer (&upper);
            }
          g_strv_builder_add (builder, words);
        }
      /* … and without its reference line */
      if (strstr (our_text, "(Kèm theo") != NULL)
        g_strv_builder_add (builder, "(Kèm theo");
      compare_lines ("appendix heading", their_start + 1, page, 0, their, 0,
                     g_strv_builder_end (builder));
    }
}

/* "Nơi nhận:" on the signer's page; the closing's lines where ours are */
static void
check_closing (Pdf        *ours,
               Pdf        *theirs,
               JsonObject *plan)
{
  JsonObject *closing = json_object_get_object_member (plan, "closing");
  JsonObject *signer = json_object_get_object_member (closing, "signer");
  const char *name = member_string (signer, "name");
  int our_page = page_with (ours, "Nơi nhận:", 0);
  int their_page = page_with (theirs, "Nơi nhận:", 0);
  g_auto(RtSpan) our_span = { 0, };
  g_auto(RtSpan) their_span = { 0, };
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(PopplerPage) their = NULL;

  g_assert_cmpint (our_page, >=, 0);
  if (their_page < 0)
    {
      fail ("LibreOffice shows no “Nơi nhận:”");
      return;
    }
  if (name[0] != '\0')
    {
      g_autoptr(PopplerPage) signer_page = poppler_document_get_page (theirs->pdf, their_page);
      g_autofree char *text = poppler_page_get_text (signer_page);

      g_assert_cmpint (page_with (ours, name, our_page), ==, our_page);
      if (strstr (text, name) == NULL)
        fail ("LibreOffice prints the signer “%s” apart from “Nơi nhận:” "
              "(page %d)", name, their_page + 1);
    }
  page = poppler_document_get_page (ours->pdf, our_page);
  their = poppler_document_get_page (theirs->pdf, their_page);
  g_assert_true (rt_find (page, "Nơi nhận:", &our_span));
  g_assert_true (rt_find (their, "Nơi nhận:", &their_span));
  g_test_message ("“Nơi nhận:” on page %d (ours %d)", their_page + 1, our_page + 1);
  /* The closing's height on its page depends on how the body broke: its lines are measured
   * from the top of "Nơi nhận:" */
  compare_lines ("signer block", their_page + 1, page, our_span.y1, their, their_span.y1,
                 signer_lines (signer));
}

/* Under a plan issued by a decision the signature stands alone (the Nơi nhận above is the
 * decision's): on the page where ours is, its title and name where ours are, measured from the
 * top of the title */
static void
check_plan_signature (Pdf        *ours,
                      Pdf        *theirs,
                      JsonObject *plan)
{
  JsonObject *closing = json_object_get_object_member (plan, "closing");
  JsonObject *signer = json_object_get_object_member (closing, "signer");
  g_autofree char *title = g_utf8_strup (member_string (signer, "title"), -1);
  g_autofree char *title_words = first_words (title, 2);
  const char *name = member_string (signer, "name");
  const char *issuing = "(Ban hành kèm theo Quyết định";
  int our_page = page_with (ours, name, page_with (ours, issuing, 0));
  int their_page = page_with (theirs, name, page_with (theirs, issuing, 0));
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(PopplerPage) their = NULL;
  g_auto(RtSpan) our_span = { 0, };
  g_auto(RtSpan) their_span = { 0, };
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();

  g_assert_cmpint (our_page, >, 0);
  if (their_page != our_page)
    {
      fail ("LibreOffice prints the plan's signer on page %d, ours on page %d", their_page + 1,
            our_page + 1);
      return;
    }
  page = poppler_document_get_page (ours->pdf, our_page);
  their = poppler_document_get_page (theirs->pdf, their_page);
  g_assert_true (rt_find (page, title_words, &our_span));
  if (!rt_find (their, title_words, &their_span))
    {
      fail ("LibreOffice's page %d lacks the plan's signer “%s”", their_page + 1, title_words);
      return;
    }
  g_test_message ("the plan's signature on page %d (ours %d)", their_page + 1, our_page + 1);
  g_strv_builder_add (lines, title_words);
  g_strv_builder_add (lines, name);
  compare_lines ("plan's signature", their_page + 1, page, our_span.y1, their, their_span.y1,
                 g_strv_builder_end (lines));
}

/* Whether @page prints @needle in a bold font somewhere */
static gboolean
has_bold (PopplerPage *page,
          const char  *needle)
{
  g_autofree char *text = poppler_page_get_text (page);
  GList *attributes = poppler_page_get_text_attributes (page);
  gboolean found = FALSE;

  for (const char *at = strstr (text, needle); at != NULL && !found; at = strstr (at + 1, needle))
    {
      glong start = g_utf8_pointer_to_offset (text, at);

      for (GList *l = attributes; l != NULL; l = l->next)
        {
          PopplerTextAttributes *attr = l->data;

          if (attr->start_index <= start && start <= attr->end_index)
            {
              found = strstr (font_name (attr->font_name), "Bold") != NULL;
              break;
            }
        }
    }
  poppler_page_free_text_attributes (attributes);
  return found;
}

/* The first two words of the longest cell of @row: a key for finding the row on a page */
static char *
row_key (JsonArray *row)
{
  const char *longest = "";

  for (guint c = 0; c < json_array_get_length (row); c++)
    {
      const char *cell = json_array_get_string_element (row, c);

      if (cell != NULL && strlen (cell) > strlen (longest))
        longest = cell;
    }
  return first_words (longest, 2);
}

/* The pages from the table's first header to its last row: each must print the header bold */
static void
check_table_in (Pdf        *self,
                const char *header_key,
                const char *last_key,
                int         from)
{
  int first = -1, last = -1;

  for (int i = MAX (from, 0); i < self->n_pages && first < 0; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (self->pdf, i);

      if (has_bold (page, header_key))
        first = i;
    }
  if (first < 0)
    {
      fail ("%s: no page prints the table header “%s” in bold", self->reader,
            header_key);
      return;
    }
  /* A form's table has empty rows: then only its first page is known */
  for (int i = first; i < self->n_pages && last_key[0] != '\0'; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (self->pdf, i);
      g_autofree char *text = poppler_page_get_text (page);

      if (strstr (text, last_key) != NULL)
        last = i;
    }
  if (last_key[0] == '\0')
    last = first;
  if (last < 0)
    {
      fail ("%s: the table's last row “%s” is missing", self->reader, last_key);
      return;
    }
  g_test_message ("%s: table “%s” on pages %d–%d", self->reader, header_key, first + 1, last + 1);
  for (int i = first; i <= last; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (self->pdf, i);

      if (!has_bold (page, header_key))
        fail ("%s: page %d continues the table “%s” without its header",
              self->reader, i + 1, header_key);
    }
}

/* Every table of the plan (anywhere in its JSON): its header on every page it reaches */
static void
check_tables (Pdf      *ours,
              Pdf      *theirs,
              JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        check_tables (ours, theirs, json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonArray *header_rows = json_object_has_member (object, "header-rows")
                               ? json_object_get_array_member (object, "header-rows") : NULL;
      JsonArray *rows = json_object_has_member (object, "rows")
                        ? json_object_get_array_member (object, "rows") : NULL;
      g_autoptr(GList) members = json_object_get_members (object);
      g_autofree char *header_key = NULL;
      g_autofree char *last_key = NULL;

      if (header_rows != NULL && rows != NULL && json_array_get_length (header_rows) > 0)
        {
          header_key = row_key (json_array_get_array_element (header_rows, 0));
          /* The last row with some text */
          for (guint r = json_array_get_length (rows);
               r > 0 && (last_key == NULL || last_key[0] == '\0'); r--)
            {
              g_free (last_key);
              last_key = row_key (json_array_get_array_element (rows, r - 1));
            }
          if (header_key[0] != '\0' && last_key != NULL)
            {
              check_table_in (ours, header_key, last_key, 0);
              check_table_in (theirs, header_key, last_key, 0);
            }
          return;
        }
      for (GList *l = members; l != NULL; l = l->next)
        check_tables (ours, theirs, json_object_get_member (object, l->data));
    }
}

/* pdftotext's words, a line broken after a hyphen ("113/KH-" / "UBND") joined */
static GHashTable *
words_of (const char *pdf_path,
          gboolean    fold_case,
          guint      *total)
{
  g_autofree char *text = pdf_test_pdftotext (pdf_path);
  g_autoptr(GRegex) hyphen_break = g_regex_new ("(?<=\\S)-[ \\t]*\\n\\s*", 0, 0, NULL);
  g_autofree char *joined = g_regex_replace (hyphen_break, text, -1, 0, "-", 0, NULL);

  return pdf_test_count_words (joined, fold_case, total);
}

/* Our words in LibreOffice's PDF, as often as ours prints them: the share found (%) */
static double
word_recall (const char *our_path,
             const char *their_path,
             gboolean    fold_case)
{
  guint our_total, their_total, found = 0, shown = 0;
  g_autoptr(GHashTable) our_words = words_of (our_path, fold_case, &our_total);
  g_autoptr(GHashTable) their_words = words_of (their_path, fold_case, &their_total);
  GHashTableIter iter;
  gpointer key, value;
  double recall;

  g_hash_table_iter_init (&iter, our_words);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint want = GPOINTER_TO_UINT (value);
      guint got = GPOINTER_TO_UINT (g_hash_table_lookup (their_words, key));

      found += MIN (want, got);
      if (got < want && shown++ < 20)
        g_test_message ("missing in LibreOffice's PDF%s: “%s” (%u of %u)",
                        fold_case ? "" : " (in this case)", (char *) key, got, want);
    }
  recall = our_total > 0 ? 100.0 * found / our_total : 100.0;
  g_test_message ("word recall%s %.2f %% (%u of our %u words; LibreOffice shows %u)",
                  fold_case ? "" : " in the same case", recall, found, our_total, their_total);
  return recall;
}

/* Every word (99.5 %), and every word found in the same case: a heading the decree prints in
 * capitals must print in capitals in Word too, however long the plan */
static void
check_words (const char *our_path,
             const char *their_path)
{
  double recall = word_recall (our_path, their_path, TRUE);
  double cased = word_recall (our_path, their_path, FALSE);

  if (recall < 99.5)
    fail ("LibreOffice's PDF holds %.2f %% of our words (at least 99.5 %%)", recall);
  if (cased < recall - 1e-9)
    fail ("LibreOffice's PDF prints %.2f %% of our words in another case", recall - cased);
}

/* The .docx opens in an independent OOXML reader */
static void
check_python_docx (const char *docx)
{
  const char *argv[] = { "/usr/bin/python3", "-c",
                         "import sys, docx; d = docx.Document(sys.argv[1]); "
                         "print(len(d.paragraphs), len(d.tables), len(d.sections))",
                         docx, NULL };
  g_autofree char *out = NULL;

  if (!run (argv, &out))
    fail ("python3-docx cannot open %s", docx);
  else
    g_test_message ("python3-docx: %s paragraphs, tables, sections", g_strstrip (out));
}

/* Both PDFs, the .docx and PNGs of every page (pdftoppm, 72 dpi) in artifacts/@name/ */
static void
save_artifacts (const char *name,
                const char *docx,
                const char *our_pdf,
                const char *their_pdf)
{
  g_autofree char *dir = g_build_filename (build_dir, "artifacts", name, NULL);
  const char *copies[][2] = { { docx, "plan.docx" }, { our_pdf, "ours.pdf" },
                              { their_pdf, "libreoffice.pdf" } };

  remove_tree (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *target = g_build_filename (dir, copies[i][1], NULL);
      gsize length;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (copies[i][0], &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (target, contents, length, &error);
      g_assert_no_error (error);
    }
  for (guint i = 1; i < G_N_ELEMENTS (copies); i++)
    {
      g_autofree char *prefix = g_build_filename (dir, i == 1 ? "ours" : "libreoffice", NULL);
      const char *argv[] = { "pdftoppm", "-r", "72", "-png", copies[i][0], prefix, NULL };

      g_assert_true (run (argv, NULL));
    }
  g_test_message ("pictures of both readers' pages: %s", dir);
}

static void
test_sample (gconstpointer data)
{
  const char *sample = data;
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *basename = g_path_get_basename (sample);
  g_autofree char *name = g_strndup (basename, strcspn (basename, "."));
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *our_pdf = NULL;
  g_autofree char *docx = NULL;
  g_autofree char *their_pdf = NULL;
  g_autoptr(JsonObject) plan = plan_json (sample);
  Margins margins = plan_margins (plan);
  g_autofree char *circulation = plan_circulation (plan);
  g_auto(Pdf) ours = { 0, };
  g_auto(Pdf) theirs = { 0, };
  gboolean draft = FALSE;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (libreoffice-writer-nogui) is not installed: build-aux/test "
                   "installs it");
      return;
    }

  dir = g_dir_make_tmp ("kehoach-docx-lo-XXXXXX", &error);
  g_assert_no_error (error);
  our_pdf = g_build_filename (dir, "ours.pdf", NULL);
  docx = g_build_filename (dir, "plan.docx", NULL);
  {
    /* A plan without a valid approval exports only as a draft: then both files carry the
     * watermark */
    const char *final_pdf[] = { exe_path, "--export-pdf", our_pdf, sample, NULL };
    const char *draft_pdf[] = { exe_path, "--export-pdf", our_pdf, "--draft", sample, NULL };
    const char *final_docx[] = { exe_path, "--export-docx", docx, sample, NULL };
    const char *draft_docx[] = { exe_path, "--export-docx", docx, "--draft", sample, NULL };

    if (!run (final_pdf, NULL))
      {
        draft = TRUE;
        g_assert_true (run (draft_pdf, NULL));
      }
    g_test_message ("%s: exported %s", name, draft ? "as a draft" : "as the final copy");
    g_assert_true (run (draft ? draft_docx : final_docx, NULL));
  }

  check_python_docx (docx);
  their_pdf = convert_with_libreoffice (docx, dir);
  if (their_pdf == NULL)
    {
      remove_tree (dir);
      return;
    }
  save_artifacts (name, docx, our_pdf, their_pdf);

  pdf_open (&ours, "ours", our_pdf);
  pdf_open (&theirs, "LibreOffice", their_pdf);
  /* Our own PDF must pass first: the checks are the same for both readers */
  g_assert_cmpuint (check_pages (&ours, &margins, circulation), ==, 0);
  check_pages (&theirs, &margins, circulation);
  check_page_numbers (&ours, &theirs, &margins);
  check_header (&ours, &theirs, plan);
  check_closing (&ours, &theirs, plan);
  if (json_object_has_member (plan, "decision"))
    check_plan_signature (&ours, &theirs, plan);
  check_appendix_headings (&ours, &theirs, plan);
  {
    g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), plan);

    check_tables (&ours, &theirs, root);
  }
  check_words (our_pdf, their_pdf);

  remove_tree (dir);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *)a, *(char * const *)b);
}

int
main (int   argc,
      char *argv[])
{
  const char *samples_dir = g_getenv ("KEHOACH_SAMPLES_DIR");
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* Messages name Vietnamese text: print it as UTF-8 */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_assert_cmpint (argc, ==, 3);
  exe_path = argv[1];
  build_dir = argv[2];
  plan_fonts_prepare ();

  g_assert_nonnull (samples_dir);
  dir = g_dir_open (samples_dir, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".kehoach.json"))
      g_ptr_array_add (samples, g_build_filename (samples_dir, name, NULL));
  g_ptr_array_sort (samples, compare_names);
  g_assert_cmpuint (samples->len, >=, 4);

  for (guint i = 0; i < samples->len; i++)
    {
      const char *sample = g_ptr_array_index (samples, i);
      g_autofree char *basename = g_path_get_basename (sample);
      g_autofree char *test_name = g_strdup_printf ("/docx-libreoffice/%.*s",
                                                    (int) strcspn (basename, "."), basename);

      g_test_add_data_func (test_name, sample, test_sample);
    }
  return g_test_run ();
}
