#include "dictionary/actor_recognizer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "dictionary/actor_dictionary_loader.h"
#include "util/testing.h"

namespace dyad {
namespace {

// Shared, built once: the shipped dictionaries and text models.
struct Fixture {
  std::unique_ptr<TextPipeline> text;
  std::unique_ptr<ActorDictionary> dict;
};

const Fixture& Shipped() {
  static const Fixture* f = [] {
    auto* x = new Fixture;
    auto text = TextPipeline::Create();
    EXPECT_TRUE(text.ok()) << text.status().ToString();
    x->text = std::move(text).value();
    LoadReport report;
    auto dict = LoadActorDictionary({}, &report);
    EXPECT_TRUE(dict.ok()) << dict.status().ToString();
    EXPECT_TRUE(report.errors.empty()) << report.errors.front();
    x->dict = std::move(dict).value();
    return x;
  }();
  return *f;
}

// Codes of the mentions in `text` on `date`, in order.
std::vector<std::string> Codes(const std::string& text, const std::string& date) {
  const Fixture& f = Shipped();
  AnnotatedText annotated;
  f.text->Annotate(text, &annotated);
  ActorRecognizer recognizer(*f.dict);
  DocumentActors doc;
  Day day = date.empty() ? kNoDay : *ParseIsoDay(date);
  std::vector<ActorMention> mentions;
  for (const Sentence& s : annotated.sentences) {
    recognizer.Recognize(annotated, s, day, &doc, &mentions);
  }
  std::vector<std::string> out;
  for (const ActorMention& m : mentions) {
    if (!m.modifier) out.push_back(m.code);
  }
  return out;
}

struct Case {
  std::string name;
  std::string text;
  std::string date;
  std::vector<std::string> codes;
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    EXPECT_EQ(Codes(c.text, c.date), c.codes) << c.name << ": " << c.text;
  }
}

TEST(ActorRecognizerTest, DatedRoles) {
  RunCases({
      {"during tenure", "Kim Jong Un spoke.", "2024-06-19", {"PRKGOV"}},
      {"before tenure: a citizen", "Kim Jong Un spoke.", "2009-01-01", {"PRK"}},
      {"Putin as president", "Vladimir Putin spoke.", "2005-03-01", {"RUSGOV"}},
      {"Putin as prime minister", "Vladimir Putin spoke.", "2010-03-01",
       {"RUSGOV"}},
      {"Putin again president", "Vladimir Putin spoke.", "2024-03-01",
       {"RUSGOV"}},
      {"after tenure: former official", "Barack Obama spoke.", "2019-05-01",
       {"USAELI"}},
      {"during tenure", "Barack Obama spoke.", "2012-05-01", {"USAGOV"}},
  });
}

TEST(ActorRecognizerTest, StatesMetonymsAndPossessives) {
  RunCases({
      {"capital", "Pyongyang said it would respond.", "2024-01-01", {"PRK"}},
      {"seat of government", "The Kremlin said no.", "2024-01-01", {"RUSGOV"}},
      {"acronym", "The DPRK fired a missile.", "2024-01-01", {"PRK"}},
      {"possessive and agent", "China's foreign ministry said no.",
       "2024-01-01", {"CHNGOV"}},
      {"adjective and agent", "North Korean troops moved.", "2024-01-01",
       {"PRKMIL"}},
      {"adjective, modifier and agent", "The South Korean military said.",
       "2024-01-01", {"KORMIL"}},
      {"state media", "KCNA reported the launch.", "2024-01-01", {"PRKMED"}},
      {"lower case common word is not a state", "They ate turkey.",
       "2024-01-01", {}},
  });
}

TEST(ActorRecognizerTest, TitlesCompositionAndCoordination) {
  RunCases({
      {"adjective, title, person", "Russian President Vladimir Putin arrived.",
       "2024-06-19", {"RUSGOV"}},
      {"title and surname", "President Xi spoke.", "2024-06-19", {"CHNGOV"}},
      {"adjective, leader, person", "Chinese leader Xi Jinping spoke.",
       "2024-06-19", {"CHNGOV"}},
      {"agent of coordinated states",
       "The leaders of North Korea and China met.", "2024-06-19",
       {"PRKGOV", "CHNGOV"}},
  });
}

TEST(ActorRecognizerTest, SurnameAfterFullMention) {
  RunCases({
      {"surname after full name", "Kim Jong Un arrived. Later, Kim spoke.",
       "2024-06-19", {"PRKGOV", "PRKGOV"}},
      {"ambiguous surname alone is not guessed", "Kim spoke.", "2024-06-19",
       {}},
      {"a sitting leader's unique surname", "Medina spoke.", "2015-06-19",
       {"DOMGOV"}},
      {"a title leaders do not hold", "Sheriff Medina spoke.", "2015-06-19",
       {"COP"}},
      {"a leader's surname after someone else's first name",
       "Michelle Obama and Hunter Biden spoke.", "2015-06-19", {}},
      {"a weekday is no first name", "On Monday Obama spoke.", "2015-06-19",
       {"USAGOV"}},
      {"a surname in a list of places is a place",
       "Curfews were extended in Mecca and Medina.", "2015-06-19", {}},
  });
}

TEST(ActorRecognizerTest, InternationalOrganisations) {
  RunCases({
      {"UN", "The United Nations condemned the attack.", "2024-01-01",
       {"IGOUNO"}},
      {"NATO", "NATO held talks.", "2024-01-01", {"IGOWSTNAT"}},
      {"EU", "The European Union imposed sanctions.", "2024-01-01",
       {"IGOEUREEC"}},
  });
}

std::string WriteTemp(const std::string& name, const std::string& content) {
  std::string path = testing::TempDir() + "/" + name;
  std::ofstream(path) << content;
  return path;
}

TEST(ActorDictionaryLoaderTest, ReportsMalformedLinesAndGoesOn) {
  std::string path = WriteTemp("bad_people.txt",
                               "Good Person\n"
                               "  role: ABCGOV 2001-01-01 .. 2002-01-01\n"
                               "  colour: blue\n"
                               "Bad Dates\n"
                               "  role: ABCGOV 2001-13-01 .. 2002-01-01\n"
                               "  orphan\n"
                               "Another\n"
                               "  role: ABCGOV 2003-01-01 ..\n");
  ActorDictionary dict;
  LoadReport report;
  ASSERT_TRUE(LoadDyadActorFile(path, &dict, &report).ok());
  ASSERT_EQ(report.errors.size(), 3u);
  auto has = [&](const std::string& text) {
    return std::any_of(report.errors.begin(), report.errors.end(),
                       [&](const std::string& e) {
                         return e.find(text) != std::string::npos;
                       });
  };
  EXPECT_TRUE(has("bad_people.txt:3: unknown key 'colour'"));
  EXPECT_TRUE(has("bad_people.txt:5: bad role"));
  EXPECT_TRUE(has("bad_people.txt:6: expected 'key: value'"));
  EXPECT_EQ(report.entries, 2);  // "Bad Dates" has no valid role
  EXPECT_FALSE(LoadDyadActorFile("/nonexistent/x.txt", &dict, &report).ok());
}

TEST(ActorDictionaryTest, CheckFindsOverlapsUnknownCodesAndDuplicates) {
  ActorDictionary dict;
  ActorEntry country;
  country.name = "Arnor";
  country.kind = ActorKind::kCountry;
  country.codes = {{"ARN"}};
  dict.AddName(dict.AddEntry(country), "Arnor", ActorKind::kCountry);
  ActorEntry a;
  a.name = "Aragorn";
  a.kind = ActorKind::kPerson;
  a.origin = "t:1";
  a.codes = {{"ARNGOV", MakeDay(2000, 1, 1), MakeDay(2010, 1, 1)},
             {"ARNGOV", MakeDay(2005, 1, 1), MakeDay(2012, 1, 1)},
             {"XYZQQQ", kMinDay, kMaxDay}};
  ActorEntry b = a;
  b.name = "Strider";
  b.codes = {{"ARNMIL", MakeDay(2001, 1, 1), MakeDay(2003, 1, 1)}};
  dict.AddName(dict.AddEntry(a), "Elessar", ActorKind::kPerson);
  dict.AddName(dict.AddEntry(b), "Elessar", ActorKind::kPerson);
  ASSERT_TRUE(dict.Compile().ok());
  std::string all;
  for (const std::string& p : dict.Check()) all += p + "\n";
  EXPECT_NE(all.find("overlapping dates for ARNGOV"), std::string::npos) << all;
  EXPECT_NE(all.find("unknown code XYZQQQ"), std::string::npos) << all;
  EXPECT_NE(all.find("duplicate name"), std::string::npos) << all;
}

TEST(PhoenixLoaderTest, LoadsPhoenixDictionariesFromShared) {
  DYAD_REQUIRE_SHARED(dir, "data/dictionaries/phoenix");
  ActorDictionaryOptions options;
  options.use_default = false;
  options.phoenix_actors = {dir + "/Phoenix.Countries.actors.txt",
                            dir + "/Phoenix.International.actors.txt"};
  options.phoenix_agents = {dir + "/Phoenix.agents.txt"};
  LoadReport report;
  auto dict = LoadActorDictionary(options, &report);
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  EXPECT_GT(report.entries, 10000);
  EXPECT_GT(report.agents, 1000);
  // Malformed lines are reported with file and line, never fatal.
  for (const std::string& e : report.errors) {
    EXPECT_NE(e.find(".txt:"), std::string::npos) << e;
  }
  // A Phoenix-only dictionary recognises states, people by date and agents.
  auto text = TextPipeline::Create();
  ASSERT_TRUE(text.ok());
  AnnotatedText annotated;
  (*text)->Annotate("Afghan soldiers met officials in Kabul.", &annotated);
  ActorRecognizer recognizer(**dict);
  DocumentActors doc;
  std::vector<ActorMention> mentions;
  recognizer.Recognize(annotated, annotated.sentences[0], MakeDay(2010, 1, 1),
                       &doc, &mentions);
  std::vector<std::string> codes;
  for (const auto& m : mentions) codes.push_back(m.code);
  EXPECT_NE(std::find(codes.begin(), codes.end(), "AFGMIL"), codes.end());
  EXPECT_NE(std::find(codes.begin(), codes.end(), "AFG"), codes.end());
}

TEST(PhoenixLoaderTest, ParsesDatedRestrictionsAndReportsBadLines) {
  std::string path = WriteTemp(
      "mini.actors.txt",
      "ARNOR_ [ARN]\n"
      "+NORTH_KINGDOM_\n"
      "ARAGORN_\n"
      "\t[ARNELI 950101-991231]\n"
      "\t[ARNGOV >000101]\n"
      "BROKEN_ [ARN 99999]\n");
  ActorDictionary dict;
  LoadReport report;
  ASSERT_TRUE(LoadPhoenixActors(path, &dict, &report).ok());
  ASSERT_EQ(report.errors.size(), 1u);
  EXPECT_NE(report.errors[0].find("mini.actors.txt:6"), std::string::npos);
  ASSERT_TRUE(dict.Compile().ok());
  ASSERT_EQ(dict.num_entries(), 2u);
  EXPECT_EQ(dict.CodeOn(1, MakeDay(1997, 5, 5)), "ARNELI");
  EXPECT_EQ(dict.CodeOn(1, MakeDay(2004, 5, 5)), "ARNGOV");
}

}  // namespace
}  // namespace dyad
