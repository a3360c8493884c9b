// The shipped actor dictionary and CAMEO table, loaded once for the import
// and export tests (test-only header).
#ifndef DYAD_STORE_IMPORT_TEST_DEPS_H_
#define DYAD_STORE_IMPORT_TEST_DEPS_H_

#include <gtest/gtest.h>

#include <memory>

#include "coder/cameo_table.h"
#include "dictionary/actor_dictionary.h"
#include "dictionary/actor_dictionary_loader.h"

namespace dyad {

struct ImportTestDeps {
  std::unique_ptr<ActorDictionary> actors;
  std::unique_ptr<CameoTable> cameo;
};

// Loaded on first use and kept for the process (never freed: tests share
// it); a load failure is a test failure.
inline const ImportTestDeps& LoadImportTestDeps() {
  static const ImportTestDeps* deps = [] {
    auto* d = new ImportTestDeps;
    auto actors = LoadActorDictionary({});
    auto cameo = CameoTable::LoadDefault();
    EXPECT_TRUE(actors.ok()) << actors.status().ToString();
    EXPECT_TRUE(cameo.ok()) << cameo.status().ToString();
    if (actors.ok()) d->actors = std::move(actors).value();
    if (cameo.ok()) d->cameo = std::move(cameo).value();
    return d;
  }();
  return *deps;
}

}  // namespace dyad

#endif  // DYAD_STORE_IMPORT_TEST_DEPS_H_
