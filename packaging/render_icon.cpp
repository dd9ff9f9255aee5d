// Build tool: renders the app's SVG icon to a square PNG of the given size, for the icon theme's fixed-size
// folders (some launchers and the .deb's menus read PNGs only). Uses Qt's SVG image plugin, the renderer the
// app itself draws the icon with, so the pictures match.
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool ok = false;
    const int size = args.size() == 4 ? args[2].toInt(&ok) : 0;
    if (!ok || size < 1 || size > 4096) {
        std::fprintf(stderr, "usage: s2a-render-icon ICON.svg SIZE OUT.png\n");
        return 2;
    }
    QImageReader reader(args[1]);
    reader.setScaledSize(QSize(size, size));
    const QImage image = reader.read();
    if (image.isNull()) {
        std::fprintf(stderr, "s2a-render-icon: %s: %s\n", qPrintable(args[1]), qPrintable(reader.errorString()));
        return 1;
    }
    QDir().mkpath(QFileInfo(args[3]).absolutePath());
    if (!image.convertToFormat(QImage::Format_ARGB32).save(args[3], "PNG")) {
        std::fprintf(stderr, "s2a-render-icon: cannot write %s\n", qPrintable(args[3]));
        return 1;
    }
    return 0;
}
