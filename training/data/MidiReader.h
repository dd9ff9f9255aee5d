#pragma once

// The MIDI reader moved to core (the export reads the arranger's MIDI too); the training code keeps its names.
#include "core/midi/MidiFile.h"

namespace s2a::training {

using core::MidiNote;
using core::parseMidi;
using core::readMidiFile;

}  // namespace s2a::training
