#pragma once

// s2a-eval's two outputs: an aligned table for people and a JSON document with every figure (per row and per
// item), the configuration and the definitions of the embedding and metrics. Figures without data (NaN in
// RowResult) are "n/a" in the table and null in JSON, always next to the count that explains them.
#include "inference/evaluation/EvalRunner.h"

#include <QJsonObject>
#include <QString>

namespace s2a::inference::evaluation {

QString formatTable(const EvalResult& result);
QJsonObject toJson(const EvalResult& result);

}  // namespace s2a::inference::evaluation
