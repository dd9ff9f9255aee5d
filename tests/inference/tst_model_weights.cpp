// The diffusion model's weights: safetensors round trips and every corruption class, interchange with a
// file written by an independent (Python, stdlib-only) writer in both directions, strict module loading,
// and SHA-256 against the standard vectors and sha256sum.
#include "SkipOrFail.h"
#include "TestFiles.h"
#include "inference/model/ModelResult.h"
#include "inference/model/Safetensors.h"
#include "inference/model/Sha256.h"
#include "inference/model/WeightLoader.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include <torch/torch.h>

#include <cstring>

using namespace s2a::model;

// QCOMPARE on std::string prints both values when they differ.
namespace QTest {
template <>
char* toString(const std::string& s)
{
    return qstrdup(s.c_str());
}
}  // namespace QTest

namespace {

// A small model with every kind of weight: submodule parameters (Linear, LayerNorm), a top-level
// parameter and a registered buffer. The options make the variants the mismatch test needs.
struct TinyNetOptions {
    bool renameBuffer = false;   // "scale" -> "gain"
    bool extraParameter = false; // adds "extra"
    bool reshapeOffset = false;  // "offset" [4] -> [2, 2]
};

struct TinyNetImpl : torch::nn::Module {
    explicit TinyNetImpl(TinyNetOptions o = {})
    {
        linear = register_module("linear", torch::nn::Linear(8, 4));
        norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({4})));
        offset = register_parameter("offset", o.reshapeOffset ? torch::randn({2, 2}) : torch::randn({4}));
        scale = register_buffer(o.renameBuffer ? "gain" : "scale", torch::rand({4}) + 0.5);
        if (o.extraParameter)
            register_parameter("extra", torch::randn({3}));
        // LayerNorm starts at weight 1, bias 0 in every instance; randomise so a load is visible.
        torch::NoGradGuard noGrad;
        norm->weight.uniform_(0.5, 1.5);
        norm->bias.uniform_(-0.5, 0.5);
    }
    torch::Tensor forward(const torch::Tensor& x) { return norm(linear(x)) * scale + offset.reshape({4}); }

    torch::nn::Linear linear{nullptr};
    torch::nn::LayerNorm norm{nullptr};
    torch::Tensor offset, scale;
};
TORCH_MODULE(TinyNet);

using s2a::test::readAll;
using s2a::test::writeAll;

// A safetensors file made by hand, for corruptions the writer would never produce.
QByteArray craft(const QByteArray& header, const QByteArray& data)
{
    QByteArray out(8, '\0');
    quint64 n = quint64(header.size());
    for (int i = 0; i < 8; ++i)
        out[i] = char((n >> (8 * i)) & 0xff);
    return out + header + data;
}

bool sameBytes(const torch::Tensor& a, const torch::Tensor& b)
{
    if (a.scalar_type() != b.scalar_type() || !a.sizes().equals(b.sizes()))
        return false;
    const torch::Tensor ca = a.contiguous(), cb = b.contiguous();
    return ca.nbytes() == cb.nbytes() && (ca.nbytes() == 0 || std::memcmp(ca.data_ptr(), cb.data_ptr(), ca.nbytes()) == 0);
}

std::map<std::string, torch::Tensor> snapshot(const torch::nn::Module& m)
{
    std::map<std::string, torch::Tensor> out;
    for (const auto& p : m.named_parameters())
        out[p.key()] = p.value().detach().clone();
    for (const auto& b : m.named_buffers())
        out[b.key()] = b.value().detach().clone();
    return out;
}

QString python()
{
    if (QFile::exists("/usr/bin/python3"))
        return "/usr/bin/python3";
    return QStandardPaths::findExecutable("python3");
}

// An independent writer and reader of the format: only the Python standard library (struct + json), so
// it runs wherever python3 does, with no numpy/torch/safetensors needed. The header is written the way a
// careless writer would: keys not sorted, spaces after separators, no padding, data in another order.
const char* kPythonScript = R"PY(
import json, struct, sys

def pack(fmt, values):
    return b''.join(struct.pack('<' + fmt, v) for v in values)

def bf16(values):  # truncating f32 bits is exact for the values used
    return b''.join(struct.pack('<H', struct.unpack('<I', struct.pack('<f', v))[0] >> 16) for v in values)

