/* plan-table-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "plan-editor-util.h"
#include "plan-rich-text-view.h"
#include "plan-table-clipboard.h"
#include "plan-table-editor.h"

/* The widgets of one visible cell. List items are recycled: a slot is bound to whichever row
 * scrolls into view. */
typedef struct
{
  PlanTableEditor *self;
  GtkListItem     *list_item; /* NULL once torn down: the slot's widgets may outlive it */
  int              column;   /* -1: the row-number gutter */
  GtkWidget       *box;
  GtkWidget       *button;   /* shows the cell's text; opens the cell editor */
  GtkWidget       *text;     /* the label inside @button */
  GtkWidget       *label;    /* gutter text or the TT number */
  GtkWidget       *merged;
  GtkEventController *focus;  /* on @button */
  PlanCell        *cell;
} CellSlot;

struct _PlanTableEditor
{
  GtkWidget          parent_instance;

  PlanDocument      *document;
  PlanTable         *table;

  GtkBox            *box;
  GtkEntry          *title_entry;
  GtkEntry          *note_entry;
  GtkSwitch         *numbered_switch;
  GtkEntry          *footnote_entry;
  GtkGrid           *format_grid;
  GtkDropDown       *font_size_drop_down;
  GtkDropDown       *valign_drop_down;
  GtkSwitch         *repeat_header_switch;
  gboolean           updating_format;
  GtkPopover        *columns_popover;
  GtkListBox        *columns_list;
  GtkScrolledWindow *scrolled_window;
  GtkColumnView     *column_view;

  /* Cells are edited in a pop-over: a text view inside a recycled list row cannot be
   * allocated in time by GTK 4.8, a label can. */
  GtkPopover        *cell_popover;
  GtkTextView       *cell_view;
  PlanCell          *editing;

  GListStore        *sections;       /* header rows, body rows */
  GtkFlattenListModel *flat;
  GtkMultiSelection *selection;
  GPtrArray         *view_columns;   /* GtkColumnViewColumn of the table's columns */
  GPtrArray         *shown_columns;  /* the PlanColumns they were built for */
  GHashTable        *bound;          /* CellSlot set */
  GArray            *numbers;        /* TT number of each body row */

  guint              current_row;
  guint              current_column;
  guint              has_current : 1;
  guint              numbers_valid : 1;
};

G_DEFINE_FINAL_TYPE (PlanTableEditor, plan_table_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_TABLE,
  N_PROPS
};

enum {
  FOCUS_OBJECT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void paste_rows (PlanTableEditor *self, const char *text, guint position);
static void add_row    (PlanTableEditor *self);

/* ---- Format: font size and header rows' style ----------------------------------------------- */

/* The font size drop-down: "Usual", then 11 … 14 pt */
static void
font_size_model_changed (PlanTableEditor *self)
{
  guint size = plan_table_get_font_size (self->table);
  guint selected = size >= PLAN_TABLE_FONT_SIZE_MIN ? size - PLAN_TABLE_FONT_SIZE_MIN + 1 : 0;

  self->updating_format = TRUE;
  if (gtk_drop_down_get_selected (self->font_size_drop_down) != selected)
    gtk_drop_down_set_selected (self->font_size_drop_down, selected);
  self->updating_format = FALSE;
}

static void
font_size_selected_cb (PlanTableEditor *self)
{
  guint selected = gtk_drop_down_get_selected (self->font_size_drop_down);
  guint size = selected == 0 ? 0 : PLAN_TABLE_FONT_SIZE_MIN + selected - 1;

  if (self->updating_format || selected == GTK_INVALID_LIST_POSITION ||
      size == plan_table_get_font_size (self->table))
    return;
  plan_document_set (self->document, self->table, "font-size", size, NULL);
}

/* One drop-down per header row, in the format popover, below the fixed rows */
#define FORMAT_FIXED_ROWS 3

static void
rebuild_header_styles (PlanTableEditor *self)
{
  GListModel *header_rows = plan_table_get_header_rows (self->table);
  guint n = g_list_model_get_n_items (header_rows);
  GtkWidget *child;

  while ((child = gtk_grid_get_child_at (self->format_grid, 0, FORMAT_FIXED_ROWS)) != NULL)
    gtk_grid_remove_row (self->format_grid, FORMAT_FIXED_ROWS);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlanRow) row = g_list_model_get_item (header_rows, i);
      /* Translators: %u counts the table's header rows from 1 */
      g_autofree char *text = g_strdup_printf (_("Header row %u"), i + 1);
      const char * const styles[] = {
        _("Bold"), _("Bold italic"), _("Italic"), _("Plain"), NULL
      };
      GtkWidget *label = gtk_label_new (text);
      GtkWidget *drop_down = gtk_drop_down_new_from_strings (styles);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down),
                                      GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      gtk_grid_attach (self->format_grid, label, 0, FORMAT_FIXED_ROWS + i, 1, 1);
      gtk_grid_attach (self->format_grid, drop_down, 1, FORMAT_FIXED_ROWS + i, 1, 1);
      plan_editor_bind_drop_down (drop_down, self->document, row, "header-style");
    }
}

/* ---- Positions ------------------------------------------------------------------------------ */

static guint
n_header_rows (PlanTableEditor *self)
{
  return g_list_model_get_n_items (plan_table_get_header_rows (self->table));
}

static guint
n_columns (PlanTableEditor *self)
{
  return g_list_model_get_n_items (plan_table_get_columns (self->table));
}

/* Combined position → the list holding the row and the row's index in it. */
static GListModel *
row_list (PlanTableEditor *self,
          guint            position,
          guint           *index)
{
  guint n_header = n_header_rows (self);

  if (position < n_header)
    {
      *index = position;
      return plan_table_get_header_rows (self->table);
    }
  *index = position - n_header;
  return plan_table_get_rows (self->table);
}

static PlanRow *
row_at (PlanTableEditor *self,
        guint            position)
{
  return g_list_model_get_item (G_LIST_MODEL (self->flat), position);
}

/* Selected rows in order; the current cell's row when nothing is selected. */
static GArray *
selected_positions (PlanTableEditor *self)
{
  g_autoptr(GtkBitset) bitset = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (guint));
  GtkBitsetIter iter;
  guint position;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->flat));

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, bitset, &position);
       ok; ok = gtk_bitset_iter_next (&iter, &position))
    if (position < n)
      g_array_append_val (positions, position);
  if (positions->len == 0 && self->has_current && self->current_row < n)
    g_array_append_val (positions, self->current_row);
  return positions;
}

