#include "store/event_exporter.h"

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace dyad {
namespace {

constexpr const char* kGdeltColumns[] = {
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code", "Actor1Geo_Lat",
    "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code", "Actor2Geo_Lat",
    "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat",
    "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
};
static_assert(std::size(kGdeltColumns) == 61);

// The selected columns, in this order (kColumnSql builds the list).
enum Col {
  kId, kDocId, kSentenceIndex, kSentence, kDate, kDatePrecision, kDateRule,
  kSourceCode, kSourceCountry, kSourceSector, kSourceText, kSourceStart,
  kSourceEnd, kTargetCode, kTargetCountry, kTargetSector, kTargetText,
  kTargetStart, kTargetEnd, kPartners, kCode, kRoot, kQuadClass, kGoldstein,
  kPlover, kModality, kModalityCue, kAttributionCode, kAttributionCountry,
  kAttributionText, kRule, kTriggerStart, kTriggerEnd, kTriggerText,
  kConfidence, kGroupId, kNumMentions, kNumSources, kNumArticles, kUrl,
  kTitle, kSourceName, kIngestedAt, kNumCols
};

// Byte ranges of documents.text (offsets are bytes, substr on TEXT counts
// characters).
#define DYAD_BYTES(a, b)                                                   \
  "CAST(substr(CAST(d.text AS BLOB), e." a " + 1, e." b " - e." a          \
  ") AS TEXT)"

constexpr const char* kColumnSql =
    "e.id, e.doc_id, e.sentence_index, "
    DYAD_BYTES("sentence_start", "sentence_end")
    ", e.date, e.date_precision, e.date_rule, e.source_code, "
    "e.source_country, e.source_sector, e.source_text, e.source_start, "
    "e.source_end, e.target_code, e.target_country, e.target_sector, "
    "e.target_text, e.target_start, e.target_end, e.partners, e.code, e.root, "
    "e.quad_class, e.goldstein, e.plover, e.modality, e.modality_cue, "
    "e.attribution_code, e.attribution_country, e.attribution_text, e.rule, "
    "e.trigger_start, e.trigger_end, "
    DYAD_BYTES("trigger_start", "trigger_end")
    ", e.confidence, g.id, g.num_mentions, g.num_sources, g.num_articles, "
    "d.url, d.title, d.source, d.ingested_at";
#undef DYAD_BYTES

// CSV header names for the columns (jsonl uses the doc/events.md shape).
constexpr const char* kCsvNames[] = {
    "id", "doc_id", "sentence_index", "sentence", "date", "date_precision",
    "date_rule", "source_code", "source_country", "source_sector",
    "source_text", "source_start", "source_end", "target_code",
    "target_country", "target_sector", "target_text", "target_start",
    "target_end", "partners", "code", "root", "quad_class", "goldstein",
    "plover", "modality", "modality_cue", "attribution_code",
    "attribution_country", "attribution_text", "rule", "trigger_start",
    "trigger_end", "trigger_text", "confidence", "group_id", "num_mentions",
    "num_sources", "num_articles", "url", "title", "source_name",
    "ingested_at"};
static_assert(std::size(kCsvNames) == kNumCols);

// One result row, every column as text with a NULL flag.
struct Row {
  std::string v[kNumCols];
  bool null[kNumCols] = {};

  const std::string& operator[](int c) const { return v[c]; }
};

void ReadRow(sqlite3_stmt* st, Row* r) {
  for (int c = 0; c < kNumCols; ++c) {
    const unsigned char* t = sqlite3_column_text(st, c);
    r->null[c] = t == nullptr;
    r->v[c] = t == nullptr ? std::string()
                           : std::string(reinterpret_cast<const char*>(t),
                                         sqlite3_column_bytes(st, c));
  }
}

// GDELT fields hold no tabs or line breaks.
std::string Clean(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

// "2018-06-01" → "20180601"; "" when undated.
std::string CompactDay(const std::string& iso) {
  if (iso.size() != 10) return "";
  return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2);
}

// GDELT's FractionDate: year + day-of-year / 365, 4 decimals.
std::string FractionDate(const std::string& iso) {
  Result<Day> d = ParseIsoDay(iso);
  if (!d.ok()) return "";
  YearMonthDay ymd = ToYearMonthDay(*d);
  Day jan1 = MakeDay(ymd.year, 1, 1);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f",
                ymd.year + static_cast<double>(*d - jan1 + 1) / 365.0);
  return buf;
}

// "2024-06-01T12:30:00Z" → "20240601123000".
std::string CompactTimestamp(const std::string& ts) {
  std::string out;
  for (char c : ts) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out.size() == 14 ? out : "";
}

// The four GDELT actor columns dyad fills: Code, Name, CountryCode,
// KnownGroupCode, then Type1Code (the other five stay empty).
void AppendGdeltActor(const Row& r, int code, int country, int sector,
                      int text, std::string* line) {
  const std::string& cc = r[country];
  std::string known;
  // IGO/NGO codes are their own "country" in dyad; GDELT puts the group in
  // KnownGroupCode and no country.
  if (cc.size() > 3 && (cc.starts_with("IGO") || cc.starts_with("NGO"))) {
    known = cc.substr(3, 3);
  }
  *line += Clean(r[code]) + '\t' + Clean(r[text]) + '\t' +
           (cc.size() == 3 ? cc : std::string()) + '\t' + known +
           "\t\t\t\t" + Clean(r[sector]) + "\t\t";
}

std::string GdeltLine(const Row& r) {
  std::string line;
  const std::string& date = r[kDate];
  std::string day = CompactDay(date);
  line += r[kGroupId].empty() ? r[kId] : r[kGroupId];
  line += '\t' + day + '\t' + day.substr(0, std::min<size_t>(6, day.size())) +
          '\t' + day.substr(0, std::min<size_t>(4, day.size())) + '\t' +
          FractionDate(date) + '\t';
  AppendGdeltActor(r, kSourceCode, kSourceCountry, kSourceSector, kSourceText,
                   &line);
  line += '\t';
  AppendGdeltActor(r, kTargetCode, kTargetCountry, kTargetSector, kTargetText,
                   &line);
  line += '\t';
  line += r[kSentenceIndex] == "0" ? "1" : "0";
  const std::string& code = r[kCode];
  line += '\t' + Clean(code) + '\t' + Clean(code.substr(0, 3)) + '\t' +
          r[kRoot] + '\t' + r[kQuadClass] + '\t';
  if (!r.null[kGoldstein]) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", std::stod(r[kGoldstein]));
    line += buf;
  }
  auto count = [&](int c) { return r.null[c] ? std::string("1") : r[c]; };
  line += '\t' + count(kNumMentions) + '\t' + count(kNumSources) + '\t' +
          count(kNumArticles) + '\t';  // AvgTone: none
  line += std::string(25, '\t');  // AvgTone, three geographies of 8 columns
  line += CompactTimestamp(r[kIngestedAt]) + '\t';
  line += Clean(r[kUrl].empty() ? r[kDocId] : r[kUrl]);
  line += '\n';
  return line;
}

