#include "RulesController.h"

#include "EnvironmentTableModel.h"
#include "Session.h"

#include "api/RamClient.h"
#include "model/RoleArn.h"
#include "rules/RulePlan.h"
#include "util/Logging.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFutureWatcher>
#include <QPromise>
#include <QThreadPool>
#include <QTimer>

struct RulesController::Outcome
{
    quint64 generation = 0;
    std::vector<EnvironmentTableModel::RuleMark> marks;
    qint64 elapsedMs = 0;
};

RulesController::RulesController(Session* session, EnvironmentTableModel* model, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_model(model)
    , m_watcher(new QFileSystemWatcher(this))
    , m_rereadTimer(new QTimer(this))
    , m_evaluateTimer(new QTimer(this))
{
    // An editor's save can be a truncation and several writes, or a new file renamed over the old one: read once
    // it has settled.
    m_rereadTimer->setSingleShot(true);
    m_rereadTimer->setInterval(250);
    connect(m_rereadTimer, &QTimer::timeout, this, &RulesController::reread);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, m_rereadTimer, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_rereadTimer, qOverload<>(&QTimer::start));
    // Pages and edits arrive in bursts: one evaluation after them.
    m_evaluateTimer->setSingleShot(true);
    m_evaluateTimer->setInterval(100);
    connect(m_evaluateTimer, &QTimer::timeout, this, &RulesController::startEvaluation);
    connect(m_model, &EnvironmentTableModel::rulesNeedEvaluation, this, &RulesController::reevaluate);
    if (m_session)
        connect(m_session, &Session::connectionChanged, this, [this] {
            // Another account: its roles' trust policies.
            if (m_rules)
                readTrustPolicies();
        });
}

RulesController::~RulesController()
{
    // A running evaluation finishes on its worker and is dropped: its promise outlives this object.
    if (m_running)
        m_running->disconnect(this);
}

QString RulesController::errorText() const
{
    QStringList lines;
    for (const RulesError& e : m_errors)
        lines << e.toString();
    return lines.join(QLatin1Char('\n'));
}

bool RulesController::open(const QString& path)
{
    close();
    m_path = QFileInfo(path).absoluteFilePath();
    reread();
    return m_state == State::Valid;
}

void RulesController::close()
{
    if (!m_watcher->files().isEmpty())
        m_watcher->removePaths(m_watcher->files());
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    m_rereadTimer->stop();
    m_path.clear();
    m_lastText.clear();
    m_errors.clear();
    m_rules.reset();
    m_trust.clear();
    ++m_fileGeneration;
    m_trustPending = 0;
    m_change = m_cannotFix = m_evaluated = 0;
    const bool had = m_state != State::NoFile;
    m_state = State::NoFile;
    m_model->setRules(nullptr);
    if (had)
        Q_EMIT stateChanged();
}

