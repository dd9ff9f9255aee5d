#pragma once

#include "core/util/Result.h"

#include <QJsonObject>

namespace s2a::core {

// Brings a project.json document of any older schema up to kCurrentSchemaVersion, one version step at a
// time. A document from a newer version of the app is refused: guessing at fields we do not know could lose
// the user's work on the next save.
Result<QJsonObject> migrateToCurrentSchema(QJsonObject json);

}  // namespace s2a::core
