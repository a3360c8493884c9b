#include "ingest/reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/test_files.h"
#include "util/testing.h"

namespace dyad {
namespace {

using testfiles::ScratchDir;

// Reads `inputs`, collecting documents, errors and stats.
struct ReadResult {
  std::vector<Document> docs;
  std::vector<ReadError> errors;
  ReadStats stats;
};

ReadResult ReadInputs(const std::vector<std::string>& inputs,
                      ReaderOptions options = {}) {
  ReadResult r;
  options.on_error = [&r](const ReadError& e) { r.errors.push_back(e); };
  r.docs = ReadAllDocuments(inputs, options, &r.stats);
  return r;
}

ReaderOptions WithDefaultDate(const std::string& date) {
  ReaderOptions options;
  options.default_date = date;
  return options;
}

std::string ErrorsToString(const std::vector<ReadError>& errors) {
  std::string s;
  for (const ReadError& e : errors) s += e.ToString() + "\n";
  return s;
}

std::vector<std::string> Ids(const std::vector<Document>& docs) {
  std::vector<std::string> ids;
  for (const Document& d : docs) ids.push_back(d.id);
  return ids;
}

constexpr char kSmallPage[] =
    "<!doctype html><html><head><title>Page title</title>"
    "<meta property='article:published_time' content='2023-03-04T05:06:07Z'>"
    "</head><body><nav>Home | World</nav><article><h1>Headline</h1>"
    "<p>First paragraph.</p><p>Second paragraph.</p></article>"
    "<footer>Copyright</footer></body></html>";

constexpr char kJsonl[] =
    R"({"id": "a1", "date": "2024-06-19", "title": "T1", "text": "Body one.", "url": "http://x/1", "source": "KCNA", "byline": "Kim", "lang": "en", "words": 2, "score": 0.5, "tags": ["x"], "extra": null})"
    "\n"
    R"({"date": "2024-06-19T10:00:00Z", "text": "Body two."})"
    "\n\n"
    R"({"id": 42, "date": "20240620", "text": "Body three."})";

TEST(ReaderTest, ParsesInputFormatNames) {
  struct Case {
    const char* name;
    bool ok;
    InputFormat format;
  };
  const Case cases[] = {{"auto", true, InputFormat::kAuto},
                        {"text", true, InputFormat::kText},
                        {"jsonl", true, InputFormat::kJsonl},
                        {"html", true, InputFormat::kHtml},
                        {"xml", false, InputFormat::kAuto}};
  for (const Case& c : cases) {
    Result<InputFormat> f = ParseInputFormat(c.name);
    ASSERT_EQ(f.ok(), c.ok) << c.name;
    if (c.ok) {
      EXPECT_EQ(*f, c.format) << c.name;
    }
  }
  EXPECT_EQ((ReadError{"a.jsonl", 3, "bad"}).ToString(), "a.jsonl:3: bad");
  EXPECT_EQ((ReadError{"a.txt", 0, "bad"}).ToString(), "a.txt: bad");
}

TEST(ReaderTest, TextWithHeader) {
  ScratchDir dir;
  std::string path = dir.Write(
      "story.txt",
      "Title: Talks resume\nDATE: 2024-06-19T08:00:00Z\nSource: KCNA\n"
      "URL: http://example.org/a\nByline: Kim Il\nId: kcna-1\n"
      "Section: World\n\n"
      "First line of para one.   \r\nSecond line.\n\n\n  \n"
      "Para two \xC3\xA9t\xC3\xA9.\n\n");
  ReadResult r = ReadInputs({path}, WithDefaultDate("2000-01-01"));
  ASSERT_EQ(r.docs.size(), 1u) << ErrorsToString(r.errors);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.id, "kcna-1");
  EXPECT_EQ(d.date, "2024-06-19");
  EXPECT_EQ(d.title, "Talks resume");
  EXPECT_EQ(d.source, "KCNA");
  EXPECT_EQ(d.url, "http://example.org/a");
  EXPECT_EQ(d.byline, "Kim Il");
  EXPECT_EQ(d.text,
            "First line of para one.\nSecond line.\n\nPara two \xC3\xA9t\xC3\xA9.");
  ASSERT_EQ(d.metadata.size(), 1u);
  EXPECT_EQ(d.metadata[0], std::make_pair(std::string("section"),
                                          std::string("World")));
  EXPECT_EQ(d.origin, path);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.stats.documents, 1);
  EXPECT_EQ(r.stats.skipped, 0);
  EXPECT_GT(r.stats.bytes, 100);
}

