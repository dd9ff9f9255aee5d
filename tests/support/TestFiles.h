#pragma once

// Whole-file reads and writes for tests that damage or inspect files byte by byte.
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtTest>

namespace s2a::test {

// The file's bytes, or empty when it cannot be read.
inline QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Replaces the file's contents; a failure fails the calling test.
inline void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

}  // namespace s2a::test
