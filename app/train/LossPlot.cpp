#include "app/train/LossPlot.h"

#include <QFile>
#include <QImage>
#include <QMap>
#include <QPainter>
#include <QPainterPath>
#include <QStringList>
#include <QVector>

#include <algorithm>
#include <cmath>

namespace s2a::app {

namespace {

struct Series {
    QVector<double> step, loss;
};

// Exponential smoothing, as training dashboards draw it: the raw curve of a small batch is mostly noise.
QVector<double> smoothed(const QVector<double>& v, double alpha)
{
    QVector<double> out(v.size());
    double s = v.isEmpty() ? 0.0 : v.front();
    for (qsizetype i = 0; i < v.size(); ++i)
        out[i] = s = alpha * s + (1.0 - alpha) * v[i];
    return out;
}

}  // namespace

QString plotLossCurve(const QString& csvPath, const QString& pngPath)
{
    QFile f(csvPath);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("%1: cannot be read: %2").arg(csvPath, f.errorString());
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.size() < 2)
        return QStringLiteral("%1: no rows").arg(csvPath);
    const QStringList header = lines.front().split(QLatin1Char(','));
    const qsizetype lossColumn = header.indexOf(QStringLiteral("loss"));
    if (lossColumn < 0)
        return QStringLiteral("%1: no loss column").arg(csvPath);
    QStringList order;
    QMap<QString, Series> stages;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(QLatin1Char(','));
        bool ok = false;
        const double loss = cells.value(lossColumn).toDouble(&ok);
        if (!ok || !(loss > 0.0))
            continue;
        if (!stages.contains(cells[0]))
            order << cells[0];
        stages[cells[0]].step << cells.value(1).toDouble();
        stages[cells[0]].loss << loss;
    }
    const int panels = int(order.size());
    if (panels == 0)
        return QStringLiteral("%1: no positive losses").arg(csvPath);
    const int cols = std::min(panels, 3), rows = (panels + cols - 1) / cols;
    const int pw = 420, ph = 260;
    QImage image(cols * pw, rows * ph, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    for (int k = 0; k < panels; ++k) {
        const Series& s = stages[order[k]];
        const QRectF frame((k % cols) * pw + 50, (k / cols) * ph + 30, pw - 70, ph - 70);
        const auto [lo, hi] = std::minmax_element(s.loss.begin(), s.loss.end());
        const double yMin = std::log10(*lo), yMax = std::max(std::log10(*hi), yMin + 1e-3);
        const double xMin = s.step.front(), xMax = std::max(s.step.back(), xMin + 1.0);
        auto at = [&](double x, double y) {
            return QPointF(frame.left() + (x - xMin) / (xMax - xMin) * frame.width(),
                           frame.bottom() - (std::log10(y) - yMin) / (yMax - yMin) * frame.height());
        };
        p.setPen(QPen(QColor(90, 90, 90), 1));
        p.drawRect(frame);
        p.drawText(QPointF(frame.left(), frame.top() - 10),
                   QStringLiteral("%1: loss %2 -> %3 (log scale)").arg(order[k]).arg(s.loss.front(), 0, 'g', 3).arg(s.loss.back(), 0, 'g', 3));
        p.drawText(QPointF(frame.left(), frame.bottom() + 18), QStringLiteral("step %1").arg(xMin));
        p.drawText(QPointF(frame.right() - 70, frame.bottom() + 18), QStringLiteral("step %1").arg(xMax));
        p.drawText(QPointF(frame.left() - 45, frame.top() + 10), QString::number(std::pow(10.0, yMax), 'g', 3));
        p.drawText(QPointF(frame.left() - 45, frame.bottom()), QString::number(std::pow(10.0, yMin), 'g', 3));
        const QVector<double> smooth = smoothed(s.loss, s.loss.size() > 50 ? 0.95 : 0.6);
        for (int pass = 0; pass < 2; ++pass) {
            const QVector<double>& ys = pass == 0 ? s.loss : smooth;
            QPainterPath path(at(s.step[0], ys[0]));
            for (qsizetype i = 1; i < ys.size(); ++i)
                path.lineTo(at(s.step[i], ys[i]));
            p.setPen(pass == 0 ? QPen(QColor(150, 180, 230), 1) : QPen(QColor(20, 60, 160), 2));
            p.drawPath(path);
        }
    }
    p.end();
    if (!image.save(pngPath, "PNG"))
        return QStringLiteral("%1: cannot be written").arg(pngPath);
    return {};
}

}  // namespace s2a::app