TEST(ReaderTest, TextWithoutHeaderUsesDefaultDateAndFileName) {
  ScratchDir dir;
  std::string path = dir.Write(
      "note.txt", "Note: the talks resumed.\nMore text.\n\nSecond paragraph.\n");
  ReadResult r = ReadInputs({path}, WithDefaultDate("2001-02-03"));
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].id, "note.txt");
  EXPECT_EQ(r.docs[0].date, "2001-02-03");
  EXPECT_EQ(r.docs[0].title, "");
  EXPECT_EQ(r.docs[0].text,
            "Note: the talks resumed.\nMore text.\n\nSecond paragraph.");
}

TEST(ReaderTest, WalksDirectoriesInSortedOrderSkippingHiddenFiles) {
  ScratchDir dir;
  dir.Write("corpus/b.txt", "Bee.");
  dir.Write("corpus/a.txt", "Ay.");
  dir.Write("corpus/sub/c.txt", "Sea.");
  dir.Write("corpus/sub/a2.txt", "Ay two.");
  dir.Write("corpus/.hidden.txt", "Hidden.");
  dir.Write("corpus/.git/d.txt", "Hidden dir.");
  dir.Write("corpus/z/news.jsonl", R"({"text": "From JSONL."})" "\n");
  // Notes beside a corpus are not articles; named on the command line
  // (single.md below) a file is always read.
  dir.Write("corpus/README.md", "About this corpus.");
  dir.Write("corpus/list.csv", "a,b");
  std::string single = dir.Write("single.md", "Single.");
  ReadResult r = ReadInputs({(dir.path() / "corpus").string(), single});
  EXPECT_EQ(Ids(r.docs),
            (std::vector<std::string>{"a.txt", "b.txt", "sub/a2.txt",
                                      "sub/c.txt", "z/news.jsonl:1",
                                      "single.md"}));
  EXPECT_EQ(r.docs[1].text, "Bee.");
  EXPECT_TRUE(r.errors.empty()) << ErrorsToString(r.errors);
}

TEST(ReaderTest, JsonlFieldsMetadataAndIdSynthesis) {
  ScratchDir dir;
  std::string path = dir.Write("news.jsonl", kJsonl);
  ReadResult r = ReadInputs({path}, WithDefaultDate("1999-01-01"));
  ASSERT_EQ(r.docs.size(), 3u) << ErrorsToString(r.errors);
  EXPECT_TRUE(r.errors.empty()) << ErrorsToString(r.errors);
  const Document& a = r.docs[0];
  EXPECT_EQ(a.id, "a1");
  EXPECT_EQ(a.date, "2024-06-19");
  EXPECT_EQ(a.title, "T1");
  EXPECT_EQ(a.text, "Body one.");
  EXPECT_EQ(a.url, "http://x/1");
  EXPECT_EQ(a.source, "KCNA");
  EXPECT_EQ(a.byline, "Kim");
  EXPECT_EQ(a.origin, path + ":1");
  using Meta = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(a.metadata, (Meta{{"lang", "en"}, {"words", "2"}, {"score", "0.5"}}));
  EXPECT_EQ(r.docs[1].id, "news.jsonl:2");
  EXPECT_EQ(r.docs[1].date, "2024-06-19");
  EXPECT_EQ(r.docs[2].id, "42");
  EXPECT_EQ(r.docs[2].date, "2024-06-20");
  EXPECT_EQ(r.docs[2].origin, path + ":4");
  EXPECT_EQ(r.stats.documents, 3);
  EXPECT_EQ(r.stats.bytes, static_cast<int64_t>(sizeof(kJsonl) - 1));
}

