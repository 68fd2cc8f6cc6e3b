#include "SandboxNetworkOptions.h"

#include <QCoreApplication>

namespace {
// The strings of `sandbox serve`, where they were first written (their translations live under that context).
QString tr(const char* text)
{
    return QCoreApplication::translate("SandboxServeCommand", text);
}

QString valueOrEnvironment(const QCommandLineParser& parser, const QCommandLineOption& option, const char* variable,
                           const QProcessEnvironment& environment)
{
    if (parser.isSet(option))
        return parser.value(option);
    return environment.value(QString::fromLatin1(variable));
}

bool wholeNumber(const QString& text, const QString& what, qint64 min, qint64 max, int* out, QString* error)
{
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (!ok || value < min || value > max) {
        *error = tr("Invalid %1 \"%2\": expected a whole number from %3 to %4.").arg(what, text).arg(min).arg(max);
        return false;
    }
    *out = int(value);
    return true;
}

bool rate(const QString& text, const QString& what, double* out, QString* error)
{
    bool ok = false;
    const double value = text.trimmed().toDouble(&ok);
    if (!ok || !(value >= 0.0 && value <= 1.0)) {
        *error = tr("Invalid %1 \"%2\": expected a number from 0 to 1.").arg(what, text);
        return false;
    }
    *out = value;
    return true;
}
} // namespace

SandboxNetworkOptions::SandboxNetworkOptions()
    : latency(QStringLiteral("latency-ms"), tr("Fault: add this latency to every answer."), QStringLiteral("MS"))
    , jitter(QStringLiteral("latency-jitter-ms"),
             tr("Fault: vary the latency of each answer by up to this much either way (default 0)."),
             QStringLiteral("MS"))
    , throttle(QStringLiteral("throttle-rps"),
               tr("Fault: answer Throttling.User above N requests per second to one API operation."),
               QStringLiteral("N"))
    , errorRate(QStringLiteral("error-rate"), tr("Fault: answer this share (0-1) of requests with HTTP 503."),
                QStringLiteral("RATE"))
{}

void SandboxNetworkOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({latency, jitter, throttle, errorRate});
}

bool SandboxNetworkOptions::read(const QCommandLineParser& parser, SandboxFaults* faults, QString* error,
                                 const QProcessEnvironment& environment) const
{
    QString text = valueOrEnvironment(parser, latency, "ROLEDESK_SANDBOX_LATENCY_MS", environment);
    if (!text.isEmpty()) {
        if (!wholeNumber(text, QStringLiteral("--latency-ms"), 0, 600000, &faults->latencyMs, error))
            return false;
    }
    text = valueOrEnvironment(parser, jitter, "ROLEDESK_SANDBOX_LATENCY_JITTER_MS", environment);
    if (!text.isEmpty() &&
        !wholeNumber(text, QStringLiteral("--latency-jitter-ms"), 0, 600000, &faults->latencyJitterMs, error))
        return false;
    text = valueOrEnvironment(parser, throttle, "ROLEDESK_SANDBOX_THROTTLE_RPS", environment);
    if (!text.isEmpty() &&
        !wholeNumber(text, QStringLiteral("--throttle-rps"), 0, 1000000, &faults->throttleRequestsPerSecond, error))
        return false;
    text = valueOrEnvironment(parser, errorRate, "ROLEDESK_SANDBOX_ERROR_RATE", environment);
    if (!text.isEmpty() && !rate(text, QStringLiteral("--error-rate"), &faults->errorRate, error))
        return false;
    return true;
}
