#include "FileCredentialProvider.h"

#include "util/Logging.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

FileCredentialProvider::FileCredentialProvider(const CredentialContext& context, QString path, QObject* parent)
    : FileCredentialProvider(context, std::move(path), Options(), parent)
{}

FileCredentialProvider::FileCredentialProvider(const CredentialContext& context, QString path, Options options,
                                               QObject* parent)
    : CredentialProvider(parent)
    , m_context(context)
    , m_path(path.isEmpty() ? defaultPath() : std::move(path))
    , m_options(options)
{}

QString FileCredentialProvider::description() const
{
    return tr("credentials file %1").arg(m_path);
}

void FileCredentialProvider::fetch(Callback done)
{
    QTimer::singleShot(0, this, [this, done] { attempt(1, done); });
}

void FileCredentialProvider::attempt(int number, const Callback& done)
{
    QFile file(m_path);
    if (!QFileInfo::exists(m_path)) {
        done(failure(tr("The file does not exist. It exists only inside a DataWorks individual development "
                        "environment; elsewhere use an AccessKey, a profile or another source.")));
        return;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        done(failure(tr("The file cannot be read (%1). Check its permissions.").arg(file.errorString())));
        return;
    }
    const QByteArray body = file.read(64 * 1024 + 1);
    file.close();
    if (body.size() > 64 * 1024) {
        done(failure(tr("The file is larger than 64 KiB; a credentials file is under 8 KiB. Check the path.")));
        return;
    }
    // Only a read that does not parse can be a race with the writer; a well-formed but wrong file is final.
    QJsonParseError parseError;
    QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError && number < m_options.attempts) {
        qCDebug(lcCredentials) << "credentials file did not parse, retrying; attempt" << number;
        QTimer::singleShot(m_options.retryDelayMs, this, [this, number, done] { attempt(number + 1, done); });
        return;
    }
    done(CredentialParser::parseBody(body, description(), m_context.clockRef()));
}
