#pragma once

#include "core/model/ProjectData.h"
#include "core/util/Result.h"

#include <QJsonObject>

namespace s2a::core {

// project.json's current schema. Bump it together with a migration step in SchemaMigration.cpp.
constexpr int kCurrentSchemaVersion = 2;

// The song as a project.json document of the current schema.
QJsonObject projectToJson(const ProjectData& data);

// Reads a document of the current schema (migrate first) and checks every invariant of the model. Errors name
// the JSON path and what is wrong: "$.sections[3].start: expected an integer, found a string".
Result<ProjectData> projectFromJson(const QJsonObject& json);

}  // namespace s2a::core
