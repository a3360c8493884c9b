#include "store/icews_reader.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/import_test_deps.h"

namespace dyad {
namespace {

// The shipped dictionaries and CAMEO table, loaded once for all tests.

// A row from its 20 columns.
std::string Row(const std::vector<std::string>& cols) {
  std::string line;
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i > 0) line += '\t';
    line += cols[i];
  }
  return line;
}

std::string IcewsRow(std::string src_name, std::string src_sectors,
                     std::string src_country, std::string code,
                     std::string tgt_name, std::string tgt_sectors,
                     std::string tgt_country, std::string date = "2018-06-01") {
  return Row({"32889836",  date,
              src_name,    src_sectors,
              src_country, "Consult",
              code,        "1",
              tgt_name,    tgt_sectors,
              tgt_country, "47400351",
              "2",         "Vietnam News Agency Bulletin",
              "Hanoi",     "NA",
              "Province",  "Vietnam",
              "21.0245",   "105.841"});
}

TEST(IcewsReaderTest, CodesGoodRows) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  IcewsReader reader(deps.actors.get(), deps.cameo.get());
  struct Case {
    std::string line;
    std::string source, source_country, source_sector;
    std::string target;  // "" = no target
    std::string target_country;
  };
  const Case cases[] = {
      {IcewsRow("Foreign Affairs (Bangladesh)",
                "Executive,Foreign Ministry,Government", "Bangladesh", "040",
                "High Ranking Military Personnel (Vietnam)",
                "Military,Government", "Vietnam"),
       "BGDGOV", "BGD", "GOV", "VNMMIL", "VNM"},
      {IcewsRow("Vladimir Putin", "Executive,Government", "Russian Federation",
                "0251", "Police (Occupied Palestinian Territory)",
                "Police,Government", "Occupied Palestinian Territory"),
       "RUSGOV", "RUS", "GOV", "PSECOP", "PSE"},
      {IcewsRow("Citizen (Congo)", "General Population / Civilian / Social",
                "Congo", "190", "Rebel (Democratic Republic of Congo)", "Rebel",
                "Democratic Republic of Congo"),
       "COGCVL", "COG", "CVL", "CODREB", "COD"},
      {IcewsRow("North Korea", "NA", "North Korea", "020", "Unspecified Actor",
                "Unspecified", "NA"),
       "PRK", "PRK", "", "", ""},
      {IcewsRow("United Nations",
                "International Government Organization,Global", "NA", "040",
                "Judge (Moldova)", "Judicial", "Moldova, Republic of"),
       "IGOUNO", "IGOUNO", "IGO", "MDAJUD", "MDA"},
      {IcewsRow("Cabinet / Council of Ministers / Advisors (Africa)",
                "Government,Executive,Cabinet", "NA", "040",
                "Parliament (the former Yugoslav Republic of Macedonia)",
                "Legislative / Parliamentary,Government",
                "the former Yugoslav Republic of Macedonia"),
       "AFRGOV", "AFR", "GOV", "MKDLEG", "MKD"},
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
    EXPECT_EQ(e.target.has_value(), !c.target.empty());
    if (e.target.has_value()) {
      EXPECT_EQ(e.target->code, c.target);
      EXPECT_EQ(e.target->country, c.target_country);
      EXPECT_EQ(c.line.substr(e.target->begin, e.target->end - e.target->begin),
                e.target->text);
    }
    // Offsets are provenance: they point at the columns of the row.
    EXPECT_EQ(c.line.substr(e.source.begin, e.source.end - e.source.begin),
              e.source.text);
    EXPECT_EQ(c.line.substr(e.trigger_begin, e.trigger_end - e.trigger_begin),
              "Consult");
    EXPECT_EQ(FormatIsoDay(e.date), "2018-06-01");
    EXPECT_EQ(e.modality, Modality::kAsserted);
    EXPECT_EQ(e.rule, "icews event 32889836 intensity 1");
    EXPECT_EQ(row.doc_key, "47400351");
    EXPECT_EQ(row.doc_source, "Vietnam News Agency Bulletin");
  }
}

