/* plan-outline-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "plan-editor-util.h"
#include "plan-numbering.h"
#include "plan-outline-editor.h"
#include "plan-rich-text-view.h"
#include "plan-table-editor.h"

/* One row of the flattened tree. The row widgets are kept while their item exists so that
 * typing never loses its field. */
typedef struct
{
  PlanItem   *item;
  GtkWidget  *row;          /* GtkListBoxRow, owned by the list box while shown (ref held) */
  GtkWidget  *box;
  GtkWidget  *marker;
  GtkWidget  *content;
  GtkWidget  *heading;      /* PlanRichTextView or NULL */
  GPtrArray  *paragraphs;   /* PlanRichTextView per paragraph */
  char       *signature;    /* what the content was built from */
  guint       depth;
} OutlineRow;

struct _PlanOutlineEditor
{
  GtkWidget     parent_instance;

  PlanDocument *document;
  GListModel   *items;
  PlanItem     *current;
  GtkWidget    *last_view;   /* weak: the rich text view last focused */

  GtkBox       *box;
  GtkDropDown  *kind_drop_down;
  GtkDropDown  *style_drop_down;
  GtkStringList *style_list;
  GtkEntry     *marker_entry;
  GtkDropDown  *align_drop_down;
  GtkToggleButton *first_line_button;
  GtkWidget    *renumber_button;
  GArray       *style_choices;  /* PlanMarkerStyle per entry of style_list; [0] = automatic */
  char         *style_signature; /* what style_list was built for */
  GHashTable   *computed;       /* PlanItem → marker it prints without one written by hand */
  GtkToggleButton *heading_button;
  GtkListBox   *list_box;
  GtkScrolledWindow *scrolled_window;

  GPtrArray    *rows;        /* OutlineRow, in display order */
  GHashTable   *row_by_item; /* PlanItem → OutlineRow */

  guint         updating_kind : 1;
  guint         updating_numbering : 1;
};

G_DEFINE_FINAL_TYPE (PlanOutlineEditor, plan_outline_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_ITEMS,
  N_PROPS
};

enum {
  FOCUS_OBJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void sync_rows       (PlanOutlineEditor *self);
static void focus_item      (PlanOutlineEditor *self,
                             PlanItem          *item,
                             gboolean           at_end);

/* ---- Tree helpers --------------------------------------------------------------------------- */

static gboolean
is_heading_kind (PlanItemKind kind)
{
  return kind == PLAN_ITEM_PART || kind == PLAN_ITEM_SECTION || kind == PLAN_ITEM_NUMBERED;
}

typedef struct
{
  GListModel *list;        /* the list holding the item */
  guint       position;
  PlanItem   *parent;      /* the item whose children @list is, or NULL at the editor's top */
  GListModel *parent_list; /* the list holding @parent */
  guint       parent_position;
} Location;

static gboolean
find_in (GListModel *list,
         PlanItem   *parent,
         GListModel *parent_list,
         guint       parent_position,
         PlanItem   *item,
         Location   *location)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlanItem) child = g_list_model_get_item (list, i);

      if (child == item)
        {
          location->list = list;
          location->position = i;
          location->parent = parent;
          location->parent_list = parent_list;
          location->parent_position = parent_position;
          return TRUE;
        }
      if (find_in (plan_item_get_children (child), child, list, i, item, location))
        return TRUE;
    }
  return FALSE;
}

static gboolean
locate (PlanOutlineEditor *self,
        PlanItem          *item,
        Location          *location)
{
  memset (location, 0, sizeof *location);
  return item != NULL && find_in (self->items, NULL, NULL, 0, item, location);
}

static void
collect_markers (PlanDocument *document,
                 GListModel   *items,
                 PlanItem     *parent,
                 const char   *parent_number,
                 GHashTable   *markers,
                 GHashTable   *computed)
{
  g_auto(GStrv) strv = plan_numbering_markers (document, items, parent, parent_number);
  g_auto(GStrv) computed_strv = plan_numbering_computed_markers (document, items, parent,
                                                                 parent_number);
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n && strv != NULL && strv[i] != NULL; i++)
    {
      g_autoptr(PlanItem) item = g_list_model_get_item (items, i);
      g_autofree char *prefix = plan_numbering_child_prefix (item, strv[i]);

      g_hash_table_insert (markers, item, g_strdup (strv[i]));
      g_hash_table_insert (computed, item, g_strdup (computed_strv[i]));
      collect_markers (document, plan_item_get_children (item), item, prefix, markers, computed);
    }
}

/* Markers of every item of the plan: the editor may show a sub-list, whose numbers depend on
 * the items above it. self->computed gets the markers without those written by hand. */
static GHashTable *
compute_markers (PlanOutlineEditor *self)
{
  GHashTable *markers = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GHashTable *computed = self->computed;
  GListModel *appendices = plan_document_get_appendices (self->document);
  guint n = g_list_model_get_n_items (appendices);

  g_hash_table_remove_all (computed);
  collect_markers (self->document, plan_document_get_body (self->document), NULL, NULL, markers,
                   computed);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlanAppendix) appendix = g_list_model_get_item (appendices, i);

      collect_markers (self->document, plan_appendix_get_content (appendix), NULL, NULL, markers,
                       computed);
    }
  /* A list outside the document (not inserted yet) still gets its own numbering. */
  if (g_list_model_get_n_items (self->items) > 0)
    {
      g_autoptr(PlanItem) first = g_list_model_get_item (self->items, 0);

      if (!g_hash_table_contains (markers, first))
        collect_markers (self->document, self->items, NULL, NULL, markers, computed);
    }
  return markers;
}

/* ---- Rows ----------------------------------------------------------------------------------- */

static void
outline_row_free (gpointer data)
{
  OutlineRow *r = data;

  g_object_set_data (G_OBJECT (r->row), "outline-row", NULL);
  g_clear_object (&r->item);
  g_clear_object (&r->row);
  g_clear_pointer (&r->paragraphs, g_ptr_array_unref);
  g_free (r->signature);
  g_free (r);
}

static char *
row_signature (PlanItem *item)
{
  GListModel *paragraphs = plan_item_get_paragraphs (item);
  guint n = g_list_model_get_n_items (paragraphs);
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%d", plan_item_get_kind (item));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) paragraph = g_list_model_get_item (paragraphs, i);
      g_string_append_printf (s, ":%p", (gpointer) paragraph);
    }
  return g_string_free (s, FALSE);
}

