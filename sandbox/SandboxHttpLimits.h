#pragma once

#include "util/HttpGuard.h"

// The sandbox's HTTP limits are core's HttpLimits (shared with the CLI's local credentials service).
using SandboxHttpLimits = HttpLimits;
