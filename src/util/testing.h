// Helpers for tests that need ../shared reference data. Header-only; include
// only from *_test.cc files.
#ifndef DYAD_UTIL_TESTING_H_
#define DYAD_UTIL_TESTING_H_

#include <gtest/gtest.h>

#include <string>

#include "util/paths.h"

// Binds `var` to the path of `relative` inside ../shared, or skips the test
// with a message naming the missing data.
#define DYAD_REQUIRE_SHARED(var, relative)                                  \
  std::string var;                                                          \
  do {                                                                      \
    auto dyad_shared_ = ::dyad::SharedDir();                                \
    if (!dyad_shared_) {                                                    \
      GTEST_SKIP() << "skipped: reference data ../shared (or $DYAD_SHARED) " \
                      "is absent; needs " << (relative);                    \
    }                                                                       \
    var = *dyad_shared_ + "/" + (relative);                                 \
  } while (0)

#endif  // DYAD_UTIL_TESTING_H_
