#include "Exposure.h"

#include <QCoreApplication>

Exposure Exposure::of(const Environment& environment, Visibility visibility)
{
    Exposure x;
    x.forwards = environment.forwardInfos;
    for (const ForwardInfo& f : environment.forwardInfos) {
        if (f.isInternet())
            x.internetForwards << f;
    }
    x.visibility = visibility;
    x.hasRole = environment.role.hasRole();
    x.status = environment.status;
    return x;
}

bool Exposure::internetReachable(const Environment& environment)
{
    for (const ForwardInfo& f : environment.forwardInfos) {
        if (f.isInternet())
            return true;
    }
    return false;
}

bool Exposure::internetSshKeySet() const
{
    for (const ForwardInfo& f : internetForwards) {
        if (f.hasSshPublicKey)
            return true;
    }
    return false;
}

QString Exposure::portText(const ForwardInfo& f)
{
    if (!f.forwardPort.isEmpty() && !f.externalPort.isEmpty() && f.forwardPort != f.externalPort)
        return f.forwardPort + QStringLiteral("->") + f.externalPort;
    if (!f.externalPort.isEmpty())
        return f.externalPort;
    if (!f.forwardPort.isEmpty())
        return f.forwardPort;
    return QStringLiteral("?");
}

QStringList Exposure::internetPortTexts() const
{
    QStringList ports;
    for (const ForwardInfo& f : internetForwards)
        ports << portText(f);
    return ports;
}

QString Exposure::summary() const
{
    if (!isInternetReachable())
        return QCoreApplication::translate("Exposure", "Not reachable from the internet (no enabled internet port "
                                                       "forwarding reported)");
    const QString ports = internetPortTexts().join(QStringLiteral(", "));
    if (hasRole)
        return QCoreApplication::translate("Exposure",
                                           "Reachable from the internet (ports %1) and holds a role: anyone who "
                                           "gets in can use the role's credentials")
            .arg(ports);
    return QCoreApplication::translate("Exposure", "Reachable from the internet (ports %1)").arg(ports);
}

QString Exposure::describe(const ForwardInfo& f)
{
    QStringList through;
    if (f.hasEip)
        through << QCoreApplication::translate("Exposure", "EIP");
    if (f.hasNatGateway)
        through << QCoreApplication::translate("Exposure", "NAT gateway");
    // The API's AccessType values: the two documented ones in words, anything else as the API wrote it.
    QStringList accessTypes;
    for (const QString& type : f.accessTypes) {
        if (ForwardInfo::isInternetAccessType(type))
            accessTypes << QCoreApplication::translate("Exposure", "internet", "ForwardInfos AccessType");
        else if (ForwardInfo::isIntranetAccessType(type))
            accessTypes << QCoreApplication::translate("Exposure", "intranet", "ForwardInfos AccessType");
        else
            accessTypes << type;
    }
    const QString access = accessTypes.isEmpty() ? QCoreApplication::translate("Exposure", "no access type")
                                                 : accessTypes.join(QStringLiteral("/"));
    QString line = QCoreApplication::translate("Exposure", "Port %1 (%2)").arg(portText(f), access);
    if (!f.name.isEmpty())
        line += u' ' + QCoreApplication::translate("Exposure", "\"%1\"").arg(f.name);
    if (!through.isEmpty())
        line += u' ' + QCoreApplication::translate("Exposure", "through %1").arg(through.join(QStringLiteral(", ")));
    if (f.hasSshPublicKey)
        line += QCoreApplication::translate("Exposure", ", SSH public key set");
    if (!f.enabled)
        line += QCoreApplication::translate("Exposure", ", disabled");
    else if (f.isInternet())
        line += QCoreApplication::translate("Exposure", ", reachable from the internet");
    return line;
}

QStringList Exposure::forwardDescriptions() const
{
    QStringList lines;
    for (const ForwardInfo& f : forwards)
        lines << describe(f);
    return lines;
}
