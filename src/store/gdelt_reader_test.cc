#include "store/gdelt_reader.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/import_test_deps.h"

namespace dyad {
namespace {


// A 61-column GDELT 2.0 row with the given fields set (others empty).
std::string GdeltRow(std::vector<std::pair<int, std::string>> set) {
  std::vector<std::string> cols(GdeltReader::kColumns);
  cols[0] = "818966496";
  cols[1] = "20190125";
  cols[26] = "042";
  cols[60] = "https://www.example.com/news/1";
  for (auto& [i, v] : set) cols[i] = v;
  std::string line;
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) line += '\t';
    line += cols[i];
  }
  return line;
}

TEST(GdeltReaderTest, CodesGoodRows) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  GdeltReader reader(deps.actors.get(), deps.cameo.get());
  struct Case {
    std::string line;
    std::string source, source_country, source_sector;
    std::string target, target_country, target_sector;  // "" = no target
    std::string doc_key, doc_source;
  };
  const Case cases[] = {
      {GdeltRow({{5, "VEN"},
                 {6, "VENEZUELA"},
                 {7, "VEN"},
                 {15, "VENGOV"},
                 {16, "VENEZUELA"},
                 {17, "VEN"},
                 {22, "GOV"}}),
       "VEN", "VEN", "", "VENGOV", "VEN", "GOV",
       "https://www.example.com/news/1", "www.example.com"},
      // Country and sector from the code when the columns are empty.
      {GdeltRow({{5, "IGOUNO"},
                 {6, "UNITED NATIONS"},
                 {8, "UNO"},
                 {15, "PRKMIL"},
                 {60, ""}}),
       "IGOUNO", "IGOUNO", "IGO", "PRKMIL", "PRK", "MIL", "818966496", ""},
      {GdeltRow(
           {{5, "USAGOV"}, {7, "USA"}, {12, "GOV"}, {60, "BBC Monitoring"}}),
       "USAGOV", "USA", "GOV", "", "", "", "BBC Monitoring", "BBC Monitoring"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    ImportedRow row;
    Result<RowKind> kind = reader.Parse(c.line, &row);
    ASSERT_TRUE(kind.ok()) << kind.status().ToString();
    ASSERT_EQ(*kind, RowKind::kEvent);
    const Event& e = row.event;
    EXPECT_EQ(e.source.code, c.source);
    EXPECT_EQ(e.source.country, c.source_country);
    EXPECT_EQ(e.source.sector, c.source_sector);
    ASSERT_EQ(e.target.has_value(), !c.target.empty());
    if (e.target) {
      EXPECT_EQ(e.target->code, c.target);
      EXPECT_EQ(e.target->country, c.target_country);
      EXPECT_EQ(e.target->sector, c.target_sector);
    }
    EXPECT_EQ(FormatIsoDay(e.date), "2019-01-25");
    EXPECT_EQ(e.code, "042");
    EXPECT_EQ(c.line.substr(e.trigger_begin, e.trigger_end - e.trigger_begin),
              "042");
    EXPECT_EQ(e.rule, "gdelt event 818966496");
    EXPECT_EQ(row.doc_key, c.doc_key);
    EXPECT_EQ(row.doc_source, c.doc_source);
  }
}

TEST(GdeltReaderTest, RejectsBadRowsAndCountsActorlessOnes) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  GdeltReader reader(deps.actors.get(), deps.cameo.get());
  struct Case {
    std::string line;
    std::string message;  // "" = RowKind::kNoActor
  };
  const Case cases[] = {
      {"1\t20190125\t201901", "expected 61 tab-separated columns, found 3"},
      {GdeltRow({{5, "USA"}, {0, "abc"}}), "bad GlobalEventID 'abc'"},
      {GdeltRow({{5, "USA"}, {1, "2019-01-25"}}), "bad Day '2019-01-25'"},
      {GdeltRow({{5, "USA"}, {1, "20190230"}}), "bad Day '20190230'"},
      {GdeltRow({{5, "USA"}, {26, "---"}}), "unknown EventCode '---'"},
      {GdeltRow({{15, "USA"}}), ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    ImportedRow row;
    Result<RowKind> kind = reader.Parse(c.line, &row);
    if (c.message.empty()) {
      ASSERT_TRUE(kind.ok());
      EXPECT_EQ(*kind, RowKind::kNoActor);
      continue;
    }
    ASSERT_FALSE(kind.ok());
    EXPECT_EQ(kind.status().message().substr(0, c.message.size()), c.message);
  }
}

}  // namespace
}  // namespace dyad