def write(path):
    tensors = [
        ('w.f32', 'F32', [2, 3], pack('f', [i * 0.5 - 1.0 for i in range(6)])),
        ('scalar', 'F32', [], pack('f', [3.5])),
        ('w.f16', 'F16', [4], pack('e', [i * 0.25 - 0.5 for i in range(4)])),
        ('w.bf16', 'BF16', [3], bf16([1.0, -2.5, 0.15625])),
        ('i64', 'I64', [2], pack('q', [-3, 1 << 40])),
        ('i32', 'I32', [1], pack('i', [-7])),
        ('u8', 'U8', [3], bytes([0, 127, 255])),
        ('flag', 'BOOL', [2], bytes([1, 0])),
        ('empty', 'F32', [0, 4], b''),
    ]
    header, data = {}, b''
    for name, dtype, shape, raw in reversed(tensors):
        header[name] = {'dtype': dtype, 'shape': shape, 'data_offsets': [len(data), len(data) + len(raw)]}
        data += raw
    header['__metadata__'] = {'format': 'pt', 'writer': 'python'}
    text = json.dumps(header).encode('utf-8')
    with open(path, 'wb') as f:
        f.write(struct.pack('<Q', len(text)) + text + data)

def check(path):
    blob = open(path, 'rb').read()
    n = struct.unpack('<Q', blob[:8])[0]
    header = json.loads(blob[8:8 + n].decode('utf-8'))
    start = 8 + n
    out = {'aligned': start % 8 == 0, 'keys': list(header.keys()), 'metadata': header.pop('__metadata__', {}),
           'tensors': {}}
    for name, info in header.items():
        b, e = info['data_offsets']
        raw = blob[start + b:start + e]
        dt = info['dtype']
        if dt == 'F32':
            vals = [v for (v,) in struct.iter_unpack('<f', raw)]
        elif dt == 'F16':
            vals = [v for (v,) in struct.iter_unpack('<e', raw)]
        elif dt == 'BF16':
            vals = [struct.unpack('<f', struct.pack('<I', h << 16))[0] for (h,) in struct.iter_unpack('<H', raw)]
        else:
            continue
        out['tensors'][name] = {'dtype': dt, 'shape': info['shape'], 'values': vals}
    print(json.dumps(out))

(write if sys.argv[1] == 'write' else check)(sys.argv[2])
)PY";

}  // namespace

class ModelWeightsTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sha256MatchesStandardVectors();
    void sha256OfFileMatchesSha256sum();
    void roundTripIsBitEqual();
    void writingIsDeterministicAndAligned();
    void corruptionsGiveSpecificErrors_data();
    void corruptionsGiveSpecificErrors();
    void writerRefusesBadInput();
    void readsFileWrittenByPython();
    void pythonReadsOurFile();
    void strictLoadReproducesForward();
    void mismatchListsEveryProblemAndChangesNothing();
    void halfAndBfloatFilesConvertIntoFloatModel();
    void missingFileNamesTheConfig();
    void expectedHashIsEnforced();
    void aFileTruncatedAfterOpeningIsStillReadWhole();

private:
    QTemporaryDir m_dir;
    std::string path(const char* name) const { return m_dir.filePath(name).toStdString(); }
};

