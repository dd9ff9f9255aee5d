#pragma once

// "1:02.5": a time as minutes and seconds, the one way the app writes positions (ruler labels, job titles,
// repaint take names, messages).
#include <QString>

namespace s2a {

// `decimals` digits of seconds after the point (0: whole seconds), the seconds zero-padded to two digits.
inline QString clockText(double seconds, int decimals)
{
    const int minutes = int(seconds / 60.0);
    return QStringLiteral("%1:%2").arg(minutes).arg(seconds - 60.0 * minutes, decimals > 0 ? 3 + decimals : 2, 'f',
                                                    decimals, QLatin1Char('0'));
}

}  // namespace s2a
