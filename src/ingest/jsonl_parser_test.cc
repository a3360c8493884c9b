#include "ingest/jsonl_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad {
namespace {

// Copies `line` into a buffer with the padding Parse requires.
class PaddedLine {
 public:
  explicit PaddedLine(std::string line) : size_(line.size()) {
    buf_ = std::move(line);
    buf_.append(64, ' ');
  }
  std::string_view view() const { return std::string_view(buf_.data(), size_); }

 private:
  std::string buf_;
  size_t size_;
};

TEST(JsonlParserTest, MapsFieldsAndRendersScalars) {
  JsonlParser parser{ReaderOptions{}};
  Document doc;
  PaddedLine line(
      R"({"id": 7, "date": "2024-01-02", "title": "T", "text": "A \"q\" \u00e9\n", "url": "u", "source": "s", "byline": "b", "n": -3, "big": 18446744073709551615, "f": 1.25, "yes": true, "none": null, "list": [1], "obj": {"a": 1}})");
  ASSERT_TRUE(parser.Parse(line.view(), &doc).ok());
  EXPECT_EQ(doc.id, "7");
  EXPECT_EQ(doc.date, "2024-01-02");
  EXPECT_EQ(doc.title, "T");
  EXPECT_EQ(doc.text, "A \"q\" \xC3\xA9\n");
  EXPECT_EQ(doc.url, "u");
  EXPECT_EQ(doc.source, "s");
  EXPECT_EQ(doc.byline, "b");
  using Meta = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(doc.metadata, (Meta{{"n", "-3"},
                                {"big", "18446744073709551615"},
                                {"f", "1.25"},
                                {"yes", "true"}}));
}

TEST(JsonlParserTest, RejectsMalformedLines) {
  struct Case {
    const char* line;
    StatusCode code;
    const char* message;
  };
  const Case cases[] = {
      {R"({"text": "x")", StatusCode::kCorruption, "invalid JSON"},
      {R"({"text": "x"} trailing)", StatusCode::kCorruption, "invalid JSON"},
      {R"({"text": "x",})", StatusCode::kCorruption, "invalid JSON"},
      {R"("just a string")", StatusCode::kInvalidArgument, "not an object"},
      {"42", StatusCode::kInvalidArgument, "not an object"},
  };
  JsonlParser parser{ReaderOptions{}};
  for (const Case& c : cases) {
    Document doc;
    PaddedLine line(c.line);
    Status s = parser.Parse(line.view(), &doc);
    EXPECT_EQ(s.code(), c.code) << c.line;
    EXPECT_NE(s.message().find(c.message), std::string::npos) << s.message();
  }
}

}  // namespace
}  // namespace dyad
