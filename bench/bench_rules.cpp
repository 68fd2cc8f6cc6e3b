// bench_rules: `plan` over 100,000 sandbox environments. The environments are listed once from a sandbox in its own
// process (bench_sandbox_server, the same listing as `envs list`), then the timed part is what `roledesk-cli plan`
// does after the listing: RulePlan::evaluate() of docs/rules-example.yaml (every rule kind; every proposed change
// judged by RolePolicy) with a visibility lookup, and writing the plan's JSON entries. Target: under 1 s.
//
// The GUI's part: RulesController marks the rows of an EnvironmentTableModel holding the same environments, the
// evaluation on a worker thread; measured: the time from opening the file to the marks, and the longest the event
// loop (the GUI thread) could not run meanwhile (a 1 ms timer's largest gap), which must stay far below a frame
// budget's worth of visible stall (100 ms).
//
// bench_rules [--environments N] [--runs N] [--rules FILE]
#include "BenchSupport.h"

#include "EnvironmentFilterModel.h"
#include "EnvironmentTableModel.h"
#include "RulesController.h"
#include "api/ApiClient.h"
#include "api/DataWorksClient.h"
#include "rules/RulePlan.h"
#include "rules/RulesFile.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

// Roughly what PlanCommand writes per entry (the members of docs/CLI.md), so the figure includes the output.
QByteArray planJson(const RuleSet& rules, const RulePlan::Plan& plan, const QList<Environment>& environments)
{
    QJsonArray entries;
    for (const RulePlan::Entry& entry : plan.entries) {
        const Environment& e = environments.at(entry.environmentIndex);
        QJsonObject o{
            {u"instanceId"_s, e.instanceId},
            {u"name"_s, e.instanceName},
            {u"status"_s, e.statusText},
            {u"projectId"_s, double(e.projectId)},
            {u"projectName"_s, e.projectName},
            {u"ownerId"_s, e.ownerId},
            {u"action"_s, RulePlan::actionToString(entry.action)},
            {u"current"_s, entry.current.toString()},
            {u"target"_s, entry.target ? QJsonValue(entry.target->toString()) : QJsonValue()},
            {u"rule"_s, entry.ruleIndex >= 0 ? QJsonValue(rules.rules.at(entry.ruleIndex).name) : QJsonValue()},
            {u"verdict"_s, RolePolicy::verdictToString(entry.verdict)},
            {u"reasons"_s, QJsonArray::fromStringList(entry.reasons)}};
        entries.append(o);
    }
    return QJsonDocument(QJsonObject{{u"entries"_s, entries}}).toJson(QJsonDocument::Compact);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption environmentsOption(u"environments"_s, u"environments"_s, u"N"_s, u"100000"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"runs"_s, u"N"_s, u"5"_s);
    const QCommandLineOption rulesOption(u"rules"_s, u"rules file"_s, u"FILE"_s,
                                         Bench::sourceDir() + u"/docs/rules-example.yaml"_s);
    parser.addOptions({environmentsOption, runsOption, rulesOption});
    parser.process(app);
    const int count = parser.value(environmentsOption).toInt();
    const int runs = qMax(1, parser.value(runsOption).toInt());

    const RulesFile::Result rules = RulesFile::read(parser.value(rulesOption));
    if (!rules.ok())
        return Bench::cannotRun(rules.errorText());

    Bench::ServerProcess server;
    QString error;
    if (!server.start(Bench::programPath(u"bench_sandbox_server"_s), {u"--environments"_s, QString::number(count)},
                      &error))
        return Bench::cannotRun(error);
    const std::unique_ptr<ApiClient> api = Bench::sandboxApi(server.info());
    QElapsedTimer listTimer;
    listTimer.start();
    const QList<Environment> environments = Bench::listAll(api.get(), &error);
    const double listMs = Bench::msSince(listTimer);
    if (environments.size() != count)
        return Bench::cannotRun(error.isEmpty() ? u"listed %1 environments"_s.arg(environments.size()) : error);

    // Recorded visibility: every tenth environment public, every tenth + 1 not recorded, the rest private.
    QHash<QString, Visibility> visibility;
    visibility.reserve(environments.size());
    for (qsizetype i = 0; i < environments.size(); ++i)
        visibility.insert(environments.at(i).instanceId,
                          i % 10 == 0 ? Visibility::Public : (i % 10 == 1 ? Visibility::Unknown : Visibility::Private));
    const auto lookup = [&visibility](const QString& id) { return visibility.value(id, Visibility::Unknown); };

    QList<double> evaluateMs, evaluateCpuMs, jsonMs, totalMs;
    RulePlan::Plan plan;
    qsizetype jsonBytes = 0;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer t;
        t.start();
        const qint64 cpu0 = Bench::threadCpuNs();
        plan = RulePlan::evaluate(rules.rules, environments, lookup);
        evaluateMs << Bench::msSince(t);
        evaluateCpuMs << double(Bench::threadCpuNs() - cpu0) / 1e6;
        QElapsedTimer j;
        j.start();
        jsonBytes = planJson(rules.rules, plan, environments).size();
        jsonMs << Bench::msSince(j);
        totalMs << Bench::msSince(t);
    }

    // The GUI: the same environments in the table model, the rules opened by RulesController.
    EnvironmentTableModel model;
    model.setVisibilityLookup(lookup);
    model.appendEnvironments(environments);
    // As in the window: the filter model on top, sorted by name (a change of the Rules column re-filters it).
    EnvironmentFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(EnvironmentTableModel::NameColumn);
    QList<double> guiTotalMs, guiStallMs, workerMs, snapshotMs, applyMs;
    {
        // The two steps on the GUI thread, alone: the copy of the rows, and the marks written back.
        auto rulesCopy = std::make_shared<const RuleSet>(rules.rules);
        for (int run = 0; run < runs; ++run) {
            model.setRules(rulesCopy);
            QElapsedTimer t;
            t.start();
            const EnvironmentTableModel::RuleSnapshot snapshot = model.ruleSnapshot();
            snapshotMs << Bench::msSince(t);
            std::vector<EnvironmentTableModel::RuleMark> marks;
            marks.reserve(snapshot.environments.size());
            for (const RulePlan::Entry& entry : plan.entries)
                marks.push_back(EnvironmentTableModel::markOf(entry));
            t.restart();
            model.applyRuleMarks(snapshot.generation, marks);
            applyMs << Bench::msSince(t);
        }
        model.setRules(nullptr);
    }
    for (int run = 0; run < runs; ++run) {
        RulesController controller(nullptr, &model);
        QSignalSpy evaluated(&controller, &RulesController::evaluated);
        QElapsedTimer sinceTick;
        double longest = 0;
        QTimer ticker;
        ticker.setInterval(1);
        QObject::connect(&ticker, &QTimer::timeout, [&] {
            longest = qMax(longest, Bench::msSince(sinceTick));
            sinceTick.restart();
        });
        ticker.start();
        QElapsedTimer t;
        t.start();
        sinceTick.start();
        controller.open(parser.value(rulesOption));
        // open() reads and parses on this thread too: count it as a stall of its own.
        longest = qMax(longest, Bench::msSince(sinceTick));
        sinceTick.restart();
        if (!evaluated.wait(60000))
            return Bench::cannotRun(u"the GUI evaluation did not finish"_s);
        guiTotalMs << Bench::msSince(t);
        guiStallMs << longest;
        workerMs << double(controller.lastEvaluationMs());
        if (controller.changeCount() != plan.change || controller.cannotFixCount() != plan.cannotFix)
            return Bench::cannotRun(u"the GUI's marks differ from the plan"_s);
        controller.close();
    }

    Bench::Table table(u"bench_rules: plan over %1 sandbox environments (%2 runs)"_s.arg(count).arg(runs),
                       {u"step"_s, u"median ms"_s, u"max ms"_s});
    auto maxOf = [](const QList<double>& v) { return *std::max_element(v.cbegin(), v.cend()); };
    table.addRow(
        {u"RulePlan::evaluate (wall)"_s, Bench::fmt(Bench::median(evaluateMs)), Bench::fmt(maxOf(evaluateMs))});
    table.addRow({u"RulePlan::evaluate (thread CPU)"_s, Bench::fmt(Bench::median(evaluateCpuMs)),
                  Bench::fmt(maxOf(evaluateCpuMs))});
    table.addRow({u"plan JSON entries"_s, Bench::fmt(Bench::median(jsonMs)), Bench::fmt(maxOf(jsonMs))});
    table.addRow(
        {u"evaluate + JSON (after the listing)"_s, Bench::fmt(Bench::median(totalMs)), Bench::fmt(maxOf(totalMs))});
    table.addRow({u"(the listing itself, once)"_s, Bench::fmt(listMs), u"-"_s});
    table.addRow({u"GUI: open file -> every row marked"_s, Bench::fmt(Bench::median(guiTotalMs)),
                  Bench::fmt(maxOf(guiTotalMs))});
    table.addRow(
        {u"GUI: of which on the worker thread"_s, Bench::fmt(Bench::median(workerMs)), Bench::fmt(maxOf(workerMs))});
    table.addRow({u"GUI thread: copy of the rows, all at once (the controller copies 4,000 per event-loop turn)"_s,
                  Bench::fmt(Bench::median(snapshotMs)), Bench::fmt(maxOf(snapshotMs))});
    table.addRow({u"GUI thread: marks written back (applyRuleMarks, proxy re-filter)"_s,
                  Bench::fmt(Bench::median(applyMs)), Bench::fmt(maxOf(applyMs))});
    table.addRow({u"GUI: longest event-loop stall meanwhile"_s, Bench::fmt(Bench::median(guiStallMs)),
                  Bench::fmt(maxOf(guiStallMs))});
    table.addNote(
        u"rules: %1 (%2 rules); plan: %3 change, %4 cannot-fix, %5 keep; JSON %6 bytes"_s.arg(parser.value(rulesOption))
            .arg(rules.rules.rules.size())
            .arg(plan.change)
            .arg(plan.cannotFix)
            .arg(plan.keep)
            .arg(jsonBytes));
    table.addNote(u"target: evaluate + JSON under 1000 ms. load average: "_s + Bench::loadAverage());
    table.print();
    return 0;
}
