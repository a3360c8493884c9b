// EventCoder: a document in, its political events out — who did what to
// whom, when, with modality, attribution and the evidence for each.
//
// The approach is a shallow, rule-driven reading of each clause (see
// doc/architecture.md): actors from the ActorRecognizer, triggers and
// target slots from the VerbDictionary, and roles from the clause's order
// (subject before the trigger; passive "by" agents; possessors and
// "between X and Y" for noun triggers), coordination, reported speech and
// "the two nations". Built once by Create(), then immutable: Code() is
// thread-safe.
#ifndef DYAD_CODER_EVENT_CODER_H_
#define DYAD_CODER_EVENT_CODER_H_

#include <memory>
#include <string>
#include <vector>

#include "coder/cameo_table.h"
#include "coder/date_resolver.h"
#include "coder/event.h"
#include "coder/verb_dictionary.h"
#include "dictionary/actor_dictionary_loader.h"
#include "dictionary/actor_recognizer.h"
#include "ingest/document.h"
#include "text/text_pipeline.h"
#include "util/status.h"

namespace dyad {

struct EventCoderOptions {
  TextPipelineOptions text;
  ActorDictionaryOptions actors;
  std::string verbs_dir;   // "" = DataPath("verbs")
  std::string cameo_table; // "" = DataPath("cameo/cameo.tsv")
  bool one_per_sentence = false;  // keep only the best event of a sentence
  int lede_sentences = 0;         // > 0: code only the first N sentences
  double min_confidence = 0.0;
  bool statements = false;        // keep CAMEO 01x (make statement) events
  // Keep every event; by default a sentence keeps its root event (all its
  // source-target pairs) and the alleged acts it reports.
  bool all_events = false;
};

// What the coder did with one sentence, for `dyad explain`.
struct SentenceTrace {
  uint32_t sentence_index = 0;
  std::vector<ActorMention> mentions;
  std::vector<std::string> candidates;  // every rule that matched, and why kept or not
  std::vector<std::string> notes;       // role, modality and date decisions
};

struct CodedDocument {
  AnnotatedText text;
  std::vector<Event> events;
  std::vector<SentenceTrace> traces;  // filled only when asked for
};

class EventCoder {
 public:
  // Loads the text models, dictionaries and tables. Dictionary line errors
  // go to *warnings (may be null); a missing file is an error.
  static Result<std::unique_ptr<EventCoder>> Create(
      const EventCoderOptions& options, std::vector<std::string>* warnings);

  // Codes `doc` into *out (cleared first). `trace` adds SentenceTraces.
  // Thread-safe.
  void Code(const Document& doc, CodedDocument* out, bool trace = false) const;

  const CameoTable& cameo() const { return *cameo_; }
  const ActorDictionary& actors() const { return *actors_; }
  const VerbDictionary& verbs() const { return *verbs_; }
  const TextPipeline& text() const { return *text_; }
  const EventCoderOptions& options() const { return options_; }

 private:
  EventCoder() = default;
  struct SentenceContext;
  void CodeSentence(const Document& doc, const AnnotatedText& text,
                    uint32_t index, Day article_day, DocumentActors* actors,
                    SentenceContext* ctx, std::vector<Event>* events,
                    SentenceTrace* trace) const;

  EventCoderOptions options_;
  std::unique_ptr<TextPipeline> text_;
  std::unique_ptr<ActorDictionary> actors_;
  std::unique_ptr<ActorRecognizer> recognizer_;
  std::unique_ptr<VerbDictionary> verbs_;
  std::unique_ptr<CameoTable> cameo_;
  DateResolver dates_;
  // "X said Y must ...": a demand by X on Y, found by the engine, not a
  // pattern (the speaker and the addressee are in different clauses).
  VerbRule must_rule_;
};

}  // namespace dyad

#endif  // DYAD_CODER_EVENT_CODER_H_
