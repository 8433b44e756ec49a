/* approval-test-util.h: samples, save/load round trips and approving, shared by the approval
 * tests. Every test program calls at_init() first: isolated XDG folders (a fresh, empty
 * $XDG_DATA_HOME per test case) and the file backend for signing keys.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "plan-approval.h"
#include "plan-canonical.h"
#include "plan-json.h"
#include "plan-workflow.h"

G_BEGIN_DECLS

void          at_init          (int          *argc,
                                char       ***argv);

/* Paths of every sample plan in data/samples, sorted */
GStrv         at_sample_paths  (void);
char         *at_sample_path   (const char   *name);
PlanDocument *at_load          (const char   *path);
/* Saves to bytes and loads them again */
PlanDocument *at_reload        (PlanDocument *document);
PlanDocument *at_load_bytes    (GBytes       *bytes);

/* Submits (as the drafter) and approves @document with @key as "Nguyễn Văn A, Hiệu trưởng" */
void          at_approve       (PlanDocument   *document,
                                PlanSigningKey *key);
/* The state plan_approval_verify() gives with @trust */
PlanApprovalState at_state     (PlanDocument   *document,
                                PlanTrustStore *trust);

/* Writes @document into @dir/@name and returns the path */
char         *at_save_in       (PlanDocument *document,
                                const char   *dir,
                                const char   *name);
void          at_remove_dir    (const char   *dir);
/* The environment for a child process: this test case's isolated folders (GLib's isolation
 * changes them only inside the test process) */
GStrv         at_child_environ (void);

G_END_DECLS
