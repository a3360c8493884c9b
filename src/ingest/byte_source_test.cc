#include "ingest/byte_source.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/line_reader.h"
#include "ingest/test_files.h"

namespace dyad {
namespace {

using testfiles::ScratchDir;

std::string Drain(ByteSource* source, size_t chunk, Status* status) {
  std::string out(chunk, '\0');
  std::string all;
  while (true) {
    Result<size_t> n = source->Read(out.data(), out.size());
    if (!n.ok()) {
      *status = n.status();
      return all;
    }
    if (*n == 0) return all;
    all.append(out.data(), *n);
  }
}

std::string Sample() {
  std::string s;
  for (int i = 0; i < 50000; ++i) s += "line " + std::to_string(i) + "\n";
  return s;
}

TEST(ByteSourceTest, DetectsCompressionByMagicBytes) {
  EXPECT_EQ(DetectCompression("\x1f\x8b\x08", 3), Compression::kGzip);
  EXPECT_EQ(DetectCompression("\x28\xb5\x2f\xfd", 4), Compression::kZstd);
  EXPECT_EQ(DetectCompression("\x28\xb5", 2), Compression::kNone);
  EXPECT_EQ(DetectCompression("{\"a\"", 4), Compression::kNone);
  EXPECT_STREQ(CompressionName(Compression::kZstd), "zstd");
}

TEST(ByteSourceTest, DecompressesFilesInAnyChunkSize) {
  const std::string data = Sample();
  ScratchDir dir;
  struct Case {
    std::string path;
    Compression compression;
  };
  // Two gzip members back to back decode as one stream (like gzip -d).
  std::string gz = testfiles::ReadWhole(dir.WriteGzip("a.gz", data));
  std::string twice = dir.Write("twice.gz", gz + gz);
  std::string zst = ScratchDir::ZstdCompress(data);
  std::string zst_twice = dir.Write("twice.zst", zst + zst);
  const Case cases[] = {
      {dir.Write("plain.txt", data), Compression::kNone},
      {dir.WriteGzip("data.gz", data), Compression::kGzip},
      {dir.WriteZstd("data.zst", data), Compression::kZstd},
      {twice, Compression::kGzip},
      {zst_twice, Compression::kZstd},
      {dir.Write("tiny", "ab"), Compression::kNone},
      {dir.Write("empty", ""), Compression::kNone},
  };
  for (const Case& c : cases) {
    for (size_t chunk : {size_t{1} << 16, size_t{7}}) {
      SCOPED_TRACE(c.path + " chunk " + std::to_string(chunk));
      Compression detected;
      Result<std::unique_ptr<ByteSource>> source = OpenByteSource(c.path, &detected);
      ASSERT_TRUE(source.ok()) << source.status().ToString();
      EXPECT_EQ(detected, c.compression);
      Status status;
      std::string got = Drain(source->get(), chunk, &status);
      EXPECT_TRUE(status.ok()) << status.ToString();
      std::string expected = testfiles::ReadWhole(c.path);
      if (c.path == twice || c.path == zst_twice) {
        expected = data + data;
      } else if (c.compression != Compression::kNone) {
        expected = data;
      }
      EXPECT_EQ(got, expected);
    }
  }
}

TEST(ByteSourceTest, ReportsMissingAndDamagedInput) {
  ScratchDir dir;
  Result<std::unique_ptr<ByteSource>> missing =
      OpenByteSource((dir.path() / "nope").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);

  std::string gz = testfiles::ReadWhole(dir.WriteGzip("a.gz", Sample()));
  std::string zst = ScratchDir::ZstdCompress(Sample());
  struct Case {
    std::string bytes;
    const char* message;
  };
  const Case cases[] = {
      {gz.substr(0, gz.size() / 2), "truncated gzip stream"},
      {gz.substr(0, 10) + std::string(64, '\xff'), "corrupt gzip stream"},
      {gz + "junk after", "corrupt gzip stream"},
      {zst.substr(0, zst.size() / 2), "truncated zstd stream"},
      {zst.substr(0, 4) + std::string(64, '\xff'), "corrupt zstd stream"},
  };
  for (const Case& c : cases) {
    std::string path = dir.Write("bad", c.bytes);
    Result<std::unique_ptr<ByteSource>> source = OpenByteSource(path);
    ASSERT_TRUE(source.ok());
    Status status;
    Drain(source->get(), 1 << 16, &status);
    EXPECT_EQ(status.code(), StatusCode::kCorruption) << c.message;
    EXPECT_NE(status.message().find(c.message), std::string::npos)
        << status.message();
  }
}

TEST(LineReaderTest, SplitsLinesAndSkipsLongOnes) {
  std::string long_line(300000, 'x');  // spans several 256 KiB chunks
  LineReader reader(
      MakeStringByteSource("a\r\n\nbb\n" + long_line + "\nccc\n" + long_line + "x"),
      /*max_line=*/1000);
  using S = LineReader::LineStatus;
  struct Step {
    S status;
    const char* line;
    int64_t number;
  };
  const Step steps[] = {{S::kLine, "a", 1},       {S::kLine, "", 2},
                        {S::kLine, "bb", 3},      {S::kTooLong, nullptr, 4},
                        {S::kLine, "ccc", 5},     {S::kTooLong, nullptr, 6},
                        {S::kEof, nullptr, 6},    {S::kEof, nullptr, 6}};
  EXPECT_EQ(reader.Peek(2).substr(0, 2), "a\r");
  for (const Step& step : steps) {
    std::string_view line;
    ASSERT_EQ(reader.NextLine(&line), step.status) << step.number;
    if (step.line != nullptr) {
      EXPECT_EQ(line, step.line);
    }
    EXPECT_EQ(reader.line_number(), step.number);
  }
  EXPECT_EQ(reader.bytes(), static_cast<int64_t>(2 * long_line.size() + 13));
}

TEST(LineReaderTest, ReadAllStopsAtLimit) {
  std::string out;
  LineReader small(MakeStringByteSource("hello world"), 100);
  EXPECT_EQ(small.Peek(3).substr(0, 5), "hello");
  ASSERT_TRUE(small.ReadAll(100, &out));
  EXPECT_EQ(out, "hello world");
  LineReader big(MakeStringByteSource(std::string(1 << 20, 'a')), 100);
  EXPECT_FALSE(big.ReadAll(1000, &out));
  EXPECT_TRUE(big.status().ok());
}

}  // namespace
}  // namespace dyad
