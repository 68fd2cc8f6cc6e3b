#pragma once

#include <QLoggingCategory>

// Logging categories. Nothing secret is ever written to them: log Credential values (their debug
// form is masked) or Redaction::maskKeyId(), never raw secrets, tokens or answer bodies.
Q_DECLARE_LOGGING_CATEGORY(lcCredentials)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
Q_DECLARE_LOGGING_CATEGORY(lcModel)
Q_DECLARE_LOGGING_CATEGORY(lcUi)
Q_DECLARE_LOGGING_CATEGORY(lcCli)
