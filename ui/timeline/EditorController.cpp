#include "ui/timeline/EditorController.h"

#include "core/persistence/ProjectBundle.h"
#include "ui/viewmodels/TransportModel.h"

#include <QClipboard>
#include <QGuiApplication>

namespace s2a::ui {

using core::Section;

EditorController::EditorController(core::ProjectDocument* document, TransportModel* transport, QObject* parent)
    : QObject(parent),
      m_document(document),
      m_transport(transport),
      m_sections(document->project()),
      m_tracks(document->project()),
      m_takes(document->project()),
      m_loop(transport, &m_timeline, document->project()),
      m_markers(document->project(), transport, &m_timeline),
      m_chords(document->project(), &m_timeline)
{
    core::Project* p = project();
    connect(p, &core::Project::settingsChanged, this, &EditorController::updateGrid);
    connect(p, &core::Project::sectionsReplaced, this, [this](int first, int removed, int inserted) {
        updateGrid();
        // Keep the selection on the same music: a split before it moves it right, a merge left.
        if (m_current >= first + removed)
            m_current += inserted - removed;
        else if (m_current >= first + inserted)
            m_current = first + std::max(0, inserted - 1);
        select(std::clamp(m_current, 0, int(project()->data().sections.size()) - 1));
        Q_EMIT currentChanged();
    });
    connect(p, &core::Project::dataReset, this, [this] {
        updateGrid();
        m_current = -1;
        select(0);
        m_timeline.zoomToFit();
        Q_EMIT audioDirChanged();
    });
    connect(document, &core::ProjectDocument::bundlePathChanged, this, &EditorController::audioDirChanged);
    updateGrid();
    select(0);
}

void EditorController::updateGrid()
{
    const auto& data = project()->data();
    QVector<qint64> ends;
    for (int i = 0; i + 1 < data.sections.size(); ++i)
        ends << data.sections[i].end;
    m_timeline.setBoundaries(ends);
    m_timeline.setGrid(data.length(), data.settings.sampleRate, data.settings.tempo,
                       data.settings.timeSignature.numerator, data.settings.downbeatOffset);
    Q_EMIT gridChanged();
}

const Section* EditorController::sectionAt(int index) const
{
    const auto& sections = project()->data().sections;
    return index >= 0 && index < sections.size() ? &sections[index] : nullptr;
}

QString EditorController::sectionId(int index) const
{
    const Section* s = sectionAt(index);
    return s ? s->id : QString();
}

void EditorController::select(int index)
{
    const int count = int(project()->data().sections.size());
    index = count == 0 ? -1 : std::clamp(index, 0, count - 1);
    m_takes.setSectionId(sectionId(index));
    if (index == m_current)
        return;
    m_current = index;
    Q_EMIT currentChanged();
}

void EditorController::selectAt(qint64 position)
{
    select(project()->data().sectionIndexAt(std::clamp<qint64>(position, 0, project()->data().length() - 1)));
}

QVariantMap EditorController::current() const
{
    const Section* s = sectionAt(m_current);
    if (!s)
        return {};
    return {{QStringLiteral("index"), m_current},
            {QStringLiteral("id"), s->id},
            {QStringLiteral("label"), core::toString(s->label)},
            {QStringLiteral("displayName"), s->displayName()},
            {QStringLiteral("caption"), s->caption},
            {QStringLiteral("tags"), s->tags},
            {QStringLiteral("start"), s->start},
            {QStringLiteral("end"), s->end},
            {QStringLiteral("energy"), s->energy},
            {QStringLiteral("locked"), s->locked},
            {QStringLiteral("takeCount"), int(s->takes.size())},
            {QStringLiteral("activeTakeId"), s->activeTakeId},
            {QStringLiteral("takeEngine"), s->activeTake() ? s->activeTake()->origin.engine : QString()},
            {QStringLiteral("colour"), SectionListModel::labelColour(s->label)}};
}

QString EditorController::audioDir() const
{
    const QString bundle = m_document->isUntitled() ? m_document->recoveryBundle() : m_document->bundlePath();
    return core::bundle::audioDir(bundle);
}

QStringList EditorController::labelNames() const
{
    QStringList names = core::allSectionLabelNames();
    names.removeAll(QStringLiteral("custom"));
    return names;
}

QVariantList EditorController::captionSuggestions() const
{
    // Words the arranger's caption parser understands, so a chip always changes what regeneration makes.
    auto group = [](const QString& name, const QStringList& words) {
        return QVariantMap{{QStringLiteral("group"), name}, {QStringLiteral("words"), words}};
    };
    return {group(tr("Instruments"), {QStringLiteral("piano"), QStringLiteral("rhodes"), QStringLiteral("organ"),
                                      QStringLiteral("acoustic guitar"), QStringLiteral("electric guitar"),
                                      QStringLiteral("slap bass"), QStringLiteral("synth bass"), QStringLiteral("strings"),
                                      QStringLiteral("brass"), QStringLiteral("pads"), QStringLiteral("lead synth"),
                                      QStringLiteral("flute"), QStringLiteral("drums"), QStringLiteral("percussion")}),
            group(tr("Mood"), {QStringLiteral("dark"), QStringLiteral("bright"), QStringLiteral("warm"),
                               QStringLiteral("melancholic"), QStringLiteral("happy"), QStringLiteral("dreamy"),
                               QStringLiteral("aggressive")}),
            group(tr("Energy"), {QStringLiteral("sparse"), QStringLiteral("building"), QStringLiteral("full"),
                                 QStringLiteral("big"), QStringLiteral("soft"), QStringLiteral("driving")}),
            group(tr("Genre"), {QStringLiteral("pop"), QStringLiteral("rock"), QStringLiteral("funk"),
                                QStringLiteral("jazz"), QStringLiteral("lo-fi hip hop"), QStringLiteral("house"),
                                QStringLiteral("ambient"), QStringLiteral("cinematic"), QStringLiteral("folk"),
                                QStringLiteral("latin"), QStringLiteral("reggae"), QStringLiteral("metal")})};
}

QString EditorController::split(qint64 position)
{
    const int index = project()->data().sectionIndexAt(position);
    if (index < 0)
        return tr("There is no section at that position.");
    return project()->splitSection(sectionId(index), position).errorMessage();
}

QString EditorController::splitAtPlayhead()
{
    return split(m_transport ? m_transport->position() : 0);
}

QString EditorController::mergeWithNext(int index)
{
    return project()->mergeWithNext(sectionId(index)).errorMessage();
}

QString EditorController::deleteSection(int index)
{
    const int count = int(project()->data().sections.size());
    if (!sectionAt(index))
        return tr("There is no section %1.").arg(index + 1);
    if (count < 2)
        return tr("A song needs at least one section.");
    if (index > 0)
        return project()->mergeWithNext(sectionId(index - 1)).errorMessage();
    // The first section: the next one takes over, keeping its own label and caption.
    const Section next = project()->data().sections[1];
    QUndoStack* undo = project()->undoStack();
    undo->beginMacro(tr("Delete section"));
    Status status = project()->mergeWithNext(sectionId(0));
    if (status)
        status = project()->setSectionLabel(sectionId(0), next.label, next.customLabel);
    if (status)
        status = project()->setSectionCaption(sectionId(0), next.caption);
    undo->endMacro();
    if (!status)
        undo->undo();
    return status.errorMessage();
}

QString EditorController::insertSection(qint64 position, const QString& label)
{
    const int index = project()->data().sectionIndexAt(position);
    if (index < 0)
        return tr("There is no section at that position.");
    QUndoStack* undo = project()->undoStack();
    undo->beginMacro(tr("Insert section"));
    Status status = project()->splitSection(sectionId(index), position);
    QString error;
    if (status)
        error = rename(index + 1, label);
    undo->endMacro();
    if (!status || !error.isEmpty()) {
        undo->undo();
        return status ? error : status.errorMessage();
    }
    select(index + 1);
    return {};
}

QString EditorController::moveBoundary(int index, qint64 position, int modifiers)
{
    const qint64 snapped = m_timeline.snap(position, m_timeline.snapGridFor(modifiers));
    return project()->moveBoundary(sectionId(index), snapped).errorMessage();
}

void EditorController::finishBoundaryDrag()
{
    project()->finishGesture();
}

QString EditorController::rename(int index, const QString& label)
{
    const QString text = label.trimmed();
    if (text.isEmpty())
        return tr("A section needs a name.");
    const auto known = core::sectionLabelFromString(text.toLower());
    if (known && *known != core::SectionLabel::Custom)
        return project()->setSectionLabel(sectionId(index), *known).errorMessage();
    return project()->setSectionLabel(sectionId(index), core::SectionLabel::Custom, text).errorMessage();
}

QString EditorController::setCaption(int index, const QString& caption)
{
    const Section* s = sectionAt(index);
    if (s && s->caption == caption)
        return {};
    return project()->setSectionCaption(sectionId(index), caption).errorMessage();
}

QString EditorController::setEnergy(int index, double energy)
{
    return project()->setSectionEnergy(sectionId(index), energy).errorMessage();
}

QString EditorController::setLocked(int index, bool locked)
{
    return project()->setSectionLocked(sectionId(index), locked).errorMessage();
}

QString EditorController::setTags(int index, const QStringList& tags)
{
    return project()->setSectionTags(sectionId(index), tags).errorMessage();
}

void EditorController::copyCaption(int index)
{
    if (const Section* s = sectionAt(index))
        QGuiApplication::clipboard()->setText(s->caption);
}

void EditorController::loopSection(int index)
{
    if (const Section* s = sectionAt(index); s && m_transport)
        m_transport->setLoop(s->start, s->end);
}

}  // namespace s2a::ui