static gboolean
row_is_empty (PlanRow *row)
{
  GListModel *cells = plan_row_get_cells (row);
  guint n = g_list_model_get_n_items (cells);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlanCell) cell = g_list_model_get_item (cells, i);

      if (plan_cell_get_text (cell) != NULL && plan_cell_get_text (cell)[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

static void
ensure_numbers (PlanTableEditor *self)
{
  GListModel *rows = plan_table_get_rows (self->table);
  guint n = g_list_model_get_n_items (rows);
  guint number = 0;

  if (self->numbers_valid)
    return;
  g_array_set_size (self->numbers, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlanRow) row = g_list_model_get_item (rows, i);
      PlanCell *first = plan_row_get_cell (row, 0);

      /* A row whose TT cell is merged up continues the number above. */
      if (number == 0 || first == NULL || plan_cell_get_merge (first) != PLAN_MERGE_UP)
        number++;
      g_array_index (self->numbers, guint, i) = number;
    }
  self->numbers_valid = TRUE;
}

/* ---- Cells ---------------------------------------------------------------------------------- */

static void merged_clicked_cb (GtkButton *button, CellSlot *slot);

/* The TT number and the merged marker are rare: made when first needed, so that the many
 * recycled cells stay light. */
static GtkWidget *
slot_get_label (CellSlot *slot)
{
  if (slot->label == NULL)
    {
      slot->label = gtk_label_new (NULL);
      gtk_widget_set_valign (slot->label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (slot->label, 4);
      gtk_box_prepend (GTK_BOX (slot->box), slot->label);
    }
  return slot->label;
}

static GtkWidget *
slot_get_merged (CellSlot *slot)
{
  if (slot->merged == NULL)
    {
      slot->merged = gtk_button_new ();
      gtk_widget_add_css_class (slot->merged, "flat");
      gtk_widget_add_css_class (slot->merged, "dim-label");
      gtk_widget_add_css_class (slot->merged, "caption");
      g_signal_connect (slot->merged, "clicked", G_CALLBACK (merged_clicked_cb), slot);
      gtk_box_append (GTK_BOX (slot->box), slot->merged);
    }
  return slot->merged;
}

static void
hide (GtkWidget *widget)
{
  if (widget != NULL)
    gtk_widget_set_visible (widget, FALSE);
}

static void
refresh_slot (CellSlot *slot)
{
  PlanTableEditor *self = slot->self;
  PlanRow *row = gtk_list_item_get_item (slot->list_item);
  guint position = gtk_list_item_get_position (slot->list_item);
  guint n_header = n_header_rows (self);
  gboolean is_header = position < n_header;
  PlanCell *cell;
  PlanMerge merge;

  if (row == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  if (slot->column < 0)
    {
      g_autofree char *number = NULL;

      if (is_header)
        gtk_label_set_label (GTK_LABEL (slot_get_label (slot)), _("Header"));
      else
        {
          number = g_strdup_printf ("%u", position - n_header + 1);
          gtk_label_set_label (GTK_LABEL (slot_get_label (slot)), number);
        }
      return;
    }

  cell = plan_row_get_cell (row, (guint) slot->column);
  g_set_object (&slot->cell, cell);
  if (cell == NULL)
    {
      gtk_widget_set_visible (slot->button, FALSE);
      hide (slot->label);
      hide (slot->merged);
      return;
    }

  merge = plan_cell_get_merge (cell);
  /* Header cells look as they print: bold, bold italic, italic or plain */
  {
    PlanHeaderStyle style = is_header ? plan_row_get_header_style (row) : PLAN_HEADER_PLAIN;
    gboolean bold = is_header && (style == PLAN_HEADER_BOLD || style == PLAN_HEADER_BOLD_ITALIC);
    gboolean italic = is_header && (style == PLAN_HEADER_ITALIC || style == PLAN_HEADER_BOLD_ITALIC);

    if (bold)
      gtk_widget_add_css_class (slot->text, "heading");
    else
      gtk_widget_remove_css_class (slot->text, "heading");
    if (italic)
      gtk_widget_add_css_class (slot->text, "italic");
    else
      gtk_widget_remove_css_class (slot->text, "italic");
  }

  if (merge != PLAN_MERGE_NONE)
    {
      gtk_button_set_label (GTK_BUTTON (slot_get_merged (slot)),
                            merge == PLAN_MERGE_UP ? _("↑ merged") : _("← merged"));
      gtk_widget_set_tooltip_text (slot->merged,
                                   merge == PLAN_MERGE_UP
                                     ? _("Merged with the cell above. Click to unmerge.")
                                     : _("Merged with the cell on the left. Click to unmerge."));
      gtk_widget_set_visible (slot->merged, TRUE);
      gtk_widget_set_visible (slot->button, FALSE);
      hide (slot->label);
    }
  else if (slot->column == 0 && !is_header && plan_table_get_numbered (self->table))
    {
      g_autofree char *number = NULL;
      guint index = position - n_header;

      ensure_numbers (self);
      number = g_strdup_printf ("%u", index < self->numbers->len
                                        ? g_array_index (self->numbers, guint, index) : index + 1);
      gtk_label_set_label (GTK_LABEL (slot_get_label (slot)), number);
      gtk_widget_set_visible (slot->label, TRUE);
      gtk_widget_set_visible (slot->button, FALSE);
      hide (slot->merged);
    }
  else
    {
      const char *text = plan_cell_get_text (cell);
      PlanAlignment alignment = PLAN_ALIGN_LEFT;
      g_autoptr(PlanColumn) column = g_list_model_get_item (plan_table_get_columns (self->table),
                                                            (guint) slot->column);
      float xalign;

      if (column != NULL && !is_header)
        alignment = plan_column_get_alignment (column);
      xalign = is_header || alignment == PLAN_ALIGN_CENTER ? 0.5f
             : alignment == PLAN_ALIGN_RIGHT ? 1.0f : 0.0f;
      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (slot->text)), text ? text : "") != 0)
        gtk_label_set_text (GTK_LABEL (slot->text), text ? text : "");
      gtk_label_set_xalign (GTK_LABEL (slot->text), xalign);
      gtk_label_set_justify (GTK_LABEL (slot->text),
                             xalign == 0.5f ? GTK_JUSTIFY_CENTER
                             : xalign == 1.0f ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_set_visible (slot->button, TRUE);
      hide (slot->label);
      hide (slot->merged);
    }
}

static void
cell_slot_free (gpointer data)
{
  CellSlot *slot = data;

  g_clear_object (&slot->cell);
  g_free (slot);
}

static void
set_current_from_slot (CellSlot *slot)
{
  PlanTableEditor *self = slot->self;
  guint position;
  PlanRow *row;

  /* A cell button losing its list item keeps its focus controller for a moment */
  if (slot->list_item == NULL)
    return;
  position = gtk_list_item_get_position (slot->list_item);
  row = gtk_list_item_get_item (slot->list_item);
  if (position == GTK_INVALID_LIST_POSITION || row == NULL)
    return;
  self->current_row = position;
  self->current_column = (guint) MAX (slot->column, 0);
  self->has_current = TRUE;
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  g_signal_emit (self, signals[FOCUS_OBJECT], 0, row);
}

static void
cell_focus_enter_cb (GtkEventController *controller,
                     CellSlot           *slot)
{
  set_current_from_slot (slot);
}

static void
merged_clicked_cb (GtkButton *button,
                   CellSlot  *slot)
{
  if (slot->cell != NULL)
    plan_document_set (slot->self->document, slot->cell, "merge", PLAN_MERGE_NONE, NULL);
}

/* Opens the pop-over editor on the cell of @slot. */
static void
cell_clicked_cb (GtkButton *button,
                 CellSlot  *slot)
{
  PlanTableEditor *self = slot->self;
  graphene_rect_t bounds;
  GdkRectangle rect;

  if (slot->cell == NULL)
    return;
  set_current_from_slot (slot);
  if (!gtk_widget_compute_bounds (slot->button, GTK_WIDGET (self), &bounds))
    return;
  rect.x = (int) bounds.origin.x;
  rect.y = (int) bounds.origin.y;
  rect.width = (int) bounds.size.width;
  rect.height = (int) bounds.size.height;

  g_set_object (&self->editing, slot->cell);
  plan_editor_bind_text_view (self->cell_view, self->document, slot->cell, "text");
  gtk_widget_set_size_request (GTK_WIDGET (self->cell_view), MAX (rect.width, 280), -1);
  gtk_popover_set_pointing_to (self->cell_popover, &rect);
  gtk_popover_popup (self->cell_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->cell_view));
}

