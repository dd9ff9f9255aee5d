#include "ui/viewmodels/EngineChoices.h"

#include "inference/EngineCatalogue.h"

#include <QCoreApplication>
#include <QVariantMap>

namespace s2a::ui {

QVariantList engineChoices()
{
    QVariantList list;
    for (const inference::EngineInfo& e : inference::availableEngines()) {
        const QString name = e.id == QLatin1String("arranger")    ? QCoreApplication::translate("EngineChoices", "Arranger (procedural)")
                             : e.id == QLatin1String("diffusion") ? QCoreApplication::translate("EngineChoices", "Diffusion")
                                                                  : e.name;
        list.append(QVariantMap{{QStringLiteral("id"), e.id},
                                {QStringLiteral("name"), name},
                                {QStringLiteral("available"), e.available},
                                {QStringLiteral("reason"), e.reason}});
    }
    return list;
}

}  // namespace s2a::ui
