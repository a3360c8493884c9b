// Trains the POS tagger model.
//
// dyad_train_tagger --out data/models/pos_tagger_ewt.bin
//     --lexicon /usr/share/festival/dicts/wsj.wp39.poslexR
//     --wordnet /usr/share/wordnet
//     --train a.upos.tsv --train b.conllu ... [--dev dev.conllu]...
//     [--epochs N] [--seed S] [--prune X]
// Files ending in .conllu are read as CoNLL-U, others as token TAB UPOS.
// --legacy files are training files in the 2017 EWT conventions, relabelled
// by TaggerTrainer::HarmonizeLegacyEwt.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "text/tagger.h"
#include "text/tagger_trainer.h"
#include "util/file.h"

namespace {

dyad::Result<std::vector<dyad::TaggedSentence>> ReadCorpus(
    const std::string& path) {
  if (path.size() > 7 && path.ends_with(".conllu")) return dyad::ReadConllu(path);
  return dyad::ReadUposTsv(path);
}

int Usage() {
  std::fprintf(stderr,
               "usage: dyad_train_tagger --out FILE [--lexicon FILE] [--wordnet DIR] "
               "--train FILE... [--legacy FILE]... [--dev FILE]... [--epochs N] [--seed S] "
               "[--prune X] [--tagdict-min-count N] [--tagdict-min-share F]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out, lexicon, wordnet;
  std::vector<std::string> train_files, dev_files;
  dyad::TaggerTrainerOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (i + 1 >= argc) return Usage();
    const std::string val = argv[++i];
    if (arg == "--out") out = val;
    else if (arg == "--lexicon") lexicon = val;
    else if (arg == "--wordnet") wordnet = val;
    else if (arg == "--train") train_files.push_back(val);
    else if (arg == "--legacy") train_files.push_back("legacy:" + val);
    else if (arg == "--dev") dev_files.push_back(val);
    else if (arg == "--epochs") options.epochs = std::atoi(val.c_str());
    else if (arg == "--seed") options.seed = std::strtoul(val.c_str(), nullptr, 10);
    else if (arg == "--tagdict-min-count") options.tagdict_min_count = std::atoi(val.c_str());
    else if (arg == "--tagdict-min-share") options.tagdict_min_share = std::strtod(val.c_str(), nullptr);
    else if (arg == "--prune") options.prune_below = std::strtof(val.c_str(), nullptr);
    else return Usage();
  }
  if (out.empty() || train_files.empty()) return Usage();

  dyad::TaggerTrainer trainer(options);
  if (!lexicon.empty()) {
    const dyad::Status st = trainer.LoadFestivalLexicon(lexicon);
    if (!st.ok()) {
      std::fprintf(stderr, "%s\n", st.ToString().c_str());
      return 1;
    }
    std::fprintf(stderr, "lexicon: %zu words\n", trainer.lexicon_size());
  }
  if (!wordnet.empty()) {
    const dyad::Status st = trainer.LoadWordNet(wordnet);
    if (!st.ok()) {
      std::fprintf(stderr, "%s\n", st.ToString().c_str());
      return 1;
    }
    std::fprintf(stderr, "wordnet: %zu forms\n", trainer.wordnet_size());
  }
  std::vector<dyad::TaggedSentence> train;
  for (std::string f : train_files) {
    const bool legacy = f.starts_with("legacy:");
    if (legacy) f = f.substr(7);
    auto corpus = ReadCorpus(f);
    if (!corpus.ok()) {
      std::fprintf(stderr, "%s\n", corpus.status().ToString().c_str());
      return 1;
    }
    std::fprintf(stderr, "train %s: %zu sentences\n", f.c_str(), corpus->size());
    if (legacy) {
      std::fprintf(stderr, "  harmonized %zu legacy EWT tags\n",
                   trainer.HarmonizeLegacyEwt(&*corpus));
    }
    for (auto& s : *corpus) train.push_back(std::move(s));
  }
  std::vector<std::pair<std::string, std::vector<dyad::TaggedSentence>>> devs;
  for (const std::string& f : dev_files) {
    auto corpus = ReadCorpus(f);
    if (!corpus.ok()) {
      std::fprintf(stderr, "%s\n", corpus.status().ToString().c_str());
      return 1;
    }
    devs.emplace_back(f, std::move(*corpus));
  }
  trainer.set_on_epoch([&](int epoch, const dyad::Tagger& tagger) {
    for (const auto& [name, sents] : devs) {
      const dyad::TaggerEval e = dyad::Evaluate(tagger, sents);
      std::fprintf(stderr, "epoch %d  %s: %.4f (%zu/%zu)\n", epoch,
                   name.c_str(), e.accuracy, e.correct, e.tokens);
    }
  });
  const auto start = std::chrono::steady_clock::now();
  auto model = trainer.Train(train);
  if (!model.ok()) {
    std::fprintf(stderr, "%s\n", model.status().ToString().c_str());
    return 1;
  }
  const double secs = std::chrono::duration<double>(
                          std::chrono::steady_clock::now() - start).count();
  const dyad::Status st = dyad::WriteStringToFile(out, *model);
  if (!st.ok()) {
    std::fprintf(stderr, "%s\n", st.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "trained in %.1f s; wrote %s (%zu bytes)\n", secs,
               out.c_str(), model->size());
  return 0;
}
