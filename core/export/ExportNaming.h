#pragma once

// File names for exported audio: template expansion and sanitising, kept apart from the exporter so that the
// UI can preview names and tests can check the rules without rendering anything.
#include <QString>
#include <QStringList>

namespace s2a::core::exportnaming {

// Makes `name` safe as a file name on Linux, macOS and Windows alike (exports are often copied between them):
// path separators, characters Windows forbids and control characters become '_', leading/trailing spaces and
// dots go, reserved device names (CON, NUL, COM1, ...) get a '_' prefix, and the UTF-8 length stays under
// 200 bytes so that the extension and a temporary prefix still fit the usual 255-byte limit.
// Never returns an empty string.
QString sanitize(const QString& name);

// Replaces {song}, {section}, {index} and {stem} in `pattern`; unknown placeholders stay as typed.
QString expand(const QString& pattern, const QString& song, const QString& section, int index, const QString& stem);

// Returns `base` or, when a name already in `taken` matches it case-insensitively (macOS and Windows file
// systems ignore case), `base_2`, `base_3`, ...; adds the result to `taken`.
QString unique(const QString& base, QStringList& taken);

}  // namespace s2a::core::exportnaming