void AppendCsvField(std::string_view s, std::string* out) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    *out += s;
    return;
  }
  *out += '"';
  for (char c : s) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

std::string CsvLine(const Row& r, const CameoTable* cameo) {
  std::string line;
  for (int c = 0; c < kNumCols; ++c) {
    if (c > 0) line += ',';
    AppendCsvField(r[c], &line);
    if (c == kCode) {
      // event_name follows code.
      line += ',';
      const CameoCode* cc = cameo != nullptr ? cameo->Find(r[kCode]) : nullptr;
      AppendCsvField(cc != nullptr ? cc->name : "", &line);
    }
  }
  line += "\r\n";
  return line;
}

std::string CsvHeader() {
  std::string line;
  for (int c = 0; c < kNumCols; ++c) {
    if (c > 0) line += ',';
    line += kCsvNames[c];
    if (c == kCode) line += ",event_name";
  }
  line += "\r\n";
  return line;
}

nlohmann::json IntOrNull(const Row& r, int c) {
  return r.null[c] ? nlohmann::json(nullptr)
                   : nlohmann::json(std::stoll(r[c]));
}
nlohmann::json RealOrNull(const Row& r, int c) {
  return r.null[c] ? nlohmann::json(nullptr) : nlohmann::json(std::stod(r[c]));
}
nlohmann::json TextOrNull(const Row& r, int c) {
  return r.null[c] ? nlohmann::json(nullptr) : nlohmann::json(r[c]);
}

