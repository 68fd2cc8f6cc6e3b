#include "CredsDoctorCommand.h"

#include "credentials/CredentialDoctor.h"

#include <QCoreApplication>
#include <QEventLoop>

QString CredsDoctorCommand::summary() const
{
    return QCoreApplication::translate("CredsDoctorCommand",
                                       "Explain where credentials can come from on this machine.");
}

int CredsDoctorCommand::run(const CliInvocation& inv)
{
    QCommandLineParser parser;
    if (const auto code = parse(parser, inv))
        return *code;
    CredentialDoctor::Options options;
    options.credentialsFilePath = inv.context.credentialsFilePath;
    CredentialDoctor doctor(inv.context.credentials, options);
    DoctorReport report;
    QEventLoop loop;
    QObject::connect(&doctor, &CredentialDoctor::finished, &loop, [&](const DoctorReport& r) {
        report = r;
        loop.quit();
    });
    doctor.run();
    loop.exec();
    inv.out << report.toText();
    return report.anySourceUsable ? CliExit::Ok : CliExit::CredentialsUnusable;
}
