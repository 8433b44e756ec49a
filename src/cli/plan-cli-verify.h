/* plan-cli-verify.h: kehoach --verify FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-cli-private.h"

G_BEGIN_DECLS

/* Exit statuses of --verify (also listed in --help). */
typedef enum {
  PLAN_CLI_VERIFY_VALID         = 0,  /* approved: valid signature, trusted key, unchanged */
  PLAN_CLI_VERIFY_NOT_APPROVED  = 1,  /* draft, submitted or returned */
  /* 2 is PLAN_CLI_STATUS_USAGE */
  PLAN_CLI_VERIFY_CHANGED       = 3,  /* approval void: changed after approval */
  PLAN_CLI_VERIFY_UNTRUSTED_KEY = 4,  /* signed by a key that is not trusted */
  PLAN_CLI_VERIFY_BAD_SIGNATURE = 5,  /* marked approved without a valid signature */
  PLAN_CLI_VERIFY_UNREADABLE    = 6,  /* the file could not be opened as a plan */
} PlanCliVerifyStatus;

extern const PlanCliCommand plan_cli_verify_command;

G_END_DECLS