static void
cell_popover_closed_cb (PlanTableEditor *self)
{
  GHashTableIter iter;
  gpointer key;

  /* What the input method was composing belongs to the cell. */
  gtk_text_view_reset_im_context (self->cell_view);
  plan_editor_bind_text_view (self->cell_view, self->document, NULL, NULL);
  plan_document_break_merge (self->document);

  /* Keyboard users continue from the cell they edited. */
  g_hash_table_iter_init (&iter, self->bound);
  while (self->editing != NULL && g_hash_table_iter_next (&iter, &key, NULL))
    {
      CellSlot *slot = key;

      if (slot->cell == self->editing && slot->button != NULL &&
          gtk_widget_get_visible (slot->button))
        {
          gtk_widget_grab_focus (slot->button);
          break;
        }
    }
  g_clear_object (&self->editing);
}

/* ---- Moving between cells while editing (Tab, Shift+Tab), as in a word processor's table -- */

/* The slot showing (@position, @column) with an editable cell, or NULL when it has no widget
 * (scrolled away), is merged into another or is the automatic TT number. */
static CellSlot *
find_editable_slot (PlanTableEditor *self,
                    guint            position,
                    guint            column)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      CellSlot *slot = key;

      if (slot->column == (int) column && slot->cell != NULL && slot->button != NULL &&
          gtk_list_item_get_position (slot->list_item) == position &&
          gtk_widget_get_visible (slot->button) && gtk_widget_get_mapped (slot->button))
        return slot;
    }
  return NULL;
}

/* Whether the user types in (@position, @column): not the automatic TT column, not a cell
 * merged into its neighbour. Works for rows that have no widgets. */
static gboolean
cell_is_editable (PlanTableEditor *self,
                  guint            position,
                  guint            column)
{
  g_autoptr(PlanRow) row = row_at (self, position);
  PlanCell *cell;

  if (row == NULL || column >= n_columns (self))
    return FALSE;
  if (column == 0 && position >= n_header_rows (self) && plan_table_get_numbered (self->table))
    return FALSE;
  cell = plan_row_get_cell (row, column);
  return cell != NULL && plan_cell_get_merge (cell) == PLAN_MERGE_NONE;
}

typedef struct
{
  PlanTableEditor *self;
  guint            position;
  guint            column;
  guint            attempts;
} PendingMove;

static gboolean
open_cell_cb (gpointer data)
{
  PendingMove *move = data;
  CellSlot *slot = find_editable_slot (move->self, move->position, move->column);

  if (slot != NULL)
    {
      cell_clicked_cb (GTK_BUTTON (slot->button), slot);
      return G_SOURCE_REMOVE;
    }
  /* The row is being created or scrolled into view: its widgets come with the next frames. */
  return ++move->attempts < 40 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
pending_move_free (gpointer data)
{
  PendingMove *move = data;

  g_object_unref (move->self);
  g_free (move);
}

/* Scrolls (@position) into view if it has no widgets, then edits the cell. */
static void
edit_cell (PlanTableEditor *self,
           guint            position,
           guint            column)
{
  PendingMove *move = g_new0 (PendingMove, 1);
  CellSlot *slot = find_editable_slot (self, position, column);

  if (slot != NULL)
    {
      cell_clicked_cb (GTK_BUTTON (slot->button), slot);
      g_free (move);
      return;
    }
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->flat));
    double row_height = n > 0 ? gtk_adjustment_get_upper (adjustment) / n : 0;
    double y = row_height * position;

    if (y < gtk_adjustment_get_value (adjustment) ||
        y + row_height > gtk_adjustment_get_value (adjustment) +
                         gtk_adjustment_get_page_size (adjustment))
      gtk_adjustment_set_value (adjustment, y - gtk_adjustment_get_page_size (adjustment) / 2);
  }
  move->self = g_object_ref (self);
  move->position = position;
  move->column = column;
  g_timeout_add_full (G_PRIORITY_LOW, 25, open_cell_cb, move, pending_move_free);
}

/* Tab: the next cell of the row, then the first of the next row; after the last cell of the
 * table a new row, as in Word. Shift+Tab: back. */
static gboolean
move_cell (PlanTableEditor *self,
           int              direction)
{
  guint n_rows = g_list_model_get_n_items (G_LIST_MODEL (self->flat));
  guint columns = n_columns (self);
  int position, column;

  if (!self->has_current || columns == 0)
    return FALSE;
  position = (int) self->current_row;
  column = (int) self->current_column;

  do
    {
      column += direction;
      if (column >= (int) columns)
        {
          column = 0;
          position++;
        }
      else if (column < 0)
        {
          column = (int) columns - 1;
          position--;
        }
    }
  while (position >= 0 && position < (int) n_rows && !cell_is_editable (self, position, column));

  if (position < 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return TRUE;
    }

  gtk_popover_popdown (self->cell_popover);
  if (position >= (int) n_rows)
    {
      add_row (self);
      position = (int) n_rows;
      column = 0;
      while (column < (int) columns && !cell_is_editable (self, position, column))
        column++;
    }
  edit_cell (self, (guint) position, (guint) column);
  return TRUE;
}

