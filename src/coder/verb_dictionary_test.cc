#include "coder/verb_dictionary.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>

namespace dyad {
namespace {

std::string MakeDir(const std::string& name,
                    const std::vector<std::pair<std::string, std::string>>& files) {
  std::string dir = testing::TempDir() + "/" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  for (const auto& [file, text] : files) std::ofstream(dir + "/" + file) << text;
  return dir;
}

MatchToken Tok(const std::string& lemma, const std::string& lower, Upos tag) {
  MatchToken t;
  t.lemma = VerbDictionary::Hash(lemma);
  t.lower = VerbDictionary::Hash(lower);
  t.tag = tag;
  return t;
}

TEST(VerbDictionaryTest, ReportsBadLinesWithFileAndLine) {
  std::string dir = MakeDir("verbs_bad", {{"01.txt",
                                          "@pact = pact | treaty\n"
                                          "057 sign ~ @pact\n"
                                          "999x sign\n"
                                          "057 sign @undefined\n"
                                          "057 sign (a|b\n"
                                          "057 TGT sign\n"
                                          "057 sign/X\n"}});
  std::vector<std::string> errors;
  auto dict = VerbDictionary::Load(dir, &errors);
  ASSERT_TRUE(dict.ok());
  EXPECT_EQ((*dict)->rules().size(), 1u);
  ASSERT_EQ(errors.size(), 5u);
  EXPECT_NE(errors[0].find("01.txt:3"), std::string::npos) << errors[0];
  EXPECT_NE(errors[1].find("01.txt:4: undefined set @undefined"),
            std::string::npos) << errors[1];
  EXPECT_NE(errors[2].find("01.txt:5"), std::string::npos);
  EXPECT_NE(errors[3].find("must start with a word"), std::string::npos);
  EXPECT_NE(errors[4].find("suffix"), std::string::npos);
  EXPECT_FALSE(VerbDictionary::Load(dir + "/missing", &errors).ok());
}

TEST(VerbDictionaryTest, MostSpecificRuleWinsAndSlotsBind) {
  std::string dir = MakeDir("verbs_ok", {{"01.txt",
                                         "@pact = pact | treaty | trade deal\n"
                                         "@sign_v = sign | ink\n"
                                         "190 strike TGT\n"
                                         "057 strike ~ @pact\n"
                                         "057 @sign_v ~ @pact with TGT\n"
                                         "046 talk/N with TGT\n"}});
  std::vector<std::string> errors;
  auto dict = VerbDictionary::Load(dir, &errors);
  ASSERT_TRUE(dict.ok());
  EXPECT_TRUE(errors.empty());
  // "struck a trade deal": the @pact rule is more specific than strike TGT.
  std::vector<MatchToken> t = {Tok("strike", "struck", Upos::kVerb),
                               Tok("a", "a", Upos::kDet),
                               Tok("trade", "trade", Upos::kNoun),
                               Tok("deal", "deal", Upos::kNoun)};
  RuleMatch m = (*dict)->MatchAt(t, 0);
  ASSERT_NE(m.rule, nullptr);
  EXPECT_EQ(m.rule->code, "057");
  EXPECT_EQ(m.end, 4u);
  // "inked a treaty with Seoul": TGT binds the actor.
  std::vector<MatchToken> u = {Tok("ink", "inked", Upos::kVerb),
                               Tok("a", "a", Upos::kDet),
                               Tok("treaty", "treaty", Upos::kNoun),
                               Tok("with", "with", Upos::kAdp),
                               Tok("seoul", "seoul", Upos::kPropn)};
  u[4].actor_start = true;
  u[4].actor = 3;
  m = (*dict)->MatchAt(u, 0);
  ASSERT_NE(m.rule, nullptr);
  EXPECT_EQ(m.target, 3);
  // The @sign_v set is verbs only; "talks" as a noun trigger needs /N.
  u[0].tag = Upos::kNoun;
  EXPECT_EQ((*dict)->MatchAt(u, 0).rule, nullptr);
  std::vector<MatchToken> v = {Tok("talk", "talks", Upos::kNoun),
                               Tok("with", "with", Upos::kAdp),
                               Tok("china", "china", Upos::kPropn)};
  v[2].actor_start = true;
  v[2].actor = 0;
  m = (*dict)->MatchAt(v, 0);
  ASSERT_NE(m.rule, nullptr);
  EXPECT_EQ(m.rule->code, "046");
  v[0].tag = Upos::kVerb;
  EXPECT_EQ((*dict)->MatchAt(v, 0).rule, nullptr);
}

TEST(VerbDictionaryTest, GapsDoNotSwallowActors) {
  std::string dir = MakeDir("verbs_gap", {{"01.txt", "044 meet ~ in TGT\n"
                                                     "040 meet TGT\n"}});
  auto dict = VerbDictionary::Load(dir, nullptr);
  ASSERT_TRUE(dict.ok());
  // "met Xi in Beijing": the gap may not skip Xi, so 040 binds Xi.
  std::vector<MatchToken> t = {Tok("meet", "met", Upos::kVerb),
                               Tok("xi", "xi", Upos::kPropn),
                               Tok("in", "in", Upos::kAdp),
                               Tok("beijing", "beijing", Upos::kPropn)};
  t[1].actor_start = true;
  t[1].actor = 0;
  t[3].actor_start = true;
  t[3].actor = 1;
  RuleMatch m = (*dict)->MatchAt(t, 0);
  ASSERT_NE(m.rule, nullptr);
  EXPECT_EQ(m.rule->code, "040");
  EXPECT_EQ(m.target, 0);
}

TEST(VerbDictionaryTest, ShippedDictionaryLoadsCleanly) {
  std::vector<std::string> errors;
  auto dict = VerbDictionary::LoadDefault(&errors);
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  EXPECT_TRUE(errors.empty()) << errors.front();
  EXPECT_GT((*dict)->rules().size(), 1000u);
  // Every CAMEO root has rules.
  std::set<std::string> roots;
  for (const VerbRule& r : (*dict)->rules()) roots.insert(r.code.substr(0, 2));
  for (int root = 1; root <= 20; ++root) {
    char buf[3];
    std::snprintf(buf, sizeof(buf), "%02d", root);
    EXPECT_TRUE(roots.count(buf)) << "no rule for root " << buf;
  }
}

}  // namespace
}  // namespace dyad
