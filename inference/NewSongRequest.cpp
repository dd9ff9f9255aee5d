#include "inference/NewSongRequest.h"

#include "inference/arranger/SectionCaptions.h"
#include "inference/arranger/SongPlanner.h"
#include "inference/arranger/StyleLibrary.h"

namespace s2a::inference {

Result<SongForm> newSongForm(const NewSongSpec& spec)
{
    if (!spec.structure.trimmed().isEmpty())
        return parseSongForm(spec.structure);
    return templateSongForm(spec.templateName.isEmpty() ? QStringLiteral("pop") : spec.templateName);
}

Result<GenerationRequest> newSongRequest(const NewSongSpec& spec)
{
    auto form = newSongForm(spec);
    if (!form)
        return form.error();

    GenerationRequest request;
    request.caption = spec.caption;
    request.seed = spec.seed;
    request.sampleRate = spec.sampleRate;
    // The planner takes a fixed tempo/key from the request as given (and checks it), so the spec's own choices
    // win over the caption's; what is left open it decides from the caption, the style and the seed.
    request.tempo = spec.tempo;
    request.key = spec.key;
    const auto plan = arranger::SongPlanner::plan(request, request.seed);
    if (!plan)
        return plan.error();
    // Fixed from here on: the sections are laid out in samples at this tempo, and the engine (planning again
    // with the same seed) must not pick another one.
    request.tempo = plan->tempo;
    request.key = plan->key.toString();

    SongForm bars = form.value();
    if (spec.lengthSeconds > 0.0) {
        auto fitted = fitToLength(bars, spec.lengthSeconds, request.tempo, request.timeSignature);
        if (!fitted)
            return fitted.error();
        bars = std::move(fitted).value();
    }
    request.sections = arranger::SongPlanner::barSections(bars, request.tempo, request.sampleRate, request.timeSignature);
    // Every section carries a caption from the start: what the engines make it from, shown for the user to edit.
    arranger::Rng captions(arranger::deriveSeed(request.seed, {arranger::stableHash(std::string_view("section captions"))}));
    for (auto& section : request.sections)
        section.caption = arranger::defaultSectionCaption(captions, section.label);
    return request;
}

Result<double> parseSongLength(const QString& text)
{
    const QStringList parts = text.trimmed().split(QLatin1Char(':'));
    bool okMinutes = true, okSeconds = false;
    const double minutes = parts.size() == 2 ? parts[0].toDouble(&okMinutes) : 0.0;
    const double seconds = parts.constLast().toDouble(&okSeconds);
    const double total = minutes * 60 + seconds;
    if (parts.size() > 2 || !okMinutes || !okSeconds || minutes < 0 || seconds < 0 || total < 10 || total > 1200)
        return Error{QStringLiteral("The length \"%1\" is not m:ss between 0:10 and 20:00.").arg(text)};
    return total;
}

Result<CaptionReading> readCaption(const QString& caption, double tempo, const QString& key)
{
    GenerationRequest request;
    request.caption = caption;
    request.tempo = tempo;
    request.key = key;
    // Any seed will do: below, whatever the planner took from the style or the seed is reported as open.
    const auto plan = arranger::SongPlanner::plan(request, 0);
    if (!plan)
        return plan.error();
    const auto& intent = plan->intent;
    const auto& style = arranger::styleDef(plan->style);

    CaptionReading reading;
    reading.style = intent.style ? intent.genreName() : QString::fromLatin1(style.name);
    reading.styleFromCaption = intent.style.has_value();
    reading.tempoMin = arranger::tempoMin(intent, style);
    reading.tempoMax = arranger::tempoMax(intent, style);
    if (plan->tempoSource != QLatin1String("style"))
        reading.tempo = plan->tempo;
    if (plan->keySource == QLatin1String("project") || (intent.tonic && intent.minor))
        reading.key = plan->key.toString();
    else if (intent.tonic)
        reading.tonic = arranger::pitchClassName(*intent.tonic);
    else if (intent.minor)
        reading.mode = *intent.minor ? QStringLiteral("minor") : QStringLiteral("major");
    for (const auto& instrument : plan->band)
        reading.band << instrument.name.toLower();
    reading.moods = intent.moods;
    reading.unknownWords = intent.unknownWords;
    return reading;
}

QString describeReading(const CaptionReading& r)
{
    QStringList parts;
    parts << (r.styleFromCaption ? r.style : QStringLiteral("%1 (default style)").arg(r.style));
    // What the seed will decide is shown as a range or as open, never as a value the caption did not give.
    parts << (r.tempo > 0.0 ? QStringLiteral("%1 BPM").arg(r.tempo)
                            : QStringLiteral("%1–%2 BPM (style)").arg(r.tempoMin).arg(r.tempoMax));
    if (!r.key.isEmpty())
        parts << r.key;
    else if (!r.tonic.isEmpty())
        parts << QStringLiteral("%1 major or minor").arg(r.tonic);
    else if (!r.mode.isEmpty())
        parts << (r.mode == QLatin1String("minor") ? QStringLiteral("a minor key") : QStringLiteral("a major key"));
    else
        parts << QStringLiteral("any key");
    parts << QStringLiteral("band: %1").arg(r.band.join(QStringLiteral(", ")));
    if (!r.moods.isEmpty())
        parts << QStringLiteral("feel: %1").arg(r.moods.join(QStringLiteral(", ")));
    if (!r.unknownWords.isEmpty())
        parts << QStringLiteral("I did not understand: %1").arg(r.unknownWords.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral(" · "));
}

}  // namespace s2a::inference
