#include "text/text_pipeline.h"

#include <cstdlib>

namespace dyad {

Result<std::unique_ptr<TextPipeline>> TextPipeline::Create(
    const TextPipelineOptions& options) {
  std::unique_ptr<TextPipeline> p(new TextPipeline());
  p->options_ = options;
  if (options.tag) {
    auto tagger = options.tagger_model.empty()
                      ? Tagger::LoadDefault()
                      : Tagger::Load(options.tagger_model);
    if (!tagger.ok()) return tagger.status();
    p->tagger_ = std::move(tagger).value();
    if (options.lemmatize) {
      auto lem = options.wordnet_dir.empty()
                     ? Lemmatizer::LoadDefault()
                     : Lemmatizer::Load(options.wordnet_dir);
      if (!lem.ok()) return lem.status();
      p->lemmatizer_ = std::move(lem).value();
    }
  }
  return p;
}

void TextPipeline::Annotate(std::string_view text, AnnotatedText* out) const {
  out->tokens.clear();
  out->sentences.clear();
  out->datelines.clear();
  tokenizer_.Tokenize(text, &out->tokens);
  splitter_.Split(text, out->tokens, &out->sentences, &out->datelines);
  if (tagger_ == nullptr) return;
  for (const Sentence& s : out->sentences) {
    TagAndLemmatize(std::span<Token>(out->tokens)
                        .subspan(s.first_token, s.num_tokens));
  }
  for (const Sentence& s : out->datelines) {
    TagAndLemmatize(std::span<Token>(out->tokens)
                        .subspan(s.first_token, s.num_tokens));
  }
}

void TextPipeline::TagAndLemmatize(std::span<Token> tokens) const {
  if (tagger_ == nullptr || tokens.empty()) return;
  // Small sentences fit on the stack; long ones use the heap.
  constexpr size_t kStack = 128;
  std::string_view words_buf[kStack];
  Upos tags_buf[kStack];
  std::vector<std::string_view> words_heap;
  std::vector<Upos> tags_heap;
  std::span<std::string_view> words;
  std::span<Upos> tags;
  if (tokens.size() <= kStack) {
    words = std::span<std::string_view>(words_buf, tokens.size());
    tags = std::span<Upos>(tags_buf, tokens.size());
  } else {
    words_heap.resize(tokens.size());
    tags_heap.resize(tokens.size());
    words = words_heap;
    tags = tags_heap;
  }
  for (size_t i = 0; i < tokens.size(); ++i) words[i] = tokens[i].norm;
  tagger_->Tag(words, tags);
  for (size_t i = 0; i < tokens.size(); ++i) {
    tokens[i].tag = tags[i];
    // Only content words and auxiliaries inflect; the rest are their own
    // lemma, and skipping WordNet for them halves the lookups.
    Upos t = tags[i];
    bool inflects = t == Upos::kNoun || t == Upos::kVerb || t == Upos::kAux ||
                    t == Upos::kAdj || t == Upos::kAdv ||
                    tokens[i].lower == "n't";
    if (lemmatizer_ != nullptr && inflects) {
      tokens[i].lemma = lemmatizer_->Lemma(tokens[i].lower, t);
    } else {
      tokens[i].lemma = tokens[i].lower;
    }
  }
}

}  // namespace dyad
