#include "model/EnvironmentFilter.h"
#include "model/VisibilityStore.h"

#include <QTest>

namespace {
Environment env(const char* id, const char* name, qint64 project, const char* projectName, const char* owner,
                EnvironmentStatus status, const RoleAssociation& role)
{
    Environment e;
    e.instanceId = QString::fromLatin1(id);
    e.instanceName = QString::fromLatin1(name);
    e.projectId = project;
    e.projectName = QString::fromLatin1(projectName);
    e.ownerId = QString::fromLatin1(owner);
    e.status = status;
    e.statusText = EnvironmentStatuses::toString(status);
    e.role = role;
    return e;
}

QList<Environment> sample()
{
    return {env("699573", "notebook_dev", 10000, "example_project", "u1", EnvironmentStatus::Running,
                RoleAssociation::dataWorksDefault()),
            env("699574", "vscode_ops", 10000, "example_project", "u2", EnvironmentStatus::Stopped,
                RoleAssociation::customRole(QStringLiteral("acs:ram::1:role/R"))),
            env("700001", "Notebook_Prod", 20000, "prod", "u1", EnvironmentStatus::Deleted, RoleAssociation::none())};
}

QStringList ids(const QList<Environment>& list)
{
    QStringList out;
    for (const Environment& e : list)
        out << e.instanceId;
    return out;
}
} // namespace

class TestEnvironmentFilter : public QObject
{
    Q_OBJECT
private slots:
    void emptyMatchesAll()
    {
        EnvironmentFilter f;
        QVERIFY(f.isEmpty());
        QCOMPARE(f.apply(sample()).size(), 3);
    }

    void eachCriterion()
    {
        EnvironmentFilter f;
        f.project = QStringLiteral("10000");
        QCOMPARE(ids(f.apply(sample())), (QStringList{QStringLiteral("699573"), QStringLiteral("699574")}));
        f.project = QStringLiteral("PROD");
        QCOMPARE(ids(f.apply(sample())), QStringList{QStringLiteral("700001")});

        f = EnvironmentFilter();
        f.ownerId = QStringLiteral("u1");
        QCOMPARE(f.apply(sample()).size(), 2);

        f = EnvironmentFilter();
        f.statuses = {EnvironmentStatus::Running, EnvironmentStatus::Deleted};
        QCOMPARE(ids(f.apply(sample())), (QStringList{QStringLiteral("699573"), QStringLiteral("700001")}));

        f = EnvironmentFilter();
        f.keyword = QStringLiteral("notebook");
        QCOMPARE(f.apply(sample()).size(), 2);
        f.keyword = QStringLiteral("9957");
        QCOMPARE(f.apply(sample()).size(), 2);

        f = EnvironmentFilter();
        f.roleKind = RoleAssociation::Kind::CustomRole;
        QCOMPARE(ids(f.apply(sample())), QStringList{QStringLiteral("699574")});
        QVERIFY(!f.isEmpty());
    }

    // Owners by name (Environment::ownerName, resolved by OwnerDirectory): --owner and the keyword find them.
    void ownerByNameAndKeyword()
    {
        QList<Environment> list = sample();
        list[0].ownerName = QStringLiteral("li.wei");
        list[2].ownerName = QStringLiteral("li.wei");
        list[1].ownerName = QStringLiteral("zhang.min");
        EnvironmentFilter f;
        f.ownerId = QStringLiteral("Li.Wei");
        QCOMPARE(ids(f.apply(list)), (QStringList{QStringLiteral("699573"), QStringLiteral("700001")}));
        f.ownerId = QStringLiteral("u2"); // the id still works
        QCOMPARE(ids(f.apply(list)), QStringList{QStringLiteral("699574")});
        f.ownerId = QStringLiteral("li"); // a name is matched whole, not as a part
        QVERIFY(f.apply(list).isEmpty());
        f = EnvironmentFilter();
        f.keyword = QStringLiteral("ZHANG");
        QCOMPARE(ids(f.apply(list)), QStringList{QStringLiteral("699574")});
        f.keyword = QStringLiteral("u1"); // and the owner's id
        QCOMPARE(f.apply(list).size(), 2);
    }

    void visibilityComesFromTheStore()
    {
        VisibilityStore store(QStringLiteral("/nonexistent/v.json"));
        store.set(QStringLiteral("699573"), Visibility::Public, QStringLiteral("admin"));
        store.set(QStringLiteral("699574"), Visibility::Private, QStringLiteral("admin"));
        EnvironmentFilter f;
        f.visibility = Visibility::Public;
        QCOMPARE(ids(f.apply(sample(), &store)), QStringList{QStringLiteral("699573")});
        f.visibility = Visibility::Unknown;
        QCOMPARE(ids(f.apply(sample(), &store)), QStringList{QStringLiteral("700001")});
        QCOMPARE(f.apply(sample()).size(), 3); // no store: all unknown
    }

