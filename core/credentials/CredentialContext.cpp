#include "CredentialContext.h"

#include "api/RamRoleArnProvider.h"
#include "util/Clock.h"

#include <QDir>

CredentialContext CredentialContext::system()
{
    CredentialContext context;
    context.environment = QProcessEnvironment::systemEnvironment();
    context.homePath = QDir::homePath();
    context.clock = Clock::system();
    // RamRoleArn profiles assume their role at the public STS endpoint; CloudConnection::open() (every front end's
    // connection) replaces this with RamRoleArnProvider::factory(the profile's endpoints): the sandbox, a gateway.
    context.roleArnProviderFactory = RamRoleArnProvider::factory(Endpoints(), context.clock);
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
