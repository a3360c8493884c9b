// TextPipeline: document text → sentences → tokens with offsets, tags and
// lemmas. The one entry point later stages use.
#ifndef DYAD_TEXT_TEXT_PIPELINE_H_
#define DYAD_TEXT_TEXT_PIPELINE_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/lemmatizer.h"
#include "text/sentence_splitter.h"
#include "text/tagger.h"
#include "text/token.h"
#include "text/tokenizer.h"
#include "util/status.h"

namespace dyad {

// The annotation of one document's text. Offsets point into the text that
// was annotated; the caller keeps that text alive and unchanged.
struct AnnotatedText {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;  // in order; cover every non-dateline token
  std::vector<Sentence> datelines;  // "SEOUL, Oct 6 (Reuters) -" spans

  // The tokens of sentence `s`. Valid while `tokens` is not modified.
  std::span<const Token> TokensOf(const Sentence& s) const {
    return std::span<const Token>(tokens).subspan(s.first_token, s.num_tokens);
  }
};

struct TextPipelineOptions {
  std::string tagger_model;  // "" = the shipped model in data/models
  std::string wordnet_dir;   // "" = $DYAD_WORDNET or /usr/share/wordnet
  bool tag = true;           // false: tokens and sentences only
  bool lemmatize = true;     // needs tag
};

// Built once (loading the tagger model and WordNet), then immutable and
// shared by threads: Annotate() is thread-safe.
class TextPipeline {
 public:
  // Loads the models named in `options`. NotFound/Corruption on failure.
  static Result<std::unique_ptr<TextPipeline>> Create(
      const TextPipelineOptions& options = {});

  // Annotates `text`, replacing the contents of *out (its buffers are reused,
  // so passing the same AnnotatedText for many documents avoids allocation).
  void Annotate(std::string_view text, AnnotatedText* out) const;

  // Tags and lemmatises tokens that were produced elsewhere (e.g. a single
  // sentence for `dyad explain`).
  void TagAndLemmatize(std::span<Token> tokens) const;

  const Tokenizer& tokenizer() const { return tokenizer_; }
  const Tagger* tagger() const { return tagger_.get(); }
  const Lemmatizer* lemmatizer() const { return lemmatizer_.get(); }

 private:
  TextPipeline() = default;

  TextPipelineOptions options_;
  Tokenizer tokenizer_;
  SentenceSplitter splitter_;
  std::unique_ptr<Tagger> tagger_;
  std::unique_ptr<Lemmatizer> lemmatizer_;
};

}  // namespace dyad

#endif  // DYAD_TEXT_TEXT_PIPELINE_H_
