#include "Logging.h"

Q_LOGGING_CATEGORY(lcCredentials, "roledesk.credentials", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApi, "roledesk.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "roledesk.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcModel, "roledesk.model", QtInfoMsg)
Q_LOGGING_CATEGORY(lcUi, "roledesk.ui", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCli, "roledesk.cli", QtInfoMsg)