TEST(IcewsReaderTest, KeepsLeadingZerosOfCameoCodes) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  IcewsReader reader(deps.actors.get(), deps.cameo.get());
  ImportedRow row;
  auto kind = reader.Parse(
      IcewsRow("Japan", "NA", "Japan", "0251", "China", "NA", "China"), &row);
  ASSERT_TRUE(kind.ok());
  EXPECT_EQ(row.event.code, "0251");
}

TEST(IcewsReaderTest, RejectsBadRowsWithReasons) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  IcewsReader reader(deps.actors.get(), deps.cameo.get());
  struct Case {
    std::string line;
    std::string message;  // expected start of the message
  };
  const Case cases[] = {
      {"32889836\t2018-06-01\tonly three",
       "expected 20 tab-separated columns, found 3"},
      {IcewsRow("Japan", "NA", "Japan", "040", "China", "NA", "China",
                "2018-13-01"),
       "bad Event Date '2018-13-01'"},
      {IcewsRow("Japan", "NA", "Japan", "999", "China", "NA", "China"),
       "unknown CAMEO Code '999'"},
      {IcewsRow("Japan", "NA", "Japan", "40", "China", "NA", "China"),
       "unknown CAMEO Code '40'"},
      {IcewsRow("Japan", "NA", "Atlantis", "040", "China", "NA", "China"),
       "source: unknown country 'Atlantis'"},
      {IcewsRow("Japan", "NA", "Japan", "040", "Mr X", "Social", "NA"),
       "target: unknown actor 'Mr X' without a country"},
      {IcewsRow("Unspecified Actor", "Unspecified", "NA", "040", "China", "NA",
                "China"),
       "source: 'Unspecified Actor' is no actor"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.line);
    ImportedRow row;
    Result<RowKind> kind = reader.Parse(c.line, &row);
    ASSERT_FALSE(kind.ok());
    EXPECT_EQ(kind.status().message().substr(0, c.message.size()), c.message);
  }
}

TEST(IcewsReaderTest, HeaderIsSkipped) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  IcewsReader reader(deps.actors.get(), deps.cameo.get());
  ImportedRow row;
  auto kind =
      reader.Parse(Row({"Event ID",        "Event Date",     "Source Name",
                        "Source Sectors",  "Source Country", "Event Text",
                        "CAMEO Code",      "Intensity",      "Target Name",
                        "Target Sectors",  "Target Country", "Story ID",
                        "Sentence Number", "Publisher",      "City",
                        "District",        "Province",       "Country",
                        "Latitude",        "Longitude"}),
                   &row);
  ASSERT_TRUE(kind.ok());
  EXPECT_EQ(*kind, RowKind::kHeader);
}

TEST(IcewsReaderTest, SectorListsGiveTheMostSpecificAgent) {
  struct Case {
    const char* sectors;
    const char* agent;
  };
  const Case cases[] = {
      {"Executive,Foreign Ministry,Government", "GOV"},
      {"Military,Government", "MIL"},
      {"Police,Government", "COP"},
      {"Judicial,Government", "JUD"},
      {"Legislative / Parliamentary,Government", "LEG"},
      {"Opposition Major Party (Out Of Government),Parties", "OPP"},
      {"Rebel", "REB"},
      {"Business,Social", "BUS"},
      {"Media,Social", "MED"},
      {"Nongovernmental Organizations / Activists,Social", "NGO"},
      {"General Population / Civilian / Social,Social", "CVL"},
      {"Health Ministry,Government", "GOV"},
      {"Defense / Security Ministry,Government", "MIL"},
      {"Hindu,Social", ""},
      {"NA", ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IcewsReader::SectorCode(c.sectors), c.agent) << c.sectors;
  }
}

}  // namespace
}  // namespace dyad
