/* test-vietnamese-ui.c: with a Vietnamese locale the interface speaks Vietnamese
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "plan-application.h"
#include "plan-cli.h"
#include "plan-window-private.h"

/* The answer of setlocale() before GTK starts: NULL when vi_VN.UTF-8 is not generated. */
static char *vietnamese_locale;

static void
test_locale (void)
{
  if (vietnamese_locale == NULL)
    g_error ("The vi_VN.UTF-8 locale is missing: generate it with "
             "“localedef -i vi_VN -f UTF-8 vi_VN.UTF-8” (build-aux/setup.sh does)");
  g_assert_true (g_str_has_prefix (vietnamese_locale, "vi_VN"));
  g_assert_cmpstr (g_get_language_names ()[0], ==, "vi");
}

static void
test_catalog (void)
{
  /* From the compiled po/vi.po in the build dir, through the same domain as the app. */
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Parent agency"), ==, "Cơ quan chủ quản");
  g_assert_cmpstr (_("Open a Plan (Ctrl+O)"), ==, "Mở kế hoạch (Ctrl+O)");
  g_assert_cmpstr (g_dpgettext2 (GETTEXT_PACKAGE, "no-such-context", "No such message"), ==,
                   "No such message");
}

static void
test_cli_help (void)
{
  if (g_test_subprocess ())
    {
      char *args[] = { (char *) "kehoach", (char *) "--help", NULL };
      char **argv = args;
      int argc = 2;
      int status = -1;

      g_assert_true (plan_cli_run (&argc, &argv, &status));
      g_assert_cmpint (status, ==, 0);
      return;
    }

  /* --help runs before any window: its text comes from the same catalog. */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*Hiện trợ giúp này rồi thoát*");
  g_test_trap_assert_stdout ("*Kiểm tra tệp kế hoạch mà không mở ứng dụng*");
}

typedef struct
{
  PlanWindow *window;
  gboolean    checked;
} WindowCheck;

static char *
menu_label (GMenuModel *menu,
            const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autofree char *item_action = NULL;
      char *label = NULL;

      if (section != NULL)
        {
          if ((label = menu_label (section, action)))
            return label;
          continue;
        }
      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action) &&
          g_str_equal (item_action, action) &&
          g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        return label;
    }
  return NULL;
}

/* Appends the text of every label under @widget to @texts, one per line. */
static void
collect_label_texts (GtkWidget *widget,
                     GString   *texts)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, texts);
}

/* The keyboard shortcuts window: its own title comes from GTK, whose Vietnamese catalogue
 * lacks it in GTK 4.8; the app supplies it. */
static void
check_shortcuts_window (PlanWindow *window)
{
  g_autoptr(GString) texts = g_string_new (NULL);
  GtkWidget *shortcuts = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && shortcuts == NULL; i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_SHORTCUTS_WINDOW (toplevel))
        shortcuts = GTK_WIDGET (toplevel);
    }
  g_assert_nonnull (shortcuts);

  collect_label_texts (shortcuts, texts);
  g_test_message ("%s", texts->str);
  g_assert_nonnull (strstr (texts->str, "Phím tắt\n"));
  g_assert_nonnull (strstr (texts->str, "Kết quả tìm kiếm\n"));
  g_assert_null (strstr (texts->str, "Shortcuts"));
  g_assert_null (strstr (texts->str, "Search Results"));
  gtk_window_destroy (GTK_WINDOW (shortcuts));
}

static void
check_window (PlanWindow *window)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (window->primary_menu_button);
  g_autofree char *save = NULL;
  g_autofree char *preferences = NULL;

  /* Header bar: the widgets a user sees first. */
  g_assert_cmpstr (adw_split_button_get_label (window->open_button), ==, "_Mở");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->open_button)), ==,
                   "Mở kế hoạch (Ctrl+O)");
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (window->primary_menu_button)), ==,
                   "Trình đơn chính");

  /* Main menu, built from the same template. */
  g_assert_nonnull (menu);
  save = menu_label (menu, "win.save");
  preferences = menu_label (menu, "app.preferences");
  g_assert_cmpstr (save, ==, "_Lưu");
  g_assert_cmpstr (preferences, ==, "Tùy _chọn");

  check_shortcuts_window (window);
}

/* Once the window is built and on screen, not while it is being constructed. */
static gboolean
check_window_cb (gpointer data)
{
  WindowCheck *check = data;

  check_window (check->window);
  check->checked = TRUE;
  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 WindowCheck    *check)
{
  if (!PLAN_IS_WINDOW (window) || check->window != NULL)
    return;

  check->window = PLAN_WINDOW (window);
  g_idle_add (check_window_cb, check);
}

static void
test_window (void)
{
  g_autoptr(PlanApplication) app = plan_application_new ();
  WindowCheck check = { 0 };
  int status;

  /* A second instance must not hand its activation to an app already on the bus. */
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &check);
  status = g_application_run (G_APPLICATION (app), 0, NULL);

  g_assert_cmpint (status, ==, 0);
  g_assert_true (check.checked);
}

int
main (int   argc,
      char *argv[])
{
  /* meson's test environment says LC_ALL=C.UTF-8: this test is about the other case. */
  g_setenv ("LC_ALL", "vi_VN.UTF-8", TRUE);
  g_setenv ("LANG", "vi_VN.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "vi", TRUE);
  vietnamese_locale = g_strdup (setlocale (LC_ALL, ""));

  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Not gtk_test_init(): it switches the locale to en_US.UTF-8. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();

  g_test_add_func ("/vietnamese-ui/locale", test_locale);
  g_test_add_func ("/vietnamese-ui/catalog", test_catalog);
  g_test_add_func ("/vietnamese-ui/cli-help", test_cli_help);
  g_test_add_func ("/vietnamese-ui/window", test_window);

  return g_test_run ();
}