TEST(ReaderTest, JsonlCustomFieldNames) {
  ScratchDir dir;
  std::string path = dir.Write(
      "gdelt.ndjson",
      R"({"GLOBALEVENTID": "g1", "SQLDATE": 20190105, "body": "Text here.", "headline": "H", "link": "u", "outlet": "o", "author": "b", "text": "not the text"})");
  ReaderOptions options;
  options.id_field = "GLOBALEVENTID";
  options.date_field = "SQLDATE";
  options.text_field = "body";
  options.title_field = "headline";
  options.url_field = "link";
  options.source_field = "outlet";
  options.byline_field = "author";
  ReadResult r = ReadInputs({path}, options);
  ASSERT_EQ(r.docs.size(), 1u) << ErrorsToString(r.errors);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.id, "g1");
  EXPECT_EQ(d.date, "2019-01-05");
  EXPECT_EQ(d.text, "Text here.");
  EXPECT_EQ(d.title, "H");
  EXPECT_EQ(d.url, "u");
  EXPECT_EQ(d.source, "o");
  EXPECT_EQ(d.byline, "b");
  ASSERT_EQ(d.metadata.size(), 1u);
  EXPECT_EQ(d.metadata[0].first, "text");
}

TEST(ReaderTest, ForcedFormatOverridesExtension) {
  ScratchDir dir;
  std::string path = dir.Write("odd.jsonl", "{not json, but prose}\n");
  ReaderOptions options;
  options.format = InputFormat::kText;
  ReadResult r = ReadInputs({path}, options);
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "{not json, but prose}");
}

TEST(ReaderTest, SniffsFormatOfFilesWithoutKnownExtension) {
  ScratchDir dir;
  std::string jsonl = dir.Write("a.data", "  {\"text\": \"json\"}\n");
  std::string html = dir.Write("b.data", kSmallPage);
  std::string text = dir.Write("c.data", "<b>not html</b> plain.");
  ReadResult r = ReadInputs({jsonl, html, text});
  ASSERT_EQ(r.docs.size(), 3u) << ErrorsToString(r.errors);
  EXPECT_EQ(r.docs[0].text, "json");
  EXPECT_EQ(r.docs[1].text, "Headline\n\nFirst paragraph.\n\nSecond paragraph.");
  EXPECT_EQ(r.docs[2].text, "<b>not html</b> plain.");
}

struct BadInputCase {
  const char* name;
  const char* file;      // written under the scratch dir ("" = none)
  std::string content;
  int compression;       // 0 none, 1 gzip, 2 zstd
  size_t max_record_bytes;
  int64_t line;          // expected ReadError::line
  const char* message;   // expected substring of the message
  size_t good_docs;      // documents still read from the same file
};

std::string CorruptMiddle(std::string data) {
  for (size_t i = data.size() * 3 / 4; i < data.size() * 3 / 4 + 8; ++i) {
    data[i] = static_cast<char>(data[i] ^ 0x5A);
  }
  return data;
}

