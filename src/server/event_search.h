// EventSearch: the stored events as the API shows them — filtered, full-text
// searched, sorted and paged (/api/events) or all events of one document.
//
// An event is the doc/events.md object built from its stored row, plus `id`
// (events.id), its merged group (`group_id`, `num_mentions`, `num_sources`,
// `num_articles`) and its document (`url`, `title`, `source_name`). The
// sentence and trigger texts are cut from the stored document text in SQL
// (byte offsets), only for the rows of the page.
#ifndef DYAD_SERVER_EVENT_SEARCH_H_
#define DYAD_SERVER_EVENT_SEARCH_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "coder/cameo_table.h"
#include "server/read_connection.h"
#include "server/request_params.h"
#include "util/civil_date.h"
#include "util/status.h"

namespace dyad {

struct EventFilter {
  std::optional<std::string> actor;    // source or target actor code
  std::optional<std::string> country;  // source or target country
  std::optional<std::string> a, b;     // dyad: a with b (either way unless directed)
  bool directed = false;               // a is the source, b the target
  std::optional<std::string> code, root;
  int quad = 0;                        // 1-4; 0 = any
  std::vector<std::string> modalities; // empty = any
  Day from = kNoDay, to = kNoDay;      // inclusive; undated events never match
  std::optional<std::string> text;     // full-text words over the sentence
  std::string sort = "-date";          // date | -date | goldstein | -goldstein
  int64_t limit = 50, offset = 0;
};

inline constexpr int64_t kMaxEventsLimit = 500;
inline constexpr int64_t kMaxOffset = 1'000'000;
inline constexpr size_t kMaxQueryBytes = 500;

// Reads /api/events parameters (see doc/http_api.md). InvalidArgument naming
// the bad parameter.
Result<EventFilter> ParseEventFilter(const RequestParams& params);

// An FTS5 query matching every word of `q` (each quoted, so user text is
// never FTS5 syntax; a trailing '*' keeps prefix search). "" when `q` has no
// words.
std::string FtsQuery(std::string_view q);

class EventSearch {
 public:
  // `cameo` (may be null; must outlive this) adds event names.
  explicit EventSearch(const CameoTable* cameo) : cameo_(cameo) {}

  // {"total","limit","offset","events":[...]}. Thread-safe (each caller
  // passes its own connection).
  Result<nlohmann::json> Search(ReadConnection& conn,
                                const EventFilter& filter) const;

  // The events of document `doc_id` in sentence order.
  Result<nlohmann::json> EventsOfDocument(ReadConnection& conn,
                                          const std::string& doc_id) const;

 private:
  nlohmann::json RowToJson(const Query& q) const;

  const CameoTable* cameo_;
};

}  // namespace dyad

#endif  // DYAD_SERVER_EVENT_SEARCH_H_