static OutlineRow *
row_for_widget (PlanOutlineEditor *self,
                GtkWidget         *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "outline-row") : NULL;
}

/* "Heading" is on for a numbered item printed with a bold heading, off for one printed as text. */
static void
update_heading_button (PlanOutlineEditor *self)
{
  PlanItem *item = self->current;
  gboolean numbered = item != NULL && plan_item_get_kind (item) == PLAN_ITEM_NUMBERED;
  PlanText *heading = numbered ? plan_item_get_heading (item) : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.toggle-heading", numbered);
  self->updating_kind = TRUE;
  gtk_toggle_button_set_active (self->heading_button,
                                numbered && (g_list_model_get_n_items (plan_item_get_paragraphs (item)) == 0 ||
                                             (heading != NULL && !plan_text_is_empty (heading))));
  self->updating_kind = FALSE;
}

static gboolean locate (PlanOutlineEditor *self, PlanItem *item, Location *location);

static gboolean
has_marker (PlanItemKind kind)
{
  return kind != PLAN_ITEM_PARAGRAPH && kind != PLAN_ITEM_NOTE && kind != PLAN_ITEM_TABLE;
}

/* The style drop-down offers, for the current item's list: "Automatic" (the document's style
 * for the kind, shown by its sample), every style of plan_numbering_get_styles() and the
 * list's own style if it is none of these (read from a file or a Word document). */
static void
update_style_drop_down (PlanOutlineEditor *self)
{
  PlanItem *item = self->current;
  PlanItemKind kind = item != NULL ? plan_item_get_kind (item) : PLAN_ITEM_TABLE;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autofree char *list_suffix = NULL;
  PlanMarkerFormat list_format = PLAN_MARKER_AUTO;
  PlanMarkerFormat default_format = PLAN_MARKER_AUTO;
  const char *default_suffix = "";
  gboolean list_is_auto = TRUE;
  guint selected = 0;
  Location location;
  const PlanMarkerStyle *styles;
  guint n_styles = 0;

  if (item == NULL || !has_marker (kind) || !locate (self, item, &location) ||
      !plan_numbering_get_default_style (self->document, kind, location.parent,
                                         &default_format, &default_suffix))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->style_drop_down), FALSE);
      self->updating_numbering = TRUE;
      gtk_drop_down_set_selected (self->style_drop_down, GTK_INVALID_LIST_POSITION);
      self->updating_numbering = FALSE;
      return;
    }

  /* The list's style is its first item of the kind's own, if it has one. */
  for (guint i = 0; i < g_list_model_get_n_items (location.list); i++)
    {
      g_autoptr(PlanItem) sibling = g_list_model_get_item (location.list, i);

      if (plan_item_get_kind (sibling) != kind)
        continue;
      list_format = plan_item_get_marker_format (sibling);
      list_suffix = g_strdup (plan_item_get_marker_suffix (sibling));
      list_is_auto = list_format == PLAN_MARKER_AUTO;
      break;
    }

  g_array_set_size (self->style_choices, 0);
  {
    PlanMarkerStyle automatic = { PLAN_MARKER_AUTO, "" };
    g_autofree char *sample = NULL;

    /* numbered items continue their parent's number only under a numbered item */
    if (default_format == PLAN_MARKER_DECIMAL_NESTED &&
        (location.parent == NULL || plan_item_get_kind (location.parent) != PLAN_ITEM_NUMBERED))
      default_format = PLAN_MARKER_DECIMAL;
    sample = plan_numbering_dup_style_sample (default_format, default_suffix);

    g_array_append_val (self->style_choices, automatic);
    /* Translators: a numbering style; %s shows its first markers, e.g. "a), b), c), d), đ)" */
    g_ptr_array_add (labels, g_strdup_printf (_("Automatic: %s"), sample));
  }

  styles = plan_numbering_get_styles (&n_styles);
  for (guint i = 0; i < n_styles; i++)
    {
      g_array_append_val (self->style_choices, styles[i]);
      g_ptr_array_add (labels, plan_numbering_dup_style_sample (styles[i].format, styles[i].suffix));
      if (!list_is_auto && styles[i].format == list_format &&
          g_str_equal (styles[i].suffix, list_suffix))
        selected = self->style_choices->len - 1;
    }
  if (!list_is_auto && selected == 0)
    {
      /* static strings only in style_choices: the suffix is looked up again when chosen */
      PlanMarkerStyle own = { list_format, NULL };

      g_array_append_val (self->style_choices, own);
      g_ptr_array_add (labels, plan_numbering_dup_style_sample (list_format, list_suffix));
      selected = self->style_choices->len - 1;
    }
  g_ptr_array_add (labels, NULL);

  for (guint i = 0; i + 1 < labels->len; i++)
    g_string_append_printf (signature, "%s\n", (char *) g_ptr_array_index (labels, i));

  self->updating_numbering = TRUE;
  if (g_strcmp0 (signature->str, self->style_signature) != 0)
    {
      g_free (self->style_signature);
      self->style_signature = g_strdup (signature->str);
      gtk_string_list_splice (self->style_list, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->style_list)),
                              (const char * const *) labels->pdata);
    }
  if (gtk_drop_down_get_selected (self->style_drop_down) != selected)
    gtk_drop_down_set_selected (self->style_drop_down, selected);
  self->updating_numbering = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->style_drop_down), TRUE);
}

/* The marker entry holds the current item's marker written by hand; its placeholder shows the
 * marker it prints otherwise. */
static void
update_marker_entry (PlanOutlineEditor *self)
{
  PlanItem *item = self->current;
  gboolean editable = item != NULL && plan_item_get_kind (item) != PLAN_ITEM_TABLE;
  const char *literal = editable ? plan_item_get_marker (item) : "";
  const char *computed = editable ? g_hash_table_lookup (self->computed, item) : NULL;

  self->updating_numbering = TRUE;
  if (!g_str_equal (gtk_editable_get_text (GTK_EDITABLE (self->marker_entry)), literal))
    gtk_editable_set_text (GTK_EDITABLE (self->marker_entry), literal);
  gtk_entry_set_placeholder_text (self->marker_entry, computed != NULL ? computed : "");
  self->updating_numbering = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->marker_entry), editable);
}

