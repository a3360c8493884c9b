// Scoring the coder against PLOVER gold-standard records: precision, recall
// and F1 of (PLOVER type, source country, target country) tuples, and the
// number of extra events per record.
#ifndef DYAD_CODER_PLOVER_SCORER_H_
#define DYAD_CODER_PLOVER_SCORER_H_

#include <map>
#include <string>
#include <vector>

#include "coder/event_coder.h"
#include "util/status.h"

namespace dyad {

struct GoldActor {
  std::string text;
  std::string country;  // normalised: ISO alpha-3, or "IGO"
};

struct PloverRecord {
  std::string id;
  std::string text;
  std::string date;
  std::string type;  // PLOVER 2021 name (v0.5 names are mapped)
  std::vector<GoldActor> sources, targets;
};

// Reads the PLOVER gold JSON array; skips DOCUMENT records. Renames v0.5
// types that PLOVER 2021 merged (DEMAND → REQUEST, DISAPPROVE and
// INVESTIGATE → ACCUSE, FIGHT → ASSAULT); predictions are mapped from CAMEO
// to the same v0.5 grouping (see plover_scorer.cc), since the 2021 table
// moved some codes between types.
Result<std::vector<PloverRecord>> LoadPloverGold(const std::string& path);

// "IGO" for any IGO or NGO code (the gold mixes them), else the first three
// letters.
std::string NormalizeCountry(std::string_view code);

struct PloverScore {
  int records = 0;
  int gold_tuples = 0;
  int predicted_tuples = 0;
  int true_positives = 0;
  int extra_events = 0;  // predicted tuples that match no gold tuple
  double precision = 0, recall = 0, f1 = 0, extra_per_record = 0;
  // Per gold type: {gold tuples, true positives}.
  std::map<std::string, std::pair<int, int>> by_type;
  std::vector<std::string> details;  // one line per record with a mismatch
};

// Codes every record's sentence with `coder` (the record's date as the
// article date) and scores the result. Thread-compatible (coder is shared).
PloverScore ScorePlover(const EventCoder& coder,
                        const std::vector<PloverRecord>& records);

struct ActorRecall {
  int gold = 0;
  int found = 0;
  double recall = 0;
  std::vector<std::string> misses;
};

// For every gold source and target actor, whether a mention overlapping its
// words in the sentence carries its country (or IGO) code.
ActorRecall ScoreActorRecall(const EventCoder& coder,
                             const std::vector<PloverRecord>& records);

}  // namespace dyad

#endif  // DYAD_CODER_PLOVER_SCORER_H_
