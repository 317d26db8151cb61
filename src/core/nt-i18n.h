/* nt-i18n.h: gettext for the core (GLib only) */
#pragma once

#include "config.h"
#include <glib/gi18n-lib.h>
