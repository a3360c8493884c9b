#include "store/event_exporter.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "store/import_test_deps.h"
#include "store/event_importer.h"
#include "store/event_store.h"
#include "store/gdelt_reader.h"
#include "store/icews_reader.h"
#include "util/testing.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;


class TempDir {
 public:
  TempDir() {
    std::string tmpl =
        (fs::temp_directory_path() / "dyad_export_XXXXXX").string();
    EXPECT_NE(mkdtemp(tmpl.data()), nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// A small ICEWS file: two reports of one event (same day, actors, code) in
// two stories, a third event, an IGO actor and an event without a target.
std::string SmallIcews() {
  auto row = [](std::string id, std::string date, std::string src,
                std::string src_sec, std::string src_country, std::string code,
                std::string tgt, std::string tgt_sec, std::string tgt_country,
                std::string story, std::string publisher) {
    return id + "\t" + date + "\t" + src + "\t" + src_sec + "\t" + src_country +
           "\tSome text, \"quoted\"\t" + code + "\t1\t" + tgt + "\t" + tgt_sec +
           "\t" + tgt_country + "\t" + story + "\t1\t" + publisher +
           "\tNA\tNA\tNA\tNA\tNA\tNA\n";
  };
  return row("1", "2018-06-01", "Kim Jong-un", "Executive,Government",
             "North Korea", "036", "Xi Jinping", "Executive,Government",
             "China", "10", "Reuters News") +
         row("2", "2018-06-01", "Kim Jong-un", "Executive,Government",
             "North Korea", "036", "Xi Jinping", "Executive,Government",
             "China", "11", "Yonhap English News") +
         row("3", "2018-06-02", "United Nations",
             "International Government Organization,Global", "NA", "112",
             "Military (Syria)", "Military", "Syria", "12", "AFP") +
         row("4", "2018-06-03", "Citizen (India)",
             "General Population / Civilian / Social", "India", "141",
             "Unspecified Actor", "Unspecified", "NA", "13", "AFP");
}

std::unique_ptr<EventStore> OpenStore(const std::string& path) {
  auto s = EventStore::Open(path, LoadImportTestDeps().cameo.get());
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return std::move(s).value();
}

void Import(const EventRowParser& parser, std::string_view name,
            std::string_view text, EventStore* store, ImportReport* report) {
  EventImporter importer(&parser, {});
  importer.AddText(name, text, report);
  ASSERT_TRUE(importer.Store(store, report).ok());
}

std::string Export(const std::string& db, ExportOptions options) {
  auto ex = EventExporter::Open(db, LoadImportTestDeps().cameo.get());
  EXPECT_TRUE(ex.ok()) << ex.status().ToString();
  std::ostringstream out;
  auto n = (*ex)->Export(options, out);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return out.str();
}

using GroupKey = std::tuple<std::string, std::string, std::string, std::string,
                            std::string, std::string, std::string, std::string>;

// (date, source code, target code, source country, target country, CAMEO
// code, quad class, Goldstein) of every group, sorted: from the jsonl export.
std::vector<GroupKey> Groups(const std::string& db) {
  ExportOptions o;
  o.format = ExportFormat::kJsonl;
  std::istringstream in(Export(db, o));
  std::vector<GroupKey> keys;
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    auto str = [](const nlohmann::json& v) {
      return v.is_null()     ? std::string()
             : v.is_string() ? v.get<std::string>()
                             : v.dump();
    };
    const auto& t = j["target"];
    keys.emplace_back(str(j["date"]), str(j["source"]["code"]),
                      t.is_null() ? "" : str(t["code"]),
                      str(j["source"]["country"]),
                      t.is_null() ? "" : str(t["country"]), str(j["code"]),
                      str(j["quad_class"]), str(j["goldstein"]));
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// ICEWS text → store → gdelt export → import into a fresh store: the same
// groups. Returns the number of groups.
size_t CheckGdeltRoundTrip(const std::string& icews_name,
                           const std::string& icews_text, const TempDir& dir) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  IcewsReader icews(deps.actors.get(), deps.cameo.get());
  GdeltReader gdelt(deps.actors.get(), deps.cameo.get());
  const std::string a = dir.File("icews.db"), b = dir.File("gdelt.db");
  {
    auto store = OpenStore(a);
    ImportReport report;
    Import(icews, icews_name, icews_text, store.get(), &report);
  }
  ExportOptions o;
  o.format = ExportFormat::kGdelt;
  std::string tsv = Export(a, o);
  std::istringstream in(tsv);
  std::string line;
  std::vector<std::string_view> fields;
  size_t rows = 0;
  while (std::getline(in, line)) {
    SplitTabs(line, &fields);
    EXPECT_EQ(fields.size(), 61u) << line;
    ++rows;
  }
  {
    auto store = OpenStore(b);
    ImportReport report;
    Import(gdelt, "export.tsv", tsv, store.get(), &report);
    EXPECT_EQ(report.bad_rows, 0)
        << (report.errors.empty() ? "" : report.errors[0]);
  }
  std::vector<GroupKey> before = Groups(a), after = Groups(b);
  EXPECT_EQ(before.size(), rows);
  EXPECT_EQ(before, after);
  return before.size();
}

TEST(EventExporterTest, GdeltRoundTripKeepsEveryGroup) {
  TempDir dir;
  // Events 1 and 2 are one group: 3 groups from 4 events.
  EXPECT_EQ(CheckGdeltRoundTrip("small.tab", SmallIcews(), dir), 3u);
}

TEST(EventExporterTest, GdeltRoundTripOfTheIcewsSample) {
  DYAD_REQUIRE_SHARED(path, "data/events/icews_sample/events.2018.sample.tab");
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)),
                   std::istreambuf_iterator<char>());
  TempDir dir;
  EXPECT_GT(CheckGdeltRoundTrip(path, text, dir), 2000u);
}

