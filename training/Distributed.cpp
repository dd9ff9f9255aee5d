#include "training/Distributed.h"

#include "core/util/StableHash.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#ifdef S2A_WITH_NCCL
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <map>
#include <stdexcept>

namespace s2a::training {

namespace {

bool readInt(const char* name, int& value)
{
    const char* text = std::getenv(name);
    if (!text || !*text)
        return false;
    char* end = nullptr;
    const long parsed = std::strtol(text, &end, 10);
    if (*end != '\0' || parsed < 0 || parsed > 1 << 20)
        throw std::invalid_argument(std::string(name) + "=" + text + " is not a count");
    value = int(parsed);
    return true;
}

class SingleProcess final : public Distributed {
public:
    int rank() const override { return 0; }
    int worldSize() const override { return 1; }
    std::string backend() const override { return "single process"; }
    void broadcast(std::vector<torch::Tensor>&) override {}
    void allReduceSum(torch::Tensor&) override {}
    void mainRankDoes(const std::string&, const std::function<void()>& work) override { work(); }
    std::unique_ptr<GradientSync> gradientSync(const std::vector<torch::Tensor>&, int64_t) override
    {
        throw std::logic_error("a world of one has no gradients to average");
    }
};

// Gradient buckets: parameters in reverse order (the backward pass finishes the last layers first), cut every
// `bucketBytes`. A bucket's all-reduce starts from the hook of its last gradient, and buckets start strictly
// in order, so every rank issues the same collectives in the same order whatever its threads' timing.
class BucketedSync final : public Distributed::GradientSync {
public:
    BucketedSync(c10d::ProcessGroup& group, std::vector<torch::Tensor> parameters, int64_t bucketBytes)
        : m_group(group), m_parameters(std::move(parameters)), m_where(m_parameters.size())
    {
        for (size_t k = m_parameters.size(); k-- > 0;) {
            const torch::Tensor& p = m_parameters[k];
            if (m_buckets.empty() || m_buckets.back().bytes >= bucketBytes || m_buckets.back().dtype != p.scalar_type()) {
                m_buckets.emplace_back();
                m_buckets.back().dtype = p.scalar_type();
            }
            Bucket& b = m_buckets.back();
            m_where[k] = {m_buckets.size() - 1, b.size};
            b.members.push_back(k);
            b.size += p.numel();
            b.bytes += p.numel() * int64_t(p.element_size());
        }
        for (Bucket& b : m_buckets)
            b.flat = torch::zeros({b.size}, torch::TensorOptions().dtype(b.dtype));  // host staging (Gloo)
        for (size_t k = 0; k < m_parameters.size(); ++k)
            m_hooks.push_back(m_parameters[k].register_hook([this, k](const torch::Tensor& grad) { return ready(k, grad); }));
    }

    ~BucketedSync() override
    {
        for (size_t k = 0; k < m_parameters.size(); ++k)
            m_parameters[k].remove_hook(m_hooks[k]);
    }

    void arm() override
    {
        for (Bucket& b : m_buckets) {
            b.pending = b.members.size();
            b.work.reset();
        }
        m_done.assign(m_parameters.size(), false);
        m_next = 0;
        m_armed = true;
    }

    void finish() override
    {
        // Parameters that got no gradient this step (a head the loss did not use) count as zero.
        for (size_t k = 0; k < m_parameters.size(); ++k)
            if (!m_done[k])
                ready(k, torch::Tensor());
        m_armed = false;
        const double scale = 1.0 / double(m_group.getSize());
        for (Bucket& b : m_buckets) {
            b.work->wait();
            for (size_t k : b.members) {
                torch::Tensor& p = m_parameters[k];
                const auto averaged = b.flat.narrow(0, m_where[k].offset, p.numel()).view(p.sizes()).mul(scale).to(p.device());
                if (p.grad().defined())
                    p.mutable_grad().copy_(averaged);
                else
                    p.mutable_grad() = averaged;
            }
        }
    }

private:
    struct Bucket {
        torch::ScalarType dtype = torch::kFloat32;
        std::vector<size_t> members;
        int64_t size = 0;
        int64_t bytes = 0;
        torch::Tensor flat;
        size_t pending = 0;
        c10::intrusive_ptr<c10d::Work> work;
    };
    struct Place {
        size_t bucket = 0;
        int64_t offset = 0;
    };

