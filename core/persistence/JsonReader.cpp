#include "core/persistence/JsonReader.h"

#include <QLocale>

#include <cmath>

namespace s2a::core {

QString jsonTypeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("nothing");
}

namespace {

// Sample positions must survive the trip through a double exactly.
constexpr double kMaxExactInteger = 9007199254740992.0;  // 2^53

}  // namespace

JsonReader::JsonReader(const QJsonObject& object, const QString& path)
    : JsonReader(object, path, std::make_shared<QString>())
{
}

JsonReader::JsonReader(const QJsonObject& object, const QString& path, std::shared_ptr<QString> error)
    : m_object(object), m_path(path), m_error(std::move(error))
{
}

QString JsonReader::pathOf(const QString& key) const { return m_path + QLatin1Char('.') + key; }

void JsonReader::fail(const QString& key, const QString& message)
{
    if (m_error->isEmpty())
        *m_error = pathOf(key) + QStringLiteral(": ") + message;
}

bool JsonReader::present(const QString& key, bool optional)
{
    if (!ok())
        return false;
    if (m_object.contains(key))
        return true;
    if (!optional)
        fail(key, QStringLiteral("is missing"));
    return false;
}

#define S2A_EXPECT(test, expected)                                                                           \
    if (!(test)) {                                                                                           \
        fail(key, QStringLiteral("expected " expected ", found %1").arg(jsonTypeName(value)));                   \
        return {};                                                                                           \
    }

QString JsonReader::string(const QString& key)
{
    if (!present(key, false))
        return {};
    const QJsonValue value = m_object.value(key);
    S2A_EXPECT(value.isString(), "a string");
    return value.toString();
}

QString JsonReader::optionalString(const QString& key, const QString& fallback)
{
    return present(key, true) ? string(key) : fallback;
}

double JsonReader::number(const QString& key)
{
    if (!present(key, false))
        return 0.0;
    const QJsonValue value = m_object.value(key);
    S2A_EXPECT(value.isDouble(), "a number");
    return value.toDouble();
}

double JsonReader::optionalNumber(const QString& key, double fallback)
{
    return present(key, true) ? number(key) : fallback;
}

qint64 JsonReader::integer(const QString& key)
{
    if (!present(key, false))
        return 0;
    const QJsonValue value = m_object.value(key);
    S2A_EXPECT(value.isDouble(), "an integer");
    const double d = value.toDouble();
    if (std::floor(d) != d || std::fabs(d) > kMaxExactInteger) {
        fail(key, QStringLiteral("expected an integer, found %1").arg(QString::number(d, 'g', QLocale::FloatingPointShortest)));
        return 0;
    }
    return qint64(d);
}

qint64 JsonReader::optionalInteger(const QString& key, qint64 fallback)
{
    return present(key, true) ? integer(key) : fallback;
}

bool JsonReader::boolean(const QString& key)
{
    if (!present(key, false))
        return false;
    const QJsonValue value = m_object.value(key);
    S2A_EXPECT(value.isBool(), "true or false");
    return value.toBool();
}

bool JsonReader::optionalBoolean(const QString& key, bool fallback)
{
    return present(key, true) ? boolean(key) : fallback;
}

QStringList JsonReader::optionalStringList(const QString& key)
{
    if (!present(key, true))
        return {};
    const QJsonValue value = m_object.value(key);
    S2A_EXPECT(value.isArray(), "an array of strings");
    QStringList out;
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        if (!array[i].isString()) {
            fail(QStringLiteral("%1[%2]").arg(key).arg(i),
                 QStringLiteral("expected a string, found %1").arg(jsonTypeName(array[i])));
            return {};
        }
        out << array[i].toString();
    }
    return out;
}

quint64 JsonReader::unsignedDecimal(const QString& key)
{
    const QString text = string(key);
    if (!ok())
        return 0;
    bool converted = false;
    const quint64 v = text.toULongLong(&converted);
    if (!converted)
        fail(key, QStringLiteral("\"%1\" is not an unsigned decimal number").arg(text));
    return v;
}

JsonReader JsonReader::object(const QString& key)
{
    if (present(key, false)) {
        const QJsonValue value = m_object.value(key);
        if (value.isObject())
            return JsonReader(value.toObject(), pathOf(key), m_error);
        fail(key, QStringLiteral("expected an object, found %1").arg(jsonTypeName(value)));
    }
    return JsonReader(QJsonObject(), pathOf(key), m_error);
}

QVector<JsonReader> JsonReader::objects(const QString& key, bool optional)
{
    QVector<JsonReader> out;
    if (!present(key, optional))
        return out;
    const QJsonValue value = m_object.value(key);
    if (!value.isArray()) {
        fail(key, QStringLiteral("expected an array, found %1").arg(jsonTypeName(value)));
        return out;
    }
    const QJsonArray array = value.toArray();
    for (int i = 0; i < array.size(); ++i) {
        const QString element = QStringLiteral("%1[%2]").arg(key).arg(i);
        if (!array[i].isObject()) {
            fail(element, QStringLiteral("expected an object, found %1").arg(jsonTypeName(array[i])));
            return {};
        }
        out.append(JsonReader(array[i].toObject(), pathOf(element), m_error));
    }
    return out;
}

#undef S2A_EXPECT

}  // namespace s2a::core
