#include "ingest/date_normalizer.h"

#include <gtest/gtest.h>

namespace dyad {
namespace {

TEST(DateNormalizerTest, NormalisesKnownFormsAndRejectsOthers) {
  struct Case {
    const char* in;
    const char* out;  // nullptr = rejected
  };
  const Case cases[] = {
      {"2024-06-19", "2024-06-19"},
      {"  2024-06-19\n", "2024-06-19"},
      {"2024-06-19T10:00:00Z", "2024-06-19"},
      {"2024-06-19T23:30:00-05:00", "2024-06-19"},
      {"2024-06-19 10:00", "2024-06-19"},
      {"2024/06/19", "2024-06-19"},
      {"20240619", "2024-06-19"},
      {"20240619103000", "2024-06-19"},
      {"2024-02-29", "2024-02-29"},
      {"2023-02-29", nullptr},
      {"2024-13-01", nullptr},
      {"2024-00-10", nullptr},
      {"2024-06-19X", nullptr},
      {"2024-6-19", nullptr},
      {"2024/06-19", nullptr},
      {"June 19, 2024", nullptr},
      {"2024061", nullptr},
      {"", nullptr},
  };
  for (const Case& c : cases) {
    Result<std::string> r = NormalizeDate(c.in);
    if (c.out == nullptr) {
      EXPECT_FALSE(r.ok()) << c.in;
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << c.in;
    } else {
      ASSERT_TRUE(r.ok()) << c.in << ": " << r.status().ToString();
      EXPECT_EQ(*r, c.out) << c.in;
    }
  }
}

}  // namespace
}  // namespace dyad