/* The order of the alignment drop-down */
static const PlanAlignment align_choices[] = {
  PLAN_ALIGN_JUSTIFY, PLAN_ALIGN_CENTER, PLAN_ALIGN_RIGHT, PLAN_ALIGN_LEFT,
};

/* The paragraph whose field last had the focus, if it is still shown (headings have none). */
static PlanParagraph *
current_paragraph (PlanOutlineEditor *self)
{
  if (self->last_view == NULL || !gtk_widget_is_ancestor (self->last_view, GTK_WIDGET (self)))
    return NULL;
  return g_object_get_data (G_OBJECT (self->last_view), "plan-paragraph");
}

static GtkJustification
view_justification (PlanAlignment alignment)
{
  switch (alignment)
    {
    case PLAN_ALIGN_CENTER: return GTK_JUSTIFY_CENTER;
    case PLAN_ALIGN_RIGHT:  return GTK_JUSTIFY_RIGHT;
    case PLAN_ALIGN_LEFT:
    case PLAN_ALIGN_JUSTIFY:
    default:                return GTK_JUSTIFY_LEFT;
    }
}

static void
update_paragraph_controls (PlanOutlineEditor *self)
{
  PlanParagraph *paragraph = current_paragraph (self);
  guint selected = GTK_INVALID_LIST_POSITION;

  if (paragraph != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (align_choices); i++)
      if (align_choices[i] == plan_paragraph_get_alignment (paragraph))
        selected = i;

  self->updating_numbering = TRUE;
  gtk_drop_down_set_selected (self->align_drop_down, selected);
  gtk_toggle_button_set_active (self->first_line_button,
                                paragraph != NULL && plan_paragraph_get_indent (paragraph));
  self->updating_numbering = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->align_drop_down), paragraph != NULL);
  /* Centred and right-aligned lines are never indented. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->first_line_button),
                            paragraph != NULL &&
                            (plan_paragraph_get_alignment (paragraph) == PLAN_ALIGN_JUSTIFY ||
                             plan_paragraph_get_alignment (paragraph) == PLAN_ALIGN_LEFT));
}

static void
set_current (PlanOutlineEditor *self,
             PlanItem          *item)
{
  OutlineRow *old = self->current ? g_hash_table_lookup (self->row_by_item, self->current) : NULL;
  OutlineRow *now = item ? g_hash_table_lookup (self->row_by_item, item) : NULL;
  gboolean is_table;

  if (old != NULL)
    gtk_widget_remove_css_class (old->row, "current");
  if (now != NULL)
    gtk_widget_add_css_class (now->row, "current");
  g_set_object (&self->current, item);

  is_table = item != NULL && plan_item_get_kind (item) == PLAN_ITEM_TABLE;
  self->updating_kind = TRUE;
  gtk_drop_down_set_selected (self->kind_drop_down,
                              item != NULL && !is_table ? (guint) plan_item_get_kind (item)
                                                        : GTK_INVALID_LIST_POSITION);
  self->updating_kind = FALSE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_drop_down), item != NULL && !is_table);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.delete", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.move-up", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.move-down", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.indent", item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.outdent", item != NULL);
  update_heading_button (self);
  update_style_drop_down (self);
  update_marker_entry (self);
  update_paragraph_controls (self);
}

static void
view_focus_enter_cb (GtkEventController *controller,
                     PlanOutlineEditor  *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (controller);
  OutlineRow *r = row_for_widget (self, widget);

  if (PLAN_IS_RICH_TEXT_VIEW (widget))
    g_set_weak_pointer (&self->last_view, widget);
  update_paragraph_controls (self);
  if (r == NULL)
    return;
  if (r->item != self->current)
    set_current (self, r->item);
  g_signal_emit (self, signals[FOCUS_OBJECT], 0, r->item);
}

static void insert_after (PlanOutlineEditor *self, PlanItem *item);
static void outdent      (PlanOutlineEditor *self, PlanItem *item);

static gboolean
item_is_empty (PlanItem *item)
{
  GListModel *paragraphs = plan_item_get_paragraphs (item);
  guint n = g_list_model_get_n_items (paragraphs);

  if (!plan_text_is_empty (plan_item_get_heading (item)) ||
      g_list_model_get_n_items (plan_item_get_children (item)) > 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (paragraphs, i);

      if (!plan_text_is_empty (plan_paragraph_get_text (paragraph)))
        return FALSE;
    }
  return TRUE;
}

static void
view_activate_cb (PlanOutlineEditor *self,
                  GtkWidget         *view)
{
  OutlineRow *r = row_for_widget (self, view);
  Location location;

  if (r == NULL)
    return;
  /* Enter on an empty nested item steps out a level, as in a word processor's lists. */
  if (item_is_empty (r->item) && locate (self, r->item, &location) && location.parent != NULL)
    {
      outdent (self, r->item);
      return;
    }
  insert_after (self, r->item);
}