void ModelWeightsTest::sha256MatchesStandardVectors()
{
    QCOMPARE(Sha256::hex(std::string()), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    QCOMPARE(Sha256::hex(std::string("abc")), std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    QCOMPARE(Sha256::hex(std::string("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
             std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
    // One million 'a', streamed in uneven chunks so every buffering path runs.
    const std::string chunk(1000, 'a');
    Sha256 hasher;
    std::size_t fed = 0;
    const std::size_t steps[] = {1, 63, 64, 65, 1000, 7};
    for (std::size_t i = 0; fed < 1000000; ++i) {
        const std::size_t n = std::min(steps[i % 6], 1000000 - fed);
        hasher.update(chunk.data(), n);
        fed += n;
    }
    QCOMPARE(hasher.hexDigest(), std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    // Lengths around the padding boundary: byte-at-a-time equals one shot.
    for (std::size_t len : {55, 56, 57, 63, 64, 65, 119, 120}) {
        const std::string msg(len, 'x');
        Sha256 bytewise;
        for (char c : msg)
            bytewise.update(&c, 1);
        QCOMPARE(bytewise.hexDigest(), Sha256::hex(msg));
    }
}

void ModelWeightsTest::sha256OfFileMatchesSha256sum()
{
    QByteArray bytes;
    for (int i = 0; i < 300000; ++i)
        bytes.append(char((quint64(i) * 7919u) % 251u));
    writeAll(m_dir.filePath("hash.bin"), bytes);
    const Result<std::string> ours = sha256File(path("hash.bin"));
    QVERIFY2(ours.ok(), ours.error.c_str());
    QCOMPARE(*ours, Sha256::hex(bytes.constData(), std::size_t(bytes.size())));
    QVERIFY(!sha256File(path("no-such-file")).ok());
    const QString tool = QStandardPaths::findExecutable("sha256sum");
    if (tool.isEmpty())
        S2A_SKIP_OR_FAIL_ON_CI("sha256sum is not installed");
    QProcess p;
    p.start(tool, {m_dir.filePath("hash.bin")});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(QString::fromLatin1(p.readAllStandardOutput()).section(' ', 0, 0).toStdString(), *ours);
}

void ModelWeightsTest::roundTripIsBitEqual()
{
    torch::manual_seed(3);
    TensorMap tensors;
    tensors["a.f32"] = torch::randn({3, 5});
    // Bit-exactness includes a NaN payload and the sign of zero, which a value comparison would miss.
    const std::uint32_t nanBits = 0x7fc00123u;
    std::memcpy(tensors["a.f32"].data_ptr<float>(), &nanBits, 4);
    tensors["a.f32"].data_ptr<float>()[1] = -0.0f;
    tensors["b.f16"] = torch::randn({2, 3, 4}).to(torch::kHalf);
    tensors["c.bf16"] = torch::randn({7}).to(torch::kBFloat16);
    tensors["d.scalar"] = torch::tensor(2.75f);
    QCOMPARE(tensors["d.scalar"].dim(), 0);
    tensors["e.empty16"] = torch::empty({0}, torch::kHalf);
    tensors["f.emptybf"] = torch::empty({2, 0, 3}, torch::kBFloat16);
    tensors["g.i64"] = torch::tensor(std::vector<std::int64_t>{-1, 1LL << 50, 3});
    tensors["h.u8"] = torch::tensor(std::vector<std::uint8_t>{0, 200, 255}).to(torch::kByte);
    tensors["i.bool"] = torch::tensor(std::vector<std::uint8_t>{1, 0, 1, 1}).reshape({2, 2}).to(torch::kBool);
    tensors["j.i32"] = torch::arange(6, torch::kInt).reshape({3, 2});
    tensors["k.view"] = torch::randn({4, 6}).t();  // not contiguous: written as its logical layout
    const WeightMetadata metadata{{"config", "tiny"}, {"note", "ünïcode ✓"}};

    const Result<std::string> written = writeTensors(path("round.safetensors"), tensors, metadata);
    QVERIFY2(written.ok(), written.error.c_str());
    const Result<TensorFile> read = readTensors(path("round.safetensors"));
    QVERIFY2(read.ok(), read.error.c_str());
    QCOMPARE(read->tensors.size(), tensors.size());
    for (const auto& [name, tensor] : tensors) {
        QVERIFY2(read->tensors.count(name), name.c_str());
        QVERIFY2(sameBytes(read->tensors.at(name), tensor), name.c_str());
        QVERIFY(read->tensors.at(name).device().is_cpu());
    }
    QCOMPARE(read->tensors.at("d.scalar").dim(), 0);
    QVERIFY(read->metadata == metadata);
    QCOMPARE(read->sha256, *written);
    QCOMPARE(*sha256File(path("round.safetensors")), *written);
}

void ModelWeightsTest::writingIsDeterministicAndAligned()
{
    torch::manual_seed(4);
    const torch::Tensor x = torch::randn({5}), y = torch::randn({3}).to(torch::kHalf);
    // The raw writer is given the tensors in two different orders.
    std::vector<SafeTensorBytes> forward{{"zeta", SafeDType::F32, {5}, x.data_ptr(), 20},
                                         {"alpha", SafeDType::F16, {3}, y.data_ptr(), 6}};
    std::vector<SafeTensorBytes> backward{forward[1], forward[0]};
    QVERIFY(writeSafetensors(path("det1.safetensors"), forward, {{"k", "v"}}).ok());
    QVERIFY(writeSafetensors(path("det2.safetensors"), backward, {{"k", "v"}}).ok());
    const QByteArray one = readAll(m_dir.filePath("det1.safetensors"));
    const QByteArray two = readAll(m_dir.filePath("det2.safetensors"));
    QVERIFY(!one.isEmpty());
    QCOMPARE(one, two);
    quint64 n = 0;
    for (int i = 7; i >= 0; --i)
        n = (n << 8) | quint8(one[i]);
    QCOMPARE((8 + n) % 8, quint64(0));
    const QByteArray header = one.mid(8, int(n));
    QVERIFY2(header.startsWith("{\"__metadata__\":{\"k\":\"v\"},\"alpha\":"), header.constData());
    QVERIFY(header.trimmed().endsWith('}'));
    QCOMPARE(quint64(one.size()), 8 + n + 26);
    // No temporary file is left beside the target.
    QCOMPARE(QDir(m_dir.path()).entryList({"det1.safetensors*"}, QDir::Files).size(), 1);
}

void ModelWeightsTest::corruptionsGiveSpecificErrors_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("expected");
    const QByteArray good = craft(R"({"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"b":{"dtype":"F32","shape":[4],"data_offsets":[24,40]}})",
                                  QByteArray(40, '\1'));
    QTest::newRow("shorter than the length field") << good.left(4) << "is truncated: it has 4 bytes";
    QTest::newRow("truncated data") << good.left(good.size() - 3) << "is truncated: the header describes 40 bytes of tensor data but the file holds only 37 (tensor \"b\" is cut off)";
    QByteArray longHeader = good;
    longHeader[2] = '\x7f';
    QTest::newRow("header length beyond file") << longHeader << "runs beyond the end of the file";
    QTest::newRow("bad json") << craft(R"({"a":{"dtype":"F32",)", {}) << "the header is not valid JSON";
    QTest::newRow("json not an object") << craft("[1,2]", {}) << "not an object";
    QTest::newRow("offsets out of range") << craft(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[100,108]}})", QByteArray(8, '\0'))
                                          << "tensor \"a\" has data_offsets [100, 108] beyond the 8 bytes of tensor data";
    QTest::newRow("overlap") << craft(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})", QByteArray(12, '\0'))
                             << "tensors \"a\" [0, 8] and \"b\" [4, 12] overlap";
    QTest::newRow("size mismatch") << craft(R"({"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}})", QByteArray(20, '\0'))
                                   << "tensor \"a\" has shape [2, 3] of F32 (24 bytes) but its data_offsets [0, 20] span 20 bytes";
    QTest::newRow("unknown dtype") << craft(R"({"a":{"dtype":"F7","shape":[1],"data_offsets":[0,1]}})", QByteArray(1, '\0'))
                                   << "tensor \"a\" has unknown dtype \"F7\"";
    QTest::newRow("negative shape") << craft(R"({"a":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}})", QByteArray(4, '\0'))
                                    << "tensor \"a\" has a shape entry that is not a non-negative integer";
    QTest::newRow("offsets reversed") << craft(R"({"a":{"dtype":"U8","shape":[1],"data_offsets":[5,4]}})", QByteArray(5, '\0'))
                                      << "end before they begin";
    // Found by fuzz_safetensors in CI: an empty tensor placed at 2^64 - 1 was accepted (empty tensors skipped the
    // span checks).
    QTest::newRow("empty tensor beyond the data")
        << craft(R"({"a":{"dtype":"U8","shape":[0],"data_offsets":[18446744073709551615,18446744073709551615]}})", {})
        << "tensor \"a\" has data_offsets";
    QTest::newRow("a name twice") << craft(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})",
                                           QByteArray(8, '\0'))
                                  << "the header names \"a\" twice";
    QTest::newRow("metadata not strings") << craft(R"({"__metadata__":{"n":3}})", {}) << "__metadata__ entry \"n\" is not a string";
}

