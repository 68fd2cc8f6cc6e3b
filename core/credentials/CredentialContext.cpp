#include "CredentialContext.h"

#include "util/Clock.h"

#include <QDir>

CredentialContext CredentialContext::system()
{
    CredentialContext context;
    context.environment = QProcessEnvironment::systemEnvironment();
    context.homePath = QDir::homePath();
    context.clock = Clock::system();
    return context;
}

bool CredentialContext::isTrue(const QString& name) const
{
    return environment.value(name).compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
}

const Clock& CredentialContext::clockRef() const
{
    return clock ? *clock : *Clock::system();
}