static GtkWidget *
add_view (PlanOutlineEditor *self,
          OutlineRow        *r,
          const char        *accessible_label,
          const char        *placeholder)
{
  GtkWidget *view = plan_rich_text_view_new (accessible_label);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *shortcuts;

  plan_rich_text_view_set_placeholder (PLAN_RICH_TEXT_VIEW (view), placeholder);
  plan_rich_text_view_set_enter_activates (PLAN_RICH_TEXT_VIEW (view), TRUE);
  g_signal_connect_object (view, "activate", G_CALLBACK (view_activate_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "enter", G_CALLBACK (view_focus_enter_cb), self, 0);
  gtk_widget_add_controller (view, focus);

  /* Tab indents the item being typed in; elsewhere (toolbar) Tab still moves the focus.
   * Capture phase: before the text view's own key handling, as for Enter. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Tab, 0),
                      gtk_named_action_new ("outline.indent")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Tab, GDK_SHIFT_MASK),
                      gtk_named_action_new ("outline.outdent")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK),
                      gtk_named_action_new ("outline.outdent")));
  gtk_widget_add_controller (view, shortcuts);

  gtk_box_append (GTK_BOX (r->content), view);
  return view;
}

static void
table_focus_object_cb (GtkWidget         *table_editor,
                       GObject           *object,
                       PlanOutlineEditor *self)
{
  g_signal_emit (self, signals[FOCUS_OBJECT], 0, object);
}

static const char *
kind_placeholder (PlanItemKind kind)
{
  switch (kind)
    {
    case PLAN_ITEM_PART:     return _("Part heading");
    case PLAN_ITEM_SECTION:  return _("Section heading, e.g. MỤC ĐÍCH, YÊU CẦU");
    case PLAN_ITEM_NUMBERED: return _("Heading or text of the numbered item");
    case PLAN_ITEM_POINT:    return _("Text of the point");
    case PLAN_ITEM_BULLET:   return _("Text of the bullet");
    case PLAN_ITEM_NOTE:     return _("Note, printed in italic");
    case PLAN_ITEM_PARAGRAPH:
    case PLAN_ITEM_TABLE:
    default:                 return _("Text");
    }
}

static void
build_content (PlanOutlineEditor *self,
               OutlineRow        *r)
{
  PlanItemKind kind = plan_item_get_kind (r->item);
  GListModel *paragraphs = plan_item_get_paragraphs (r->item);
  guint n = g_list_model_get_n_items (paragraphs);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (r->content)) != NULL)
    gtk_box_remove (GTK_BOX (r->content), child);
  r->heading = NULL;
  g_ptr_array_set_size (r->paragraphs, 0);
  g_free (r->signature);
  r->signature = row_signature (r->item);

  if (kind == PLAN_ITEM_TABLE)
    {
      GtkWidget *editor = plan_table_editor_new (self->document, plan_item_get_table (r->item));
      GtkEventController *focus = gtk_event_controller_focus_new ();

      gtk_widget_set_size_request (editor, -1, 380);
      g_signal_connect_object (focus, "enter", G_CALLBACK (view_focus_enter_cb), self, 0);
      gtk_widget_add_controller (editor, focus);
      /* Rows the user works in are the table's: pass them on to the preview. */
      g_signal_connect_object (editor, "focus-object", G_CALLBACK (table_focus_object_cb),
                               self, 0);
      gtk_box_append (GTK_BOX (r->content), editor);
      return;
    }

  /* Numbered items often have no heading, only their text: then the text alone is shown. */
  if (kind == PLAN_ITEM_PART || kind == PLAN_ITEM_SECTION || n == 0 ||
      !plan_text_is_empty (plan_item_get_heading (r->item)))
    {
      r->heading = add_view (self, r, is_heading_kind (kind) ? _("Heading") : _("Text"),
                             kind_placeholder (kind));
      if (is_heading_kind (kind))
        gtk_widget_add_css_class (r->heading, "heading");
      plan_editor_bind_rich_text (r->heading, self->document, r->item, "heading");
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlanParagraph) paragraph = g_list_model_get_item (paragraphs, i);
      GtkWidget *view = add_view (self, r, _("Paragraph"),
                                  r->heading != NULL ? _("Text under the heading")
                                                     : kind_placeholder (kind));

      plan_editor_bind_rich_text (view, self->document, paragraph, "text");
      g_object_set_data (G_OBJECT (view), "plan-paragraph", paragraph);
      g_ptr_array_add (r->paragraphs, view);
    }
}

static OutlineRow *
create_row (PlanOutlineEditor *self,
            PlanItem          *item)
{
  OutlineRow *r = g_new0 (OutlineRow, 1);

  r->item = g_object_ref (item);
  r->paragraphs = g_ptr_array_new ();
  r->row = g_object_ref_sink (gtk_list_box_row_new ());
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r->row), FALSE);
  gtk_widget_add_css_class (r->row, "plan-outline-row");
  g_object_set_data (G_OBJECT (r->row), "outline-row", r);

  r->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (r->box, 2);
  gtk_widget_set_margin_bottom (r->box, 2);
  gtk_widget_set_margin_end (r->box, 8);
  r->marker = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (r->marker), 1);
  gtk_widget_set_valign (r->marker, GTK_ALIGN_START);
  gtk_widget_set_margin_top (r->marker, 7);
  gtk_widget_add_css_class (r->marker, "plan-marker");
  r->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_hexpand (r->content, TRUE);
  gtk_box_append (GTK_BOX (r->box), r->marker);
  gtk_box_append (GTK_BOX (r->box), r->content);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (r->row), r->box);

  build_content (self, r);
  return r;
}

static void
flatten (GListModel *items,
         guint       depth,
         GPtrArray  *items_out,
         GArray     *depths_out)
{
  guint n = g_list_model_get_n_items (items);

  for (guint i = 0; i < n; i++)
    {
      PlanItem *item = g_list_model_get_item (items, i);

      g_ptr_array_add (items_out, item);
      g_array_append_val (depths_out, depth);
      flatten (plan_item_get_children (item), depth + 1, items_out, depths_out);
    }
}

typedef struct
{
  PlanItem *item;
  int       field;    /* -1 heading, else paragraph index */
  int       offset;
} FocusState;

static gboolean
save_focus (PlanOutlineEditor *self,
            FocusState        *state)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  OutlineRow *r;

  if (focus == NULL || !PLAN_IS_RICH_TEXT_VIEW (focus) ||
      !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box)))
    return FALSE;
  r = row_for_widget (self, focus);
  if (r == NULL)
    return FALSE;

  state->item = r->item;
  state->field = -1;
  for (guint i = 0; i < r->paragraphs->len; i++)
    if (g_ptr_array_index (r->paragraphs, i) == focus)
      state->field = (int) i;
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
    GtkTextIter iter;

    gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    state->offset = gtk_text_iter_get_offset (&iter);
  }
  return TRUE;
}

static void
restore_focus (PlanOutlineEditor *self,
               FocusState        *state)
{
  OutlineRow *r = g_hash_table_lookup (self->row_by_item, state->item);
  GtkWidget *view = NULL;
  GtkRoot *root;

  if (r == NULL)
    return;
  if (state->field >= 0 && (guint) state->field < r->paragraphs->len)
    view = g_ptr_array_index (r->paragraphs, state->field);
  else
    view = r->heading != NULL ? r->heading
         : r->paragraphs->len > 0 ? g_ptr_array_index (r->paragraphs, 0) : NULL;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (view != NULL && (root == NULL || gtk_root_get_focus (root) != view))
    plan_rich_text_view_focus_at (PLAN_RICH_TEXT_VIEW (view), state->offset);
}

/* Brings the rows in line with the model: new rows for new items, the same rows for items that
 * stay, only the changed stretch of the list box touched; then the markers. */