    torch::Tensor ready(size_t k, const torch::Tensor& grad)
    {
        if (!m_armed || m_done[k])
            return grad;
        m_done[k] = true;
        const torch::Tensor& p = m_parameters[k];
        Bucket& b = m_buckets[m_where[k].bucket];
        auto slot = b.flat.narrow(0, m_where[k].offset, p.numel());
        // The hook sees this micro-batch's gradient; earlier micro-batches of the step are already in .grad.
        torch::NoGradGuard noGrad;
        if (grad.defined() && p.grad().defined())
            slot.copy_((grad + p.grad()).reshape(-1));
        else if (grad.defined())
            slot.copy_(grad.reshape(-1));
        else if (p.grad().defined())
            slot.copy_(p.grad().reshape(-1));
        else
            slot.zero_();
        --b.pending;
        while (m_next < m_buckets.size() && m_buckets[m_next].pending == 0) {
            std::vector<torch::Tensor> tensors{m_buckets[m_next].flat};
            m_buckets[m_next].work = m_group.allreduce(tensors);
            ++m_next;
        }
        return grad;
    }

    c10d::ProcessGroup& m_group;
    std::vector<torch::Tensor> m_parameters;
    std::vector<Place> m_where;
    std::vector<Bucket> m_buckets;
    std::vector<unsigned> m_hooks;
    std::vector<bool> m_done;
    size_t m_next = 0;
    bool m_armed = false;
};

class Collective final : public Distributed {
public:
    Collective(const WorldInfo& world, const torch::Device& device, std::chrono::milliseconds timeout,
               std::chrono::milliseconds joinTimeout)
        : m_rank(world.rank), m_size(world.worldSize)
    {
        c10d::TCPStoreOptions storeOptions;
        storeOptions.port = uint16_t(world.masterPort);
        storeOptions.isServer = world.rank == 0;
        storeOptions.numWorkers = size_t(world.worldSize);
        storeOptions.waitWorkers = true;
        storeOptions.timeout = joinTimeout;
        m_store = c10::make_intrusive<c10d::TCPStore>(world.masterAddress, storeOptions);
        m_store->setTimeout(timeout);
#ifdef S2A_WITH_NCCL
        if (device.is_cuda()) {
            auto options = c10d::ProcessGroupNCCL::Options::create();
            options->timeout = timeout;
            m_group = c10::make_intrusive<c10d::ProcessGroupNCCL>(m_store, world.rank, world.worldSize, options);
            m_backend = "nccl";
            return;
        }
#else
        (void)device;  // CUDA tensors are staged through host memory for Gloo (Distributed.h)
#endif
        auto options = c10d::ProcessGroupGloo::Options::create(timeout);
        options->devices.push_back(world.masterAddress == "127.0.0.1" || world.masterAddress == "localhost"
                                       ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                                       : c10d::ProcessGroupGloo::createDefaultDevice());
        options->threads = 2;
        m_group = c10::make_intrusive<c10d::ProcessGroupGloo>(m_store, world.rank, world.worldSize, options);
        m_backend = "gloo";
    }

    int rank() const override { return m_rank; }
    int worldSize() const override { return m_size; }
    std::string backend() const override { return m_backend; }

    void broadcast(std::vector<torch::Tensor>& tensors) override
    {
        // One flat tensor per dtype: one collective instead of hundreds.
        std::map<torch::ScalarType, std::vector<torch::Tensor*>> byType;
        for (auto& t : tensors)
            byType[t.scalar_type()].push_back(&t);
        for (auto& [type, members] : byType) {
            std::vector<torch::Tensor> parts;
            for (auto* t : members)
                parts.push_back(t->detach().to(torch::kCPU).reshape(-1));
            std::vector<torch::Tensor> flat{torch::cat(parts)};
            m_group->broadcast(flat)->wait();
            int64_t offset = 0;
            torch::NoGradGuard noGrad;
            for (auto* t : members) {
                t->copy_(flat[0].narrow(0, offset, t->numel()).view(t->sizes()));
                offset += t->numel();
            }
        }
    }