void RulesController::watch()
{
    // The folder too: a rename over the file (an atomic save) removes the file's watch, and a file that does not
    // exist yet cannot be watched at all.
    const QFileInfo info(m_path);
    if (!m_watcher->directories().contains(info.absolutePath()))
        m_watcher->addPath(info.absolutePath());
    if (info.exists() && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
}

void RulesController::reread()
{
    if (m_path.isEmpty())
        return;
    watch();
    QFile file(m_path);
    QByteArray text;
    const bool readable = file.open(QIODevice::ReadOnly) && file.size() <= RulesFile::MaxFileBytes;
    if (readable)
        text = file.readAll();
    // The folder changes for every file in it (an editor's swap file): nothing to do while this one is the same.
    if (readable && m_state != State::NoFile && text == m_lastText)
        return;
    m_lastText = text;
    // RulesFile::read reports a missing, unreadable or too large file with its own words.
    const RulesFile::Result result = readable ? RulesFile::parse(text, m_path) : RulesFile::read(m_path);
    m_readAt = QDateTime::currentDateTime();
    ++m_fileGeneration;
    if (!result.ok()) {
        qCInfo(lcUi) << "rules file has" << result.errors.size() << "errors";
        m_errors = result.errors;
        m_rules.reset();
        m_trust.clear();
        m_trustPending = 0;
        m_change = m_cannotFix = m_evaluated = 0;
        m_state = State::Invalid;
        m_model->setRules(nullptr); // cleared, not kept: see the class comment
        Q_EMIT stateChanged();
        return;
    }
    m_errors.clear();
    m_rules = std::make_shared<const RuleSet>(result.rules);
    m_state = State::Valid;
    readTrustPolicies();
    Q_EMIT stateChanged();
}

void RulesController::readTrustPolicies()
{
    // As `roledesk-cli plan` does: the trust policy of every allowed custom role, so RolePolicy can refuse a role that
    // does not trust DataWorks. One that cannot be read is left out (the policy notes it could not be checked).
    m_trust.clear();
    m_trustPending = 0;
    const quint64 generation = ++m_fileGeneration;
    RamClient* ram = m_session ? m_session->ram() : nullptr;
    const auto done = [this] {
        m_model->setRules(m_rules, m_trust); // every row Pending: rulesNeedEvaluation() starts the evaluation
        Q_EMIT stateChanged();
    };
    QStringList arns;
    for (const QString& text : std::as_const(m_rules->allowedCustomRoles)) {
        const RoleArn arn = RoleArn::parse(text);
        if (arn.isValid() && !arns.contains(arn.toString()))
            arns << arn.toString();
    }
    if (!ram || arns.isEmpty()) {
        done();
        return;
    }
    m_trustPending = int(arns.size());
    for (const QString& text : std::as_const(arns)) {
        const RoleArn arn = RoleArn::parse(text);
        ram->getRole(arn.roleName(), [this, self = QPointer<RulesController>(this), generation, key = arn.toString(),
                                      done](const RamRole& role, const ApiError& error) {
            if (!self || generation != m_fileGeneration)
                return; // another file (or another read of it) since
            if (!error.isError() && role.trustPolicy.isValid())
                m_trust.insert(key, role.trustPolicy);
            if (--m_trustPending == 0)
                done();
        });
    }
}

void RulesController::setHeld(bool held)
{
    m_held = held;
    if (!held && (m_wanted || (m_rules && m_model->pendingRuleCount() > 0)))
        reevaluate();
}

void RulesController::reevaluate()
{
    m_wanted = true;
    if (!m_held && m_rules && m_trustPending == 0)
        m_evaluateTimer->start();
}

bool RulesController::isEvaluating() const
{
    return m_rules && (m_running || m_copy || m_trustPending > 0 || m_wanted);
}

void RulesController::startEvaluation()
{
    if (m_running || m_copy || m_held || !m_rules || m_trustPending > 0)
        return; // onEvaluationDone() / setHeld() / the trust policies start it again while m_wanted
    m_wanted = false;
    m_copy = std::make_shared<EnvironmentTableModel::RuleSnapshot>(m_model->beginRuleSnapshot());
    if (m_copy->rows == 0) {
        m_copy.reset();
        return;
    }
    Q_EMIT stateChanged();
    copyNextRows();
}

void RulesController::copyNextRows()
{
    if (!m_copy)
        return;
    if (!m_rules || m_held) {
        // Closed, or a listing started: its end evaluates again.
        m_copy.reset();
        m_wanted = m_rules != nullptr;
        return;
    }
    // Copying 100,000 rows takes 20-170 ms (quiet to busy machine): a slice per event-loop turn keeps the window
    // responsive, the rest of the work is on the worker thread.
    constexpr int kSlice = 4000;
    bool stale = false;
    if (!m_model->continueRuleSnapshot(*m_copy, kSlice, &stale)) {
        if (stale) {
            m_copy.reset();
            reevaluate();
        } else {
            QTimer::singleShot(0, this, &RulesController::copyNextRows);
        }
        return;
    }
    runWorker();
}

void RulesController::runWorker()
{
    const std::shared_ptr<EnvironmentTableModel::RuleSnapshot> snapshot = std::move(m_copy);
    m_copy.reset();
    // The worker gets its own copy of the rules with freshly compiled patterns: a QRegularExpression compiles
    // lazily on first use, so one shared with this thread (tool tips evaluate a row) would be written from two.
    auto rules = std::make_shared<RuleSet>(*m_rules);
    for (RoleRule& rule : rules->rules)
        rule.match.compile();
    auto promise = std::make_shared<QPromise<std::shared_ptr<Outcome>>>();
    m_running = new QFutureWatcher<std::shared_ptr<Outcome>>(this);
    connect(m_running, &QFutureWatcherBase::finished, this, &RulesController::onEvaluationDone);
    m_running->setFuture(promise->future());
    QThreadPool::globalInstance()->start([promise, snapshot, rules, trust = m_trust] {
        promise->start();
        QElapsedTimer timer;
        timer.start();
        auto outcome = std::make_shared<Outcome>();
        outcome->generation = snapshot->generation;
        outcome->marks.reserve(snapshot->environments.size());
        // Core's decision for every row (RulePlan::evaluate() is this loop over a list, with a lookup by id).
        for (size_t i = 0; i < snapshot->environments.size(); ++i)
            outcome->marks.push_back(EnvironmentTableModel::markOf(
                RulePlan::evaluateOne(*rules, snapshot->environments[i], snapshot->visibility[i], trust)));
        outcome->elapsedMs = timer.elapsed();
        promise->addResult(outcome);
        promise->finish();
    });
}

void RulesController::onEvaluationDone()
{
    QFutureWatcher<std::shared_ptr<Outcome>>* watcher = m_running;
    m_running = nullptr;
    watcher->deleteLater();
    const std::shared_ptr<Outcome> outcome = watcher->future().resultCount() > 0 ? watcher->result() : nullptr;
    if (outcome && m_rules && m_model->applyRuleMarks(outcome->generation, outcome->marks)) {
        m_lastEvaluationMs = outcome->elapsedMs;
        recount();
        qCInfo(lcUi) << "rules evaluated over" << outcome->marks.size() << "environments in" << outcome->elapsedMs
                     << "ms";
    }
    if (m_rules && (m_wanted || m_model->pendingRuleCount() > 0))
        reevaluate();
    Q_EMIT stateChanged();
    if (!isEvaluating())
        Q_EMIT evaluated();
}

void RulesController::recount()
{
    m_change = m_cannotFix = m_evaluated = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        switch (m_model->keysAt(row).rule.state) {
        case EnvironmentTableModel::RuleState::Change:
            ++m_change;
            ++m_evaluated;
            break;
        case EnvironmentTableModel::RuleState::CannotFix:
            ++m_cannotFix;
            ++m_evaluated;
            break;
        case EnvironmentTableModel::RuleState::Keep:
        case EnvironmentTableModel::RuleState::NoMatch:
            ++m_evaluated;
            break;
        case EnvironmentTableModel::RuleState::NoRules:
        case EnvironmentTableModel::RuleState::Pending:
            break;
        }
    }
}