static gboolean
next_cell_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  return move_cell (user_data, 1);
}

static gboolean
previous_cell_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  return move_cell (user_data, -1);
}

static void
paste_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PlanTableEditor) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  GtkTextBuffer *buffer;

  if (text == NULL || self->document == NULL)
    return;

  /* Cells copied from a spreadsheet become rows; plain text goes into the cell. */
  if (strchr (text, '\t') != NULL)
    {
      gtk_popover_popdown (self->cell_popover);
      paste_rows (self, text, self->has_current ? self->current_row : G_MAXUINT);
      return;
    }
  buffer = gtk_text_view_get_buffer (self->cell_view);
  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
  gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
  gtk_text_buffer_end_user_action (buffer);
}

static void
cell_view_paste_cb (PlanTableEditor *self)
{
  g_signal_stop_emission_by_name (self->cell_view, "paste-clipboard");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self->cell_view)), NULL,
                                 paste_read_cb, g_object_ref (self));
}

static void
list_item_position_cb (GtkListItem *list_item,
                       GParamSpec  *pspec,
                       CellSlot    *slot)
{
  if (gtk_list_item_get_item (list_item) != NULL)
    refresh_slot (slot);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          PlanTableEditor          *self)
{
  CellSlot *slot = g_new0 (CellSlot, 1);
  GtkEventController *focus;

  slot->self = self;
  slot->list_item = list_item;
  slot->column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  slot->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_object_set_data_full (G_OBJECT (slot->box), "slot", slot, cell_slot_free);

  if (slot->column < 0)
    {
      slot_get_label (slot);
      gtk_widget_add_css_class (slot->label, "dim-label");
      gtk_widget_add_css_class (slot->label, "plan-row-number");
      gtk_widget_add_css_class (slot->label, "caption");
    }
  else
    {
      slot->text = gtk_label_new (NULL);
      gtk_label_set_wrap (GTK_LABEL (slot->text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (slot->text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (slot->text), 0);
      gtk_widget_add_css_class (slot->text, "plan-cell");
      slot->button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (slot->button), slot->text);
      gtk_widget_add_css_class (slot->button, "flat");
      gtk_widget_add_css_class (slot->button, "plan-cell");
      gtk_widget_set_hexpand (slot->button, TRUE);
      gtk_widget_set_tooltip_text (slot->button, _("Click to edit the cell"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (slot->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cell"), -1);
      focus = gtk_event_controller_focus_new ();
      slot->focus = focus;
      g_signal_connect (focus, "enter", G_CALLBACK (cell_focus_enter_cb), slot);
      gtk_widget_add_controller (slot->button, focus);
      g_signal_connect (slot->button, "clicked", G_CALLBACK (cell_clicked_cb), slot);
      gtk_box_append (GTK_BOX (slot->box), slot->button);

    }

  g_signal_connect (list_item, "notify::position", G_CALLBACK (list_item_position_cb), slot);
  gtk_list_item_set_child (list_item, slot->box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         PlanTableEditor          *self)
{
  CellSlot *slot = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "slot");

  refresh_slot (slot);
  g_hash_table_add (self->bound, slot);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           PlanTableEditor          *self)
{
  CellSlot *slot = g_object_get_data (G_OBJECT (gtk_list_item_get_child (list_item)), "slot");

  g_hash_table_remove (self->bound, slot);
  g_clear_object (&slot->cell);
}

static void
teardown_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PlanTableEditor          *self)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  if (child != NULL)
    {
      CellSlot *slot = g_object_get_data (G_OBJECT (child), "slot");

      /* Focus moves while the list item goes away: nothing may reach the slot after this */
      g_signal_handlers_disconnect_by_data (list_item, slot);
      if (slot->focus != NULL)
        g_signal_handlers_disconnect_by_data (slot->focus, slot);
      if (slot->button != NULL)
        g_signal_handlers_disconnect_by_data (slot->button, slot);
      if (slot->merged != NULL)
        g_signal_handlers_disconnect_by_data (slot->merged, slot);
      g_hash_table_remove (self->bound, slot);
      slot->list_item = NULL;
    }
  gtk_list_item_set_child (list_item, NULL);
}

static GtkListItemFactory *
create_factory (PlanTableEditor *self,
                int              column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, 0);
  g_signal_connect_object (factory, "teardown", G_CALLBACK (teardown_cb), self, 0);
  return factory;
}

/* ---- Columns -------------------------------------------------------------------------------- */

static char *
dup_column_title (PlanTableEditor *self,
                  guint            column)
{
  const char *name = n_header_rows (self) > 0 ? plan_table_get_column_name (self->table, column)
                                              : NULL;

  if (name != NULL && name[0] != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (name, "\n", 2);
      return g_strdup (lines[0]);
    }
  /* Translators: the title of an unnamed table column */
  return g_strdup_printf (_("Column %u"), column + 1);
}

static void
update_column_titles (PlanTableEditor *self)
{
  GListModel *columns = plan_table_get_columns (self->table);
  double total = 0;
  guint n = self->view_columns->len;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlanColumn) column = g_list_model_get_item (columns, i);
      total += plan_column_get_width (column);
    }
  for (guint i = 0; i < n; i++)
    {
      GtkColumnViewColumn *view_column = g_ptr_array_index (self->view_columns, i);
      g_autoptr(PlanColumn) column = g_list_model_get_item (columns, i);
      g_autofree char *title = dup_column_title (self, i);
      int width = total > 0 ? (int) (820 * plan_column_get_width (column) / total) : 120;

      if (g_strcmp0 (gtk_column_view_column_get_title (view_column), title) != 0)
        gtk_column_view_column_set_title (view_column, title);
      /* The printed widths, scaled to the screen; narrow columns still fit a few letters. */
      gtk_column_view_column_set_fixed_width (view_column, MAX (width, 64));
    }
}

static gboolean
columns_changed (PlanTableEditor *self)
{
  GListModel *columns = plan_table_get_columns (self->table);
  guint n = g_list_model_get_n_items (columns);

  if (n != self->shown_columns->len)
    return TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlanColumn) column = g_list_model_get_item (columns, i);

      if (column != g_ptr_array_index (self->shown_columns, i))
        return TRUE;
    }
  return FALSE;
}

static void rebuild_columns_list (PlanTableEditor *self);