    void allReduceSum(torch::Tensor& tensor) override
    {
        std::vector<torch::Tensor> tensors{tensor.device().is_cpu() ? tensor : tensor.to(torch::kCPU)};
        m_group->allreduce(tensors)->wait();
        if (!tensor.device().is_cpu())
            tensor.copy_(tensors[0]);
    }

    void mainRankDoes(const std::string& tag, const std::function<void()>& work) override
    {
        const std::string key = "s2a/done/" + tag;
        if (isMain()) {
            work();
            m_store->set(key, std::vector<uint8_t>{1});
        } else {
            // Rank 0 may need minutes; if it dies, the store it serves goes with it and the wait fails at once.
            m_store->wait({key}, std::chrono::hours(24));
        }
    }

    std::unique_ptr<GradientSync> gradientSync(const std::vector<torch::Tensor>& parameters, int64_t bucketBytes) override
    {
        return std::make_unique<BucketedSync>(*m_group, parameters, bucketBytes);
    }

private:
    int m_rank;
    int m_size;
    std::string m_backend;
    c10::intrusive_ptr<c10d::Store> m_store;
    c10::intrusive_ptr<c10d::ProcessGroup> m_group;
};

}  // namespace

WorldInfo worldFromEnvironment()
{
    WorldInfo w;
    if (readInt("RANK", w.rank)) {
        if (!readInt("WORLD_SIZE", w.worldSize))
            throw std::invalid_argument("RANK is set but WORLD_SIZE is not");
        if (!readInt("LOCAL_RANK", w.localRank))
            w.localRank = w.rank;
    } else if (readInt("SLURM_PROCID", w.rank)) {
        if (!readInt("SLURM_NTASKS", w.worldSize))
            throw std::invalid_argument("SLURM_PROCID is set but SLURM_NTASKS is not");
        if (!readInt("SLURM_LOCALID", w.localRank))
            w.localRank = w.rank;
    }
    if (const char* address = std::getenv("MASTER_ADDR"); address && *address)
        w.masterAddress = address;
    readInt("MASTER_PORT", w.masterPort);
    if (w.worldSize < 1 || w.rank >= w.worldSize)
        throw std::invalid_argument("rank " + std::to_string(w.rank) + " is not below the world size " +
                                    std::to_string(w.worldSize));
    if (w.masterPort < 1 || w.masterPort > 65535)
        throw std::invalid_argument("MASTER_PORT " + std::to_string(w.masterPort) + " is not a TCP port");
    return w;
}

std::unique_ptr<Distributed> Distributed::single()
{
    return std::make_unique<SingleProcess>();
}

std::unique_ptr<Distributed> Distributed::connect(const WorldInfo& world, const torch::Device& device,
                                                  std::chrono::milliseconds timeout, std::chrono::milliseconds joinTimeout)
{
    if (world.worldSize == 1)
        return single();
    return std::make_unique<Collective>(world, device, timeout, joinTimeout);
}

ItemRange sliceOf(int items, int rank, int worldSize)
{
    if (worldSize < 1 || items < worldSize || items % worldSize != 0)
        throw std::invalid_argument("a global batch of " + std::to_string(items) + " does not split evenly over " +
                                    std::to_string(worldSize) + " ranks");
    const int each = items / worldSize;
    return {rank * each, (rank + 1) * each};
}

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    const bool ok = fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0
                    && ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    const int error = errno;
    if (fd >= 0)
        ::close(fd);
    if (!ok)
        throw std::runtime_error(std::string("no free TCP port on 127.0.0.1: ") + std::strerror(error));
    return ntohs(address.sin_port);
}

uint64_t parameterHash(const std::vector<torch::Tensor>& tensors)
{
    std::string_view none;
    uint64_t hash = core::stableHash(none);
    for (const auto& t : tensors) {
        const auto bytes = t.detach().to(torch::kCPU).contiguous();
        hash = core::stableHash(std::string_view(static_cast<const char*>(bytes.data_ptr()), size_t(bytes.nbytes())), hash);
    }
    return hash;
}

}  // namespace s2a::training
