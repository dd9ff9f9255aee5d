#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <memory>

namespace s2a::core {

// "a number", "a string", "null", ...: how an error message names what a JSON value is.
QString jsonTypeName(const QJsonValue& value);

// Reads one JSON object field by field, checking types and keeping the JSON path of every value, so that a
// bad file is refused with "project.json: $.sections[3].start: expected an integer, found a string" rather
// than a crash or a silent default. The first error wins; later reads become no-ops that return defaults.
class JsonReader {
public:
    JsonReader(const QJsonObject& object, const QString& path = QStringLiteral("$"));

    QString string(const QString& key);
    QString optionalString(const QString& key, const QString& fallback = {});
    double number(const QString& key);
    double optionalNumber(const QString& key, double fallback);
    qint64 integer(const QString& key);
    qint64 optionalInteger(const QString& key, qint64 fallback);
    bool boolean(const QString& key);
    bool optionalBoolean(const QString& key, bool fallback);
    QStringList optionalStringList(const QString& key);
    quint64 unsignedDecimal(const QString& key);  // a 64-bit value kept as a decimal string (doubles lose bits)

    JsonReader object(const QString& key);
    // Each element must be an object; missing key -> empty list when optional.
    QVector<JsonReader> objects(const QString& key, bool optional = false);

    bool has(const QString& key) const { return m_object.contains(key); }
    QString pathOf(const QString& key) const;
    void fail(const QString& key, const QString& message);

    bool ok() const { return m_error->isEmpty(); }
    // "$.sections[3].start: expected an integer, found a string"
    QString error() const { return *m_error; }

private:
    JsonReader(const QJsonObject& object, const QString& path, std::shared_ptr<QString> error);
    bool present(const QString& key, bool optional);

    QJsonObject m_object;
    QString m_path;
    std::shared_ptr<QString> m_error;  // shared by a reader and every child, so the first failure is global
};

}  // namespace s2a::core