static void
rebuild_columns (PlanTableEditor *self)
{
  GListModel *columns = plan_table_get_columns (self->table);
  guint n = g_list_model_get_n_items (columns);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double scrolled = gtk_adjustment_get_value (vadjustment);

  /* GTK 4.8 cannot add columns to rows already shown (their cells would be drawn before being
   * allocated): detach the rows while the columns change. */
  gtk_column_view_set_model (self->column_view, NULL);
  for (guint i = 0; i < self->view_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->view_columns, i));
  g_ptr_array_set_size (self->view_columns, 0);
  g_ptr_array_set_size (self->shown_columns, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkListItemFactory) factory = create_factory (self, (int) i);
      g_autoptr(GtkColumnViewColumn) view_column = gtk_column_view_column_new (NULL, g_steal_pointer (&factory));

      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_expand (view_column, i == n - 1);
      gtk_column_view_append_column (self->column_view, view_column);
      g_ptr_array_add (self->view_columns, g_object_ref (view_column));
      g_ptr_array_add (self->shown_columns, g_list_model_get_item (columns, i));
    }
  update_column_titles (self);
  rebuild_columns_list (self);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_adjustment_set_value (vadjustment, scrolled);
}

static void
add_column (PlanTableEditor *self,
            guint            index)
{
  GListModel *lists[2] = { plan_table_get_header_rows (self->table),
                           plan_table_get_rows (self->table) };
  g_autoptr(PlanColumn) column = plan_column_new (1.0, PLAN_ALIGN_LEFT);

  /* Every row keeps exactly one cell per column. */
  plan_document_begin_group (self->document);
  plan_document_insert (self->document, plan_table_get_columns (self->table), index, column);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      guint n = g_list_model_get_n_items (lists[l]);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlanRow) row = g_list_model_get_item (lists[l], i);
          g_autoptr(PlanCell) cell = plan_cell_new ("");

          plan_document_insert (self->document, plan_row_get_cells (row), index, cell);
        }
    }
  plan_document_end_group (self->document);
}

static void
remove_column (PlanTableEditor *self,
               guint            index)
{
  GListModel *lists[2] = { plan_table_get_header_rows (self->table),
                           plan_table_get_rows (self->table) };

  if (n_columns (self) <= 1 || index >= n_columns (self))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  plan_document_begin_group (self->document);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      guint n = g_list_model_get_n_items (lists[l]);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlanRow) row = g_list_model_get_item (lists[l], i);

          plan_document_remove (self->document, plan_row_get_cells (row), index);
        }
    }
  plan_document_remove (self->document, plan_table_get_columns (self->table), index);
  plan_document_end_group (self->document);
}

static void
move_column (PlanTableEditor *self,
             guint            from,
             guint            to)
{
  GListModel *lists[2] = { plan_table_get_header_rows (self->table),
                           plan_table_get_rows (self->table) };

  if (to >= n_columns (self) || from >= n_columns (self))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  plan_document_begin_group (self->document);
  plan_document_move (self->document, plan_table_get_columns (self->table), from, to);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      guint n = g_list_model_get_n_items (lists[l]);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PlanRow) row = g_list_model_get_item (lists[l], i);

          plan_document_move (self->document, plan_row_get_cells (row), from, to);
        }
    }
  plan_document_end_group (self->document);
}

static guint
column_row_index (GtkWidget *child)
{
  GtkWidget *row = gtk_widget_get_ancestor (child, GTK_TYPE_LIST_BOX_ROW);

  return (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
}

static void
column_left_clicked_cb (PlanTableEditor *self,
                        GtkWidget       *button)
{
  guint index = column_row_index (button);

  if (index > 0)
    move_column (self, index, index - 1);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
column_right_clicked_cb (PlanTableEditor *self,
                         GtkWidget       *button)
{
  guint index = column_row_index (button);

  move_column (self, index, index + 1);
}

static void
column_remove_clicked_cb (PlanTableEditor *self,
                          GtkWidget       *button)
{
  remove_column (self, column_row_index (button));
}

static void
column_add_button (PlanTableEditor *self,
                   GtkWidget       *box,
                   const char      *icon_name,
                   const char      *tooltip,
                   GCallback        callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  /* An icon says nothing to a screen reader: the tooltip names the button. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);
}

/* The column settings in the "Columns" pop-over: a few widgets per column, rebuilt only when
 * columns are added, removed or moved. */
static void
rebuild_columns_list (PlanTableEditor *self)
{
  GListModel *columns = plan_table_get_columns (self->table);
  GListModel *header_rows = plan_table_get_header_rows (self->table);
  guint n_header = g_list_model_get_n_items (header_rows);
  g_autoptr(PlanRow) last_header = n_header > 0 ? g_list_model_get_item (header_rows, n_header - 1)
                                                : NULL;
  guint n = g_list_model_get_n_items (columns);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list))) != NULL)
    gtk_list_box_remove (self->columns_list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlanColumn) column = g_list_model_get_item (columns, i);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *name = gtk_entry_new ();
      GtkWidget *width = gtk_spin_button_new_with_range (0.1, 100, 0.5);
      GtkWidget *alignment = gtk_drop_down_new_from_strings ((const char * const[]) {
                                                               _("Left"), _("Center"), _("Right"),
                                                               _("Justify"), NULL });
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *label = gtk_label_new (number);

      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 6);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);

      gtk_editable_set_width_chars (GTK_EDITABLE (name), 18);
      gtk_accessible_update_property (GTK_ACCESSIBLE (name), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Column name"), -1);
      if (last_header != NULL)
        {
          gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Column name"));
          plan_editor_bind_editable (GTK_EDITABLE (name), self->document,
                                     plan_row_get_cell (last_header, i), "text");
        }
      else
        {
          gtk_entry_set_placeholder_text (GTK_ENTRY (name), _("Add a header row to name it"));
          gtk_widget_set_sensitive (name, FALSE);
        }
      gtk_box_append (GTK_BOX (box), name);

      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (width), 1);
      gtk_widget_set_tooltip_text (width, _("Width, relative to the other columns"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (width), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Relative width"), -1);
      plan_editor_bind_spin (GTK_SPIN_BUTTON (width), self->document, column, "width");
      gtk_box_append (GTK_BOX (box), width);

      gtk_widget_set_tooltip_text (alignment, _("Alignment of the cells"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (alignment), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Alignment"), -1);
      plan_editor_bind_drop_down (alignment, self->document, column, "alignment");
      gtk_box_append (GTK_BOX (box), alignment);

      column_add_button (self, box, "go-previous-symbolic", _("Move Left"),
                         G_CALLBACK (column_left_clicked_cb));
      column_add_button (self, box, "go-next-symbolic", _("Move Right"),
                         G_CALLBACK (column_right_clicked_cb));
      column_add_button (self, box, "user-trash-symbolic", _("Remove Column"),
                         G_CALLBACK (column_remove_clicked_cb));
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
      gtk_list_box_append (self->columns_list, row);
    }
}

/* ---- Following the model -------------------------------------------------------------------- */

static void
document_changed_cb (PlanTableEditor *self)
{
  GHashTableIter iter;
  gpointer slot;
  guint n_header = n_header_rows (self);

  if (columns_changed (self))
    rebuild_columns (self);
  else
    update_column_titles (self);

  /* The pop-over names columns through the last header row: follow it when that changes. */
  if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self->columns_list), "n-header")) != n_header)
    {
      g_object_set_data (G_OBJECT (self->columns_list), "n-header", GUINT_TO_POINTER (n_header));
      rebuild_columns_list (self);
    }

  self->numbers_valid = FALSE;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &slot, NULL))
    refresh_slot (slot);
}

