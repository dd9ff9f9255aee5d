// The waveform tests: the pure tile renderer, then the Waveform item in real windows (xvfb-run in the suite).
#include "tst_waveform_support.h"

#include <QGuiApplication>
#include <QQuickWindow>
#include <QtTest>

#include <memory>

int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    int failures = 0;
    for (auto make : {&s2a::test::waveform::makeRendererTest, &s2a::test::waveform::makeItemTest,
                      &s2a::test::waveform::makeLoadingTest}) {
        std::unique_ptr<QObject> test(make());
        failures += QTest::qExec(test.get(), argc, argv);
    }
    return failures == 0 ? 0 : 1;
}
