/* plan-json-private.h: what the syntax pass, the loader and the writer of the file format share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The names written in the file for each enum, in the enum's order (plan-json-names.c). */
extern const char * const plan_json_item_kind_names[];
extern const char * const plan_json_alignment_names[];
extern const char * const plan_json_orientation_names[];
extern const char * const plan_json_merge_names[];
extern const char * const plan_json_label_mode_names[];
extern const char * const plan_json_reference_mode_names[];
extern const char * const plan_json_numbered_style_names[];
extern const char * const plan_json_point_style_names[];
extern const char * const plan_json_part_style_names[];
extern const char * const plan_json_marker_format_names[];
extern const char * const plan_json_urgency_names[];
extern const char * const plan_json_secrecy_names[];
extern const char * const plan_json_status_names[];
extern const char * const plan_json_role_names[];

/* The shortest text that reads back as @value: "20", "1.27". */
char     *plan_json_format_double (double       value);

/* Checks @data against RFC 8259 iteratively, with the depth and size limits of plan-json.h, so
 * that every syntax error gets a line, a column and a plain message (PLAN_FILE_ERROR_SYNTAX or
 * PLAN_FILE_ERROR_TOO_LARGE). */
gboolean  plan_json_check_syntax  (const char  *data,
                                   gsize        length,
                                   GError     **error);

G_END_DECLS