/* ---- Row actions ---------------------------------------------------------------------------- */

static PlanRow *
new_row (PlanTableEditor *self)
{
  return plan_row_new (n_columns (self));
}

static void
select_position (PlanTableEditor *self,
                 guint            position)
{
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  self->current_row = position;
  self->has_current = TRUE;
}

static gboolean
scroll_to_end_cb (gpointer data)
{
  PlanTableEditor *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  return G_SOURCE_REMOVE;
}

static void
add_row (PlanTableEditor *self)
{
  GListModel *rows = plan_table_get_rows (self->table);
  g_autoptr(PlanRow) row = new_row (self);

  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_insert (self->document, rows, g_list_model_get_n_items (rows), row);
  select_position (self, g_list_model_get_n_items (G_LIST_MODEL (self->flat)) - 1);
  g_timeout_add_full (G_PRIORITY_LOW, 50, scroll_to_end_cb, g_object_ref (self), g_object_unref);
}

static void
insert_row (PlanTableEditor *self)
{
  g_autoptr(GArray) positions = selected_positions (self);
  g_autoptr(PlanRow) row = new_row (self);
  GListModel *list;
  guint index;

  if (positions->len == 0)
    {
      add_row (self);
      return;
    }
  plan_editor_commit_preedit (GTK_WIDGET (self));
  list = row_list (self, g_array_index (positions, guint, 0), &index);
  plan_document_insert (self->document, list, index, row);
  select_position (self, g_array_index (positions, guint, 0));
}

static void
duplicate_rows (PlanTableEditor *self)
{
  g_autoptr(GArray) positions = selected_positions (self);

  if (positions->len == 0)
    return;
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_begin_group (self->document);
  for (guint k = positions->len; k > 0; k--)
    {
      guint position = g_array_index (positions, guint, k - 1);
      g_autoptr(PlanRow) row = row_at (self, position);
      g_autoptr(PlanRow) copy = new_row (self);
      GListModel *list;
      guint index;

      /* The copy is not in the document yet: it is built directly, then inserted with undo. */
      for (guint c = 0; c < n_columns (self); c++)
        {
          PlanCell *from = plan_row_get_cell (row, c);
          PlanCell *to = plan_row_get_cell (copy, c);

          if (from != NULL && to != NULL)
            g_object_set (to, "text", plan_cell_get_text (from),
                          "merge", plan_cell_get_merge (from), NULL);
        }
      list = row_list (self, position, &index);
      plan_document_insert (self->document, list, index + 1, copy);
    }
  plan_document_end_group (self->document);
}

static void
delete_rows (PlanTableEditor *self)
{
  g_autoptr(GArray) positions = selected_positions (self);

  if (positions->len == 0)
    return;
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_begin_group (self->document);
  for (guint k = positions->len; k > 0; k--)
    {
      GListModel *list;
      guint index;

      list = row_list (self, g_array_index (positions, guint, k - 1), &index);
      plan_document_remove (self->document, list, index);
    }
  plan_document_end_group (self->document);
  self->has_current = FALSE;
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
move_rows (PlanTableEditor *self,
           int              delta)
{
  g_autoptr(GArray) positions = selected_positions (self);
  g_autoptr(GtkBitset) moved = gtk_bitset_new_empty ();
  GListModel *list;
  guint first_index, n;

  if (positions->len == 0)
    return;
  list = row_list (self, g_array_index (positions, guint, 0), &first_index);
  n = g_list_model_get_n_items (list);

  /* Only the rows of the first one's section (header or body) move, as one block. */
  for (guint k = 0; k < positions->len; k++)
    {
      guint index;

      if (row_list (self, g_array_index (positions, guint, k), &index) != list)
        g_array_set_size (positions, k);
    }
  {
    guint last_index;

    row_list (self, g_array_index (positions, guint, positions->len - 1), &last_index);
    if ((delta < 0 && first_index == 0) || (delta > 0 && last_index + 1 >= n))
      {
        gtk_widget_error_bell (GTK_WIDGET (self));
        return;
      }
  }

  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_begin_group (self->document);
  for (guint k = 0; k < positions->len; k++)
    {
      guint j = delta < 0 ? k : positions->len - 1 - k;
      guint position = g_array_index (positions, guint, j);
      guint index;

      row_list (self, position, &index);
      plan_document_move (self->document, list, index, (guint) ((int) index + delta));
      gtk_bitset_add (moved, (guint) ((int) position + delta));
    }
  plan_document_end_group (self->document);

  {
    g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, g_list_model_get_n_items (G_LIST_MODEL (self->flat)));

    gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), moved, mask);
  }
  if (self->has_current)
    self->current_row = (guint) ((int) self->current_row + delta);
}

