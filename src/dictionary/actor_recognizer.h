// ActorRecognizer: finds the actors of a sentence and gives each the CAMEO
// code that was true on the event's date.
//
// Longest match over tokens; then composition: possessives and country +
// agent ("China's foreign ministry" → CHNGOV, "North Korean troops" →
// PRKMIL), titles ("Russian President Vladimir Putin" → RUSGOV), agent of
// countries ("the leaders of North Korea and China" → PRKGOV, CHNGOV),
// metonyms ("Pyongyang" → PRK, "the Kremlin" → RUSGOV), and later
// references by family name within a document ("Kim" after "Kim Jong Un").
#ifndef DYAD_DICTIONARY_ACTOR_RECOGNIZER_H_
#define DYAD_DICTIONARY_ACTOR_RECOGNIZER_H_

#include <string>
#include <unordered_set>
#include <vector>

#include "dictionary/actor_dictionary.h"
#include "text/text_pipeline.h"
#include "util/civil_date.h"

namespace dyad {

struct ActorMention {
  uint32_t begin_token = 0;  // document token indices, [begin_token, end_token)
  uint32_t end_token = 0;
  uint32_t head_token = 0;   // the token the phrase is anchored at
  uint32_t begin = 0;        // byte offsets into the document text
  uint32_t end = 0;
  std::string code;          // "PRKGOV"
  std::string country;       // "PRK"; IGO code for organisations; "" unknown
  std::string sector;        // "GOV"; "" for a state as a whole
  ActorKind kind = ActorKind::kCountry;  // of the phrase's main part
  int entry = -1;            // dictionary entry; -1 for a bare agent
  // An adjective before an ordinary noun ("a North Korean missile"): the
  // country is involved but is not itself the phrase's referent.
  bool modifier = false;
  // An agent without a country ("officials", "the military").
  bool generic = false;
};

// What the recognizer remembers across the sentences of one document: the
// people named in full so far. One per document; not shared by threads.
struct DocumentActors {
  std::unordered_set<int> people_seen;
};

class ActorRecognizer {
 public:
  // `dict` must be compiled and outlive the recognizer.
  explicit ActorRecognizer(const ActorDictionary& dict) : dict_(dict) {}

  // Appends the mentions of sentence `s` of `text`, in token order, to
  // *out. Roles are checked against `day` (kNoDay: the latest role).
  // Updates *doc. Thread-safe for distinct `doc` objects.
  void Recognize(const AnnotatedText& text, const Sentence& s, Day day,
                 DocumentActors* doc, std::vector<ActorMention>* out) const;

  const ActorDictionary& dictionary() const { return dict_; }

 private:
  const ActorDictionary& dict_;
};

}  // namespace dyad

#endif  // DYAD_DICTIONARY_ACTOR_RECOGNIZER_H_
