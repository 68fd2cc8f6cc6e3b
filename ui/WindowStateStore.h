#pragma once

#include <QString>
#include <QStringList>

class QHeaderView;
class QMainWindow;
class QSettings;
class QSplitter;
class QWidget;

// Remembers where windows were and what was open, through QSettings (never anything secret):
// the main window's geometry and tool bar/dock state, dialog geometry, splitter positions, table columns and
// the last chosen workspaces. Keys live under one group ("window" by default).
//
//   QSettings settings;
//   WindowStateStore store(settings);
//   if (!store.restore(mainWindow)) mainWindow.resize(1200, 800);  // first run
//   ... in closeEvent: store.save(mainWindow); store.setLastWorkspaces(ids);
class WindowStateStore
{
public:
    explicit WindowStateStore(QSettings& settings, QString group = QStringLiteral("window"));

    // Geometry (position, size, maximised, screen) and the state of tool bars and docks.
    void save(const QMainWindow& window);
    // False when nothing was saved yet (the caller picks a first-run size). Geometry saved on a screen that is
    // gone is moved onto a visible one by Qt.
    bool restore(QMainWindow& window) const;

    // Any other top-level window (dialogs), by a name unique within the group.
    void saveGeometry(const QString& name, const QWidget& widget);
    bool restoreGeometry(const QString& name, QWidget& widget) const;

    void saveSplitter(const QString& name, const QSplitter& splitter);
    bool restoreSplitter(const QString& name, QSplitter& splitter) const;

    // Column widths, order, hidden columns and the sort column of a table.
    void saveHeader(const QString& name, const QHeaderView& header);
    bool restoreHeader(const QString& name, QHeaderView& header) const;

    // The workspaces (project ids) chosen when RoleDesk was last closed, and the one that was current.
    void setLastWorkspaces(const QStringList& projectIds);
    QStringList lastWorkspaces() const;
    void setLastWorkspace(const QString& projectId);
    QString lastWorkspace() const;

private:
    QString key(const QString& name) const;

    QSettings& m_settings;
    QString m_group;
};
