// Figure tool: renders a PNG grid of spectrograms so developers can look at generated audio (stems, mixes, takes)
// side by side. Each COLUMN is `Heading=file1,file2,...`; each file is one row, labelled by its base name.
//
//   render_spectrograms --out grid.png [--start S] [--seconds S] [--title TEXT] Ref=a/drums.wav,a/bass.wav ...
//
// Colours are dB relative to the loudest bin of the whole column, so the stems of one source compare with each
// other; columns are normalised separately so a quiet model is still readable next to the reference.
#include "core/audio/AudioFileReader.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <fftw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <mutex>
#include <vector>

using namespace s2a::core;

namespace {

constexpr int kPanelW = 560, kPanelH = 200;
constexpr int kGapX = 32, kGapY = 10;  // room for the "12 s" and "0 s" labels of two neighbours
constexpr double kFMin = 30.0, kFMax = 16000.0, kFloorDb = -90.0;
constexpr float kBlank = std::numeric_limits<float>::quiet_NaN();  // past the end of the file: drawn grey

// FFTW's planner is not thread-safe (see inference/analysis/Features.cpp). The tool plans on one thread today;
// the lock keeps spectrogram() safe if panels are ever rendered from a pool.
std::mutex& planMutex()
{
    static std::mutex m;
    return m;
}

struct Panel {
    QString label;            // file base name
    std::vector<float> power; // kPanelW x kPanelH, row-major from the top (highest frequency); NaN = no audio
    float peak = 0.0f;        // loudest bin between kFMin and kFMax
};

// Mono [start, start+seconds) of a file reduced to one power value per panel pixel.
Panel spectrogram(const DecodedAudio& decoded, double start, double seconds)
{
    const AudioBuffer& audio = decoded.audio;
    const int rate = audio.sampleRate;
    // 4096/512 at 44.1 kHz; scaled so other rates get the same time and frequency resolution.
    const int fftSize = std::max(64, int(std::lround(4096.0 * rate / 44100.0)));
    const int hop = std::max(1, int(std::lround(512.0 * rate / 44100.0)));
    const SampleCount first = SampleCount(std::llround(start * rate));
    const double perPixel = seconds * rate / kPanelW;  // samples per pixel column
    const SampleCount end = std::min(audio.frames(), first + SampleCount(std::llround(seconds * rate)));
    // Half a window of real audio either side of the range, so a panel cut mid-song does not start or end with
    // the broadband click a zero-padded edge would draw.
    const SampleCount from = std::max<SampleCount>(0, first - fftSize / 2);
    const SampleCount to = std::min(audio.frames(), end + fftSize / 2);
    std::vector<float> mono(static_cast<size_t>(std::max<SampleCount>(0, to - from)), 0.0f);
    for (const auto& channel : audio.channels)
        for (SampleCount i = from; i < to; ++i)
            mono[size_t(i - from)] += channel[size_t(i)] / float(audio.channelCount());

    // Frequency span of each pixel row on the log axis, in (fractional) bins.
    const double binHz = double(rate) / fftSize;
    std::vector<double> rowLo(kPanelH), rowHi(kPanelH);
    for (int y = 0; y < kPanelH; ++y) {
        const double t = double(kPanelH - 1 - y) / kPanelH;
        rowLo[size_t(y)] = kFMin * std::pow(kFMax / kFMin, t) / binHz;
        rowHi[size_t(y)] = kFMin * std::pow(kFMax / kFMin, t + 1.0 / kPanelH) / binHz;
    }
    const int bins = fftSize / 2 + 1;
    const int binLo = int(std::ceil(kFMin / binHz)), binHi = std::min(bins - 1, int(kFMax / binHz));

    Panel panel;
    panel.power.assign(size_t(kPanelW) * kPanelH, kBlank);
    float* in = fftwf_alloc_real(size_t(fftSize));
    fftwf_complex* spec = fftwf_alloc_complex(size_t(bins));
    fftwf_plan plan;
    {
        std::lock_guard<std::mutex> lock(planMutex());
        plan = fftwf_plan_dft_r2c_1d(fftSize, in, spec, FFTW_ESTIMATE);
    }
    std::vector<float> window(static_cast<size_t>(fftSize)), power(static_cast<size_t>(bins));
    for (int i = 0; i < fftSize; ++i)
        window[size_t(i)] = float(0.5 - 0.5 * std::cos(2.0 * M_PI * i / fftSize));
    // Every pixel column gets its own frames, at most a hop apart: one at its centre when zoomed in (no stairs
    // from repeated columns), several when zoomed out (12 s is ~2 hops per column), of which the loudest is kept
    // so a short click is not lost between samples. Frames centred past the end of the file stay grey.
    const int perColumn = std::max(1, int(std::ceil(perPixel / hop)));
    for (int x = 0; x < kPanelW; ++x) {
        for (int j = 0; j < perColumn; ++j) {
            const SampleCount centre = first + SampleCount(std::llround((x + (j + 0.5) / perColumn) * perPixel));
            if (centre >= end)
                break;
            for (int i = 0; i < fftSize; ++i) {
                const SampleCount s = centre - fftSize / 2 + i;
                in[i] = (s >= from && s < to) ? mono[size_t(s - from)] * window[size_t(i)] : 0.0f;
            }
            fftwf_execute(plan);
            for (int k = 0; k < bins; ++k)
                power[size_t(k)] = spec[k][0] * spec[k][0] + spec[k][1] * spec[k][1];
            for (int k = binLo; k <= binHi; ++k)
                panel.peak = std::max(panel.peak, power[size_t(k)]);
            for (int y = 0; y < kPanelH; ++y) {
                const double lo = rowLo[size_t(y)], hi = rowHi[size_t(y)];
                float v = 0.0f;
                if (hi - lo < 1.0) {
                    // Low rows are narrower than a bin: interpolate between the two nearest bins.
                    const double c = 0.5 * (lo + hi);
                    const int k = std::min(bins - 2, int(c));
                    const double w = c - k;
                    v = float((1.0 - w) * power[size_t(k)] + w * power[size_t(k + 1)]);
                } else {
                    // High rows span many bins: the maximum keeps a thin partial visible where a mean would fade it.
                    for (int k = int(lo); k <= std::min(bins - 1, int(hi)); ++k)
                        v = std::max(v, power[size_t(k)]);
                }
                float& px = panel.power[size_t(y) * kPanelW + size_t(x)];
                px = std::isnan(px) ? v : std::max(px, v);
            }
        }
    }
    {
        std::lock_guard<std::mutex> lock(planMutex());
        fftwf_destroy_plan(plan);
    }
    fftwf_free(in);
    fftwf_free(spec);
    return panel;
}

// Magma (matplotlib), 9 stops; interpolated linearly, which is indistinguishable from the full table at this size.
QRgb magma(double t)
{
    static const int stops[9][3] = {{0, 0, 4},       {28, 16, 68},    {79, 18, 123},   {129, 37, 129}, {181, 54, 122},
                                    {229, 80, 100}, {251, 135, 97},  {254, 194, 135}, {252, 253, 191}};
    const double p = std::clamp(t, 0.0, 1.0) * 8.0;
    const int i = std::min(7, int(p));
    const double w = p - i;
    auto mix = [&](int c) { return int(std::lround(stops[i][c] * (1.0 - w) + stops[i + 1][c] * w)); };
    return qRgb(mix(0), mix(1), mix(2));
}

int fail(const QString& message, int code)
{
    std::fprintf(stderr, "render_spectrograms: %s\n", qPrintable(message));
    return code;
}

}  // namespace

