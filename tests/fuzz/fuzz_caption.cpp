// Caption text (UTF-8 bytes, as typed into the New Song dialog or passed to `s2a new --caption`) -> the
// arranger's caption parser and the two texts the dialog shows from its result ("what I understood").
#include "inference/arranger/CaptionParser.h"

#include <QString>

#include <cstdlib>

using namespace s2a::inference::arranger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QString caption = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    const CaptionIntent intent = parseCaption(caption);
    // The dialog shows both texts at every key press; ASan checks what building them touches.
    if (intent.summary().isEmpty() && (intent.style || intent.tempo || intent.tonic))
        std::abort();  // something was understood, so the summary says it
    (void)intent.genreName();
    // An explicit tempo or key is one the arranger can play: parseTempo keeps 40..240 BPM, keys are 0..11.
    if (intent.tempo && !(*intent.tempo >= 40.0 && *intent.tempo <= 240.0))
        std::abort();
    if (intent.tonic && (*intent.tonic < 0 || *intent.tonic > 11))
        std::abort();
    if (!intent.genre.isEmpty() && !intent.style)
        std::abort();  // a genre word always picks a style
    return 0;
}
