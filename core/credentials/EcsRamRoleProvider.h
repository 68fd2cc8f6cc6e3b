#pragma once

#include "credentials/CredentialContext.h"
#include "credentials/CredentialProvider.h"

class QNetworkAccessManager;

// The RAM role attached to an ECS instance, through the instance metadata service: IMDSv2 (a token from
// PUT /latest/api/token) with a fall-back to v1 unless ALIBABA_CLOUD_IMDSV1_DISABLED=true; the role
// from ALIBABA_CLOUD_ECS_METADATA or asked from the service. 1 s time-outs, never through a proxy.
// Facts from shared/reference/credentials.md (official credentials libraries, ECS metadata docs).
class EcsRamRoleProvider : public CredentialProvider
{
    Q_OBJECT
public:
    struct Options
    {
        int timeoutMs = 1000;
    };
    // roleName empty: ALIBABA_CLOUD_ECS_METADATA, else asked from the metadata service.
    EcsRamRoleProvider(const CredentialContext& context, QString roleName = {}, QObject* parent = nullptr);
    EcsRamRoleProvider(const CredentialContext& context, QString roleName, Options options, QObject* parent = nullptr);

    QString name() const override { return QStringLiteral("ecs"); }
    QString description() const override;
    void fetch(Callback done) override;

private:
    void fetchRoleName(const QByteArray& token, const Callback& done);
    void fetchCredential(const QByteArray& token, const QString& role, const Callback& done);
    QUrl metadataUrl(const QString& path) const;

    CredentialContext m_context;
    QString m_roleName;
    Options m_options;
    QNetworkAccessManager* m_network = nullptr;
};