TEST(ReaderTest, ReportsAndSkipsBadInput) {
  std::string big_jsonl;
  for (int i = 0; i < 8000; ++i) {
    big_jsonl += R"({"id": ")" + std::to_string(i) +
                 R"(", "text": "Some text that compresses but is long enough to matter )" +
                 std::to_string(i * 7919) + "\"}\n";
  }
  const BadInputCase cases[] = {
      {"invalid UTF-8 in a JSON line", "u.jsonl",
       "{\"text\": \"ok\"}\n{\"text\": \"bad \xC3\x28 byte\"}\n{\"text\": \"ok\"}\n",
       0, 8u << 20, 2, "invalid UTF-8 at byte 14", 2},
      {"invalid UTF-8 in a text file", "u.txt", "Line one.\nLine two.\nBad \xFF here.\n",
       0, 8u << 20, 3, "invalid UTF-8 at byte 24", 0},
      {"overlong UTF-8 encoding in HTML", "u.html",
       "<html><body><p>x \xC0\xAF</p></body></html>", 0, 8u << 20, 1,
       "invalid UTF-8 at byte 17", 0},
      {"binary file", "b.txt", std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0", 12), 0,
       8u << 20, 0, "binary data", 0},
      {"control characters", "c.txt", "\x01\x02\x03\x04\x05 abc \x06\x07\x08", 0,
       8u << 20, 0, "binary data", 0},
      {"NUL byte in a JSON line", "n.jsonl",
       std::string("{\"text\": \"ok\"}\n{\"text\": \"a\0b\"}\n", 30), 0, 8u << 20, 2,
       "binary data", 1},
      {"broken JSON line", "j.jsonl",
       "{\"text\": \"ok\"}\n{\"text\": \"ok\"}\n{\"text\": \"unterminated}\n{\"text\": \"ok\"}\n",
       0, 8u << 20, 3, "invalid JSON", 3},
      {"JSON line that is not an object", "a.jsonl", "[1, 2]\n{\"text\": \"ok\"}\n",
       0, 8u << 20, 1, "not an object", 1},
      {"record with empty text", "e.jsonl",
       "{\"text\": \"ok\"}\n{\"id\": \"x\", \"text\": \" \\n\\t \"}\n", 0, 8u << 20, 2,
       "no text", 1},
      {"record without a text field", "m.jsonl", "{\"title\": \"no body\"}\n", 0,
       8u << 20, 1, "no text", 0},
      {"text file with no text", "empty.txt", "Title: Only a header\n\n   \n", 0,
       8u << 20, 0, "no text", 0},
      {"oversized JSON line", "o.jsonl",
       "{\"text\": \"ok\"}\n{\"text\": \"" + std::string(500, 'x') +
           "\"}\n{\"text\": \"ok\"}\n",
       0, 100, 2, "record larger than 100 bytes", 2},
      {"oversized JSON line spanning many chunks", "o2.jsonl",
       "{\"text\": \"" + std::string(3 << 20, 'y') + "\"}\n{\"text\": \"ok\"}\n", 0,
       1 << 20, 1, "record larger than 1048576 bytes", 1},
      {"oversized text file", "o.txt", std::string(500, 'z'), 0, 100, 0,
       "record larger than 100 bytes", 0},
      {"missing file", "", "", 0, 8u << 20, 0, "cannot open: No such file", 0},
      {"corrupt gzip stream", "c.jsonl.gz", CorruptMiddle(big_jsonl), 1, 8u << 20,
       -1, "gzip", 0},
      {"truncated gzip stream", "t.jsonl.gz", big_jsonl, 3, 8u << 20, -1,
       "truncated gzip stream", 0},
      {"corrupt zstd stream", "c.jsonl.zst", CorruptMiddle(big_jsonl), 2,
       8u << 20, -1, "zstd", 0},
      {"truncated zstd stream", "t.jsonl.zst", big_jsonl, 4, 8u << 20, -1,
       "truncated zstd stream", 0},
  };
  for (const BadInputCase& c : cases) {
    SCOPED_TRACE(c.name);
    ScratchDir dir;
    std::string path = (dir.path() / "missing.txt").string();
    if (c.file[0] != '\0') {
      switch (c.compression) {
        case 1:  // compressed, then damaged
        case 2: {
          std::string packed;
          std::string tmp = dir.WriteGzip("tmp.gz", big_jsonl);
          packed = c.compression == 1
                       ? testfiles::ReadWhole(tmp)
                       : ScratchDir::ZstdCompressWithChecksum(big_jsonl);
          path = dir.Write(c.file, CorruptMiddle(packed));
          break;
        }
        case 3:  // gzip cut short
        case 4: {
          std::string tmp = dir.WriteGzip("tmp.gz", big_jsonl);
          std::string packed = c.compression == 3
                                   ? testfiles::ReadWhole(tmp)
                                   : ScratchDir::ZstdCompress(big_jsonl);
          path = dir.Write(c.file, packed.substr(0, packed.size() * 2 / 3));
          break;
        }
        default:
          path = dir.Write(c.file, c.content);
      }
    }
    // A good file after the bad one proves the run goes on.
    std::string after = dir.Write("zz_after.txt", "Still read.");
    ReaderOptions options;
    options.max_record_bytes = c.max_record_bytes;
    ReadResult r = ReadInputs({path, after}, options);
    if (c.line >= 0) {
      ASSERT_EQ(r.errors.size(), 1u) << ErrorsToString(r.errors);
      EXPECT_EQ(r.errors.back().line, c.line);
    } else {
      // Damaged deflate data may decode to garbage lines (reported as bad
      // JSON) before the checksum catches it; the stream error comes last,
      // after the good lines before the damage.
      ASSERT_FALSE(r.errors.empty());
      EXPECT_GT(r.errors.back().line, 1000);
      EXPECT_GT(r.docs.size(), 1000u);
    }
    const ReadError& e = r.errors.back();
    EXPECT_EQ(e.input, path);
    EXPECT_NE(e.message.find(c.message), std::string::npos) << e.ToString();
    EXPECT_EQ(r.stats.skipped, static_cast<int64_t>(r.errors.size()));
    ASSERT_FALSE(r.docs.empty());
    EXPECT_EQ(r.docs.back().text, "Still read.");
    if (c.compression == 0) {
      EXPECT_EQ(r.docs.size(), c.good_docs + 1);
    }
    EXPECT_EQ(r.stats.documents, static_cast<int64_t>(r.docs.size()));
  }
}

