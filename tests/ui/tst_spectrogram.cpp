// The spectrogram view: a tone and noise computed and drawn as spectrograms look different in the image (the
// tone as a few bright bands over dark, the noise as an even wash), and in the app's window a lane's header
// button and View > Spectrograms switch lanes to it, with real mouse clicks and the real menu action.
#include "MainWindowFixture.h"
#include "PoolHold.h"
#include "SongWithAudio.h"
#include "TestProjects.h"

#include "ui/i18n/Translations.h"
#include "ui/spectrogram/SpectrogramRenderer.h"
#include "ui/spectrogram/SpectrogramStore.h"

#include <QQuickStyle>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>

#include <cmath>

Q_IMPORT_QML_PLUGIN(S2A_UiPlugin)

using namespace s2a;
using core::SampleCount;
using ui::Spectrogram;

namespace {

constexpr int kRate = 44100;
constexpr double kPi = 3.14159265358979323846;

// A3 with two partials: three pitches, nothing between them.
core::AudioBuffer tone(SampleCount frames)
{
    core::AudioBuffer audio = core::AudioBuffer::silence(1, frames, kRate);
    for (SampleCount i = 0; i < frames; ++i) {
        const double t = double(i) / kRate;
        audio.channels[0][size_t(i)] = float(0.5 * std::sin(2 * kPi * 220 * t) + 0.25 * std::sin(2 * kPi * 440 * t)
                                             + 0.12 * std::sin(2 * kPi * 660 * t));
    }
    return audio;
}

core::AudioBuffer noise(SampleCount frames)
{
    core::AudioBuffer audio = core::AudioBuffer::silence(1, frames, kRate);
    quint32 state = 5;
    for (float& x : audio.channels[0]) {
        state = state * 1664525u + 1013904223u;
        x = float(0.5 * (double(state >> 8) / double(1 << 24) * 2.0 - 1.0));
    }
    return audio;
}

// Of the rows of `image` inside `rect`, the share whose middle stretch is dark (the colour map's lowest quarter):
// the rows no sound reaches.
double darkRows(const QImage& image, const QRect& rect)
{
    const QRgb quarter = ui::SpectrogramRenderer::colourOf(64);
    int dark = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        int sum = 0;
        int n = 0;
        for (int x = rect.left() + rect.width() / 4; x < rect.right() - rect.width() / 4; x += 3, ++n)
            sum += qGray(image.pixel(x, y));
        dark += n > 0 && sum / n < qGray(quarter);
    }
    return double(dark) / rect.height();
}

QQuickItem* laneItem(test::MainWindow& app, const char* name, int lane)
{
    const QList<QQuickItem*> all = test::findItems(app.window->contentItem(), QLatin1String(name));
    return lane < all.size() ? all[lane] : nullptr;
}

}  // namespace

class SpectrogramTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::initWindowTests();
        QVERIFY(m_dir.isValid());
    }

    void toneAndNoiseLookDifferent()
    {
        const auto toneData = std::make_shared<const Spectrogram>(Spectrogram::compute(tone(3 * kRate)));
        const auto noiseData = std::make_shared<const Spectrogram>(Spectrogram::compute(noise(3 * kRate)));
        // The tone's loudest band is its fundamental's.
        const int mid = toneData->frames() / 2;
        int loudest = 0;
        for (int b = 0; b < Spectrogram::kBands; ++b)
            if (toneData->level(mid, b) > toneData->level(mid, loudest))
                loudest = b;
        QCOMPARE(loudest, Spectrogram::bandOf(220.0));

        ui::TileSpec spec;
        spec.width = 256;
        spec.height = 192;  // two rows a band
        spec.samplesPerPixel = 3.0 * kRate / 256;
        spec.projectRate = kRate;
        const QRect all(0, 0, spec.width, spec.height);
        const auto render = [&](const ui::SharedSpectrogram& data) {
            return ui::SpectrogramRenderer::render(spec, {{data, false, 0, 0, 3 * kRate}});
        };
        const ui::RenderedTile toneTile = render(toneData);
        const ui::RenderedTile noiseTile = render(noiseData);
        QVERIFY(toneTile.complete && noiseTile.complete);
        const double toneDark = darkRows(toneTile.image, all);
        const double noiseDark = darkRows(noiseTile.image, all);
        QVERIFY2(toneDark > 0.6 && noiseDark < 0.1,
                 qPrintable(QStringLiteral("dark rows: tone %1, noise %2").arg(toneDark).arg(noiseDark)));
        // Still loading: nothing drawn, and the tile says it is incomplete.
        const ui::RenderedTile pending = render(nullptr);
        QVERIFY(!pending.complete);
        QCOMPARE(qAlpha(pending.image.pixel(128, 96)), 0);
    }

    void laneButtonAndViewMenuSwitchLanes()
    {
        // Track 1 plays the tone, track 2 the noise; both audible.
        core::ProjectData song = test::makeSong(2, 1, 1);
        for (core::Track& t : song.tracks)
            t.mute = t.solo = false;
        const QString bundle = m_dir.filePath(QStringLiteral("Spectra.s2a"));
        QVERIFY(test::saveWithAudio(song, bundle, [&song](const core::AudioClip& c) {
            return c.trackId == song.tracks[0].id ? tone(c.length) : noise(c.length);
        }));
        test::MainWindow app;
        QCOMPARE(app.controller.open(QUrl::fromLocalFile(bundle)), QString());
        QVERIFY(app.show());
        QTRY_VERIFY(laneItem(app, "spectrogramButton", 1));

        // The first lane's own button: that lane only, saying it is computing until its spectrogram arrives
        // (the store's thread is held meanwhile).
        QQuickItem* button = laneItem(app, "spectrogramButton", 0);
        QVERIFY(button->isVisible());
        test::PoolHold hold(ui::SpectrogramStore::instance().pool());
        QVERIFY(hold.holding());
        test::click(app.window, button);
        QTRY_VERIFY(laneItem(app, "spectrogram", 0)->isVisible());
        QTRY_VERIFY(laneItem(app, "spectrogramLoading", 0)->isVisible());
        hold.release();
        QTRY_VERIFY(!laneItem(app, "spectrogramLoading", 0)->isVisible());
        QVERIFY(!laneItem(app, "waveform", 0)->isVisible());
        QVERIFY(!laneItem(app, "spectrogram", 1)->isVisible());
        QObject* action = app.root->findChild<QObject*>(QStringLiteral("spectrogramsAction"));
        QVERIFY(action);
        QCOMPARE(action->property("checked").toBool(), false);

        // View > Spectrograms: every lane.
        QVERIFY(QMetaObject::invokeMethod(action, "trigger"));
        QTRY_VERIFY(laneItem(app, "spectrogram", 1)->isVisible());
        QVERIFY(app.editor.tracks()->allSpectrograms());
        QCOMPARE(action->property("checked").toBool(), true);
        for (int lane : {0, 1})
            QTRY_VERIFY(!laneItem(app, "spectrogram", lane)->property("loading").toBool());

        // What the window shows: the tone lane mostly dark with bright bands, the noise lane lit throughout.
        QTest::mouseMove(app.window, QPoint(app.window->width() / 2, app.window->height() - 60));  // no tooltip
        const QImage shot = app.window->grabWindow();
        const double toneDark = darkRows(shot, sceneRect(laneItem(app, "spectrogram", 0)));
        const double noiseDark = darkRows(shot, sceneRect(laneItem(app, "spectrogram", 1)));
        // Under the build folder, or where `scripts/dev screenshots` asks (the README's picture).
        const QString shots = qEnvironmentVariableIsEmpty("S2A_SCREENSHOT_DIR") ? QStringLiteral(QT_TESTCASE_BUILDDIR "/screenshots")
                                                                               : qEnvironmentVariable("S2A_SCREENSHOT_DIR");
        QVERIFY(QDir().mkpath(shots));
        QVERIFY(shot.save(shots + QStringLiteral("/spectrogram.png")));
        QVERIFY2(toneDark > 0.5 && noiseDark < 0.15,
                 qPrintable(QStringLiteral("dark rows: tone %1, noise %2").arg(toneDark).arg(noiseDark)));

        // The first lane's button back off: the menu item is no longer checked (its binding survived the click).
        test::click(app.window, laneItem(app, "spectrogramButton", 0));
        QTRY_VERIFY(laneItem(app, "waveform", 0)->isVisible());
        QCOMPARE(action->property("checked").toBool(), false);
        QVERIFY(laneItem(app, "spectrogram", 1)->isVisible());
    }

private:
    static QRect sceneRect(QQuickItem* item)
    {
        return item->mapRectToScene(QRectF(0, 0, item->width(), item->height())).toAlignedRect().adjusted(0, 1, 0, -1);
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(SpectrogramTest)
#include "tst_spectrogram.moc"
