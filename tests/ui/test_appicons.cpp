#include "AppIcons.h"

#include <QApplication>
#include <QImage>
#include <QPixmap>
#include <QtTest>

namespace {

// Mean lightness (0-255) of the opaque pixels: the glyph's colour.
int glyphLightness(const QImage& image)
{
    qint64 sum = 0;
    qint64 count = 0;
    const QImage argb = image.convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < argb.height(); ++y)
        for (int x = 0; x < argb.width(); ++x) {
            const QColor c = argb.pixelColor(x, y);
            if (c.alpha() > 200) {
                sum += c.lightness();
                ++count;
            }
        }
    return count ? int(sum / count) : -1;
}

const QList<AppIcons::TrayState> kStates{AppIcons::TrayState::Ok, AppIcons::TrayState::Warning,
                                         AppIcons::TrayState::Expired};

} // namespace

class TestAppIcons : public QObject
{
    Q_OBJECT
private slots:
    void applicationIconAtEverySize_data();
    void applicationIconAtEverySize();
    void applicationIcon();
    void trayIconsSuitTheirPanel();
    void trayStatesDifferInShape();
    void trayNamesAndToolTips();
};

void TestAppIcons::applicationIconAtEverySize_data()
{
    QTest::addColumn<int>("size");
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256, 512})
        QTest::addRow("%d", size) << size;
}

void TestAppIcons::applicationIconAtEverySize()
{
    QFETCH(int, size);
    const QImage image(QStringLiteral(":/icons/hicolor/%1x%1/apps/io.github.roledesk.RoleDesk.png").arg(size));
    QVERIFY2(!image.isNull(), "icon not embedded: check packaging/CMakeLists.txt and resources/icons");
    QCOMPARE(image.size(), QSize(size, size));
    QVERIFY(image.hasAlphaChannel());
    // Transparent corners: the shield shape, not a square tile.
    QCOMPARE(image.pixelColor(0, 0).alpha(), 0);
}

void TestAppIcons::applicationIcon()
{
    const QIcon icon = AppIcons::application();
    QVERIFY(!icon.isNull());
    QVERIFY(!icon.pixmap(48, 48).isNull());
    // The scalable source is embedded too (for high-DPI rendering by the SVG icon engine).
    QVERIFY(QFile::exists(QStringLiteral(":/icons/src/roledesk.svg")));
}

void TestAppIcons::trayIconsSuitTheirPanel()
{
    for (AppIcons::TrayState state : kStates) {
        for (int size : {16, 22, 32, 48, 64}) {
            const QImage light = AppIcons::tray(state, AppIcons::PanelTone::Light).pixmap(size, size).toImage();
            const QImage dark = AppIcons::tray(state, AppIcons::PanelTone::Dark).pixmap(size, size).toImage();
            QVERIFY(!light.isNull() && !dark.isNull());
            QCOMPARE(light.size(), QSize(size, size));
            // Dark glyph for light panels, light glyph for dark panels.
            const int onLight = glyphLightness(light);
            const int onDark = glyphLightness(dark);
            QVERIFY2(onLight >= 0 && onLight < 110, qPrintable(QString::number(onLight)));
            QVERIFY2(onDark > 150, qPrintable(QString::number(onDark)));
        }
    }
    QVERIFY(!AppIcons::tray(AppIcons::TrayState::Ok).isNull());
}

void TestAppIcons::trayStatesDifferInShape()
{
    // Compare alpha masks only: states must be told apart without colour.
    QList<QImage> masks;
    for (AppIcons::TrayState state : kStates)
        masks << AppIcons::tray(state, AppIcons::PanelTone::Light)
                     .pixmap(32, 32)
                     .toImage()
                     .convertToFormat(QImage::Format_Alpha8);
    QVERIFY(masks.at(0) != masks.at(1));
    QVERIFY(masks.at(1) != masks.at(2));
    QVERIFY(masks.at(0) != masks.at(2));
    for (const QString& state : {QStringLiteral("ok"), QStringLiteral("warning"), QStringLiteral("expired")})
        QVERIFY(QFile::exists(QStringLiteral(":/icons/src/tray-") + state + QStringLiteral("-symbolic.svg")));
}

void TestAppIcons::trayNamesAndToolTips()
{
    QCOMPARE(AppIcons::trayIconName(AppIcons::TrayState::Warning),
             QStringLiteral("io.github.roledesk.RoleDesk-tray-warning-symbolic"));
    QSet<QString> tips;
    for (AppIcons::TrayState state : kStates)
        tips.insert(AppIcons::trayToolTip(state));
    QCOMPARE(tips.size(), 3);
}

QTEST_MAIN(TestAppIcons)
#include "test_appicons.moc"