void ModelWeightsTest::corruptionsGiveSpecificErrors()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, expected);
    const std::string p = path("corrupt.safetensors");
    writeAll(QString::fromStdString(p), file);
    const Result<TensorFile> read = readTensors(p);
    QVERIFY(!read.ok());
    const QString error = QString::fromStdString(read.error);
    QVERIFY2(error.contains(QString::fromStdString(p)), qPrintable(error));  // names the file
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.endsWith('.') || error.endsWith(')'), qPrintable(error));
    // A module load reports the same format error instead of a list of missing weights.
    TinyNet net;
    const Result<LoadReport> load = loadWeights(*net, p);
    QCOMPARE(load.error, read.error);
}

void ModelWeightsTest::writerRefusesBadInput()
{
    const float v[2] = {1, 2};
    QVERIFY(writeSafetensors(path("bad.safetensors"), {{"a", SafeDType::F32, {3}, v, 8}}).error.find("has shape [3] of F32 but 8 bytes") !=
            std::string::npos);
    QVERIFY(writeSafetensors(path("bad.safetensors"), {{"a", SafeDType::F32, {2}, v, 8}, {"a", SafeDType::F32, {2}, v, 8}})
                .error.find("\"a\" is given twice") != std::string::npos);
    QVERIFY(!writeSafetensors(path("bad.safetensors"), {{"__metadata__", SafeDType::F32, {2}, v, 8}}).ok());
    QVERIFY(!writeTensors(path("bad.safetensors"), {{"c", torch::zeros({2}, torch::kComplexFloat)}}).ok());
    QVERIFY(!QFile::exists(m_dir.filePath("bad.safetensors")));
    QVERIFY(!writeTensors(m_dir.filePath("no/such/dir/x.safetensors").toStdString(), {{"a", torch::zeros({1})}}).ok());
}

