// The human-readable account of how a document was coded, shared by
// `dyad explain` and the HTTP API's /api/explain.
#ifndef DYAD_CODER_CODING_EXPLANATION_H_
#define DYAD_CODER_CODING_EXPLANATION_H_

#include <string>

#include "coder/event_coder.h"
#include "ingest/document.h"

namespace dyad {

// For each sentence traced in `coded` (coded by `coder` from `doc` with
// trace = true): its tokens and tags, actors, candidate rules, decisions and
// events; "no events" when there are none. Lines end with '\n'.
std::string ExplainCoding(const Document& doc, const CodedDocument& coded,
                          const EventCoder& coder);

}  // namespace dyad

#endif  // DYAD_CODER_CODING_EXPLANATION_H_