TEST(ReaderTest, UnparseableDateIsReportedButRecordKept) {
  ScratchDir dir;
  std::string path = dir.Write(
      "d.jsonl", "{\"text\": \"a\", \"date\": \"2023-02-29\"}\n"
                 "{\"text\": \"b\", \"date\": \"last week\"}\n");
  ReadResult r = ReadInputs({path}, WithDefaultDate("2023-01-01"));
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].date, "2023-01-01");
  EXPECT_EQ(r.docs[1].date, "2023-01-01");
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0].line, 1);
  EXPECT_NE(r.errors[0].message.find("no such date"), std::string::npos);
  EXPECT_EQ(r.errors[1].line, 2);
  EXPECT_EQ(r.stats.skipped, 0);
}

TEST(ReaderTest, UnreadableDirectoryIsReported) {
  if (::geteuid() == 0) GTEST_SKIP() << "skipped: root can read any directory";
  ScratchDir dir;
  dir.Write("locked/a.txt", "A.");
  std::filesystem::path locked = dir.path() / "locked";
  std::filesystem::permissions(locked, std::filesystem::perms::none);
  ReadResult r = ReadInputs({dir.path().string()});
  std::filesystem::permissions(locked, std::filesystem::perms::owner_all);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].input, locked.string());
  EXPECT_NE(r.errors[0].message.find("cannot read directory"), std::string::npos);
  EXPECT_EQ(r.stats.skipped, 1);
}

TEST(ReaderTest, CompressedVariantsMatchPlainFiles) {
  const std::string text = "Title: Compressed\nDate: 2024-01-02\n\nPara one.\n\nPara two.\n";
  struct Case {
    const char* plain_name;
    std::string content;
  };
  const Case cases[] = {{"doc.txt", text}, {"news.jsonl", kJsonl}, {"page.html", kSmallPage}};
  for (const Case& c : cases) {
    SCOPED_TRACE(c.plain_name);
    ScratchDir dir;
    std::string plain = dir.Write(c.plain_name, c.content);
    std::string gz = dir.WriteGzip(std::string("gz/") + c.plain_name + ".gz", c.content);
    std::string zst = dir.WriteZstd(std::string("zst/") + c.plain_name + ".zst", c.content);
    // Detection is by magic bytes: a gzip file with a plain name works too.
    std::string disguised = dir.Write(std::string("dis/") + c.plain_name,
                                      testfiles::ReadWhole(gz));
    ReadResult expected = ReadInputs({plain});
    ASSERT_FALSE(expected.docs.empty());
    for (const std::string& path : {gz, zst, disguised}) {
      ReadResult got = ReadInputs({path});
      EXPECT_TRUE(got.errors.empty()) << ErrorsToString(got.errors);
      ASSERT_EQ(got.docs.size(), expected.docs.size()) << path;
      for (size_t i = 0; i < got.docs.size(); ++i) {
        EXPECT_EQ(got.docs[i].text, expected.docs[i].text);
        EXPECT_EQ(got.docs[i].title, expected.docs[i].title);
        EXPECT_EQ(got.docs[i].date, expected.docs[i].date);
      }
      EXPECT_EQ(got.stats.bytes, expected.stats.bytes);
    }
  }
}