void ModelWeightsTest::readsFileWrittenByPython()
{
    const QString py = python();
    if (py.isEmpty())
        S2A_SKIP_OR_FAIL_ON_CI("python3 is not installed");
    writeAll(m_dir.filePath("ref.py"), kPythonScript);
    QProcess p;
    p.start(py, {m_dir.filePath("ref.py"), "write", m_dir.filePath("python.safetensors")});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());

    const Result<TensorFile> read = readTensors(path("python.safetensors"));
    QVERIFY2(read.ok(), read.error.c_str());
    const TensorMap& t = read->tensors;
    QCOMPARE(t.size(), std::size_t(9));
    QVERIFY(read->metadata == (WeightMetadata{{"format", "pt"}, {"writer", "python"}}));
    QCOMPARE(t.at("w.f32").scalar_type(), torch::kFloat);
    QVERIFY(torch::equal(t.at("w.f32"), torch::arange(6, torch::kFloat).mul(0.5).sub(1.0).reshape({2, 3})));
    QCOMPARE(t.at("scalar").dim(), 0);
    QCOMPARE(t.at("scalar").item<float>(), 3.5f);
    QCOMPARE(t.at("w.f16").scalar_type(), torch::kHalf);
    QVERIFY(torch::equal(t.at("w.f16"), torch::tensor({-0.5f, -0.25f, 0.0f, 0.25f}).to(torch::kHalf)));
    QCOMPARE(t.at("w.bf16").scalar_type(), torch::kBFloat16);
    QVERIFY(torch::equal(t.at("w.bf16").to(torch::kFloat), torch::tensor({1.0f, -2.5f, 0.15625f})));
    QVERIFY(torch::equal(t.at("i64"), torch::tensor(std::vector<std::int64_t>{-3, 1LL << 40})));
    QCOMPARE(t.at("i32").item<int>(), -7);
    QVERIFY(torch::equal(t.at("u8"), torch::tensor(std::vector<std::uint8_t>{0, 127, 255}).to(torch::kByte)));
    QCOMPARE(t.at("flag").scalar_type(), torch::kBool);
    QVERIFY(t.at("flag")[0].item<bool>() && !t.at("flag")[1].item<bool>());
    QCOMPARE(t.at("empty").sizes().vec(), (std::vector<std::int64_t>{0, 4}));
}