TEST(EventExporterTest, GdeltColumnsCarryTheGroup) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  IcewsReader icews(deps.actors.get(), deps.cameo.get());
  TempDir dir;
  const std::string db = dir.File("a.db");
  {
    auto store = OpenStore(db);
    ImportReport report;
    Import(icews, "small.tab", SmallIcews(), store.get(), &report);
  }
  ExportOptions o;
  o.format = ExportFormat::kGdelt;
  std::istringstream in(Export(db, o));
  std::string first;
  std::getline(in, first);
  std::vector<std::string_view> f;
  SplitTabs(first, &f);
  ASSERT_EQ(f.size(), 61u);
  const char* const* names = GdeltColumnNames();
  auto col = [&](std::string_view name) {
    for (int i = 0; i < 61; ++i) {
      if (names[i] == name) return std::string(f[i]);
    }
    ADD_FAILURE() << name;
    return std::string();
  };
  EXPECT_EQ(col("Day"), "20180601");
  EXPECT_EQ(col("MonthYear"), "201806");
  EXPECT_EQ(col("Year"), "2018");
  EXPECT_EQ(col("Actor1Code"), "PRKGOV");
  EXPECT_EQ(col("Actor1CountryCode"), "PRK");
  EXPECT_EQ(col("Actor1Type1Code"), "GOV");
  EXPECT_EQ(col("Actor2Code"), "CHNGOV");
  EXPECT_EQ(col("EventCode"), "036");
  EXPECT_EQ(col("EventBaseCode"), "036");
  EXPECT_EQ(col("EventRootCode"), "03");
  EXPECT_EQ(col("QuadClass"), "1");
  EXPECT_EQ(col("NumMentions"), "2");
  EXPECT_EQ(col("NumSources"), "2");  // Reuters and Yonhap
  EXPECT_EQ(col("SOURCEURL"), "icews:10");
  EXPECT_EQ(col("DATEADDED").size(), 14u);
  EXPECT_EQ(col("AvgTone"), "");
}

// RFC 4180 records of `text` (quoted fields, doubled quotes, CRLF).
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false, in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        in_quotes = false;
      } else {
        field += c;
      }
    } else if (c == '"' && field.empty() && !quoted) {
      in_quotes = quoted = true;
    } else if (c == ',') {
      rows.back().push_back(field);
      field.clear();
      quoted = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(field);
      field.clear();
      quoted = false;
      ++i;
      if (i + 1 < text.size()) rows.emplace_back();
    } else {
      field += c;
    }
  }
  return rows;
}

