// JSON form of events (schema: doc/events.md).
#ifndef DYAD_CODER_EVENT_JSON_H_
#define DYAD_CODER_EVENT_JSON_H_

#include <nlohmann/json.hpp>

#include "coder/cameo_table.h"
#include "coder/event.h"
#include "ingest/document.h"

namespace dyad {

// The event as one JSON object; `doc` is the document it came from (for the
// sentence text). Unknown CAMEO codes get null root/quad/goldstein/plover.
nlohmann::json EventToJson(const Event& e, const Document& doc,
                           const CameoTable& cameo);

// One JSON line (no trailing newline); invalid UTF-8 is replaced.
std::string EventToJsonLine(const Event& e, const Document& doc,
                            const CameoTable& cameo);

}  // namespace dyad

#endif  // DYAD_CODER_EVENT_JSON_H_
