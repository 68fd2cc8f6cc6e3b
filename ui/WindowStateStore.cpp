#include "WindowStateStore.h"

#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace {
// Bumped when the main window's docks or tool bars change so an old layout is not forced onto a new window.
constexpr int kMainWindowStateVersion = 1;
} // namespace

WindowStateStore::WindowStateStore(QSettings& settings, QString group)
    : m_settings(settings)
    , m_group(std::move(group))
{}

QString WindowStateStore::key(const QString& name) const
{
    return m_group + QLatin1Char('/') + name;
}

void WindowStateStore::save(const QMainWindow& window)
{
    m_settings.setValue(key(QStringLiteral("mainGeometry")), window.saveGeometry());
    m_settings.setValue(key(QStringLiteral("mainState")), window.saveState(kMainWindowStateVersion));
}

bool WindowStateStore::restore(QMainWindow& window) const
{
    const QByteArray geometry = m_settings.value(key(QStringLiteral("mainGeometry"))).toByteArray();
    if (geometry.isEmpty() || !window.restoreGeometry(geometry))
        return false;
    // A layout from another version is dropped; the geometry alone is still worth keeping.
    window.restoreState(m_settings.value(key(QStringLiteral("mainState"))).toByteArray(), kMainWindowStateVersion);
    return true;
}

void WindowStateStore::saveGeometry(const QString& name, const QWidget& widget)
{
    m_settings.setValue(key(name + QStringLiteral("/geometry")), widget.saveGeometry());
}

bool WindowStateStore::restoreGeometry(const QString& name, QWidget& widget) const
{
    const QByteArray geometry = m_settings.value(key(name + QStringLiteral("/geometry"))).toByteArray();
    return !geometry.isEmpty() && widget.restoreGeometry(geometry);
}

void WindowStateStore::saveSplitter(const QString& name, const QSplitter& splitter)
{
    m_settings.setValue(key(name + QStringLiteral("/splitter")), splitter.saveState());
}

bool WindowStateStore::restoreSplitter(const QString& name, QSplitter& splitter) const
{
    const QByteArray state = m_settings.value(key(name + QStringLiteral("/splitter"))).toByteArray();
    return !state.isEmpty() && splitter.restoreState(state);
}

void WindowStateStore::saveHeader(const QString& name, const QHeaderView& header)
{
    m_settings.setValue(key(name + QStringLiteral("/header")), header.saveState());
}

bool WindowStateStore::restoreHeader(const QString& name, QHeaderView& header) const
{
    const QByteArray state = m_settings.value(key(name + QStringLiteral("/header"))).toByteArray();
    return !state.isEmpty() && header.restoreState(state);
}

void WindowStateStore::setLastWorkspaces(const QStringList& projectIds)
{
    m_settings.setValue(key(QStringLiteral("lastWorkspaces")), projectIds);
}

QStringList WindowStateStore::lastWorkspaces() const
{
    return m_settings.value(key(QStringLiteral("lastWorkspaces"))).toStringList();
}

void WindowStateStore::setLastWorkspace(const QString& projectId)
{
    m_settings.setValue(key(QStringLiteral("lastWorkspace")), projectId);
}

QString WindowStateStore::lastWorkspace() const
{
    return m_settings.value(key(QStringLiteral("lastWorkspace"))).toString();
}
