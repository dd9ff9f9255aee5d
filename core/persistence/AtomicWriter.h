#pragma once

// The one way S2A Studio replaces a file (project saves and autosaves, model weights, peak caches), so that a
// crash, a power loss or a full disk leaves the old or the new contents, never a mix:
//   write a temp file beside the target (O_EXCL) -> fsync it -> optionally keep the current file as a backup
//   -> rename the temp over the target -> fsync the folder.
// The backup is a hard link (the old bytes stay where they are) or, on file systems without links
// (vfat/exFAT on a USB stick), a copy; either way it replaces an older backup atomically.
// Qt-free (std::string paths, POSIX calls) so the Qt-free model library writes its weights through it too;
// core/persistence/AtomicFile.h is its Qt face.
#include <cstddef>
#include <string>

namespace s2a::core {

class AtomicWriter {
public:
    enum class Stage { None, Create, Write, Backup, Replace };

    explicit AtomicWriter(std::string path);
    ~AtomicWriter();  // discards the temp file unless commit() succeeded
    AtomicWriter(const AtomicWriter&) = delete;
    AtomicWriter& operator=(const AtomicWriter&) = delete;

    // Appends bytes to the temp file; false (and failedStage() == Write) once anything failed.
    bool write(const void* data, std::size_t size);
    // Makes the new contents the file's. `backupPath`: where the current contents go first (none if empty, or
    // if there is no current file). False on failure, the target then unchanged.
    bool commit(const std::string& backupPath = {});

    Stage failedStage() const { return m_stage; }
    const std::string& error() const { return m_error; }  // strerror() of the failing call
    const std::string& tempPath() const { return m_temp; }

    // The marker in temp file names ("<target>.s2a-tmp-<pid>-<n>"), for cleaning up after a crash.
    static const char* tempMarker() { return ".s2a-tmp-"; }

private:
    bool fail(Stage stage, int error);

    std::string m_path;
    std::string m_temp;
    int m_fd = -1;
    bool m_committed = false;
    Stage m_stage = Stage::None;
    std::string m_error;
};

// The whole of `bytes` as the file's new contents, through an AtomicWriter. Empty on success, else what failed
// ("<path>: <reason>").
std::string writeFileAtomically(const std::string& path, const std::string& bytes);

// Flushes a folder's entries (renames, new files) to disk; failing only loses durability, so it reports nothing.
void syncDirectoryOf(const std::string& path);

}  // namespace s2a::core