TEST(EventExporterTest, CsvAndJsonlHaveEveryFieldAndAgree) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  IcewsReader icews(deps.actors.get(), deps.cameo.get());
  TempDir dir;
  const std::string db = dir.File("a.db");
  {
    auto store = OpenStore(db);
    ImportReport report;
    Import(icews, "small.tab", SmallIcews(), store.get(), &report);
  }
  for (bool raw : {false, true}) {
    SCOPED_TRACE(raw ? "raw" : "groups");
    ExportOptions o;
    o.raw = raw;
    o.format = ExportFormat::kJsonl;
    std::istringstream in(Export(db, o));
    std::vector<nlohmann::json> objects;
    std::string line;
    while (std::getline(in, line))
      objects.push_back(nlohmann::json::parse(line));
    ASSERT_EQ(objects.size(), raw ? 4u : 3u);
    for (
        const char* key :
        {"id",           "doc_id",         "sentence_index", "sentence",
         "date",         "date_precision", "date_rule",      "source",
         "target",       "partners",       "code",           "event_name",
         "root",         "quad_class",     "goldstein",      "plover",
         "modality",     "modality_cue",   "attribution",    "attribution_text",
         "rule",         "trigger",        "confidence",     "group_id",
         "num_mentions", "num_sources",    "num_articles",   "url",
         "title",        "source_name"}) {
      EXPECT_TRUE(objects[0].contains(key)) << key;
    }
    const auto& first = objects[0];
    EXPECT_EQ(first["num_mentions"], 2);  // its group: two stories
    EXPECT_EQ(first["source"]["code"], "PRKGOV");
    EXPECT_EQ(first["trigger"]["text"], "Some text, \"quoted\"");
    EXPECT_EQ(first["sentence"].get<std::string>().substr(0, 2), "1\t");
    EXPECT_TRUE(objects.back()["target"].is_null());  // Unspecified Actor

    o.format = ExportFormat::kCsv;
    auto rows = ParseCsv(Export(db, o));
    ASSERT_EQ(rows.size(), objects.size() + 1);
    const auto& header = rows[0];
    for (const auto& r : rows) ASSERT_EQ(r.size(), header.size());
    auto at = [&](size_t row, std::string_view name) {
      auto it = std::find(header.begin(), header.end(), name);
      EXPECT_NE(it, header.end()) << name;
      return it == header.end() ? std::string()
                                : rows[row][it - header.begin()];
    };
    for (size_t i = 0; i < objects.size(); ++i) {
      const auto& j = objects[i];
      EXPECT_EQ(at(i + 1, "id"), j["id"].dump());
      EXPECT_EQ(at(i + 1, "sentence"), j["sentence"].get<std::string>());
      EXPECT_EQ(at(i + 1, "source_code"),
                j["source"]["code"].get<std::string>());
      EXPECT_EQ(at(i + 1, "code"), j["code"].get<std::string>());
      EXPECT_EQ(at(i + 1, "event_name"), j["event_name"].get<std::string>());
      EXPECT_EQ(at(i + 1, "trigger_text"),
                j["trigger"]["text"].get<std::string>());
      EXPECT_EQ(at(i + 1, "num_mentions"), j["num_mentions"].dump());
      EXPECT_EQ(at(i + 1, "group_id"), j["group_id"].dump());
      EXPECT_EQ(at(i + 1, "quad_class"), j["quad_class"].dump());
      EXPECT_EQ(
          at(i + 1, "target_code"),
          j["target"].is_null() ? "" : j["target"]["code"].get<std::string>());
    }
  }
}

TEST(EventExporterTest, FiltersByDateAndCountry) {
  const ImportTestDeps& deps = LoadImportTestDeps();
  IcewsReader icews(deps.actors.get(), deps.cameo.get());
  TempDir dir;
  const std::string db = dir.File("a.db");
  {
    auto store = OpenStore(db);
    ImportReport report;
    Import(icews, "small.tab", SmallIcews(), store.get(), &report);
  }
  struct Case {
    const char* from;
    const char* to;
    const char* country;
    size_t groups;
  };
  const Case cases[] = {
      {"", "", "", 3},           {"2018-06-02", "", "", 2},
      {"", "2018-06-01", "", 1}, {"2018-06-02", "2018-06-02", "", 1},
      {"", "", "CHN", 1},        {"", "", "SYR", 1},
      {"", "", "IGOUNO", 1},     {"", "", "USA", 0},
  };
  for (const Case& c : cases) {
    ExportOptions o;
    o.format = ExportFormat::kJsonl;
    if (*c.from) o.from = *ParseIsoDay(c.from);
    if (*c.to) o.to = *ParseIsoDay(c.to);
    o.country = c.country;
    std::string out = Export(db, o);
    EXPECT_EQ(static_cast<size_t>(std::count(out.begin(), out.end(), '\n')),
              c.groups)
        << c.from << " " << c.to << " " << c.country;
  }
}

TEST(EventExporterTest, OpenErrorsNameThePath) {
  auto ex = EventExporter::Open("/nonexistent/dyad.db", nullptr);
  ASSERT_FALSE(ex.ok());
  EXPECT_NE(ex.status().message().find("/nonexistent/dyad.db"),
            std::string::npos);
}

}  // namespace
}  // namespace dyad
