#pragma once

#include <QProcess>
#include <QString>

namespace s2a::core {
class PlaybackController;
}

namespace s2a::test {

// A private JACK server with the dummy driver: a real-time-paced audio device on a machine without a sound
// card. Started under a unique name and exported through JACK_DEFAULT_SERVER (so PortAudio finds it), stopped
// on destruction. JACK_NO_START_SERVER keeps clients from spawning servers of their own.
class JackDummyServer {
public:
    // What the server reported since the last call, read from its log. JACK says which side was late: its
    // own timer woke late ("JackTimedDriver::Process XRun", the machine's scheduling), or a client had not
    // finished its cycle when the next one began ("client = ... was not finished": that client's callback,
    // or its thread held up by the scheduler).
    struct Xruns {
        int driverLate = 0;
        int clientLate = 0;
    };
    Xruns takeXruns();

    explicit JackDummyServer(int sampleRate = 48000, int period = 256);
    ~JackDummyServer();

    bool start(QString* error);
    void stop();
    // Freezes the server (SIGSTOP) and lets it go on (SIGCONT): a device that stops calling back without
    // going away, as a stalled driver or a machine taking the core does.
    bool pause();
    bool resume();
    QString name() const { return m_name; }
    // The name of the JACK output among the devices `playback` lists (empty when PortAudio sees none).
    static QString outputIn(const core::PlaybackController& playback);

private:
    bool startServer(const QString& jackd, const QString& jackWait, bool realtime, QString* error);

    int m_rate;
    int m_period;
    QString m_name;
    QProcess m_process;
    QByteArray m_unparsed;  // a log line not yet complete
};

}  // namespace s2a::test
