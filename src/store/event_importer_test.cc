#include "store/event_importer.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/import_test_deps.h"
#include "store/icews_reader.h"
#include "util/testing.h"

namespace dyad {
namespace {


std::string IcewsRow(std::string event_id, std::string story,
                     std::string src_country, std::string code,
                     std::string tgt_country) {
  std::vector<std::string> cols = {event_id,
                                   "2018-06-01",
                                   "Government (" + src_country + ")",
                                   "Government",
                                   src_country,
                                   "Consult",
                                   code,
                                   "1",
                                   "Citizen (" + tgt_country + ")",
                                   "General Population / Civilian / Social",
                                   tgt_country,
                                   story,
                                   "1",
                                   "Reuters News",
                                   "NA",
                                   "NA",
                                   "NA",
                                   "NA",
                                   "NA",
                                   "NA"};
  std::string line;
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) line += '\t';
    line += cols[i];
  }
  return line;
}

const char kHeader[] =
    "Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\t"
    "Event Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\t"
    "Target Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
    "Province\tCountry\tLatitude\tLongitude";

std::string SmallFile() {
  return std::string(kHeader) + "\n" +
         IcewsRow("1", "100", "Japan", "040", "China") + "\n" +   // line 2
         IcewsRow("2", "200", "India", "042", "Nepal") + "\n" +   // line 3
         "garbage line\n" +                                       // line 4
         IcewsRow("3", "100", "China", "036", "Japan") + "\n" +   // line 5
         IcewsRow("4", "100", "Narnia", "036", "Japan") + "\n" +  // line 6
         IcewsRow("1", "100", "Japan", "040", "China") + "\n";    // line 7: dup
}

TEST(EventImporterTest, ReportsBadRowsWithLineNumbersAndGroupsStories) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  IcewsReader reader(deps.actors.get(), deps.cameo.get());
  EventImporter importer(&reader, {});
  ImportReport report;
  importer.AddText("small.tab", SmallFile(), &report);
  EXPECT_EQ(report.rows, 7);
  EXPECT_EQ(report.events, 3);
  EXPECT_EQ(report.duplicates, 1);
  EXPECT_EQ(report.bad_rows, 2);
  ASSERT_EQ(report.errors.size(), 2u);
  EXPECT_EQ(report.errors[0],
            "small.tab:4: expected 20 tab-separated columns, found 1");
  EXPECT_EQ(report.errors[1], "small.tab:6: source: unknown country 'Narnia'");
  EXPECT_EQ(report.unknown.at("country 'Narnia'"), 1);

  std::vector<StoredDocument> docs = importer.Documents();
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].doc.id, "icews:100");
  EXPECT_EQ(docs[1].doc.id, "icews:200");
  EXPECT_EQ(docs[0].doc.date, "2018-06-01");
  EXPECT_EQ(docs[0].doc.source, "Reuters News");
  // Story 100: rows 2 and 5, joined by '\n'; each event's sentence is its row.
  const std::string row1 = IcewsRow("1", "100", "Japan", "040", "China");
  const std::string row3 = IcewsRow("3", "100", "China", "036", "Japan");
  EXPECT_EQ(docs[0].doc.text, row1 + "\n" + row3);
  ASSERT_EQ(docs[0].events.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const Event& e = docs[0].events[i];
    EXPECT_EQ(e.sentence_index, i);
    EXPECT_EQ(docs[0].doc.text.substr(e.sentence_begin,
                                      e.sentence_end - e.sentence_begin),
              i == 0 ? row1 : row3);
    EXPECT_EQ(
        docs[0].doc.text.substr(e.source.begin, e.source.end - e.source.begin),
        e.source.text);
  }
  EXPECT_EQ(docs[0].events[1].source.code, "CHNGOV");
  EXPECT_EQ(docs[0].events[1].target->code, "JPNCVL");
}

TEST(EventImporterTest, StoresIdempotently) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  IcewsReader reader(deps.actors.get(), deps.cameo.get());
  auto store = EventStore::Open(":memory:", deps.cameo.get());
  ASSERT_TRUE(store.ok());
  for (int pass = 0; pass < 2; ++pass) {
    EventImporter importer(&reader, {.batch = 1});
    ImportReport report;
    importer.AddText("small.tab", SmallFile(), &report);
    ASSERT_TRUE(importer.Store(store->get(), &report).ok());
    EXPECT_EQ(report.store.inserted, pass == 0 ? 2 : 0);
    EXPECT_EQ(report.store.unchanged, pass == 0 ? 0 : 2);
    EXPECT_EQ(report.store.events, pass == 0 ? 3 : 0);
    EXPECT_EQ(*(*store)->CountEvents(), 3);
    EXPECT_EQ(*(*store)->CountDocuments(), 2);
    EXPECT_TRUE(importer.Documents().empty());  // Store() forgets them
  }
}

TEST(EventImporterTest, MissingFileIsAnErrorNamingIt) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  IcewsReader reader(deps.actors.get(), deps.cameo.get());
  EventImporter importer(&reader, {});
  ImportReport report;
  Status s = importer.AddFile("/nonexistent/events.tab", &report);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.message().find("/nonexistent/events.tab"), std::string::npos);
}

TEST(EventImporterTest, ImportsTheIcewsSample) {
  DYAD_REQUIRE_SHARED(path, "data/events/icews_sample/events.2018.sample.tab");
  const ImportTestDeps& deps = LoadImportTestDeps();
  IcewsReader reader(deps.actors.get(), deps.cameo.get());
  auto store = EventStore::Open(":memory:", deps.cameo.get());
  ASSERT_TRUE(store.ok());
  constexpr int64_t kSampleEvents = 3705;
  for (int pass = 0; pass < 2; ++pass) {
    EventImporter importer(&reader, {});
    ImportReport report;
    ASSERT_TRUE(importer.AddFile(path, &report).ok());
    EXPECT_EQ(report.rows, kSampleEvents + 1);  // + the header
    // Every sample row is either stored or reported at its line.
    EXPECT_EQ(report.events + report.bad_rows, kSampleEvents);
    EXPECT_EQ(static_cast<int64_t>(report.errors.size()), report.bad_rows);
    for (const std::string& err : report.errors) {
      EXPECT_EQ(err.rfind(path + ":", 0), 0u) << err;
    }
    // The sample's only unknowns are three actors without a country.
    EXPECT_LE(report.bad_rows, 3);
    ASSERT_TRUE(importer.Store(store->get(), &report).ok());
    EXPECT_EQ(report.store.events, pass == 0 ? report.events : 0);
    EXPECT_EQ(report.store.inserted,
              pass == 0 ? *(*store)->CountDocuments() : 0);
    EXPECT_EQ(*(*store)->CountEvents(), kSampleEvents - report.bad_rows);
  }
}

}  // namespace
}  // namespace dyad
