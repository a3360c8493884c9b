// Trains the averaged-perceptron POS tagger (text/tagger.h) and writes the
// self-contained model file. Single-threaded and deterministic: the same
// corpus, lexicon and options give byte-identical models.
#ifndef DYAD_TEXT_TAGGER_TRAINER_H_
#define DYAD_TEXT_TAGGER_TRAINER_H_

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/tagger.h"
#include "util/status.h"

namespace dyad {

struct TaggerTrainerOptions {
  int epochs = 10;
  uint32_t seed = 1;  // std::mt19937 seed of the per-epoch shuffles
  // Tag dictionary: words seen at least this often with one tag at least this
  // share of the time are tagged by look-up.
  int tagdict_min_count = 20;
  double tagdict_min_share = 0.97;
  // Averaged weights with smaller magnitude are dropped from the model.
  float prune_below = 0.0f;
  // Called after each epoch with a tagger built from the averaged weights so
  // far (for dev-set monitoring); may be empty.
  std::function<void(int epoch, const Tagger& tagger)> on_epoch;
};

class TaggerTrainer {
 public:
  explicit TaggerTrainer(TaggerTrainerOptions options)
      : options_(std::move(options)) {}

  // Replaces options().on_epoch.
  void set_on_epoch(std::function<void(int, const Tagger&)> f) {
    options_.on_epoch = std::move(f);
  }

  // Adds the entries of a festival POS lexicon (festlex-poslex
  // wsj.wp39.poslexR: `("word" ((nn -3.2) (vb -5.1)) () )` lines).
  // Corruption on a malformed line, NotFound/IoError when unreadable.
  Status LoadFestivalLexicon(const std::string& path);
  // Same, from the file's text; `name` is used in error messages.
  Status AddFestivalLexicon(std::string_view text, const std::string& name);
  size_t lexicon_size() const { return lex_keys_.size(); }

  // Adds the word classes of a WordNet 3.0 database directory (Debian
  // wordnet-base: /usr/share/wordnet with index.{noun,verb,adj,adv} and
  // {noun,verb,adj}.exc): each single-word lemma and its regular and listed
  // inflections (pledge -> pledges, pledged, pledging) get class bits, so
  // that verbs rarely seen as verbs in the treebank are still known to be
  // verbs. NotFound/IoError when a file is unreadable.
  Status LoadWordNet(const std::string& dir);
  size_t wordnet_size() const { return wn_keys_.size(); }

  // Relabels a corpus annotated in the 2017 UD English EWT conventions (the
  // ewt_tokens training files) towards current UD guidelines, which PUD and
  // recent EWT releases follow: adjectives inside names (Islamic, National,
  // Persian) are ADJ where the old release tagged them PROPN. A word counts
  // as an adjective if the corpus mostly tags its lower-case form ADJ, or the
  // loaded lexicon lists it as adjective, not noun, and it has an adjective
  // suffix. (Relabelling "be" VERB->AUX and common nouns in names, e.g.
  // Sea/NOUN, was tried and lowered accuracy on EWT test and PUD.) Returns
  // the number of relabelled tokens.
  size_t HarmonizeLegacyEwt(std::vector<TaggedSentence>* corpus) const;

  // Trains on `sentences` and returns the serialized model (see
  // tagger_internal::SerializeModel). InvalidArgument on an empty corpus or
  // mismatched word/tag counts.
  Result<std::string> Train(std::span<const TaggedSentence> sentences) const;

 private:
  TaggerTrainerOptions options_;
  std::vector<uint64_t> lex_keys_;
  std::vector<tagger_internal::LexEntry> lex_entries_;
  std::vector<uint64_t> wn_keys_;      // sorted
  std::vector<uint16_t> wn_classes_;
};

}  // namespace dyad

#endif  // DYAD_TEXT_TAGGER_TRAINER_H_
