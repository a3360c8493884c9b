// The golden article: dyad's own sample story on North Korea, China and
// Russia (data/sample/2024-10-07-prk-chn-75th-anniversary.txt), coded by the
// real `dyad code` binary, must carry the codings an analyst expects.
#include <gtest/gtest.h>

#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace {

std::vector<nlohmann::json> RunDyad(const std::string& args) {
  std::string cmd = std::string(DYAD_BINARY) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  EXPECT_NE(p, nullptr);
  std::vector<nlohmann::json> out;
  if (p == nullptr) return out;
  char* line = nullptr;
  size_t cap = 0;
  while (getline(&line, &cap, p) > 0) {
    out.push_back(nlohmann::json::parse(line));
  }
  free(line);
  EXPECT_EQ(pclose(p), 0) << cmd;
  return out;
}

std::string Country(const nlohmann::json& actor) {
  return actor.is_null() ? "" : actor.value("country", "");
}

// Countries the event involves besides its source: target and partners.
std::vector<std::string> Others(const nlohmann::json& e) {
  std::vector<std::string> out;
  if (!e["target"].is_null()) out.push_back(Country(e["target"]));
  if (e.contains("partners")) {
    for (const auto& p : e["partners"]) out.push_back(Country(p));
  }
  return out;
}

bool Involves(const nlohmann::json& e, const std::string& a,
              const std::string& b) {
  auto others = Others(e);
  return Country(e["source"]) == a &&
         std::find(others.begin(), others.end(), b) != others.end();
}

class GoldenArticleTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    events_ = new std::vector<nlohmann::json>(RunDyad(
        "code -q data/sample/2024-10-07-prk-chn-75th-anniversary.txt"));
  }
  static void TearDownTestSuite() { delete events_; }
  static std::vector<nlohmann::json>* events_;
};
std::vector<nlohmann::json>* GoldenArticleTest::events_ = nullptr;

TEST_F(GoldenArticleTest, AnniversaryMessagesAreMutualCooperationOnSunday) {
  bool prk_chn = false, chn_prk = false;
  for (const auto& e : *events_) {
    std::string root = e["root"];
    if (root != "03" && root != "05") continue;
    if (e["date"] != "2024-10-06") continue;
    if (Involves(e, "PRK", "CHN")) prk_chn = true;
    if (Involves(e, "CHN", "PRK")) chn_prk = true;
  }
  EXPECT_TRUE(prk_chn);
  EXPECT_TRUE(chn_prk);
}

TEST_F(GoldenArticleTest, DefencePactWithRussiaDatedToJune) {
  bool found = false;
  for (const auto& e : *events_) {
    if (e["code"] != "057") continue;
    if (!(Involves(e, "PRK", "RUS") || Involves(e, "RUS", "PRK"))) continue;
    EXPECT_EQ(e["date"], "2024-06-01");
    EXPECT_EQ(e["date_precision"], "month");
    found = true;
  }
  EXPECT_TRUE(found);
}

TEST_F(GoldenArticleTest, ArtilleryDrillIsMilitaryPostureOnSunday) {
  bool found = false;
  for (const auto& e : *events_) {
    if (e["root"] == "15" && e["source"]["code"] == "PRKMIL" &&
        e["date"] == "2024-10-06" && e["modality"] == "asserted") {
      found = true;
      EXPECT_NE(e["attribution_text"].get<std::string>().find("KCNA"),
                std::string::npos);
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(GoldenArticleTest, ArmsSuppliesToRussiaAreAlleged) {
  bool found = false;
  for (const auto& e : *events_) {
    if (e["root"] == "07" && Involves(e, "PRK", "RUS")) {
      EXPECT_EQ(e["modality"], "alleged");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(GoldenArticleTest, HesitancyIsNotAssertedCooperation) {
  for (const auto& e : *events_) {
    std::string sentence = e["sentence"];
    if (sentence.find("hesitant") == std::string::npos) continue;
    std::string root = e["root"];
    bool cooperative = root >= "03" && root <= "08";
    EXPECT_FALSE(cooperative && e["modality"] == "asserted") << e.dump();
  }
}

TEST_F(GoldenArticleTest, TiesOf1949AreHistorical) {
  bool found = false;
  for (const auto& e : *events_) {
    if (e["date"] == "1949-10-06") {
      EXPECT_EQ(e["modality"], "historical");
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(GoldenArticleTest, EveryEventCarriesItsEvidence) {
  ASSERT_FALSE(events_->empty());
  for (const auto& e : *events_) {
    for (const char* key :
         {"doc_id", "sentence_index", "sentence", "date", "date_precision",
          "source", "target", "code", "root", "quad_class", "goldstein",
          "plover", "modality", "attribution", "rule", "trigger"}) {
      EXPECT_TRUE(e.contains(key)) << key << " missing in " << e.dump();
    }
    EXPECT_LT(e["trigger"]["start"].get<int>(), e["trigger"]["end"].get<int>());
  }
}

TEST(CodeCommandTest, OutputIsIdenticalOnOneAndTwoThreads) {
  auto one = RunDyad("code -q -j1 data/sample");
  auto two = RunDyad("code -q -j2 data/sample");
  EXPECT_GT(one.size(), 50u);
  EXPECT_EQ(one, two);
}

}  // namespace