void ModelWeightsTest::pythonReadsOurFile()
{
    const QString py = python();
    if (py.isEmpty())
        S2A_SKIP_OR_FAIL_ON_CI("python3 is not installed");
    writeAll(m_dir.filePath("ref.py"), kPythonScript);
    const torch::Tensor f32 = torch::arange(6, torch::kFloat).mul(0.1f).reshape({3, 2});
    const torch::Tensor f16 = torch::tensor({1.5f, -0.333f, 65504.0f}).to(torch::kHalf);
    const torch::Tensor bf16 = torch::tensor({3.14159f, -1e-3f}).to(torch::kBFloat16);
    QVERIFY(writeTensors(path("ours.safetensors"), {{"x.f32", f32}, {"x.f16", f16}, {"x.bf16", bf16}}, {{"by", "c++"}}).ok());
    QProcess p;
    p.start(py, {m_dir.filePath("ref.py"), "check", m_dir.filePath("ours.safetensors")});
    QVERIFY(p.waitForFinished(60000));
    QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    const QJsonObject out = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    QVERIFY(out.value("aligned").toBool());
    QCOMPARE(out.value("metadata").toObject().value("by").toString(), QString("c++"));
    QCOMPARE(out.value("keys").toArray().first().toString(), QString("__metadata__"));
    const QJsonObject tensors = out.value("tensors").toObject();
    const std::pair<const char*, torch::Tensor> expected[] = {{"x.f32", f32}, {"x.f16", f16}, {"x.bf16", bf16}};
    for (const auto& [name, tensor] : expected) {
        const QJsonObject entry = tensors.value(name).toObject();
        QVERIFY2(!entry.isEmpty(), name);
        QCOMPARE(entry.value("shape").toArray().size(), int(tensor.dim()));
        const QJsonArray values = entry.value("values").toArray();
        const torch::Tensor flat = tensor.to(torch::kFloat).flatten();
        QCOMPARE(values.size(), int(flat.numel()));
        for (int i = 0; i < values.size(); ++i)
            QCOMPARE(float(values[i].toDouble()), flat[i].item<float>());
    }
}

void ModelWeightsTest::strictLoadReproducesForward()
{
    torch::manual_seed(11);
    TinyNet source;
    const Result<SaveReport> saved = saveWeights(*source, path("tiny.safetensors"), {{"config", "test"}});
    QVERIFY2(saved.ok(), saved.error.c_str());
    QCOMPARE(saved->tensorCount, std::size_t(6));

    torch::manual_seed(12);
    TinyNet fresh;
    const torch::Tensor x = torch::randn({5, 8});
    QVERIFY(!torch::equal(fresh->forward(x), source->forward(x)));
    const Result<LoadReport> loaded = loadWeights(*fresh, path("tiny.safetensors"), {"test", ""});
    QVERIFY2(loaded.ok(), loaded.error.c_str());
    QCOMPARE(loaded->tensorCount, std::size_t(6));
    QCOMPARE(loaded->sha256, saved->sha256);
    QCOMPARE(loaded->sha256, *sha256File(path("tiny.safetensors")));
    QCOMPARE(loaded->metadata.at("config"), std::string("test"));
    // Bitwise: the same weights, input, shapes and threads, so the same kernels run on the same numbers.
    QVERIFY(torch::equal(fresh->forward(x), source->forward(x)));
    QVERIFY(torch::equal(fresh->scale, source->scale));  // buffers load too
    QVERIFY(fresh->linear->weight.requires_grad());      // still trainable parameters
}

void ModelWeightsTest::mismatchListsEveryProblemAndChangesNothing()
{
    torch::manual_seed(21);
    TinyNet source;
    QVERIFY(saveWeights(*source, path("mismatch.safetensors")).ok());
    TinyNet changed(TinyNetOptions{true, true, true});
    const auto before = snapshot(*changed);
    const Result<LoadReport> loaded = loadWeights(*changed, path("mismatch.safetensors"));
    QVERIFY(!loaded.ok());
    QCOMPARE(loaded.error, path("mismatch.safetensors") +
                               ": 4 problems: missing extra; missing gain; unexpected scale; "
                               "offset has shape [4] in the file, the model wants [2, 2].");
    const auto after = snapshot(*changed);
    for (const auto& [name, value] : before)
        QVERIFY2(sameBytes(after.at(name), value), name.c_str());

    // One problem reads in the singular.
    TinyNet oneOff(TinyNetOptions{false, true, false});
    QCOMPARE(loadWeights(*oneOff, path("mismatch.safetensors")).error,
             path("mismatch.safetensors") + ": 1 problem: missing extra.");
    // Integer data cannot silently become a float weight.
    QVERIFY(writeTensors(path("ints.safetensors"), {{"w", torch::zeros({2}, torch::kLong)}}).ok());
    torch::nn::Module holder;
    holder.register_parameter("w", torch::zeros({2}));
    QCOMPARE(loadWeights(holder, path("ints.safetensors")).error,
             path("ints.safetensors") + ": 1 problem: w is I64 in the file, the model wants Float.");
}

