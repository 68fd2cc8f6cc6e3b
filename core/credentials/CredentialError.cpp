#include "CredentialError.h"

#include <QCoreApplication>

QString CredentialError::toString() const
{
    if (isNull())
        return {};
    QString text = source.isEmpty() ? message : source + QStringLiteral(": ") + message;
    if (httpStatus != 0)
        text +=
            QStringLiteral(" ") + QCoreApplication::translate("CredentialError", "(HTTP status %1)").arg(httpStatus);
    if (!bodyExcerpt.isEmpty())
        text += QStringLiteral(" ") + QCoreApplication::translate("CredentialError", "Answer: %1").arg(bodyExcerpt);
    return text;
}
