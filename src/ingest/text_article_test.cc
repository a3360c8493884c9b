#include "ingest/text_article.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(TextArticleTest, SplitsHeaderFromBody) {
  struct Case {
    const char* name;
    const char* in;
    const char* title;
    const char* date;
    const char* id;
    size_t metadata;
    const char* body;
  };
  const Case cases[] = {
      {"full header", "Title: T\nDate: 2024-01-02\nId: x\nTopic: trade\n\nBody.",
       "T", "2024-01-02", "x", 1, "Body."},
      {"keys are case-insensitive; CRLF",
       "\xEF\xBB\xBFTITLE: T\r\nsource: S\r\n\r\nBody.\r\n", "T", "", "", 0,
       "Body."},
      {"unknown first key: no header", "Topic: trade\nTitle: T\n\nBody.", "", "",
       "", 0, "Topic: trade\nTitle: T\n\nBody."},
      {"header ends at a non-key line", "Title: T\nThe body starts here.\nMore.",
       "T", "", "", 0, "The body starts here.\nMore."},
      {"not a key: spaces around", "Title : T\n\nBody.", "", "", "", 0,
       "Title : T\n\nBody."},
      {"no header", "Just text.", "", "", "", 0, "Just text."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TextArticle a = ParseTextArticle(c.in);
    EXPECT_EQ(a.title, c.title);
    EXPECT_EQ(a.date, c.date);
    EXPECT_EQ(a.id, c.id);
    EXPECT_EQ(a.metadata.size(), c.metadata);
    EXPECT_EQ(a.body, c.body);
  }
}

TEST(TextArticleTest, NormalisesParagraphs) {
  struct Case {
    const char* in;
    const char* out;
  };
  const Case cases[] = {
      {"\n\n  \nA  \nb\t\n\n\n\nC\n\n", "A\nb\n\nC"},
      {"One.\n   \nTwo.", "One.\n\nTwo."},
      {"  indented kept\n", "  indented kept"},
      {"", ""},
      {" \n \n", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(NormalizeParagraphs(c.in), c.out) << c.in;
  }
}

}  // namespace
}  // namespace dyad
