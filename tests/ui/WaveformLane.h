#pragma once
// A Waveform item alone in a window, and what its pixels mean: shared by the waveform tests that look at a lane
// (tst_waveform_item, tst_waveform_loading, tst_waveform_hidpi).

#include "ui/waveform/WaveformItem.h"

#include <QQuickWindow>
#include <QSignalSpy>
#include <QtTest>

namespace s2a::test::waveform {

inline constexpr int kRate = 44100;
inline const QColor kBackground(Qt::white);
inline const QColor kColour(200, 0, 0);

inline QVariantMap clip(const QString& file, core::SampleCount timelineStart, core::SampleCount sourceStart,
                        core::SampleCount length)
{
    return {{QStringLiteral("file"), file},
            {QStringLiteral("timelineStart"), double(timelineStart)},
            {QStringLiteral("sourceStart"), double(sourceStart)},
            {QStringLiteral("length"), double(length)}};
}

inline bool isBackground(QRgb pixel)
{
    return qRed(pixel) > 245 && qGreen(pixel) > 245 && qBlue(pixel) > 245;
}

inline bool isWaveform(QRgb pixel)
{
    return qRed(pixel) > 150 && qGreen(pixel) < 200 && qBlue(pixel) < 200 && qRed(pixel) > qGreen(pixel) + 40;
}

// A window holding one Waveform lane at the top left.
struct Lane {
    QQuickWindow window;
    ui::WaveformItem* item = nullptr;

    Lane(const QString& audioDir, int width, int height)
    {
        window.setColor(kBackground);
        window.resize(width, height);
        item = new ui::WaveformItem(window.contentItem());
        item->setSize(QSizeF(width, height));
        item->setAudioDir(audioDir);
        item->setSampleRate(kRate);
        item->setColour(kColour);
        window.show();
    }

    // Waits until a frame has been drawn from the item's current state: tiles are rendered in its polish (GUI
    // thread) and paint (render thread), both before the frame is swapped. What a change renders has been
    // rendered then, so "nothing new" can be checked after it without a fixed wait.
    bool nextFrame()
    {
        QSignalSpy swapped(&window, &QQuickWindow::frameSwapped);
        item->update();
        return swapped.wait(5000);
    }

    // Waits until everything visible is loaded and a frame has been drawn with it.
    bool settle()
    {
        return QTest::qWaitFor([this] { return item->ready(); }, 20000) && nextFrame();
    }
};

}  // namespace s2a::test::waveform