static void
sync_rows (PlanOutlineEditor *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) depths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GHashTable) markers = NULL;
  g_autoptr(GPtrArray) new_rows = NULL;
  g_autoptr(GHashTable) keep = NULL;
  GHashTableIter iter;
  gpointer key, value;
  FocusState focus_state = { NULL, -1, 0 };
  gboolean had_focus;
  guint old_n = self->rows->len, new_n, prefix = 0, suffix = 0;

  flatten (self->items, 0, items, depths);
  new_n = items->len;
  had_focus = save_focus (self, &focus_state);

  new_rows = g_ptr_array_sized_new (new_n);
  keep = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < new_n; i++)
    {
      PlanItem *item = g_ptr_array_index (items, i);
      OutlineRow *r = g_hash_table_lookup (self->row_by_item, item);

      if (r == NULL)
        {
          r = create_row (self, item);
          g_hash_table_insert (self->row_by_item, item, r);
        }
      else
        {
          g_autofree char *signature = row_signature (item);

          if (g_strcmp0 (signature, r->signature) != 0)
            build_content (self, r);
        }
      r->depth = g_array_index (depths, guint, i);
      gtk_widget_set_margin_start (r->box, 8 + 28 * (int) r->depth);
      g_ptr_array_add (new_rows, r);
      g_hash_table_add (keep, r);
    }

  while (prefix < old_n && prefix < new_n &&
         g_ptr_array_index (self->rows, prefix) == g_ptr_array_index (new_rows, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_ptr_array_index (self->rows, old_n - 1 - suffix) ==
         g_ptr_array_index (new_rows, new_n - 1 - suffix))
    suffix++;

  for (guint i = prefix; i < old_n - suffix; i++)
    {
      OutlineRow *r = g_ptr_array_index (self->rows, i);

      gtk_list_box_remove (self->list_box, r->row);
    }
  for (guint i = prefix; i < new_n - suffix; i++)
    {
      OutlineRow *r = g_ptr_array_index (new_rows, i);

      gtk_list_box_insert (self->list_box, r->row, (int) i);
    }

  /* Forget rows of items that are gone. */
  g_hash_table_iter_init (&iter, self->row_by_item);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (keep, value))
      {
        if (gtk_widget_get_parent (((OutlineRow *) value)->row) != NULL)
          gtk_list_box_remove (self->list_box, ((OutlineRow *) value)->row);
        g_hash_table_iter_remove (&iter);
      }

  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_extend (self->rows, new_rows, NULL, NULL);

  markers = compute_markers (self);
  for (guint i = 0; i < self->rows->len; i++)
    {
      OutlineRow *r = g_ptr_array_index (self->rows, i);
      const char *marker = g_hash_table_lookup (markers, r->item);
      PlanItemKind kind = plan_item_get_kind (r->item);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (r->marker)), marker ? marker : "") != 0)
        gtk_label_set_label (GTK_LABEL (r->marker), marker ? marker : "");
      if (kind == PLAN_ITEM_BULLET || kind == PLAN_ITEM_PARAGRAPH || kind == PLAN_ITEM_NOTE)
        gtk_widget_add_css_class (r->marker, "dim-label");
      else
        gtk_widget_remove_css_class (r->marker, "dim-label");

      /* The fields show their paragraph's alignment. */
      for (guint k = 0; k < r->paragraphs->len; k++)
        {
          GtkTextView *view = g_ptr_array_index (r->paragraphs, k);
          PlanParagraph *paragraph = g_object_get_data (G_OBJECT (view), "plan-paragraph");
          GtkJustification justification = view_justification (plan_paragraph_get_alignment (paragraph));

          if (gtk_text_view_get_justification (view) != justification)
            gtk_text_view_set_justification (view, justification);
        }

      /* A marker written by hand looks different and says so; "Renumber" replaces it. */
      if (kind != PLAN_ITEM_TABLE && plan_item_get_marker (r->item)[0] != '\0')
        {
          g_autofree char *tooltip =
            /* Translators: %s is the marker the item would print if numbered automatically */
            g_strdup_printf (_("Marker written by hand (automatic: “%s”)"),
                             (const char *) g_hash_table_lookup (self->computed, r->item));

          gtk_widget_add_css_class (r->marker, "literal");
          gtk_widget_set_tooltip_text (r->marker, tooltip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (r->marker),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
        }
      else if (gtk_widget_has_css_class (r->marker, "literal"))
        {
          gtk_widget_remove_css_class (r->marker, "literal");
          gtk_widget_set_tooltip_text (r->marker, NULL);
          gtk_accessible_reset_property (GTK_ACCESSIBLE (r->marker),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
        }
    }

  {
    gboolean has_literal = plan_numbering_has_literal_markers (self->items);

    gtk_widget_set_visible (self->renumber_button, has_literal);
    gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.renumber", has_literal);
  }

  if (self->current != NULL && !g_hash_table_contains (self->row_by_item, self->current))
    set_current (self, NULL);
  else
    set_current (self, self->current);

  if (had_focus)
    restore_focus (self, &focus_state);
}

/* ---- Editing -------------------------------------------------------------------------------- */

static PlanItem *
new_item_like (PlanItemKind kind)
{
  PlanItem *item = plan_item_new (kind, "");

  /* Text kinds keep their words in a paragraph, headed kinds in the heading. */
  if (!is_heading_kind (kind))
    plan_item_append_paragraph (item, "");
  return item;
}

static void
focus_item (PlanOutlineEditor *self,
            PlanItem          *item,
            gboolean           at_end)
{
  OutlineRow *r = g_hash_table_lookup (self->row_by_item, item);
  GtkWidget *view;

  if (r == NULL)
    return;
  set_current (self, item);
  view = r->heading != NULL ? r->heading
       : r->paragraphs->len > 0 ? g_ptr_array_index (r->paragraphs, 0) : NULL;
  if (view != NULL)
    plan_rich_text_view_focus_at (PLAN_RICH_TEXT_VIEW (view), at_end ? -1 : 0);
  else
    gtk_widget_grab_focus (r->row);
}

