#pragma once

#include "SandboxEngine.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QProcessEnvironment>

// The sandbox's network knobs as command-line options, one definition for `roledesk-cli sandbox serve` and
// `roledesk --sandbox` (docs/CLI.md): --latency-ms MS, --latency-jitter-ms MS, --throttle-rps N, --error-rate RATE.
// Each falls back to its environment variable (ROLEDESK_SANDBOX_LATENCY_MS, _LATENCY_JITTER_MS, _THROTTLE_RPS,
// _ERROR_RATE) when the option is not given.
class SandboxNetworkOptions
{
public:
    SandboxNetworkOptions();

    void addTo(QCommandLineParser& parser) const;
    // Reads the options into *faults (leaving the other faults as they are). False with a one-line *error (naming
    // the option and the accepted range) for a value out of range or not a number.
    bool read(const QCommandLineParser& parser, SandboxFaults* faults, QString* error,
              const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment()) const;

    QCommandLineOption latency;
    QCommandLineOption jitter;
    QCommandLineOption throttle;
    QCommandLineOption errorRate;
};