void ModelWeightsTest::halfAndBfloatFilesConvertIntoFloatModel()
{
    torch::manual_seed(31);
    TinyNet source;
    for (torch::ScalarType type : {torch::kHalf, torch::kBFloat16}) {
        const std::string p = path(type == torch::kHalf ? "half.safetensors" : "bf16.safetensors");
        QVERIFY(saveWeights(*source, p, {}, type).ok());
        const Result<SafetensorsFile> raw = SafetensorsFile::open(p);
        QVERIFY2(raw.ok(), raw.error.c_str());
        QCOMPARE(raw->header().find("linear.weight")->dtype, type == torch::kHalf ? SafeDType::F16 : SafeDType::BF16);
        TinyNet target;
        const Result<LoadReport> loaded = loadWeights(*target, p);
        QVERIFY2(loaded.ok(), loaded.error.c_str());
        const auto want = snapshot(*source);
        for (const auto& [name, value] : snapshot(*target)) {
            QCOMPARE(value.scalar_type(), torch::kFloat);
            QVERIFY2(torch::equal(value, want.at(name).to(type).to(torch::kFloat)), name.c_str());
        }
    }
    QVERIFY(!saveWeights(*source, path("f64.safetensors"), {}, torch::kDouble).ok());
}

void ModelWeightsTest::missingFileNamesTheConfig()
{
    TinyNet net;
    const std::string p = path("absent/model.safetensors");
    QCOMPARE(loadWeights(*net, p, {"tiny", ""}).error, "No weights for config tiny at " + p + ".");
    QCOMPARE(loadWeights(*net, p).error, "No weights at " + p + ".");
}

void ModelWeightsTest::expectedHashIsEnforced()
{
    torch::manual_seed(41);
    TinyNet source;
    const Result<SaveReport> saved = saveWeights(*source, path("hashed.safetensors"));
    QVERIFY(saved.ok());
    TinyNet target;
    const auto before = snapshot(*target);
    const Result<LoadReport> wrong = loadWeights(*target, path("hashed.safetensors"), {"tiny", std::string(64, '0')});
    QVERIFY(!wrong.ok());
    QVERIFY2(wrong.error.find("has SHA-256 " + saved->sha256) != std::string::npos, wrong.error.c_str());
    for (const auto& [name, value] : snapshot(*target))
        QVERIFY(sameBytes(value, before.at(name)));
    QVERIFY(loadWeights(*target, path("hashed.safetensors"), {"tiny", saved->sha256}).ok());
}

// Issue 19: weights truncated underneath an open file (a copy still being written, a file replaced on a share)
// raised SIGBUS in the first memcpy from the mapping. The file is now read whole at open: what was opened stays
// readable, and a file shortened before it is opened is refused with its length.
void ModelWeightsTest::aFileTruncatedAfterOpeningIsStillReadWhole()
{
    TensorMap tensors;
    tensors["w"] = torch::arange(1 << 16, torch::kFloat);
    const std::string file = path("shrinking.safetensors");
    QVERIFY(writeTensors(file, tensors, {}).ok());
    Result<SafetensorsFile> opened = SafetensorsFile::open(file);
    QVERIFY2(opened.ok(), opened.error.c_str());
    const std::string hash = opened->sha256();
    QCOMPARE(::truncate(file.c_str(), 100), 0);  // a mapping would now fault past the first page
    const SafeTensorInfo& info = opened->header().tensors.front();
    float last = 0.0f;
    std::memcpy(&last, opened->data(info) + info.byteSize() - 4, 4);
    QCOMPARE(last, float((1 << 16) - 1));
    QCOMPARE(opened->sha256(), hash);
    const Result<SafetensorsFile> shortened = SafetensorsFile::open(file);
    QVERIFY(!shortened.ok());
    QVERIFY2(shortened.error.find("is truncated") != std::string::npos, shortened.error.c_str());
}

QTEST_GUILESS_MAIN(ModelWeightsTest)
#include "tst_model_weights.moc"