nlohmann::json ActorJson(const Row& r, int code, int country, int sector,
                         int text, int start, int end) {
  if (r.null[code]) return nullptr;
  return {{"code", r[code]},
          {"country", r[country]},
          {"sector", r[sector]},
          {"text", r[text]},
          {"start", IntOrNull(r, start)},
          {"end", IntOrNull(r, end)}};
}

std::string JsonLine(const Row& r, const CameoTable* cameo) {
  nlohmann::json j;
  j["id"] = IntOrNull(r, kId);
  j["doc_id"] = r[kDocId];
  j["sentence_index"] = IntOrNull(r, kSentenceIndex);
  j["sentence"] = r[kSentence];
  j["date"] = TextOrNull(r, kDate);
  j["date_precision"] = r[kDatePrecision];
  j["date_rule"] = r[kDateRule];
  j["source"] = ActorJson(r, kSourceCode, kSourceCountry, kSourceSector,
                          kSourceText, kSourceStart, kSourceEnd);
  j["target"] = ActorJson(r, kTargetCode, kTargetCountry, kTargetSector,
                          kTargetText, kTargetStart, kTargetEnd);
  nlohmann::json partners = nlohmann::json::parse(r[kPartners], nullptr,
                                                  /*allow_exceptions=*/false);
  j["partners"] = partners.is_array() ? partners : nlohmann::json::array();
  j["code"] = r[kCode];
  const CameoCode* cc = cameo != nullptr ? cameo->Find(r[kCode]) : nullptr;
  j["event_name"] = cc != nullptr ? nlohmann::json(cc->name)
                                  : nlohmann::json(nullptr);
  j["root"] = TextOrNull(r, kRoot);
  j["quad_class"] = IntOrNull(r, kQuadClass);
  j["goldstein"] = RealOrNull(r, kGoldstein);
  j["plover"] = TextOrNull(r, kPlover);
  j["modality"] = r[kModality];
  j["modality_cue"] = r[kModalityCue];
  if (r.null[kAttributionCode]) {
    j["attribution"] = nullptr;
  } else {
    // The store keeps an attribution's code and country only.
    j["attribution"] = {{"code", r[kAttributionCode]},
                        {"country", r[kAttributionCountry]}};
  }
  j["attribution_text"] = r[kAttributionText];
  j["rule"] = r[kRule];
  j["trigger"] = {{"start", IntOrNull(r, kTriggerStart)},
                  {"end", IntOrNull(r, kTriggerEnd)},
                  {"text", r[kTriggerText]}};
  j["confidence"] = RealOrNull(r, kConfidence);
  j["group_id"] = IntOrNull(r, kGroupId);
  j["num_mentions"] = IntOrNull(r, kNumMentions);
  j["num_sources"] = IntOrNull(r, kNumSources);
  j["num_articles"] = IntOrNull(r, kNumArticles);
  j["url"] = TextOrNull(r, kUrl);
  j["title"] = r[kTitle];
  j["source_name"] = TextOrNull(r, kSourceName);
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) +
         '\n';
}

}  // namespace

