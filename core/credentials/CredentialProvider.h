#pragma once

#include "credentials/CredentialParser.h"

#include <QObject>

#include <functional>

// One place credentials come from (URI, file, environment, a profile, ECS metadata, the default chain).
// fetch() never blocks: the callback runs later on this object's thread, exactly once, unless the
// provider is destroyed first (then never). A fetch returns a whole credential or a CredentialError.
//
// Adding a provider: subclass, implement name()/description()/fetch(), finish every path with
// finish(callback, result) (it defers to the event loop, so callers never see a re-entrant callback).
// A provider that needs a second asynchronous step (e.g. STS AssumeRole with a source credential)
// owns its source provider as a QObject child, calls source->fetch() and continues in that callback.
class CredentialProvider : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const CredentialResult&)>;

    explicit CredentialProvider(QObject* parent = nullptr)
        : QObject(parent)
    {}
    ~CredentialProvider() override;

    // Short machine name: "uri", "file", "env", "profile", "ini", "ecs", "chain", "static".
    virtual QString name() const = 0;
    // Shown to users: "credentials URI http://127.0.0.1:7002/...", "credentials file /mnt/...".
    virtual QString description() const = 0;
    virtual void fetch(Callback done) = 0;

protected:
    // Delivers the result from the event loop, never from inside fetch().
    void finish(const Callback& done, const CredentialResult& result);
    CredentialResult failure(const QString& message, int httpStatus = 0, const QString& bodyExcerpt = {}) const;
};

// A credential already known (an AccessKey pair or StsToken from a profile or the environment).
class StaticCredentialProvider : public CredentialProvider
{
    Q_OBJECT
public:
    StaticCredentialProvider(Credential credential, QString name, QObject* parent = nullptr);
    QString name() const override { return m_name; }
    QString description() const override { return m_credential.source(); }
    void fetch(Callback done) override;

private:
    Credential m_credential;
    QString m_name;
};

// Always fails with the same reason (a profile kind not supported yet, a disabled provider).
class FailingCredentialProvider : public CredentialProvider
{
    Q_OBJECT
public:
    FailingCredentialProvider(QString name, QString description, QString message, QObject* parent = nullptr);
    QString name() const override { return m_name; }
    QString description() const override { return m_description; }
    void fetch(Callback done) override;

private:
    QString m_name;
    QString m_description;
    QString m_message;
};
