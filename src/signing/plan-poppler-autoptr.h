/* plan-poppler-autoptr.h: g_autoptr() for the poppler-glib types used here. poppler-glib
 * 22.12 (Debian 12) declares none; later versions declare their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

#if !POPPLER_CHECK_VERSION (23, 2, 0)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerFormField, g_object_unref)
#endif
