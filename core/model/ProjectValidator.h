#pragma once

#include "core/model/ProjectData.h"

#include <QString>
#include <QVector>

namespace s2a::core {

// One broken rule, located by the JSON path of the offending value ("$.sections[2].end") so that a load
// error can point at the exact place in project.json.
struct ValidationIssue {
    QString path;
    QString message;
};

// Checks every invariant of the model. The editing API keeps them by construction; loading relies on this to
// refuse a damaged or hand-edited file with a precise reason.
QVector<ValidationIssue> validateProject(const ProjectData& data);

}  // namespace s2a::core
