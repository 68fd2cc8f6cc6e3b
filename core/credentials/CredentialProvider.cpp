#include "CredentialProvider.h"

#include <QPointer>
#include <QTimer>

CredentialProvider::~CredentialProvider() = default;

void CredentialProvider::finish(const Callback& done, const CredentialResult& result)
{
    QTimer::singleShot(0, this, [done, result] { done(result); });
}

CredentialResult CredentialProvider::failure(const QString& message, int httpStatus, const QString& bodyExcerpt) const
{
    CredentialError e;
    e.source = description();
    e.httpStatus = httpStatus;
    e.message = message;
    e.bodyExcerpt = bodyExcerpt;
    return CredentialResult::failure(e);
}

StaticCredentialProvider::StaticCredentialProvider(Credential credential, QString name, QObject* parent)
    : CredentialProvider(parent)
    , m_credential(std::move(credential))
    , m_name(std::move(name))
{}

void StaticCredentialProvider::fetch(Callback done)
{
    finish(done, CredentialResult::success(m_credential));
}

FailingCredentialProvider::FailingCredentialProvider(QString name, QString description, QString message,
                                                     QObject* parent)
    : CredentialProvider(parent)
    , m_name(std::move(name))
    , m_description(std::move(description))
    , m_message(std::move(message))
{}

void FailingCredentialProvider::fetch(Callback done)
{
    finish(done, failure(m_message));
}