static void
insert_after (PlanOutlineEditor *self,
              PlanItem          *item)
{
  g_autoptr(PlanItem) new_item = NULL;
  Location location;

  plan_editor_commit_preedit (GTK_WIDGET (self));
  if (item != NULL && locate (self, item, &location))
    {
      PlanItemKind kind = plan_item_get_kind (item);

      new_item = new_item_like (kind == PLAN_ITEM_TABLE ? PLAN_ITEM_PARAGRAPH : kind);
      plan_document_insert (self->document, location.list, location.position + 1, new_item);
    }
  else
    {
      guint n = g_list_model_get_n_items (self->items);
      g_autoptr(PlanItem) last = n > 0 ? g_list_model_get_item (self->items, n - 1) : NULL;
      PlanItemKind kind = last != NULL ? plan_item_get_kind (last) : PLAN_ITEM_SECTION;

      new_item = new_item_like (kind == PLAN_ITEM_TABLE ? PLAN_ITEM_PARAGRAPH : kind);
      plan_document_insert (self->document, self->items, n, new_item);
    }
  focus_item (self, new_item, FALSE);
}

static PlanItemKind
child_kind (PlanItemKind kind)
{
  switch (kind)
    {
    case PLAN_ITEM_PART:    return PLAN_ITEM_SECTION;
    case PLAN_ITEM_SECTION: return PLAN_ITEM_NUMBERED;
    default:                return kind;
    }
}

static void
indent (PlanOutlineEditor *self,
        PlanItem          *item)
{
  g_autoptr(PlanItem) keep = NULL;
  g_autoptr(PlanItem) new_parent = NULL;
  GListModel *children;
  Location location;
  PlanItemKind parent_kind;

  if (!locate (self, item, &location) || location.position == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  new_parent = g_list_model_get_item (location.list, location.position - 1);
  if (plan_item_get_kind (new_parent) == PLAN_ITEM_TABLE)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  plan_editor_commit_preedit (GTK_WIDGET (self));
  keep = g_object_ref (item);
  children = plan_item_get_children (new_parent);
  parent_kind = plan_item_get_kind (new_parent);

  /* The printed order stays: the item becomes the last child of the item above it. */
  plan_document_begin_group (self->document);
  plan_document_remove (self->document, location.list, location.position);
  plan_document_insert (self->document, children, g_list_model_get_n_items (children), item);
  if (plan_item_get_kind (item) == parent_kind && child_kind (parent_kind) != parent_kind)
    plan_document_set (self->document, item, "kind", child_kind (parent_kind), NULL);
  plan_document_end_group (self->document);
  focus_item (self, item, TRUE);
}

static void
outdent (PlanOutlineEditor *self,
         PlanItem          *item)
{
  g_autoptr(PlanItem) keep = NULL;
  Location location;
  GListModel *children;
  guint n;

  if (!locate (self, item, &location) || location.parent == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  plan_editor_commit_preedit (GTK_WIDGET (self));
  keep = g_object_ref (item);
  children = plan_item_get_children (item);
  n = g_list_model_get_n_items (location.list);

  /* The printed order stays: the siblings below the item become its children. */
  plan_document_begin_group (self->document);
  for (guint i = location.position + 1; i < n; i++)
    {
      g_autoptr(PlanItem) sibling = g_list_model_get_item (location.list, location.position + 1);

      plan_document_remove (self->document, location.list, location.position + 1);
      plan_document_insert (self->document, children, g_list_model_get_n_items (children),
                            sibling);
    }
  plan_document_remove (self->document, location.list, location.position);
  plan_document_insert (self->document, location.parent_list, location.parent_position + 1, item);
  if (plan_item_get_kind (item) == child_kind (plan_item_get_kind (location.parent)) &&
      child_kind (plan_item_get_kind (location.parent)) != plan_item_get_kind (location.parent))
    plan_document_set (self->document, item, "kind", plan_item_get_kind (location.parent), NULL);
  plan_document_end_group (self->document);
  focus_item (self, item, TRUE);
}

static void
move_by (PlanOutlineEditor *self,
         PlanItem          *item,
         int                delta)
{
  Location location;
  int to;

  if (!locate (self, item, &location))
    return;
  to = (int) location.position + delta;
  if (to < 0 || (guint) to >= g_list_model_get_n_items (location.list))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_move (self->document, location.list, location.position, (guint) to);
  focus_item (self, item, TRUE);
}

static void
delete_item (PlanOutlineEditor *self,
             PlanItem          *item)
{
  g_autoptr(PlanItem) next = NULL;
  Location location;
  guint index = G_MAXUINT;

  if (!locate (self, item, &location))
    return;
  for (guint i = 0; i < self->rows->len; i++)
    if (((OutlineRow *) g_ptr_array_index (self->rows, i))->item == item)
      index = i;
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_remove (self->document, location.list, location.position);
  if (self->rows->len > 0 && index != G_MAXUINT)
    {
      index = index > 0 ? index - 1 : 0;
      next = g_object_ref (((OutlineRow *) g_ptr_array_index (self->rows, index))->item);
      focus_item (self, next, TRUE);
    }
}

static void
add_table (PlanOutlineEditor *self)
{
  g_autoptr(PlanTable) table = plan_table_new (3);
  g_autoptr(PlanItem) item = NULL;
  const char * const header[] = { "TT", _("Content"), _("Notes"), NULL };
  GListModel *columns = plan_table_get_columns (table);
  PlanRow *row;
  Location location;

  /* A typical task list: numbered TT column, a wide content column, a notes column. */
  row = plan_table_append_header_row (table);
  plan_row_set_texts (row, header);
  for (guint i = 0; i < 3; i++)
    plan_table_append_row (table);
  g_object_set (table, "numbered", TRUE, NULL);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(PlanColumn) column = g_list_model_get_item (columns, i);
      static const double widths[] = { 0.7, 6.0, 2.0 };

      g_object_set (column, "width", widths[i],
                    "alignment", i == 0 ? PLAN_ALIGN_CENTER : PLAN_ALIGN_LEFT, NULL);
    }
  item = plan_item_new_table (table);

  plan_editor_commit_preedit (GTK_WIDGET (self));
  if (self->current != NULL && locate (self, self->current, &location))
    plan_document_insert (self->document, location.list, location.position + 1, item);
  else
    plan_document_insert (self->document, self->items, g_list_model_get_n_items (self->items), item);
  set_current (self, item);
}

/* A numbered item is printed either as a bold heading ("1. Đối tượng tuyên truyền") or as plain
 * text ("1. Thông tin tuyên truyền…", a khoản without a heading, ND 30). Enter starts a new item
 * with a heading; this turns the heading into plain text and back. */
static void
toggle_heading (PlanOutlineEditor *self,
                PlanItem          *item)
{
  PlanText *heading = plan_item_get_heading (item);
  GListModel *paragraphs = plan_item_get_paragraphs (item);
  g_autoptr(PlanText) empty = plan_text_new ("");

  if (plan_item_get_kind (item) != PLAN_ITEM_NUMBERED)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_begin_group (self->document);
  if (heading != NULL && !plan_text_is_empty (heading))
    {
      g_autoptr(PlanParagraph) paragraph = plan_paragraph_new (heading);

      plan_document_insert (self->document, paragraphs, 0, paragraph);
      plan_document_set (self->document, item, "heading", empty, NULL);
    }
  else if (g_list_model_get_n_items (paragraphs) > 0)
    {
      g_autoptr(PlanParagraph) first = g_list_model_get_item (paragraphs, 0);
      g_autoptr(PlanText) text = plan_text_ref (plan_paragraph_get_text (first));

      plan_document_remove (self->document, paragraphs, 0);
      plan_document_set (self->document, item, "heading", text, NULL);
    }
  plan_document_end_group (self->document);
  focus_item (self, item, TRUE);
  update_heading_button (self);
}

static void
plan_outline_editor_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  PlanOutlineEditor *self = PLAN_OUTLINE_EDITOR (widget);
  g_autoptr(PlanItem) current = self->current ? g_object_ref (self->current) : NULL;

  if (g_str_equal (action_name, "outline.add"))
    insert_after (self, current);
  else if (g_str_equal (action_name, "outline.renumber"))
    {
      plan_editor_commit_preedit (GTK_WIDGET (self));
      plan_numbering_clear_literal_markers (self->document, self->items);
    }
  else if (g_str_equal (action_name, "outline.add-table"))
    add_table (self);
  else if (current == NULL)
    return;
  else if (g_str_equal (action_name, "outline.delete"))
    delete_item (self, current);
  else if (g_str_equal (action_name, "outline.move-up"))
    move_by (self, current, -1);
  else if (g_str_equal (action_name, "outline.move-down"))
    move_by (self, current, 1);
  else if (g_str_equal (action_name, "outline.indent"))
    indent (self, current);
  else if (g_str_equal (action_name, "outline.outdent"))
    outdent (self, current);
  else if (g_str_equal (action_name, "outline.toggle-heading"))
    toggle_heading (self, current);
  else if (g_str_equal (action_name, "outline.set-kind"))
    {
      int kind = g_variant_get_int32 (parameter);

      if (kind >= PLAN_ITEM_PART && kind < PLAN_ITEM_TABLE &&
          plan_item_get_kind (current) != PLAN_ITEM_TABLE &&
          (int) plan_item_get_kind (current) != kind)
        {
          plan_editor_commit_preedit (GTK_WIDGET (self));
          plan_document_set (self->document, current, "kind", kind, NULL);
          focus_item (self, current, TRUE);
        }
    }
}