int main(int argc, char** argv)
{
    // QPainter text needs a QGuiApplication for fonts; the offscreen platform needs no display.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Renders a PNG grid of spectrograms: one column per heading, "
                                                    "one row per file."));
    parser.addHelpOption();
    const QCommandLineOption outOpt(QStringLiteral("out"), QStringLiteral("PNG file to write."),
                                    QStringLiteral("file"));
    const QCommandLineOption startOpt(QStringLiteral("start"), QStringLiteral("Start in seconds (default 0)."),
                                      QStringLiteral("seconds"), QStringLiteral("0"));
    const QCommandLineOption secondsOpt(QStringLiteral("seconds"), QStringLiteral("Length in seconds (default 12)."),
                                        QStringLiteral("seconds"), QStringLiteral("12"));
    const QCommandLineOption titleOpt(QStringLiteral("title"), QStringLiteral("Title above the grid."),
                                      QStringLiteral("text"));
    parser.addOptions({outOpt, startOpt, secondsOpt, titleOpt});
    parser.addPositionalArgument(QStringLiteral("columns"), QStringLiteral("Heading=file1,file2,... (one or more)."),
                                 QStringLiteral("COLUMN [COLUMN ...]"));
    parser.process(app);

    const QString out = parser.value(outOpt);
    bool okStart = false, okSeconds = false;
    const double start = parser.value(startOpt).toDouble(&okStart);
    const double seconds = parser.value(secondsOpt).toDouble(&okSeconds);
    if (out.isEmpty())
        return fail(QStringLiteral("--out FILE.png is required (see --help)"), 2);
    if (!okStart || !std::isfinite(start) || start < 0.0)
        return fail(QStringLiteral("--start must be a number of seconds >= 0, not '%1'")
                        .arg(parser.value(startOpt)), 2);
    if (!okSeconds || !std::isfinite(seconds) || seconds <= 0.0)
        return fail(QStringLiteral("--seconds must be a number of seconds > 0, not '%1'")
                        .arg(parser.value(secondsOpt)), 2);
    if (parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("no columns given; expected Heading=file1,file2,... (see --help)"), 2);

    QStringList headings;
    std::vector<std::vector<Panel>> columns;
    for (const QString& arg : parser.positionalArguments()) {
        const int eq = arg.indexOf(QLatin1Char('='));
        const QStringList paths = eq < 0 ? QStringList() : arg.mid(eq + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
        if (eq <= 0 || paths.isEmpty())
            return fail(QStringLiteral("column '%1' is not Heading=file1,file2,...").arg(arg), 2);
        headings << arg.left(eq);
        std::vector<Panel> column;
        for (const QString& path : paths) {
            const auto decoded = AudioFileReader::read(path);
            if (!decoded)
                return fail(QStringLiteral("cannot read %1 (%2)").arg(path, decoded.errorMessage()), 1);
            column.push_back(spectrogram(decoded.value(), start, seconds));
            column.back().label = QFileInfo(path).completeBaseName();
        }
        columns.push_back(std::move(column));
    }
    size_t rows = 0;
    for (const auto& column : columns)
        rows = std::max(rows, column.size());

    // Layout: title, headings, then rows of panels; row labels and frequency ticks to the left of the first column.
    QFont font = QGuiApplication::font();
    font.setPixelSize(12);
    QFont bold = font;
    bold.setBold(true);
    QFont titleFont = bold;
    titleFont.setPixelSize(16);
    const QFontMetrics fm(font), fmBold(bold);
    // A row is named after its file in the first column that has one.
    std::vector<QString> rowLabels(rows);
    int labelW = 0;
    for (size_t r = 0; r < rows; ++r) {
        for (const auto& column : columns)
            if (r < column.size()) {
                rowLabels[r] = column[r].label;
                break;
            }
        labelW = std::max(labelW, fmBold.horizontalAdvance(rowLabels[r]));
    }
    const int left = 10 + labelW + 10 + fm.horizontalAdvance(QStringLiteral("10k")) + 8;
    const int titleH = parser.isSet(titleOpt) ? 28 : 0;
    const int top = 10 + titleH + fmBold.height() + 6;
    const int legendW = 70;
    const int width = left + int(columns.size()) * (kPanelW + kGapX) - kGapX + 16 + legendW;
    const int height = top + int(rows) * (kPanelH + kGapY) - kGapY + fm.height() + 24;
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::TextAntialiasing);
    if (parser.isSet(titleOpt)) {
        painter.setFont(titleFont);
        painter.drawText(QRect(0, 8, width, titleH), Qt::AlignHCenter | Qt::AlignVCenter, parser.value(titleOpt));
    }
    painter.setFont(bold);
    for (size_t r = 0; r < rows; ++r)
        painter.drawText(QRect(10, top + int(r) * (kPanelH + kGapY), labelW, kPanelH),
                         Qt::AlignRight | Qt::AlignVCenter, rowLabels[r]);
    double tickStep = 2.0;  // at most ~12 labels per panel, or they overlap
    for (const double step : {5.0, 10.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0})
        if (seconds / tickStep > 12.0)
            tickStep = step;
    const double logSpan = std::log(kFMax / kFMin);
    auto freqY = [&](double hz) { return int(std::lround(kPanelH * (1.0 - std::log(hz / kFMin) / logSpan))); };
    for (size_t c = 0; c < columns.size(); ++c) {
        const int x0 = left + int(c) * (kPanelW + kGapX);
        painter.setFont(bold);
        painter.setPen(Qt::black);
        painter.drawText(QRect(x0, top - fmBold.height() - 4, kPanelW, fmBold.height()), Qt::AlignCenter,
                         headings[int(c)]);
        double peak = 1e-20;  // a silent column draws at the floor, not at 0 dB (0/0)
        for (const Panel& panel : columns[c])
            peak = std::max(peak, double(panel.peak));
        for (size_t r = 0; r < rows; ++r) {
            const int y0 = top + int(r) * (kPanelH + kGapY);
            const QRect frame(x0, y0, kPanelW, kPanelH);
            painter.setFont(font);
            // Frequency ticks on every panel's left edge, labelled on the first column only.
            painter.setPen(Qt::black);
            static const std::pair<double, const char*> ticks[] = {{100.0, "100"}, {1000.0, "1k"}, {10000.0, "10k"}};
            for (const auto& [hz, text] : ticks) {
                const int y = y0 + freqY(hz);
                painter.drawLine(x0 - 4, y, x0 - 1, y);
                if (c == 0)
                    painter.drawText(QRect(x0 - 60, y - 8, 54, 16), Qt::AlignRight | Qt::AlignVCenter,
                                     QString::fromLatin1(text));
            }
            // Time ticks every 2 s of file time (sparser for long spans), labelled under the bottom row.
            for (double t = std::ceil(start / tickStep) * tickStep; t <= start + seconds + 1e-9; t += tickStep) {
                const int x = x0 + std::min(kPanelW - 1, int(std::lround((t - start) / seconds * kPanelW)));
                painter.drawLine(x, y0 + kPanelH, x, y0 + kPanelH + 3);
                if (r + 1 == rows)
                    painter.drawText(QRect(x - 30, y0 + kPanelH + 4, 60, fm.height()), Qt::AlignHCenter | Qt::AlignTop,
                                     QStringLiteral("%1 s").arg(t));
            }
            if (r >= columns[c].size()) {
                painter.setPen(Qt::gray);
                painter.drawRect(frame.adjusted(0, 0, -1, -1));
                painter.drawText(frame, Qt::AlignCenter, QStringLiteral("(none)"));
                continue;
            }
            const Panel& panel = columns[c][r];
            QImage tile(kPanelW, kPanelH, QImage::Format_RGB32);
            for (int y = 0; y < kPanelH; ++y) {
                auto* line = reinterpret_cast<QRgb*>(tile.scanLine(y));
                for (int x = 0; x < kPanelW; ++x) {
                    const float p = panel.power[size_t(y) * kPanelW + size_t(x)];
                    const double db = 10.0 * std::log10(std::max(double(p), 1e-30) / peak);
                    line[x] = std::isnan(p) ? qRgb(225, 225, 225) : magma(1.0 - db / kFloorDb);
                }
            }
            painter.drawImage(frame.topLeft(), tile);
            if (panel.label != rowLabels[r]) {  // a differently named file in this row says so inside
                painter.setPen(Qt::white);
                painter.drawText(frame.adjusted(6, 4, 0, 0), Qt::AlignLeft | Qt::AlignTop, panel.label);
            }
        }
    }
    // Colour bar beside the first row: what -90..0 dB (re the column's loudest bin) looks like.
    const int barX = width - legendW, barY = top, barH = kPanelH;
    for (int y = 0; y < barH; ++y) {
        painter.setPen(QColor(magma(1.0 - double(y) / (barH - 1))));
        painter.drawLine(barX, barY + y, barX + 12, barY + y);
    }
    painter.setPen(Qt::black);
    painter.setFont(font);
    for (int db = 0; db >= int(kFloorDb); db -= 30) {
        const int y = barY + int(std::lround(db / kFloorDb * (barH - 1)));
        painter.drawLine(barX + 12, y, barX + 15, y);
        painter.drawText(QRect(barX + 18, y - 8, legendW - 18, 16), Qt::AlignLeft | Qt::AlignVCenter,
                         QStringLiteral("%1 dB").arg(db));
    }
    painter.end();
    if (!image.save(out, "PNG"))
        return fail(QStringLiteral("cannot write %1").arg(out), 1);
    std::printf("%s: %zu column(s) x %zu row(s), %.3g-%.3g s\n", qPrintable(out), columns.size(), rows, start,
                start + seconds);
    return 0;
}
