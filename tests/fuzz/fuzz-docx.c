/* fuzz-docx.c: libFuzzer target for the Word import (see docs/reliability.md)
 *
 * Each input is a package or XML parts zipped into one (fuzz-docx-check.c); any broken rule
 * aborts, so libFuzzer keeps the input; AddressSanitizer, UndefinedBehaviorSanitizer and
 * LeakSanitizer catch the rest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz-docx-check.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *problem = fuzz_check_docx (data, size, NULL);

  if (problem != NULL)
    {
      fprintf (stderr, "fuzz-docx: %s\n", problem);
      abort ();
    }

  return 0;
}
