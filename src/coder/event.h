// Event: one coded political event, with the evidence for it. A plain
// value; byte offsets point into the Document's text.
#ifndef DYAD_CODER_EVENT_H_
#define DYAD_CODER_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coder/date_resolver.h"
#include "util/civil_date.h"

namespace dyad {

enum class Modality : uint8_t {
  kAsserted,      // reported as having happened
  kAlleged,       // accused of, suspected, reportedly
  kHypothetical,  // if, should X face, would
  kFuture,        // plans to, will, is expected to, pledged to
  kNegated,       // did not, has not, never, hesitant to
  kHistorical,    // well before the article ("ties established in 1949")
};

// "asserted", "alleged", ...
std::string_view ModalityName(Modality m);

struct EventActor {
  std::string code;     // CAMEO actor code ("PRKGOV")
  std::string country;  // "PRK", an IGO code, or ""
  std::string sector;   // "GOV", or ""
  std::string text;     // the words in the article
  uint32_t begin = 0;   // byte offsets into the document text
  uint32_t end = 0;
  int entry = -1;       // dictionary entry of a named actor, else -1
};

struct Event {
  std::string doc_id;
  uint32_t sentence_index = 0;  // 0-based over dyad's sentences of the document
  uint32_t sentence_begin = 0;  // byte offsets of the sentence
  uint32_t sentence_end = 0;
  Day date = kNoDay;
  DatePrecision date_precision = DatePrecision::kDay;
  std::string date_rule;        // how the date was chosen
  EventActor source;
  std::optional<EventActor> target;
  // Co-actors of a joint act with no target ("X and Y signed a pact": the
  // event of X has Y as partner, and the event of Y has X).
  std::vector<EventActor> partners;
  std::string code;             // CAMEO event code
  Modality modality = Modality::kAsserted;
  std::string modality_cue;     // the words that set the modality
  std::optional<EventActor> attribution;  // who reported or claimed it
  std::string attribution_text;           // "KCNA reported", "analysts say"
  std::string rule;             // "05_support.txt:12 praise TGT"
  uint32_t trigger_begin = 0;   // byte offsets of the trigger words
  uint32_t trigger_end = 0;
  double confidence = 1.0;
  int rule_specificity = 0;     // words the rule matched: more is more specific
  bool noun_trigger = false;    // "talks", "visit": the trigger is a noun
};

}  // namespace dyad

#endif  // DYAD_CODER_EVENT_H_