static void
style_selected_cb (PlanOutlineEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->style_drop_down);
  PlanMarkerStyle style;
  g_autofree char *own_suffix = NULL;
  PlanItemKind kind;
  Location location;

  if (self->updating_numbering || self->current == NULL ||
      selected >= self->style_choices->len || !locate (self, self->current, &location))
    return;

  kind = plan_item_get_kind (self->current);
  style = g_array_index (self->style_choices, PlanMarkerStyle, selected);
  if (style.suffix == NULL)
    {
      /* the list's own style, already in place */
      if (!plan_numbering_get_list_style (self->document, location.list, kind, location.parent,
                                          NULL, &own_suffix))
        return;
      style.suffix = own_suffix;
    }
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_numbering_set_list_style (self->document, location.list, kind, style.format, style.suffix);
}

static void
align_selected_cb (PlanOutlineEditor *self)
{
  PlanParagraph *paragraph = current_paragraph (self);
  guint selected = gtk_drop_down_get_selected (self->align_drop_down);

  if (self->updating_numbering || paragraph == NULL || selected >= G_N_ELEMENTS (align_choices) ||
      plan_paragraph_get_alignment (paragraph) == align_choices[selected])
    return;
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_set (self->document, paragraph, "alignment", align_choices[selected], NULL);
}

static void
first_line_toggled_cb (PlanOutlineEditor *self)
{
  PlanParagraph *paragraph = current_paragraph (self);
  gboolean active = gtk_toggle_button_get_active (self->first_line_button);

  if (self->updating_numbering || paragraph == NULL ||
      plan_paragraph_get_indent (paragraph) == active)
    return;
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_set (self->document, paragraph, "indent", active, NULL);
}

static void
marker_changed_cb (PlanOutlineEditor *self)
{
  g_autofree char *text = NULL;

  if (self->updating_numbering || self->current == NULL ||
      plan_item_get_kind (self->current) == PLAN_ITEM_TABLE)
    return;

  /* As typed: a marker may hold a space ("Phần I"). */
  text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->marker_entry)));
  if (!g_str_equal (text, plan_item_get_marker (self->current)))
    plan_document_set (self->document, self->current, "marker", text, NULL);
}

static void
kind_selected_cb (PlanOutlineEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_drop_down);

  if (self->updating_kind || selected == GTK_INVALID_LIST_POSITION || self->current == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "outline.set-kind", "i", (int) selected);
}

static void
toggle_style (PlanOutlineEditor *self,
              PlanStyle          style)
{
  if (self->last_view != NULL)
    {
      plan_rich_text_view_toggle_style (PLAN_RICH_TEXT_VIEW (self->last_view), style);
      gtk_widget_grab_focus (self->last_view);
    }
}

static void
bold_clicked_cb (PlanOutlineEditor *self)
{
  toggle_style (self, PLAN_STYLE_BOLD);
}

static void
italic_clicked_cb (PlanOutlineEditor *self)
{
  toggle_style (self, PLAN_STYLE_ITALIC);
}

static void
underline_clicked_cb (PlanOutlineEditor *self)
{
  toggle_style (self, PLAN_STYLE_UNDERLINE);
}

/* ---- GObject -------------------------------------------------------------------------------- */

