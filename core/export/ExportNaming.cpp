#include "core/export/ExportNaming.h"

namespace s2a::core::exportnaming {
namespace {

constexpr int kMaxUtf8Bytes = 200;

bool isForbidden(QChar c)
{
    static const QString forbidden = QStringLiteral("/\\:*?\"<>|");
    return c.unicode() < 0x20 || c.unicode() == 0x7f || forbidden.contains(c);
}

bool isReservedWindowsName(const QString& name)
{
    // Windows reserves these with any extension ("nul.txt" too), so compare the part before the first dot.
    const QString stem = name.section(QLatin1Char('.'), 0, 0).toUpper();
    static const QStringList reserved = {QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
                                         QStringLiteral("NUL")};
    if (reserved.contains(stem))
        return true;
    return stem.size() == 4 && (stem.startsWith(QLatin1String("COM")) || stem.startsWith(QLatin1String("LPT")))
        && stem.at(3) >= QLatin1Char('1') && stem.at(3) <= QLatin1Char('9');
}

}  // namespace

QString sanitize(const QString& name)
{
    QString out;
    out.reserve(name.size());
    for (QChar c : name)
        out += isForbidden(c) ? QLatin1Char('_') : c;
    // Windows drops trailing dots and spaces silently, which would make two exports collide; leading ones hide
    // the file on Unix.
    while (!out.isEmpty() && (out.front() == QLatin1Char(' ') || out.front() == QLatin1Char('.')))
        out.remove(0, 1);
    while (!out.isEmpty() && (out.back() == QLatin1Char(' ') || out.back() == QLatin1Char('.')))
        out.chop(1);
    // Cut whole code points (never half a surrogate pair) until the UTF-8 form fits.
    while (out.toUtf8().size() > kMaxUtf8Bytes) {
        out.chop(1);
        if (!out.isEmpty() && out.back().isHighSurrogate())
            out.chop(1);
    }
    if (out.isEmpty())
        return QStringLiteral("untitled");
    if (isReservedWindowsName(out))
        out.prepend(QLatin1Char('_'));
    return out;
}

QString expand(const QString& pattern, const QString& song, const QString& section, int index, const QString& stem)
{
    QString out = pattern;
    out.replace(QLatin1String("{song}"), song);
    out.replace(QLatin1String("{section}"), section);
    // Two digits so that a folder listing sorts sections in song order up to 99 sections.
    out.replace(QLatin1String("{index}"), QStringLiteral("%1").arg(index, 2, 10, QLatin1Char('0')));
    out.replace(QLatin1String("{stem}"), stem);
    return out;
}

QString unique(const QString& base, QStringList& taken)
{
    QString candidate = base;
    for (int n = 2; taken.contains(candidate, Qt::CaseInsensitive); ++n)
        candidate = QStringLiteral("%1_%2").arg(base).arg(n);
    taken << candidate;
    return candidate;
}

}  // namespace s2a::core::exportnaming
