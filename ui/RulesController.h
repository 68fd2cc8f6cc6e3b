#pragma once

#include "EnvironmentTableModel.h"

#include "model/TrustPolicy.h"
#include "rules/RoleRules.h"
#include "rules/RulesFile.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>

class EnvironmentTableModel;
class QFileSystemWatcher;
class QTimer;
class Session;
template<typename T>
class QFutureWatcher;

// The GUI's rules file: reads it (core's RulesFile), watches it, reads the trust policies of its allowed custom
// roles (RAM GetRole, as `roledesk-cli plan` does) and has core's RulePlan evaluate every row of the table on a
// worker thread; the marks go back into EnvironmentTableModel's Rules column. Nothing here decides anything: the
// plan is core's.
//
// Watching: QFileSystemWatcher on the file and on its folder. Editors that save by writing a new file and renaming
// it over the old one (vim, VS Code, QSaveFile, Kate) make the watcher drop the path; the folder's change brings
// it back. Changes are read after a short pause (an editor's save may be several writes).
//
// A file with errors: the errors are shown (file:line:column) and the previous plan is CLEARED, not kept: marks
// from rules that are no longer in the file would be taken for what the file says, and Fix deviations would apply
// them. The column comes back with the first valid save.
class RulesController : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        NoFile,
        Valid,
        Invalid
    };
    Q_ENUM(State)

    RulesController(Session* session, EnvironmentTableModel* model, QObject* parent = nullptr);
    ~RulesController() override;

    // Reads and watches the file (replacing any other); false when it has errors (they are in errors()).
    bool open(const QString& path);
    void close();

    State state() const { return m_state; }
    QString path() const { return m_path; }
    // Valid rules, or null.
    std::shared_ptr<const RuleSet> rules() const { return m_rules; }
    const QList<RulesError>& errors() const { return m_errors; }
    QString errorText() const;
    const QHash<QString, TrustPolicy>& trustPolicies() const { return m_trust; }
    // When the file was last read.
    QDateTime readAt() const { return m_readAt; }

    // An evaluation is running or waiting (for the trust policies, the listing, a pause).
    bool isEvaluating() const;
    // The last evaluation's counts (of the rows it covered).
    int changeCount() const { return m_change; }
    int cannotFixCount() const { return m_cannotFix; }
    int evaluatedCount() const { return m_evaluated; }
    qint64 lastEvaluationMs() const { return m_lastEvaluationMs; }

    // While a listing arrives, evaluations wait for its end (then one runs over every row).
    void setHeld(bool held);
    // Evaluate every row again (soon, in the background).
    void reevaluate();
    // Counts the marks again (after rows were evaluated on their own, e.g. after a role change).
    void recount();

Q_SIGNALS:
    // The file was read (valid or not), closed, or is being evaluated.
    void stateChanged();
    // An evaluation's marks are in the model.
    void evaluated();

private:
    void reread();
    void watch();
    void readTrustPolicies();
    void startEvaluation();
    void copyNextRows();
    void runWorker();
    void onEvaluationDone();

    Session* m_session;
    EnvironmentTableModel* m_model;
    QFileSystemWatcher* m_watcher;
    QTimer* m_rereadTimer;
    QTimer* m_evaluateTimer;
    QString m_path;
    QByteArray m_lastText;
    State m_state = State::NoFile;
    std::shared_ptr<const RuleSet> m_rules;
    QList<RulesError> m_errors;
    QHash<QString, TrustPolicy> m_trust;
    QDateTime m_readAt;
    int m_trustPending = 0;
    quint64 m_fileGeneration = 0;
    bool m_held = false;
    bool m_wanted = false; // an evaluation is due once nothing holds it
    struct Outcome;
    QFutureWatcher<std::shared_ptr<Outcome>>* m_running = nullptr;
    // The rows being copied for the next evaluation, a slice per event-loop turn (null: not copying).
    std::shared_ptr<EnvironmentTableModel::RuleSnapshot> m_copy;
    int m_change = 0;
    int m_cannotFix = 0;
    int m_evaluated = 0;
    qint64 m_lastEvaluationMs = 0;
};
