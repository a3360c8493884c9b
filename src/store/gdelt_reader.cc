#include "store/gdelt_reader.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "util/civil_date.h"

namespace dyad {
namespace {

constexpr int kGlobalEventId = 0;
constexpr int kDay = 1;
constexpr int kActor1 = 5;   // Code; +2 CountryCode; +7 Type1Code
constexpr int kActor2 = 15;
constexpr int kEventCode = 26;
constexpr int kSourceUrl = 60;

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
           return std::isdigit(c) != 0;
         });
}

// "20180601" → the day, or kNoDay.
Day ParseCompactDay(std::string_view s) {
  if (s.size() != 8 || !IsDigits(s)) return kNoDay;
  std::string iso = std::string(s.substr(0, 4)) + "-" +
                    std::string(s.substr(4, 2)) + "-" +
                    std::string(s.substr(6, 2));
  Result<Day> d = ParseIsoDay(iso);
  return d.ok() ? *d : kNoDay;
}

// The host of an http(s) URL ("www.bbc.co.uk"), or "" for other strings.
std::string_view UrlHost(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos || !url.starts_with("http")) return "";
  std::string_view rest = url.substr(scheme + 3);
  return rest.substr(0, rest.find_first_of("/?#:"));
}

}  // namespace

GdeltReader::GdeltReader(const ActorDictionary* actors,
                         const CameoTable* cameo)
    : actors_(actors), cameo_(cameo) {}

Result<RowKind> GdeltReader::Parse(std::string_view line,
                                   ImportedRow* out) const {
  std::vector<std::string_view> f;
  f.reserve(kColumns);
  SplitTabs(line, &f);
  if (f.size() != kColumns) {
    return InvalidArgumentError("expected " + std::to_string(kColumns) +
                                " tab-separated columns, found " +
                                std::to_string(f.size()));
  }
  if (!IsDigits(f[kGlobalEventId])) {
    return InvalidArgumentError("bad GlobalEventID '" +
                                std::string(f[kGlobalEventId]) + "'");
  }
  Day day = ParseCompactDay(f[kDay]);
  if (day == kNoDay) {
    return InvalidArgumentError("bad Day '" + std::string(f[kDay]) +
                                "' (want YYYYMMDD)");
  }
  const std::string_view code = f[kEventCode];
  if (cameo_->Find(code) == nullptr) {
    return InvalidArgumentError("unknown EventCode '" + std::string(code) +
                                "'");
  }
  if (f[kActor1].empty()) return RowKind::kNoActor;
  *out = ImportedRow();
  Event& e = out->event;
  auto actor = [&](int col, EventActor* a) {
    a->code = std::string(f[col]);
    CodeParts parts = actors_->SplitCode(a->code);
    a->country = f[col + 2].empty() ? std::move(parts.country)
                                    : std::string(f[col + 2]);
    a->sector = f[col + 7].empty() ? std::move(parts.sector)
                                   : std::string(f[col + 7]);
    std::string_view name = f[col + 1];
    a->text = std::string(name);
    a->begin = static_cast<uint32_t>(name.data() - line.data());
    a->end = a->begin + static_cast<uint32_t>(name.size());
  };
  actor(kActor1, &e.source);
  if (!f[kActor2].empty()) {
    EventActor target;
    actor(kActor2, &target);
    e.target = std::move(target);
  }
  e.date = day;
  e.date_precision = DatePrecision::kDay;
  e.date_rule = "GDELT Day";
  e.code = std::string(code);
  e.modality = Modality::kAsserted;
  e.rule = "gdelt event " + std::string(f[kGlobalEventId]);
  e.trigger_begin = static_cast<uint32_t>(code.data() - line.data());
  e.trigger_end = e.trigger_begin + static_cast<uint32_t>(code.size());
  e.confidence = 1.0;
  const std::string_view url = f[kSourceUrl];
  out->doc_key = url.empty() ? std::string(f[kGlobalEventId]) : std::string(url);
  std::string_view host = UrlHost(url);
  if (!host.empty()) {
    out->doc_url = std::string(url);
    out->doc_source = std::string(host);
  } else {
    out->doc_source = std::string(url);
  }
  return RowKind::kEvent;
}

}  // namespace dyad