static void
copy_rows (PlanTableEditor *self)
{
  g_autoptr(GArray) positions = selected_positions (self);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *text = NULL;
  guint n = n_columns (self);

  for (guint k = 0; k < positions->len; k++)
    {
      g_autoptr(PlanRow) row = row_at (self, g_array_index (positions, guint, k));
      char **cells = g_new0 (char *, n + 1);

      for (guint c = 0; c < n; c++)
        {
          PlanCell *cell = plan_row_get_cell (row, c);

          /* A covered cell has no text of its own. */
          cells[c] = g_strdup (cell != NULL && plan_cell_get_merge (cell) == PLAN_MERGE_NONE
                                 ? plan_cell_get_text (cell) : "");
        }
      g_ptr_array_add (rows, cells);
    }
  text = plan_table_clipboard_format (rows);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

/* Pasted rows fill the empty rows from @position on, then new rows are inserted; when the
 * pasted rows have one cell less than a numbered table, they start after the TT column. */
static void
paste_rows (PlanTableEditor *self,
            const char      *text,
            guint            position)
{
  g_autoptr(GPtrArray) parsed = plan_table_clipboard_parse (text);
  GListModel *rows = plan_table_get_rows (self->table);
  guint width = 0, offset = 0, start, n_header = n_header_rows (self);

  if (parsed == NULL)
    return;
  for (guint k = 0; k < parsed->len; k++)
    width = MAX (width, g_strv_length (g_ptr_array_index (parsed, k)));
  if (plan_table_get_numbered (self->table) && n_columns (self) > 1 && width == n_columns (self) - 1)
    offset = 1;

  if (position == G_MAXUINT || position < n_header ||
      position - n_header >= g_list_model_get_n_items (rows))
    start = g_list_model_get_n_items (rows);
  else
    {
      g_autoptr(PlanRow) row = g_list_model_get_item (rows, position - n_header);

      start = position - n_header + (row_is_empty (row) ? 0 : 1);
    }

  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_begin_group (self->document);
  while (width + offset > n_columns (self))
    add_column (self, n_columns (self));

  for (guint k = 0; k < parsed->len; k++)
    {
      char **cells = g_ptr_array_index (parsed, k);
      guint target = start + k;
      g_autoptr(PlanRow) existing = target < g_list_model_get_n_items (rows)
                                      ? g_list_model_get_item (rows, target) : NULL;

      if (existing != NULL && row_is_empty (existing))
        {
          for (guint c = 0; cells[c] != NULL; c++)
            {
              PlanCell *cell = plan_row_get_cell (existing, c + offset);

              if (cell != NULL && g_strcmp0 (plan_cell_get_text (cell), cells[c]) != 0)
                plan_document_set (self->document, cell, "text", cells[c], NULL);
            }
        }
      else
        {
          g_autoptr(PlanRow) row = new_row (self);

          for (guint c = 0; cells[c] != NULL; c++)
            {
              PlanCell *cell = plan_row_get_cell (row, c + offset);

              if (cell != NULL)
                g_object_set (cell, "text", cells[c], NULL);
            }
          plan_document_insert (self->document, rows, target, row);
        }
    }
  plan_document_end_group (self->document);
  plan_document_break_merge (self->document);
}

static void
paste_action_read_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(PlanTableEditor) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_autoptr(GArray) positions = NULL;

  if (text == NULL || self->document == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  positions = selected_positions (self);
  paste_rows (self, text, positions->len > 0 ? g_array_index (positions, guint, 0) : G_MAXUINT);
}

static void
set_current_merge (PlanTableEditor *self,
                   PlanMerge        merge)
{
  g_autoptr(PlanRow) row = NULL;
  PlanCell *cell;
  guint index;

  if (!self->has_current)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  row_list (self, self->current_row, &index);
  /* Nothing to continue above the first row of a section or left of the first column. */
  if ((merge == PLAN_MERGE_UP && index == 0) ||
      (merge == PLAN_MERGE_LEFT && self->current_column == 0))
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  row = row_at (self, self->current_row);
  cell = row != NULL ? plan_row_get_cell (row, self->current_column) : NULL;
  if (cell == NULL || plan_cell_get_merge (cell) == merge)
    return;
  plan_editor_commit_preedit (GTK_WIDGET (self));
  plan_document_set (self->document, cell, "merge", merge, NULL);
}

static void
plan_table_editor_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  PlanTableEditor *self = PLAN_TABLE_EDITOR (widget);

  if (g_str_equal (action_name, "table.add-row"))
    add_row (self);
  else if (g_str_equal (action_name, "table.insert-row"))
    insert_row (self);
  else if (g_str_equal (action_name, "table.duplicate-rows"))
    duplicate_rows (self);
  else if (g_str_equal (action_name, "table.delete-rows"))
    delete_rows (self);
  else if (g_str_equal (action_name, "table.move-rows-up"))
    move_rows (self, -1);
  else if (g_str_equal (action_name, "table.move-rows-down"))
    move_rows (self, 1);
  else if (g_str_equal (action_name, "table.add-header-row"))
    {
      GListModel *header_rows = plan_table_get_header_rows (self->table);
      g_autoptr(PlanRow) row = new_row (self);

      plan_document_insert (self->document, header_rows, g_list_model_get_n_items (header_rows),
                            row);
    }
  else if (g_str_equal (action_name, "table.copy-rows"))
    copy_rows (self);
  else if (g_str_equal (action_name, "table.paste-rows"))
    gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                   paste_action_read_cb, g_object_ref (self));
  else if (g_str_equal (action_name, "table.merge-up"))
    set_current_merge (self, PLAN_MERGE_UP);
  else if (g_str_equal (action_name, "table.merge-left"))
    set_current_merge (self, PLAN_MERGE_LEFT);
  else if (g_str_equal (action_name, "table.unmerge"))
    set_current_merge (self, PLAN_MERGE_NONE);
  else if (g_str_equal (action_name, "table.add-column"))
    add_column (self, n_columns (self));
}

/* ---- GObject -------------------------------------------------------------------------------- */

static void
plan_table_editor_constructed (GObject *object)
{
  PlanTableEditor *self = PLAN_TABLE_EDITOR (object);
  g_autoptr(GtkListItemFactory) gutter_factory = NULL;
  g_autoptr(GtkColumnViewColumn) gutter = NULL;

  G_OBJECT_CLASS (plan_table_editor_parent_class)->constructed (object);

  self->sections = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (self->sections, plan_table_get_header_rows (self->table));
  g_list_store_append (self->sections, plan_table_get_rows (self->table));
  self->flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_object_ref (self->sections)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->flat)));

  gutter_factory = create_factory (self, -1);
  gutter = gtk_column_view_column_new (NULL, g_steal_pointer (&gutter_factory));
  gtk_column_view_column_set_fixed_width (gutter, 56);
  gtk_column_view_append_column (self->column_view, gutter);

  plan_editor_bind_editable (GTK_EDITABLE (self->title_entry), self->document, self->table, "title");
  plan_editor_bind_editable (GTK_EDITABLE (self->note_entry), self->document, self->table, "note");
  plan_editor_bind_switch (self->numbered_switch, self->document, self->table, "numbered");
  plan_editor_bind_editable (GTK_EDITABLE (self->footnote_entry), self->document, self->table,
                             "footnote");
  plan_editor_bind_drop_down (GTK_WIDGET (self->valign_drop_down), self->document, self->table,
                              "vertical-alignment");
  plan_editor_bind_switch (self->repeat_header_switch, self->document, self->table,
                           "repeat-header");
  font_size_model_changed (self);
  g_signal_connect_object (self->table, "notify::font-size",
                           G_CALLBACK (font_size_model_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->font_size_drop_down, "notify::selected",
                           G_CALLBACK (font_size_selected_cb), self, G_CONNECT_SWAPPED);
  rebuild_header_styles (self);
  g_signal_connect_object (plan_table_get_header_rows (self->table), "items-changed",
                           G_CALLBACK (rebuild_header_styles), self, G_CONNECT_SWAPPED);

  g_object_set_data (G_OBJECT (self->columns_list), "n-header",
                     GUINT_TO_POINTER (n_header_rows (self)));
  rebuild_columns (self);
  g_signal_connect_object (self->document, "changed", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
plan_table_editor_dispose (GObject *object)
{
  PlanTableEditor *self = PLAN_TABLE_EDITOR (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  g_clear_pointer (&self->view_columns, g_ptr_array_unref);
  if (self->cell_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->cell_popover));
      self->cell_popover = NULL;
    }
  g_clear_object (&self->editing);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLAN_TYPE_TABLE_EDITOR);
  g_clear_object (&self->selection);
  g_clear_object (&self->flat);
  g_clear_object (&self->sections);
  G_OBJECT_CLASS (plan_table_editor_parent_class)->dispose (object);
}

