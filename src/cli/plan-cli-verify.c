/* plan-cli-verify.c: kehoach --verify FILE: the approval state in one plain line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "kehoach-cli"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "plan-approval.h"
#include "plan-cli-verify.h"
#include "plan-json.h"

typedef struct {
  gboolean verify;
} VerifyState;

static void
verify_add_entries (GOptionGroup *group,
                    gpointer      state)
{
  VerifyState *self = state;
  const GOptionEntry entries[] = {
    { "verify", 0, 0, G_OPTION_ARG_NONE, &self->verify,
      /* Translators: keep the numbers; they are what scripts test */
      N_("Print the approval state of FILE in one line (and the parts changed since approval). "
         "Exit status: 0 approved (valid signature of a trusted approver), 1 not approved, "
         "3 changed after approval, 4 approver’s key not trusted, 5 signature missing or broken, "
         "6 the file cannot be opened"), NULL },
    { NULL }
  };

  g_option_group_add_entries (group, entries);
}

static gboolean
verify_wanted (gpointer state)
{
  return ((VerifyState *) state)->verify;
}

static int
status_for (PlanApprovalState state)
{
  switch (state)
    {
    case PLAN_APPROVAL_VALID:
      return PLAN_CLI_VERIFY_VALID;
    case PLAN_APPROVAL_CHANGED:
      return PLAN_CLI_VERIFY_CHANGED;
    case PLAN_APPROVAL_UNTRUSTED_KEY:
      return PLAN_CLI_VERIFY_UNTRUSTED_KEY;
    case PLAN_APPROVAL_BAD_SIGNATURE:
      return PLAN_CLI_VERIFY_BAD_SIGNATURE;
    case PLAN_APPROVAL_NONE:
    default:
      return PLAN_CLI_VERIFY_NOT_APPROVED;
    }
}

static int
verify_run (gpointer   state,
            char     **files)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(PlanDocument) document = NULL;
  g_autoptr(PlanTrustStore) trust = NULL;
  g_autoptr(PlanApprovalResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char * const *changed;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      /* Translators: an error on the command line */
      g_printerr ("%s\n", _("kehoach: --verify takes exactly one plan FILE"));
      return PLAN_CLI_STATUS_USAGE;
    }

  name = plan_cli_display_name (files[0]);
  file = g_file_new_for_commandline_arg (files[0]);
  document = plan_json_load_file (file, NULL, NULL, &error);
  if (document == NULL)
    {
      /* Translators: the first %s is a file name, the second the reason */
      g_printerr (_("kehoach: cannot open “%s”: %s\n"), name, error->message);
      return PLAN_CLI_VERIFY_UNREADABLE;
    }

  trust = plan_trust_store_new_default ();
  result = plan_approval_verify (document, trust);

  /* One line a person can read and a script can show as is. */
  g_print ("%s: %s\n", name, plan_approval_result_describe (result));
  changed = plan_approval_result_get_changed_parts (result);
  if (changed[0] != NULL)
    {
      /* Translators: heading of the list of parts changed after approval */
      g_print ("%s\n", _("Changed since approval:"));
      for (guint i = 0; changed[i] != NULL; i++)
        g_print ("  - %s\n", changed[i]);
    }

  return status_for (plan_approval_result_get_state (result));
}

static void
verify_clear (gpointer state)
{
}

const PlanCliCommand plan_cli_verify_command = {
  .state_size = sizeof (VerifyState),
  .synopsis = N_("kehoach --verify FILE"),
  .description = N_("Check the plan’s approval: exit status 0 only for a valid, trusted approval"),
  .add_entries = verify_add_entries,
  .wanted = verify_wanted,
  .run = verify_run,
  .clear = verify_clear,
};
