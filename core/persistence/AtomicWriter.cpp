#include "core/persistence/AtomicWriter.h"

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace s2a::core {
namespace {

// Lets a test kill the process at a precise point of a save, to prove a crash there loses nothing.
void failpoint(const char* name)
{
    const char* wanted = std::getenv("S2A_FAILPOINT");
    if (wanted && std::strcmp(wanted, name) == 0)
        std::_Exit(86);
}

// Lets a test take away what a file system may lack: "no-hard-links" makes link() fail as on vfat/exFAT.
bool simulatedLimit(const char* name)
{
    const char* limits = std::getenv("S2A_SIMULATE");
    return limits && std::strstr(limits, name) != nullptr;
}

std::string uniqueTemp(const std::string& path)
{
    static std::atomic<unsigned> counter{0};
    return path + AtomicWriter::tempMarker() + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

bool writeFully(int fd, const char* data, std::size_t size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = ENOSPC;
            return false;
        }
        data += n;
        size -= std::size_t(n);
    }
    return true;
}

// The current file's bytes into `to` (a new file), for file systems that cannot hard-link.
bool copyFile(const std::string& from, const std::string& to)
{
    const int in = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return false;
    const int out = ::open(to.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (out < 0) {
        const int e = errno;
        ::close(in);
        errno = e;
        return false;
    }
    char buffer[1 << 16];
    bool ok = true;
    for (;;) {
        const ssize_t n = ::read(in, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            ok = false;
        if (n <= 0 || !(ok = writeFully(out, buffer, std::size_t(n))))
            break;
    }
    ok = ok && ::fsync(out) == 0;
    const int e = errno;
    ::close(in);
    ok = ::close(out) == 0 && ok;
    if (!ok) {
        ::unlink(to.c_str());
        errno = e;
    }
    return ok;
}

std::string directoryOf(const std::string& path)
{
    const auto slash = path.find_last_of('/');
    return slash == std::string::npos ? std::string(".") : slash == 0 ? std::string("/") : path.substr(0, slash);
}

}  // namespace

void syncDirectoryOf(const std::string& path)
{
    const int fd = ::open(directoryOf(path).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

AtomicWriter::AtomicWriter(std::string path) : m_path(std::move(path)), m_temp(uniqueTemp(m_path))
{
    m_fd = ::open(m_temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (m_fd < 0)
        fail(Stage::Create, errno);
}

AtomicWriter::~AtomicWriter()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed && m_stage != Stage::Create)
        ::unlink(m_temp.c_str());
}

bool AtomicWriter::fail(Stage stage, int error)
{
    if (m_stage == Stage::None) {
        m_stage = stage;
        m_error = error ? std::strerror(error) : "short write";
    }
    return false;
}

bool AtomicWriter::write(const void* data, std::size_t size)
{
    if (m_stage != Stage::None)
        return false;
    return writeFully(m_fd, static_cast<const char*>(data), size) || fail(Stage::Write, errno);
}

bool AtomicWriter::commit(const std::string& backupPath)
{
    if (m_stage != Stage::None)
        return false;
    if (::fsync(m_fd) != 0)
        return fail(Stage::Write, errno);
    const int fd = m_fd;
    m_fd = -1;
    if (::close(fd) != 0)
        return fail(Stage::Write, errno);

    failpoint("before-backup");
    struct stat current {};
    if (!backupPath.empty() && ::stat(m_path.c_str(), &current) == 0) {
        // Into a temp name first, then renamed: an existing backup is replaced atomically as well.
        const std::string backupTemp = uniqueTemp(backupPath);
        const bool linked = !simulatedLimit("no-hard-links") && ::link(m_path.c_str(), backupTemp.c_str()) == 0;
        if (!linked && !copyFile(m_path, backupTemp))
            return fail(Stage::Backup, errno);
        if (::rename(backupTemp.c_str(), backupPath.c_str()) != 0) {
            const int e = errno;
            ::unlink(backupTemp.c_str());
            return fail(Stage::Backup, e);
        }
    }

    failpoint("before-rename");
    if (::rename(m_temp.c_str(), m_path.c_str()) != 0)
        return fail(Stage::Replace, errno);
    m_committed = true;
    syncDirectoryOf(m_path);
    return true;
}

std::string writeFileAtomically(const std::string& path, const std::string& bytes)
{
    AtomicWriter writer(path);
    if (writer.write(bytes.data(), bytes.size()) && writer.commit())
        return {};
    return path + ": " + writer.error();
}

}  // namespace s2a::core
