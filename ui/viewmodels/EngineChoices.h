#pragma once

#include <QVariantList>

namespace s2a::ui {

// The engines as QML engine pickers show them (the inspector's and the New Song dialog's): one map per
// engine of inference::availableEngines(), {id, name (translated), available, reason}. Checked anew on every
// call, since weights may appear while the app runs.
QVariantList engineChoices();

}  // namespace s2a::ui
