// Temporary files for the ingest tests. Header-only; include only from
// *_test.cc files.
#ifndef DYAD_INGEST_TEST_FILES_H_
#define DYAD_INGEST_TEST_FILES_H_

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace dyad {
namespace testfiles {

// A fresh directory unique to the running test and process, removed at
// destruction.
class ScratchDir {
 public:
  ScratchDir() {
    static int counter = 0;
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = std::string("dyad_ingest_") +
                       (info ? info->test_suite_name() : "x") + "_" +
                       (info ? info->name() : "x") + "_" +
                       std::to_string(::getpid()) + "_" +
                       std::to_string(counter++);
    for (char& c : name) {
      if (c == '/') c = '_';
    }
    path_ = std::filesystem::path(::testing::TempDir()) / name;
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

  // Writes `data` to `rel` (creating parent directories); returns the path.
  std::string Write(const std::string& rel, const std::string& data) const {
    std::filesystem::path p = path_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << data;
    return p.string();
  }

  // Writes `data` gzip-compressed with zlib's gzopen/gzwrite.
  std::string WriteGzip(const std::string& rel, const std::string& data) const {
    std::filesystem::path p = path_ / rel;
    std::filesystem::create_directories(p.parent_path());
    gzFile f = gzopen(p.c_str(), "wb");
    EXPECT_NE(f, nullptr);
    if (f != nullptr) {
      if (!data.empty()) {
        EXPECT_EQ(gzwrite(f, data.data(), static_cast<unsigned>(data.size())),
                  static_cast<int>(data.size()));
      }
      gzclose(f);
    }
    return p.string();
  }

  // Writes `data` zstd-compressed with ZSTD_compress.
  std::string WriteZstd(const std::string& rel, const std::string& data) const {
    return Write(rel, ZstdCompress(data));
  }

  static std::string ZstdCompress(const std::string& data) {
    std::string out(ZSTD_compressBound(data.size()), '\0');
    size_t n = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
    EXPECT_FALSE(ZSTD_isError(n));
    out.resize(ZSTD_isError(n) ? 0 : n);
    return out;
  }

  // Like ZstdCompress, with a content checksum so any damage is detected.
  static std::string ZstdCompressWithChecksum(const std::string& data) {
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
    std::string out(ZSTD_compressBound(data.size()), '\0');
    size_t n = ZSTD_compress2(cctx, out.data(), out.size(), data.data(), data.size());
    ZSTD_freeCCtx(cctx);
    EXPECT_FALSE(ZSTD_isError(n));
    out.resize(ZSTD_isError(n) ? 0 : n);
    return out;
  }

 private:
  std::filesystem::path path_;
};

inline std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace testfiles
}  // namespace dyad

#endif  // DYAD_INGEST_TEST_FILES_H_
