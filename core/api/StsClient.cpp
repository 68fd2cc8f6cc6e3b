#include "StsClient.h"

#include "util/Logging.h"

#include <QRegularExpression>
#include <QTimer>

CallerIdentity CallerIdentity::fromJson(const QJsonObject& answer)
{
    CallerIdentity identity;
    identity.identityType = answer.value(QLatin1String("IdentityType")).toString();
    identity.accountId = answer.value(QLatin1String("AccountId")).toString();
    identity.arn = answer.value(QLatin1String("Arn")).toString();
    identity.principalId = answer.value(QLatin1String("PrincipalId")).toString();
    identity.userId = answer.value(QLatin1String("UserId")).toString();
    identity.roleId = answer.value(QLatin1String("RoleId")).toString();
    identity.requestId = answer.value(QLatin1String("RequestId")).toString();
    return identity;
}

StsClient::StsClient(ApiClient* api, QObject* parent)
    : QObject(parent)
    , m_api(api)
{}

QString StsClient::validateRoleSessionName(const QString& name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9.@_-]{2,64}$"));
    if (valid.match(name).hasMatch())
        return {};
    return tr("The role session name \"%1\" is invalid: use 2 to 64 characters of letters, digits and . @ - _")
        .arg(name.left(80));
}

QString StsClient::validateAssumeRole(const AssumeRoleRequest& request)
{
    if (request.roleArn.trimmed().isEmpty())
        return tr("AssumeRole needs a role ARN (acs:ram::<account-id>:role/<role-name>).");
    if (QString problem = validateRoleSessionName(request.roleSessionName); !problem.isEmpty())
        return problem;
    if (request.durationSeconds < 900 || request.durationSeconds > 43200)
        return tr("The session duration %1 s is out of range: use 900 to 43200 seconds (and at most the role's "
                  "maximum session duration).")
            .arg(request.durationSeconds);
    if (request.policy.size() > 2048)
        return tr("The session policy is %1 characters long; STS accepts at most 2048.").arg(request.policy.size());
    return {};
}

void StsClient::getCallerIdentity(ApiCallback<CallerIdentity> done)
{
    ApiRequest request = ApiRequest::pop(ApiService::Sts, QStringLiteral("GetCallerIdentity"), apiVersion(), {}, true);
    request.signature = m_signature;
    m_api->call(request, this, [done](ApiReply* reply) {
        if (reply->error().isError()) {
            done({}, reply->error());
            return;
        }
        done(CallerIdentity::fromJson(reply->json()), {});
    });
}

void StsClient::assumeRole(const AssumeRoleRequest& assume, ApiCallback<Credential> done)
{
    if (const QString problem = validateAssumeRole(assume); !problem.isEmpty()) {
        ApiError error;
        error.kind = ApiError::Kind::InvalidArgument;
        error.code = QStringLiteral("InvalidArgument");
        error.service = apiServiceName(ApiService::Sts);
        error.action = QStringLiteral("AssumeRole");
        error.explanation = problem;
        QTimer::singleShot(0, this, [done, error] { done({}, error); });
        return;
    }
    StringPairList params = {{QStringLiteral("RoleArn"), assume.roleArn.trimmed()},
                             {QStringLiteral("RoleSessionName"), assume.roleSessionName},
                             {QStringLiteral("DurationSeconds"), QString::number(assume.durationSeconds)}};
    if (!assume.policy.isEmpty())
        params.append({QStringLiteral("Policy"), assume.policy});
    if (!assume.externalId.isEmpty())
        params.append({QStringLiteral("ExternalId"), assume.externalId});
    // AssumeRole creates nothing on the server: repeating it only issues another token, so it counts as a read.
    ApiRequest request = ApiRequest::pop(ApiService::Sts, QStringLiteral("AssumeRole"), apiVersion(), params, true);
    request.signature = m_signature;
    const QString roleArn = assume.roleArn.trimmed();
    m_api->call(request, this, [done, roleArn](ApiReply* reply) {
        if (reply->error().isError()) {
            done({}, reply->error());
            return;
        }
        const QJsonObject c = reply->json().value(QLatin1String("Credentials")).toObject();
        const QDateTime expiration =
            QDateTime::fromString(c.value(QLatin1String("Expiration")).toString(), Qt::ISODate).toUTC();
        const Credential credential(
            c.value(QLatin1String("AccessKeyId")).toString(), c.value(QLatin1String("AccessKeySecret")).toString(),
            c.value(QLatin1String("SecurityToken")).toString(), expiration, QStringLiteral("AssumeRole ") + roleArn);
        if (credential.isNull() || credential.accessKeySecret().isEmpty() || !expiration.isValid()) {
            ApiError error;
            error.kind = ApiError::Kind::Parse;
            error.code = QStringLiteral("InvalidResponse");
            error.service = apiServiceName(ApiService::Sts);
            error.action = QStringLiteral("AssumeRole");
            error.requestId = reply->requestId();
            error.explanation = tr("The AssumeRole answer carries no complete credential (AccessKeyId, "
                                   "AccessKeySecret, SecurityToken, Expiration).");
            done({}, error);
            return;
        }
        qCInfo(lcApi).noquote() << "AssumeRole" << roleArn << "->" << credential.maskedKeyId() << "until"
                                << expiration.toString(Qt::ISODate);
        done(credential, {});
    });
}
