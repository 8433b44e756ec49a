/* plan-window-private.h: shared by plan-window.c and plan-window-actions.c, and by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-approval.h"
#include "plan-autosaver.h"
#include "plan-docx-report.h"
#include "plan-layout.h"
#include "plan-preview.h"
#include "plan-window.h"

G_BEGIN_DECLS

struct _PlanWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkButton            *back_button;
  GtkToggleButton      *sidebar_button;
  AdwSplitButton       *open_button;
  AdwSplitButton       *new_button;
  GtkMenuButton        *primary_menu_button;
  GtkToggleButton      *preview_button;
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar_page;
  GtkWidget            *sidebar_separator;
  GtkListBox           *sidebar;
  AdwFlap              *flap;
  GtkStack             *editor_stack;
  PlanPreview          *preview;
  GtkWidget            *status_bar;
  AdwFlap              *comments_flap;
  GtkToggleButton      *comments_button;
  GtkLabel             *comments_count;

  /* Owned */
  PlanDocument         *document;
  PlanLayout           *layout;
  GFile                *file;
  char                 *etag;
  /* A plan imported from a Word file and not saved yet: the Word file's name (without
   * ".docx"), the window's title until it is saved; the Word file (Save proposes its folder);
   * the panel that says what was recognised */
  char                 *import_name;
  GFile                *import_source;
  GtkWidget            *import_panel;
  GSettings            *settings;
  GMenu                *recent_menu;
  GtkRecentManager     *recent_manager;
  PlanAutosaver        *autosaver;
  guint                 folding_source;

  /* Review and approval (plan-window-review.c) */
  GtkWidget            *comments_panel;
  PlanApprovalResult   *approval;
  guint                 withdrawal_source;
  char                 *issuing_note;      /* the number and date as last seen */
  GFile                *signer_pdf;        /* the PDF signed in this window, for the agency */

  guint                 close_confirmed : 1;
  guint                 close_after_save : 1;
  guint                 rebuilding_sidebar : 1;
  guint                 review_mode : 1;
  guint                 asking_withdrawal : 1;
  guint                 issuing_changed : 1;   /* number or date filled in while approved */
};

/* Sidebar rows and editor pages */
#define PLAN_PART_GENERAL      "general"
#define PLAN_PART_DECISION     "decision"
#define PLAN_PART_PREAMBLE     "preamble"
#define PLAN_PART_BODY         "body"
#define PLAN_PART_SECTION      "section"
#define PLAN_PART_CLOSING      "closing"
#define PLAN_PART_APPENDIX     "appendix"
#define PLAN_PART_ADD_APPENDIX "add-appendix"
#define PLAN_PART_REVIEW       "review"

void        _plan_window_class_actions_init (GtkWidgetClass *widget_class);
void        _plan_window_actions_init       (PlanWindow     *self);
void        _plan_window_actions_update     (PlanWindow     *self);
void        _plan_window_update_recent_menu (PlanWindow     *self);

/* Saves to @file (the current one when NULL; asks for one when there is none). When the file
 * changed on disk since it was read, asks what to do. Errors are shown; the plan stays
 * modified. */
void        _plan_window_save               (PlanWindow     *self);
void        _plan_window_save_as            (PlanWindow     *self);
/* Synchronous save without questions, for the actions and the tests; TRUE on success. */
gboolean    _plan_window_save_to_file       (PlanWindow     *self,
                                             GFile          *file,
                                             gboolean        check_etag,
                                             GError        **error);
void        _plan_window_show_error         (PlanWindow     *self,
                                             GFile          *file,
                                             const char     *heading,
                                             const GError   *error);
/* Closes the window without asking about unsaved changes (they were saved or discarded). */
void        _plan_window_close_confirmed    (PlanWindow     *self);
void        _plan_window_add_toast          (PlanWindow     *self,
                                             const char     *title);
/* Sets the plan shown, its file and the file's etag (NULL for a new plan). */
void        _plan_window_set_document       (PlanWindow     *self,
                                             PlanDocument   *document,
                                             GFile          *file,
                                             const char     *etag);
/* Shows a plan just imported from the Word file @source: titled after it, not saved, with the
 * panel that lists what @report says (plan-import-panel.c). */
void        _plan_window_show_import        (PlanWindow     *self,
                                             GFile          *source,
                                             PlanDocxReport *report);
/* Shows the editor of the part that holds @target (an item, paragraph or appendix of the
 * plan) and brings @target into view; the General part for NULL. */
void        _plan_window_reveal_object      (PlanWindow     *self,
                                             GObject        *target);
/* Selects the sidebar row of the part @part (for sections and appendices, the one of @object). */
gboolean    _plan_window_select_part        (PlanWindow     *self,
                                             const char     *part,
                                             gpointer        object);
/* The part of the selected row, or NULL. */
const char *_plan_window_get_selected_part  (PlanWindow     *self,
                                             gpointer       *object);
GtkWidget  *_plan_window_get_editor         (PlanWindow     *self,
                                             const char     *part,
                                             gpointer        object);

/* Review and approval (plan-window-review.c) */
void        _plan_window_review_class_init  (GtkWidgetClass *widget_class);
void        _plan_window_review_init        (PlanWindow     *self);
void        _plan_window_review_dispose     (PlanWindow     *self);
/* A new plan is shown: verifies its approval, sets review mode, makes its comments panel. */
void        _plan_window_review_set_document (PlanWindow    *self);
/* After every change: verifies again; asks before an edit withdraws an approval. */
void        _plan_window_review_changed     (PlanWindow     *self);
/* Before saving: records the issuing in the history when the number or date was filled in
 * while the plan is validly approved (Decree 30, Điều 15.2) */
void        _plan_window_review_record_issuing (PlanWindow  *self);
/* A part was selected: its comments show, its editor is read-only in review mode. */
void        _plan_window_review_show_part   (PlanWindow     *self,
                                             const char     *part,
                                             gpointer        object);
/* Comment counts on the sidebar rows; the Review row's status. */
void        _plan_window_review_update_sidebar (PlanWindow  *self);
char       *_plan_window_review_dup_status_name (PlanWindow *self);
/* Applies the output rule (plan_approval_needs_watermark) to the plan's watermark before
 * printing or exporting; TRUE when the output is a draft. */
gboolean    _plan_window_review_prepare_output (PlanWindow  *self);
/* Exports the plan as PDF to @file under the output rule and says so in a toast. */
gboolean    _plan_window_export_pdf         (PlanWindow     *self,
                                             GFile          *file,
                                             GError        **error);
/* Writes the plan as a Word document, with "DỰ THẢO" when its approval does not verify */
gboolean    _plan_window_export_docx        (PlanWindow     *self,
                                             GFile          *file,
                                             GError        **error);

G_END_DECLS