static void
plan_table_editor_finalize (GObject *object)
{
  PlanTableEditor *self = PLAN_TABLE_EDITOR (object);

  g_clear_pointer (&self->shown_columns, g_ptr_array_unref);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->numbers, g_array_unref);
  g_clear_object (&self->table);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (plan_table_editor_parent_class)->finalize (object);
}

static void
plan_table_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlanTableEditor *self = PLAN_TABLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;
    case PROP_TABLE:
      self->table = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_table_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlanTableEditor *self = PLAN_TABLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
plan_table_editor_class_init (PlanTableEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const actions[] = {
    "table.add-row", "table.insert-row", "table.duplicate-rows", "table.delete-rows",
    "table.move-rows-up", "table.move-rows-down", "table.add-header-row", "table.copy-rows",
    "table.paste-rows", "table.merge-up", "table.merge-left", "table.unmerge",
    "table.add-column",
  };

  object_class->constructed = plan_table_editor_constructed;
  object_class->dispose = plan_table_editor_dispose;
  object_class->finalize = plan_table_editor_finalize;
  object_class->set_property = plan_table_editor_set_property;
  object_class->get_property = plan_table_editor_get_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, PLAN_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL, PLAN_TYPE_TABLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[FOCUS_OBJECT] = g_signal_new ("focus-object", G_TYPE_FROM_CLASS (klass),
                                        G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                        G_TYPE_NONE, 1, G_TYPE_OBJECT);

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, plan_table_editor_action);
  /* Text fields inside the editor handle their own Ctrl+C / Ctrl+V first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "table.copy-rows", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "table.paste-rows", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "table.copy-rows", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "table.paste-rows", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "ui/plan-table-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, box);
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, title_entry);
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, note_entry);
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, numbered_switch);
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, footnote_entry);
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, format_grid);
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, font_size_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, valign_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, repeat_header_switch);
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, columns_popover);
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, columns_list);
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PlanTableEditor, column_view);
}

static void
plan_table_editor_init (PlanTableEditor *self)
{
  plan_editor_ensure_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *hint = gtk_label_new (_("Enter starts a new line in the cell · Tab goes to the next cell · Esc when done"));

    self->cell_view = GTK_TEXT_VIEW (plan_rich_text_view_new (NULL));
    plan_rich_text_view_set_rich (PLAN_RICH_TEXT_VIEW (self->cell_view), FALSE);
    gtk_widget_set_size_request (GTK_WIDGET (self->cell_view), 280, 60);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->cell_view),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cell text"),
                                    GTK_ACCESSIBLE_PROPERTY_MULTI_LINE, TRUE, -1);
    g_signal_connect_swapped (self->cell_view, "paste-clipboard",
                              G_CALLBACK (cell_view_paste_cb), self);
    {
      /* Capture phase: before the text view, which would otherwise take Tab as focus move. */
      GtkEventController *keys = gtk_shortcut_controller_new ();
      GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (keys);

      gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
      gtk_shortcut_controller_add_shortcut (shortcuts,
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Tab, 0),
                          gtk_callback_action_new (next_cell_cb, self, NULL)));
      gtk_shortcut_controller_add_shortcut (shortcuts,
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_KP_Tab, 0),
                          gtk_callback_action_new (next_cell_cb, self, NULL)));
      gtk_shortcut_controller_add_shortcut (shortcuts,
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Tab, GDK_SHIFT_MASK),
                          gtk_callback_action_new (previous_cell_cb, self, NULL)));
      gtk_shortcut_controller_add_shortcut (shortcuts,
        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK),
                          gtk_callback_action_new (previous_cell_cb, self, NULL)));
      gtk_widget_add_controller (GTK_WIDGET (self->cell_view), keys);
    }
    gtk_widget_add_css_class (hint, "caption");
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->cell_view));
    gtk_box_append (GTK_BOX (box), hint);

    self->cell_popover = GTK_POPOVER (gtk_popover_new ());
    gtk_popover_set_child (self->cell_popover, box);
    gtk_popover_set_position (self->cell_popover, GTK_POS_BOTTOM);
    gtk_widget_set_parent (GTK_WIDGET (self->cell_popover), GTK_WIDGET (self));
    g_signal_connect_swapped (self->cell_popover, "closed",
                              G_CALLBACK (cell_popover_closed_cb), self);
  }

  self->view_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->bound = g_hash_table_new (NULL, NULL);
  self->numbers = g_array_new (FALSE, TRUE, sizeof (guint));
}

GtkWidget *
plan_table_editor_new (PlanDocument *document,
                       PlanTable    *table)
{
  g_return_val_if_fail (PLAN_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PLAN_IS_TABLE (table), NULL);

  return g_object_new (PLAN_TYPE_TABLE_EDITOR, "document", document, "table", table, NULL);
}

GtkSelectionModel *
plan_table_editor_get_selection (PlanTableEditor *self)
{
  g_return_val_if_fail (PLAN_IS_TABLE_EDITOR (self), NULL);

  return GTK_SELECTION_MODEL (self->selection);
}

gboolean
plan_table_editor_get_current_cell (PlanTableEditor *self,
                                    guint           *row,
                                    guint           *column)
{
  g_return_val_if_fail (PLAN_IS_TABLE_EDITOR (self), FALSE);

  if (row != NULL)
    *row = self->current_row;
  if (column != NULL)
    *column = self->current_column;
  return self->has_current;
}

void
plan_table_editor_set_current_cell (PlanTableEditor *self,
                                    guint            row,
                                    guint            column)
{
  g_return_if_fail (PLAN_IS_TABLE_EDITOR (self));

  self->current_row = row;
  self->current_column = column;
  self->has_current = TRUE;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), row, TRUE);
}