// Points fd 0 at a file for the lifetime of the object.
class StdinRedirect {
 public:
  explicit StdinRedirect(const std::string& path) {
    saved_ = ::dup(STDIN_FILENO);
    int fd = ::open(path.c_str(), O_RDONLY);
    EXPECT_GE(fd, 0);
    ::dup2(fd, STDIN_FILENO);
    ::close(fd);
  }
  ~StdinRedirect() {
    ::dup2(saved_, STDIN_FILENO);
    ::close(saved_);
  }

 private:
  int saved_;
};

TEST(ReaderTest, ReadsStdin) {
  struct Case {
    const char* name;
    bool gzip;
    std::string content;
    std::vector<std::string> ids;
  };
  const Case cases[] = {
      {"jsonl", false, kJsonl, {"a1", "<stdin>:2", "42"}},
      {"gzip jsonl", true, kJsonl, {"a1", "<stdin>:2", "42"}},
      {"text", false, "Just some text.\n", {"<stdin>"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    ScratchDir dir;
    std::string path = c.gzip ? dir.WriteGzip("in.gz", c.content)
                              : dir.Write("in", c.content);
    StdinRedirect redirect(path);
    ReadResult r = ReadInputs({"-"});
    EXPECT_TRUE(r.errors.empty()) << ErrorsToString(r.errors);
    EXPECT_EQ(Ids(r.docs), c.ids);
    if (!r.docs.empty()) {
      EXPECT_EQ(r.docs[0].origin.substr(0, 7), "<stdin>");
    }
  }
}

TEST(ReaderTest, NextReturnsDocumentsOneAtATime) {
  ScratchDir dir;
  std::string path = dir.Write("news.jsonl", kJsonl);
  DocumentReader reader({path}, ReaderOptions{});
  Document doc;
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_EQ(doc.id, "a1");
  EXPECT_EQ(reader.stats().documents, 1);
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_TRUE(doc.metadata.empty());  // nothing left over from the first
  ASSERT_TRUE(reader.Next(&doc));
  EXPECT_FALSE(reader.Next(&doc));
  EXPECT_FALSE(reader.Next(&doc));
  EXPECT_EQ(reader.stats().documents, 3);
}

TEST(ReaderTest, ReadsWikinewsSample) {
  DYAD_REQUIRE_SHARED(path, "data/news/wikinews/wikinews_2019_2020.jsonl");
  ReadResult r = ReadInputs({path});
  EXPECT_EQ(r.docs.size(), 295u);
  EXPECT_EQ(r.stats.skipped, 0);
  EXPECT_TRUE(r.errors.empty()) << ErrorsToString(r.errors);
  for (const Document& d : r.docs) {
    EXPECT_EQ(d.date.size(), 10u) << d.id;
    EXPECT_FALSE(d.title.empty()) << d.id;
    EXPECT_EQ(d.id.rfind("wikinews:", 0), 0u) << d.id;
  }
}

TEST(ReaderTest, ReadsReutersCorpus) {
  // Speed is measured by `dyad throughput` and bench/, not here.
  DYAD_REQUIRE_SHARED(path, "data/news/reuters21578/reuters21578.jsonl.gz");
  ReadResult r = ReadInputs({path});
  // 21,578 records; exactly one has an empty text and is reported.
  EXPECT_EQ(r.docs.size(), 21577u);
  EXPECT_EQ(r.stats.skipped, 1);
  ASSERT_EQ(r.errors.size(), 1u) << ErrorsToString(r.errors);
  EXPECT_NE(r.errors[0].message.find("no text"), std::string::npos);
  EXPECT_GT(r.errors[0].line, 0);
  EXPECT_EQ(r.docs[0].id, "reuters21578:1");
  EXPECT_EQ(r.docs[0].date, "1987-02-26");
  EXPECT_GT(r.stats.bytes, 23'000'000);
}

}  // namespace
}  // namespace dyad