Result<ExportFormat> ParseExportFormat(std::string_view name) {
  if (name == "gdelt") return ExportFormat::kGdelt;
  if (name == "csv") return ExportFormat::kCsv;
  if (name == "jsonl") return ExportFormat::kJsonl;
  return InvalidArgumentError("unknown export format '" + std::string(name) +
                              "' (want gdelt, csv or jsonl)");
}

const char* const* GdeltColumnNames() { return kGdeltColumns; }

EventExporter::EventExporter(std::string path, const CameoTable* cameo)
    : path_(std::move(path)), cameo_(cameo) {}

EventExporter::~EventExporter() {
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status EventExporter::Error(const char* what) const {
  return IoError(path_ + ": " + what + ": " +
                 (db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory"));
}

Result<std::unique_ptr<EventExporter>> EventExporter::Open(
    const std::string& path, const CameoTable* cameo) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return NotFoundError(path + ": no such store");
  }
  std::unique_ptr<EventExporter> ex(new EventExporter(path, cameo));
  if (sqlite3_open_v2(path.c_str(), &ex->db_, SQLITE_OPEN_READONLY,
                      nullptr) != SQLITE_OK) {
    return ex->Error("cannot open store");
  }
  sqlite3_busy_timeout(ex->db_, 5000);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(ex->db_, "SELECT MAX(version) FROM schema_version",
                         -1, &st, nullptr) != SQLITE_OK) {
    return CorruptionError(path + ": not a dyad store (" +
                           sqlite3_errmsg(ex->db_) + ")");
  }
  int version = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
  sqlite3_finalize(st);
  if (version < 2) {
    return InvalidArgumentError(path + ": store schema " +
                                std::to_string(version) +
                                " has no event groups; open it with a "
                                "current dyad (ingest/import) to upgrade");
  }
  return ex;
}

Result<int64_t> EventExporter::Export(const ExportOptions& o,
                                      std::ostream& out) {
  // Filters apply to the group (or raw event) date and countries.
  const char* t = o.raw ? "e" : "g";
  std::string sql = std::string("SELECT ") + kColumnSql;
  if (o.raw) {
    sql +=
        " FROM events e JOIN documents d ON d.id = e.doc_id "
        "LEFT JOIN event_groups g ON g.id = e.group_id";
  } else {
    sql +=
        " FROM event_groups g JOIN events e ON e.id = g.first_event_id "
        "JOIN documents d ON d.id = e.doc_id";
  }
  sql += std::string(" WHERE (?1 IS NULL OR ") + t + ".date >= ?1)" +
         " AND (?2 IS NULL OR " + t + ".date <= ?2)" + " AND (?3 IS NULL OR " +
         t + ".source_country = ?3 OR " + t + ".target_country = ?3)" +
         " ORDER BY " + t + ".date, " + t + ".id";
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    return Error("cannot prepare export query");
  }
  std::string from = o.from == kNoDay ? "" : FormatIsoDay(o.from);
  std::string to = o.to == kNoDay ? "" : FormatIsoDay(o.to);
  auto bind = [&](int i, const std::string& s) {
    if (s.empty()) {
      sqlite3_bind_null(st, i);
    } else {
      sqlite3_bind_text(st, i, s.data(), static_cast<int>(s.size()),
                        SQLITE_TRANSIENT);
    }
  };
  bind(1, from);
  bind(2, to);
  bind(3, o.country);
  if (o.format == ExportFormat::kCsv) out << CsvHeader();
  int64_t n = 0;
  Row row;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    ReadRow(st, &row);
    switch (o.format) {
      case ExportFormat::kGdelt:
        out << GdeltLine(row);
        break;
      case ExportFormat::kCsv:
        out << CsvLine(row, cameo_);
        break;
      case ExportFormat::kJsonl:
        out << JsonLine(row, cameo_);
        break;
    }
    ++n;
    if (!out) break;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    return Error("cannot read events");
  }
  if (!out) return IoError("cannot write the export");
  return n;
}

}  // namespace dyad
