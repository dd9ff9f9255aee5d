#include "JackDummyServer.h"

#include "core/playback/PlaybackController.h"

#include <QCoreApplication>
#include <QStandardPaths>

#include <csignal>
#include <sys/types.h>

namespace s2a::test {

JackDummyServer::JackDummyServer(int sampleRate, int period)
    : m_rate(sampleRate), m_period(period),
      m_name(QStringLiteral("s2a-test-%1").arg(QCoreApplication::applicationPid()))
{
}

JackDummyServer::~JackDummyServer() { stop(); }

bool JackDummyServer::start(QString* error)
{
    const QString jackd = QStandardPaths::findExecutable(QStringLiteral("jackd"));
    const QString jackWait = QStandardPaths::findExecutable(QStringLiteral("jack_wait"));
    if (jackd.isEmpty() || jackWait.isEmpty()) {
        *error = QStringLiteral("jackd / jack_wait not found (Debian package jackd2)");
        return false;
    }
    qputenv("JACK_DEFAULT_SERVER", m_name.toUtf8());
    qputenv("JACK_NO_START_SERVER", "1");
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    // Real-time scheduling where the system grants it (root, or a user in the audio group), which keeps the
    // period's deadlines even on a busy machine; --no-realtime otherwise.
    if (startServer(jackd, jackWait, true, error) || startServer(jackd, jackWait, false, error))
        return true;
    return false;
}

bool JackDummyServer::startServer(const QString& jackd, const QString& jackWait, bool realtime, QString* error)
{
    m_process.start(jackd, {realtime ? QStringLiteral("--realtime") : QStringLiteral("--no-realtime"), QStringLiteral("-n"), m_name, QStringLiteral("-d"),
                            QStringLiteral("dummy"), QStringLiteral("-r"), QString::number(m_rate),
                            QStringLiteral("-p"), QString::number(m_period)});
    if (!m_process.waitForStarted(5000)) {
        *error = QStringLiteral("jackd did not start: ") + m_process.errorString();
        return false;
    }
    QProcess wait;
    wait.start(jackWait, {QStringLiteral("-s"), m_name, QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("15")});
    if (!wait.waitForFinished(20000) || wait.exitCode() != 0) {
        *error = QStringLiteral("the JACK server did not come up: ") + QString::fromLocal8Bit(m_process.readAll());
        stop();
        return false;
    }
    return true;
}

JackDummyServer::Xruns JackDummyServer::takeXruns()
{
    Xruns counted;
    if (m_process.state() == QProcess::NotRunning)
        return counted;
    while (m_process.waitForReadyRead(50)) {
    }
    m_unparsed += m_process.readAll();
    const qsizetype complete = m_unparsed.lastIndexOf('\n') + 1;
    for (const QByteArray& line : m_unparsed.left(complete).split('\n')) {
        if (line.contains("was not finished"))
            ++counted.clientLate;
        else if (line.contains("Process XRun"))
            ++counted.driverLate;
    }
    m_unparsed.remove(0, complete);
    return counted;
}

bool JackDummyServer::pause()
{
    return m_process.state() == QProcess::Running && ::kill(pid_t(m_process.processId()), SIGSTOP) == 0;
}

bool JackDummyServer::resume()
{
    return m_process.state() == QProcess::Running && ::kill(pid_t(m_process.processId()), SIGCONT) == 0;
}

void JackDummyServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    resume();  // a frozen server would not see the terminate
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QString JackDummyServer::outputIn(const core::PlaybackController& playback)
{
    for (const core::OutputDevice& d : playback.devices())
        if (d.hostApi.contains(QLatin1String("JACK")))
            return d.name;
    return {};
}

}  // namespace s2a::test
