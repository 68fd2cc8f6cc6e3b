#include "SandboxMaxCompute.h"

#include "SandboxAuth.h"
#include "signing/Signing.h"
#include "util/Bytes.h"

#include <QRegularExpression>
#include <QUuid>
#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace {

QString httpDateString(qint64 ms)
{
    return QString::fromLatin1(Signing::httpDate(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)));
}

} // namespace

SandboxMaxCompute::SandboxMaxCompute(SandboxShared& shared, SandboxAuth& auth)
    : SandboxPathService(shared)
    , m_auth(auth)
{}

SandboxResponse SandboxMaxCompute::odpsError(const QString& requestId, int status, const QString& code,
                                             const QString& message) const
{
    SandboxResponse r;
    r.status = status;
    QXmlStreamWriter xml(&r.body);
    xml.writeStartDocument();
    xml.writeStartElement(u"Error"_s);
    xml.writeTextElement(u"Code"_s, code);
    xml.writeTextElement(u"Message"_s, message);
    xml.writeTextElement(u"RequestId"_s, requestId);
    xml.writeTextElement(u"HostId"_s, u"service."_s + m_state.region + u".maxcompute.aliyun.com"_s);
    xml.writeEndElement();
    xml.writeEndDocument();
    r.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/xml")));
    r.headers.append(qMakePair(QByteArray("x-odps-request-id"), requestId.toLatin1()));
    return r;
}

SandboxResponse SandboxMaxCompute::faultAnswer(Fault fault, const QString& requestId, const QString& host) const
{
    Q_UNUSED(host);
    if (fault == Fault::Throttled)
        return odpsError(requestId, 429, u"Throttling.User"_s, faultMessage(fault));
    return odpsError(requestId, 503, u"ServiceUnavailable"_s, faultMessage(fault));
}

QStringList SandboxMaxCompute::readableProjects(const SandboxPrincipal& principal) const
{
    QStringList out;
    if (principal.admin)
        return {u"*"_s};
    if (principal.sts.defaultRole) {
        // The default role acts with the environment owner's rights: the owner's projects.
        for (const SandboxData::MaxComputeProject& p : m_state.projects)
            if (p.ownerId == principal.sts.ownerId)
                out.append(p.name);
        return out;
    }
    const SandboxData::Role* role = m_state.role(principal.sts.roleName);
    return role ? SandboxData::readableProjectPatterns(role->permissionPolicy) : QStringList();
}

SandboxResponse SandboxMaxCompute::handle(const SandboxRequest& request)
{
    const QString requestId = QUuid::createUuid().toString(QUuid::WithoutBraces).remove(u'-');
    SandboxPrincipal principal;
    SandboxAuth::Failure failure;
    if (!m_auth.verifyOdps(request, &principal, &failure))
        return odpsError(requestId, failure.status, failure.code, failure.message);

    static const QRegularExpression route(u"^/api/projects/([^/]+)(/tables)?/?$"_s);
    const auto match = route.match(QString::fromUtf8(request.path));
    if (request.method != "GET" || !match.hasMatch())
        return odpsError(requestId, 404, u"NoSuchObject"_s,
                         u"The sandbox serves GET /api/projects/<project> and /api/projects/<project>/tables."_s);
    const SandboxData::MaxComputeProject* project = m_state.project(match.captured(1));
    if (!project)
        return odpsError(requestId, 404, u"NoSuchProject"_s,
                         u"ODPS-0420111: Project not found - '%1'."_s.arg(match.captured(1)));
    bool allowed = false;
    for (const QString& pattern : readableProjects(principal))
        if (QRegularExpression(QRegularExpression::wildcardToRegularExpression(pattern))
                .match(project->name)
                .hasMatch())
            allowed = true;
    const QString who = principal.admin ? m_state.adminUserName
                                        : u"acs:ram::"_s + m_state.accountId + u":assumed-role/"_s +
                                              principal.sts.roleName + u'/' + principal.sts.sessionName;
    if (!allowed)
        return odpsError(requestId, 403, u"AccessDenied"_s,
                         u"ODPS-0420095: Access Denied - Authorization Failed [4019], You have NO privilege "
                         u"'odps:List' on {acs:odps:*:projects/%1}. Context: %2"_s.arg(project->name, who));

    SandboxResponse r;
    QXmlStreamWriter xml(&r.body);
    xml.writeStartDocument();
    if (match.captured(2).isEmpty()) {
        xml.writeStartElement(u"Project"_s);
        xml.writeTextElement(u"Name"_s, project->name);
        xml.writeTextElement(u"Comment"_s, project->comment);
        xml.writeTextElement(u"Owner"_s, u"ALIYUN$"_s + project->ownerId);
        xml.writeTextElement(u"State"_s, u"AVAILABLE"_s);
        xml.writeTextElement(u"Region"_s, m_state.region);
        xml.writeEndElement();
    } else {
        QHash<QString, QString> query;
        for (const auto& [k, v] : Bytes::decodePairs(request.rawQuery, false))
            query.insert(QString::fromUtf8(k), QString::fromUtf8(v));
        bool ok = true;
        const qint64 maxItems = paramInt(query, u"maxitems"_s, 100, &ok);
        if (!ok || maxItems < 1 || maxItems > 1000)
            return odpsError(requestId, 400, u"InvalidParameter"_s, u"maxitems must be between 1 and 1000."_s);
        const QString prefix = query.value(u"name"_s);
        const QString marker = query.value(u"marker"_s);
        QString after;
        if (!marker.isEmpty())
            after = QString::fromUtf8(QByteArray::fromBase64(marker.toLatin1(), QByteArray::Base64UrlEncoding));
        xml.writeStartElement(u"Tables"_s);
        QList<const SandboxData::Table*> page;
        bool more = false;
        for (const SandboxData::Table& t : project->tables) {
            if (!after.isEmpty() && t.name <= after)
                continue;
            if (!prefix.isEmpty() && !t.name.startsWith(prefix))
                continue;
            if (page.size() == maxItems) {
                more = true;
                break;
            }
            page.append(&t);
        }
        const bool paging = query.contains(u"expectmarker"_s);
        xml.writeTextElement(u"Marker"_s, paging && more ? QString::fromLatin1(page.last()->name.toUtf8().toBase64(
                                                               QByteArray::Base64UrlEncoding))
                                                         : QString());
        xml.writeTextElement(u"MaxItems"_s, QString::number(maxItems));
        for (const SandboxData::Table* t : page) {
            xml.writeStartElement(u"Table"_s);
            xml.writeTextElement(u"Name"_s, t->name);
            xml.writeTextElement(u"TableId"_s, t->tableId);
            xml.writeTextElement(u"Owner"_s, u"ALIYUN$"_s + t->ownerId);
            xml.writeTextElement(u"Comment"_s, t->comment);
            xml.writeTextElement(u"CreationTime"_s, httpDateString(t->creationMs));
            xml.writeTextElement(u"LastModifiedTime"_s, httpDateString(t->lastModifiedMs));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndDocument();
    r.headers.append(qMakePair(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/xml")));
    r.headers.append(qMakePair(QByteArray("x-odps-request-id"), requestId.toLatin1()));
    return r;
}
