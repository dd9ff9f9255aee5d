#include "training/LossPlot.h"

#include "core/persistence/AtomicWriter.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

namespace s2a::training {

namespace {

struct Series {
    std::vector<double> step, loss;
};

// Exponential smoothing, as training dashboards draw it: the raw curve of a small batch is mostly noise.
std::vector<double> smoothed(const std::vector<double>& v, double alpha)
{
    std::vector<double> out(v.size());
    double s = v.empty() ? 0.0 : v.front();
    for (size_t i = 0; i < v.size(); ++i)
        out[i] = s = alpha * s + (1.0 - alpha) * v[i];
    return out;
}

std::vector<std::string> split(const std::string& line)
{
    std::vector<std::string> cells;
    std::stringstream in(line);
    std::string cell;
    while (std::getline(in, cell, ','))
        cells.push_back(cell);
    return cells;
}

std::string number(double v)
{
    std::ostringstream out;
    out.precision(3);
    out << v;
    return out.str();
}

}  // namespace

std::string plotLossCurve(const std::string& csvPath, const std::string& svgPath)
{
    std::ifstream in(csvPath);
    if (!in)
        return csvPath + ": cannot be read";
    std::string line;
    if (!std::getline(in, line))
        return csvPath + ": no rows";
    const std::vector<std::string> header = split(line);
    const auto lossAt = std::find(header.begin(), header.end(), "loss");
    if (lossAt == header.end())
        return csvPath + ": no loss column";
    const size_t lossColumn = size_t(lossAt - header.begin());
    std::vector<std::string> order;
    std::map<std::string, Series> stages;
    while (std::getline(in, line)) {
        const std::vector<std::string> cells = split(line);
        if (cells.size() <= lossColumn)
            continue;
        const double loss = std::strtod(cells[lossColumn].c_str(), nullptr);
        if (!(loss > 0.0) || !std::isfinite(loss))
            continue;
        if (!stages.count(cells[0]))
            order.push_back(cells[0]);
        stages[cells[0]].step.push_back(std::strtod(cells[1].c_str(), nullptr));
        stages[cells[0]].loss.push_back(loss);
    }
    const int panels = int(order.size());
    if (panels == 0)
        return csvPath + ": no positive losses";
    const int cols = std::min(panels, 3), rows = (panels + cols - 1) / cols;
    const double pw = 420, ph = 260;
    std::ostringstream svg;
    svg << "<svg xmlns='http://www.w3.org/2000/svg' width='" << cols * pw << "' height='" << rows * ph
        << "' font-family='sans-serif' font-size='12'>\n<rect width='100%' height='100%' fill='white'/>\n";
    for (int k = 0; k < panels; ++k) {
        const Series& s = stages[order[size_t(k)]];
        const double left = (k % cols) * pw + 50, top = (k / cols) * ph + 30, width = pw - 70, height = ph - 70;
        const auto [lo, hi] = std::minmax_element(s.loss.begin(), s.loss.end());
        const double yMin = std::log10(*lo), yMax = std::max(std::log10(*hi), yMin + 1e-3);
        const double xMin = s.step.front(), xMax = std::max(s.step.back(), xMin + 1.0);
        auto at = [&](double x, double y) {
            return number(left + (x - xMin) / (xMax - xMin) * width) + "," +
                   number(top + height - (std::log10(y) - yMin) / (yMax - yMin) * height);
        };
        svg << "<rect x='" << left << "' y='" << top << "' width='" << width << "' height='" << height
            << "' fill='none' stroke='#5a5a5a'/>\n"
            << "<text x='" << left << "' y='" << top - 10 << "'>" << order[size_t(k)] << ": loss " << number(s.loss.front())
            << " -&gt; " << number(s.loss.back()) << " (log scale)</text>\n"
            << "<text x='" << left << "' y='" << top + height + 18 << "'>step " << xMin << "</text>\n"
            << "<text x='" << left + width - 70 << "' y='" << top + height + 18 << "'>step " << xMax << "</text>\n"
            << "<text x='" << left - 45 << "' y='" << top + 10 << "'>" << number(std::pow(10.0, yMax)) << "</text>\n"
            << "<text x='" << left - 45 << "' y='" << top + height << "'>" << number(std::pow(10.0, yMin)) << "</text>\n";
        const std::vector<double> smooth = smoothed(s.loss, s.loss.size() > 50 ? 0.95 : 0.6);
        for (int pass = 0; pass < 2; ++pass) {
            const std::vector<double>& ys = pass == 0 ? s.loss : smooth;
            svg << "<polyline fill='none' stroke='" << (pass == 0 ? "#96b4e6' stroke-width='1" : "#143ca0' stroke-width='2")
                << "' points='";
            for (size_t i = 0; i < ys.size(); ++i)
                svg << (i ? " " : "") << at(s.step[i], ys[i]);
            svg << "'/>\n";
        }
    }
    svg << "</svg>\n";
    const std::string error = core::writeFileAtomically(svgPath, svg.str());
    return error.empty() ? std::string() : error;
}

}  // namespace s2a::training
