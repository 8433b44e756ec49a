/* fuzz-plan-json.c: libFuzzer target for the plan file loader (see docs/reliability.md)
 *
 * Each input goes through plan_json_load_data(); a plan that loads is saved, loaded again and
 * saved again (fuzz-check.c). Any broken rule aborts, so libFuzzer keeps the input as a crash;
 * AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer catch the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-check.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *problem = fuzz_check_plan_json (data, size, NULL);

  if (problem != NULL)
    {
      fprintf (stderr, "fuzz-plan-json: %s\n", problem);
      abort ();
    }

  return 0;
}
