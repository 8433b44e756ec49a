/* plan-signature-image-group.h: Preferences, You: the signer's signature image (a transparent
 * PNG, blue), chosen once and offered by "Sign the PDF…" (GSettings "signature-image")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLAN_TYPE_SIGNATURE_IMAGE_GROUP (plan_signature_image_group_get_type ())
G_DECLARE_FINAL_TYPE (PlanSignatureImageGroup, plan_signature_image_group, PLAN,
                      SIGNATURE_IMAGE_GROUP, AdwPreferencesGroup)

/* The image chosen in Preferences, or NULL when none is (or its file is gone) */
GFile *plan_signature_image_dup_file (GSettings *settings);

G_END_DECLS