    void criteriaCombine()
    {
        EnvironmentFilter f;
        f.ownerId = QStringLiteral("u1");
        f.keyword = QStringLiteral("prod");
        f.statuses = {EnvironmentStatus::Deleted};
        f.roleKind = RoleAssociation::Kind::None;
        QCOMPARE(ids(f.apply(sample())), QStringList{QStringLiteral("700001")});
        f.roleKind = RoleAssociation::Kind::DataWorksDefault;
        QVERIFY(f.apply(sample()).isEmpty());
    }

    // The workspace set (the GUI's ticked workspaces): unset = all, empty = none, and it combines with the rest.
    void workspaceSet()
    {
        EnvironmentFilter f;
        f.projectIds = QSet<qint64>{20000};
        QVERIFY(!f.isEmpty());
        QCOMPARE(ids(f.apply(sample())), QStringList{QStringLiteral("700001")});
        f.projectIds = QSet<qint64>{10000, 20000, 30000};
        QCOMPARE(f.apply(sample()).size(), 3);
        f.projectIds = QSet<qint64>{};
        QVERIFY(!f.isEmpty());
        QVERIFY(f.apply(sample()).isEmpty()); // nothing ticked shows nothing
        f.projectIds.reset();
        QVERIFY(f.isEmpty());
        QCOMPARE(f.apply(sample()).size(), 3);
        f.projectIds = QSet<qint64>{10000};
        f.project = QStringLiteral("prod"); // both must match
        QVERIFY(f.apply(sample()).isEmpty());
        f.project = QStringLiteral("example_project");
        f.ownerId = QStringLiteral("u2");
        QCOMPARE(ids(f.apply(sample())), QStringList{QStringLiteral("699574")});
    }

    // "Has a role": the default role or a custom role; no role and an unrecognised configuration have none.
    void hasRole()
    {
        QList<Environment> list = sample();
        list << env("700002", "odd", 20000, "prod", "u3", EnvironmentStatus::Running,
                    RoleAssociation::unknown(QStringLiteral("something else")));
        EnvironmentFilter f;
        f.hasRole = true;
        QVERIFY(!f.isEmpty());
        QCOMPARE(ids(f.apply(list)), (QStringList{QStringLiteral("699573"), QStringLiteral("699574")}));
        f.hasRole = false;
        QCOMPARE(ids(f.apply(list)), (QStringList{QStringLiteral("700001"), QStringLiteral("700002")}));
        // With a kind: both must hold (a kind that has no role never matches "has a role").
        f.hasRole = true;
        f.roleKind = RoleAssociation::Kind::None;
        QVERIFY(f.apply(list).isEmpty());
        f.roleKind = RoleAssociation::Kind::CustomRole;
        QCOMPARE(ids(f.apply(list)), QStringList{QStringLiteral("699574")});
        // With the recorded visibility: the risk banner's "Show them" (public and has a role).
        VisibilityStore store(QStringLiteral("/nonexistent/v.json"));
        store.set(QStringLiteral("699573"), Visibility::Public, QStringLiteral("admin"));
        store.set(QStringLiteral("700001"), Visibility::Public, QStringLiteral("admin"));
        EnvironmentFilter risky;
        risky.hasRole = true;
        risky.visibility = Visibility::Public;
        QCOMPARE(ids(risky.apply(list, &store)), QStringList{QStringLiteral("699573")});
    }

    void parsesStatusLists()
    {
        QList<EnvironmentStatus> list;
        QVERIFY(EnvironmentFilter::parseStatuses(QStringLiteral("Running, stopped,DELETED,,unknown"), &list));
        QCOMPARE(list, (QList<EnvironmentStatus>{EnvironmentStatus::Running, EnvironmentStatus::Stopped,
                                                 EnvironmentStatus::Deleted, EnvironmentStatus::Unknown}));
        QString error;
        QVERIFY(!EnvironmentFilter::parseStatuses(QStringLiteral("Running,Sleeping"), &list, &error));
        QVERIFY(error.contains(QLatin1String("Sleeping")));
        QVERIFY(error.contains(QLatin1String("Arrearage")));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentFilter)
#include "test_environmentfilter.moc"