static void
plan_outline_editor_constructed (GObject *object)
{
  PlanOutlineEditor *self = PLAN_OUTLINE_EDITOR (object);
  GtkWidget *placeholder;

  G_OBJECT_CLASS (plan_outline_editor_parent_class)->constructed (object);

  placeholder = gtk_label_new (_("Empty. Press “Add Item” to start writing."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  gtk_widget_set_margin_bottom (placeholder, 24);
  gtk_list_box_set_placeholder (self->list_box, placeholder);

  sync_rows (self);
  if (self->rows->len > 0)
    set_current (self, ((OutlineRow *) g_ptr_array_index (self->rows, 0))->item);
  /* Every change, undo and redo included, comes with "changed": the rows follow it. */
  g_signal_connect_object (self->document, "changed", G_CALLBACK (sync_rows), self,
                           G_CONNECT_SWAPPED);
}

static void
plan_outline_editor_dispose (GObject *object)
{
  PlanOutlineEditor *self = PLAN_OUTLINE_EDITOR (object);

  g_clear_weak_pointer (&self->last_view);
  if (self->row_by_item != NULL)
    g_hash_table_remove_all (self->row_by_item);
  if (self->rows != NULL)
    g_ptr_array_set_size (self->rows, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLAN_TYPE_OUTLINE_EDITOR);
  G_OBJECT_CLASS (plan_outline_editor_parent_class)->dispose (object);
}

static void
plan_outline_editor_finalize (GObject *object)
{
  PlanOutlineEditor *self = PLAN_OUTLINE_EDITOR (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->row_by_item, g_hash_table_unref);
  g_clear_pointer (&self->computed, g_hash_table_unref);
  g_clear_pointer (&self->style_choices, g_array_unref);
  g_clear_pointer (&self->style_signature, g_free);
  g_clear_object (&self->current);
  g_clear_object (&self->items);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (plan_outline_editor_parent_class)->finalize (object);
}

static void
plan_outline_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlanOutlineEditor *self = PLAN_OUTLINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_ITEMS:
      self->items = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_outline_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlanOutlineEditor *self = PLAN_OUTLINE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_ITEMS:
      g_value_set_object (value, self->items);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_outline_editor_class_init (PlanOutlineEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = plan_outline_editor_constructed;
  object_class->dispose = plan_outline_editor_dispose;
  object_class->finalize = plan_outline_editor_finalize;
  object_class->set_property = plan_outline_editor_set_property;
  object_class->get_property = plan_outline_editor_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLAN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEMS] =
    g_param_spec_object ("items", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FOCUS_OBJECT] = g_signal_new ("focus-object", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_install_action (widget_class, "outline.add", NULL, plan_outline_editor_action);
  gtk_widget_class_install_action (widget_class, "outline.add-table", NULL,
                                   plan_outline_editor_action);
  gtk_widget_class_install_action (widget_class, "outline.delete", NULL,
                                   plan_outline_editor_action);
  gtk_widget_class_install_action (widget_class, "outline.move-up", NULL,
                                   plan_outline_editor_action);
  gtk_widget_class_install_action (widget_class, "outline.move-down", NULL,
                                   plan_outline_editor_action);
  gtk_widget_class_install_action (widget_class, "outline.indent", NULL,
                                   plan_outline_editor_action);
  gtk_widget_class_install_action (widget_class, "outline.outdent", NULL,
                                   plan_outline_editor_action);
  gtk_widget_class_install_action (widget_class, "outline.toggle-heading", NULL,
                                   plan_outline_editor_action);
  gtk_widget_class_install_action (widget_class, "outline.set-kind", "i",
                                   plan_outline_editor_action);
  gtk_widget_class_install_action (widget_class, "outline.renumber", NULL,
                                   plan_outline_editor_action);

  /* Alt and Ctrl only (Tab on the items' fields): the input method keeps every other key. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "outline.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "outline.move-down", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               APP_PATH "ui/plan-outline-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanOutlineEditor, box);
  gtk_widget_class_bind_template_child (widget_class, PlanOutlineEditor, kind_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PlanOutlineEditor, style_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PlanOutlineEditor, style_list);
  gtk_widget_class_bind_template_child (widget_class, PlanOutlineEditor, marker_entry);
  gtk_widget_class_bind_template_child (widget_class, PlanOutlineEditor, align_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PlanOutlineEditor, first_line_button);
  gtk_widget_class_bind_template_child (widget_class, PlanOutlineEditor, renumber_button);
  gtk_widget_class_bind_template_child (widget_class, PlanOutlineEditor, heading_button);
  gtk_widget_class_bind_template_child (widget_class, PlanOutlineEditor, list_box);
  gtk_widget_class_bind_template_child (widget_class, PlanOutlineEditor, scrolled_window);
  gtk_widget_class_bind_template_callback (widget_class, bold_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, italic_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, underline_clicked_cb);
}

static void
plan_outline_editor_init (PlanOutlineEditor *self)
{
  plan_editor_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* reveal() and typing keep the item with the cursor in view. */
  if (GTK_IS_VIEWPORT (gtk_scrolled_window_get_child (self->scrolled_window)))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scrolled_window)),
                                      TRUE);

  self->rows = g_ptr_array_new ();
  self->row_by_item = g_hash_table_new_full (NULL, NULL, NULL, outline_row_free);
  self->computed = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->style_choices = g_array_new (FALSE, FALSE, sizeof (PlanMarkerStyle));
  g_signal_connect_object (self->kind_drop_down, "notify::selected",
                           G_CALLBACK (kind_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->style_drop_down, "notify::selected",
                           G_CALLBACK (style_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->marker_entry, "changed",
                           G_CALLBACK (marker_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->align_drop_down, "notify::selected",
                           G_CALLBACK (align_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->first_line_button, "toggled",
                           G_CALLBACK (first_line_toggled_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
plan_outline_editor_new (PlanDocument *document,
                         GListModel   *items)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (items), NULL);

  return g_object_new (PLAN_TYPE_OUTLINE_EDITOR, "document", document, "items", items, NULL);
}

void
plan_outline_editor_reveal (GtkWidget *editor,
                            PlanItem  *item)
{
  PlanOutlineEditor *self;

  g_return_if_fail (PLAN_IS_OUTLINE_EDITOR (editor));
  g_return_if_fail (PLAN_IS_ITEM (item));

  self = PLAN_OUTLINE_EDITOR (editor);
  focus_item (self, item, TRUE);
}

PlanItem *
plan_outline_editor_get_current (PlanOutlineEditor *self)
{
  g_return_val_if_fail (PLAN_IS_OUTLINE_EDITOR (self), NULL);

  return self->current;
}
