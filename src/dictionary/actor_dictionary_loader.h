// Loading actor dictionaries: dyad's own format (doc/dictionaries.md) and
// the TABARI/PETRARCH2 (Phoenix) actor and agent formats, alone or merged.
//
// Malformed lines are reported in LoadReport::errors as "file:line: what"
// and skipped; loading goes on. A missing file is an error Status.
#ifndef DYAD_DICTIONARY_ACTOR_DICTIONARY_LOADER_H_
#define DYAD_DICTIONARY_ACTOR_DICTIONARY_LOADER_H_

#include <memory>
#include <string>
#include <vector>

#include "dictionary/actor_dictionary.h"
#include "util/status.h"

namespace dyad {

struct LoadReport {
  int entries = 0;
  int names = 0;
  int agents = 0;
  std::vector<std::string> errors;  // "file:line: message"
};

// Reads one file in dyad's format into *dict. Agent files (named
// agents*.txt) hold sector entries with `words:`; other files hold actor
// entries whose kind follows from their keys.
Status LoadDyadActorFile(const std::string& path, ActorDictionary* dict,
                         LoadReport* report);

// Reads every *.txt file of `dir` (sorted) in dyad's format.
Status LoadDyadActorDirectory(const std::string& dir, ActorDictionary* dict,
                              LoadReport* report);

// Reads a Phoenix/TABARI actors file ("NAME_ [CODE]", "+SYNONYM_", dated
// "\t[CODE 20120101-20141231]", "[CODE >120101]", "[CODE <990101]").
Status LoadPhoenixActors(const std::string& path, ActorDictionary* dict,
                         LoadReport* report);

// Reads a Phoenix/TABARI agents file ("MINISTER_ {MINISTERS_} [~GOV]").
Status LoadPhoenixAgents(const std::string& path, ActorDictionary* dict,
                         LoadReport* report);

struct ActorDictionaryOptions {
  // dyad-format directories; empty = {DataPath("actors")}. Set
  // `use_default` to false to load only the files named below.
  std::vector<std::string> dyad_dirs;
  bool use_default = true;
  std::vector<std::string> phoenix_actors;  // extra Phoenix actor files
  std::vector<std::string> phoenix_agents;  // extra Phoenix agent files
};

// Loads and compiles a dictionary. Line errors go to *report (may be null);
// a missing file or directory is an error.
Result<std::unique_ptr<ActorDictionary>> LoadActorDictionary(
    const ActorDictionaryOptions& options, LoadReport* report = nullptr);

}  // namespace dyad

#endif  // DYAD_DICTIONARY_ACTOR_DICTIONARY_LOADER_H_
