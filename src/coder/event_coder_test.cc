#include "coder/event_coder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace dyad {
namespace {

const EventCoder& Coder() {
  static const EventCoder* coder = [] {
    std::vector<std::string> warnings;
    auto c = EventCoder::Create({}, &warnings);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    EXPECT_TRUE(warnings.empty()) << warnings.front();
    return std::move(c).value().release();
  }();
  return *coder;
}

std::vector<Event> Code(const std::string& text, const std::string& date,
                        EventCoderOptions options = {}) {
  Document doc;
  doc.id = "test";
  doc.text = text;
  doc.date = date;
  CodedDocument out;
  if (options.statements || options.all_events) {
    auto c = EventCoder::Create(options, nullptr);
    EXPECT_TRUE(c.ok());
    (*c)->Code(doc, &out);
  } else {
    Coder().Code(doc, &out);
  }
  return out.events;
}

// "SRC>TGT root modality" for each event, e.g. "RUS>UKR 19 asserted".
std::vector<std::string> Summaries(const std::vector<Event>& events) {
  std::vector<std::string> out;
  for (const Event& e : events) {
    // A target without a state shows its sector code ("CVL").
    std::string target = !e.target                    ? "-"
                         : e.target->country.empty() ? e.target->code
                                                     : e.target->country;
    out.push_back(e.source.country + ">" + target + " " +
                  e.code.substr(0, 2) + " " +
                  std::string(ModalityName(e.modality)));
  }
  return out;
}

struct Case {
  std::string text;
  std::vector<std::string> want;
};

void RunCases(const std::vector<Case>& cases, const std::string& date = "2024-05-20") {
  for (const Case& c : cases) {
    EXPECT_EQ(Summaries(Code(c.text, date)), c.want) << c.text;
  }
}

TEST(EventCoderTest, OneSentencePerCameoRoot) {
  RunCases({
      {"China urged the United States to resume talks with North Korea.",
       {"CHN>USA 02 asserted"}},
      {"Russia pledged to provide humanitarian aid to Syria.",
       {"RUS>SYR 03 future"}},
      {"Chinese President Xi Jinping met Russian President Vladimir Putin in "
       "Moscow.",
       {"CHN>RUS 04 asserted"}},
      {"India praised Japan for its support.", {"IND>JPN 05 asserted"}},
      {"The United States sent military aid to Ukraine.",
       {"USA>UKR 07 asserted"}},
      {"Israel released 50 Palestinian prisoners.", {"ISR>PSE 08 asserted"}},
      {"The United Nations launched an investigation into the attack on "
       "Syria.",
       {"IGOUNO>SYR 09 asserted"}},
      {"Iran demanded that the United States lift sanctions.",
       {"IRN>USA 10 asserted"}},
      {"China condemned the visit of the Japanese prime minister to the "
       "Yasukuni shrine.",
       {"CHN>JPN 11 asserted"}},
      {"Pakistan rejected India's proposal for talks.",
       {"PAK>IND 12 asserted"}},
      {"North Korea threatened to attack South Korea.",
       {"PRK>KOR 13 asserted"}},
      {"Thousands of Armenians protested against Azerbaijan in Yerevan.",
       {"ARM>AZE 14 asserted"}},
      {"North Korea test-fired a ballistic missile on Sunday.",
       {"PRK>- 15 asserted"}},
      {"Ukraine severed diplomatic ties with Iran.", {"UKR>IRN 16 asserted"}},
      {"Iran seized a British oil tanker in the Strait of Hormuz.",
       {"IRN>GBR 17 asserted"}},
      {"Hamas militants kidnapped Israeli civilians.",
       {"PSE>ISR 18 asserted"}},
      {"Russian forces shelled the Ukrainian city of Kharkiv.",
       {"RUS>UKR 19 asserted"}},
      // Civilians named without a country are the source state's own (SYRCVL).
      {"Syrian government forces used chemical weapons against civilians in "
       "Douma.",
       {"SYR>SYR 20 asserted"}},
  });
}

TEST(EventCoderTest, StatementsOnlyWhenAskedFor) {
  const std::string text = "North Korea declined to comment on the report.";
  EXPECT_TRUE(Code(text, "2024-05-20").empty());
  EventCoderOptions options;
  options.statements = true;
  EXPECT_EQ(Summaries(Code(text, "2024-05-20", options)),
            (std::vector<std::string>{"PRK>- 01 asserted"}));
}

TEST(EventCoderTest, Modality) {
  RunCases({
      {"Russia attacked Ukraine on Tuesday.", {"RUS>UKR 19 asserted"}},
      {"North Korea allegedly supplied missiles to Russia.",
       {"PRK>RUS 07 alleged"}},
      {"Iran was accused of supplying drones to Russia.",
       {"IRN>RUS 07 alleged"}},
      {"North Korea reportedly shipped artillery shells to Russia.",
       {"PRK>RUS 07 alleged"}},
      {"If North Korea attacks, South Korea would retaliate against North "
       "Korea.",
       {"KOR>PRK 13 hypothetical"}},
      // Commitments are coded as intents (CAMEO 03x) with future modality.
      {"Putin will visit North Korea next month.", {"RUS>PRK 03 future"}},
      {"India plans to send aid to Sri Lanka.", {"IND>LKA 03 future"}},
      {"Xi is expected to meet Biden in San Francisco.",
       {"CHN>USA 03 future"}},
      {"Israel never attacked Iran.", {"ISR>IRN 19 negated"}},
      // Refusing to cooperate is itself an event (CAMEO 12x).
      {"China did not attend the summit with Japan.",
       {"CHN>JPN 12 asserted"}},
      // Hesitancy is not an asserted cooperation: nothing, or negated.
      {"China is hesitant to join an alliance with Russia.", {}},
  });
  auto historical = Code(
      "China and North Korea established diplomatic relations on October 6, "
      "1949.",
      "2024-10-07");
  ASSERT_EQ(historical.size(), 2u);
  for (const Event& e : historical) {
    EXPECT_EQ(e.modality, Modality::kHistorical);
    EXPECT_EQ(FormatIsoDay(e.date), "1949-10-06");
    ASSERT_EQ(e.partners.size(), 1u);  // joint act: each other's partner
  }
}

TEST(EventCoderTest, PassiveCoordinationAndReportedSpeech) {
  RunCases({
      {"Ukraine was attacked by Russia.", {"RUS>UKR 19 asserted"}},
      {"Russia and China condemned the United States.",
       {"RUS>USA 11 asserted", "CHN>USA 11 asserted"}},
      {"The United States imposed sanctions on Iran and Syria.",
       {"USA>IRN 16 asserted", "USA>SYR 16 asserted"}},
      {"Seoul said Pyongyang fired a ballistic missile toward Japan.",
       {"PRK>JPN 15 asserted"}},
      {"Russia said that Sudan must return the helicopter.",
       {"RUS>SDN 10 asserted"}},
  });
  // The speaker is the attribution, not the source.
  auto e = Code("Pyongyang fired a ballistic missile toward Japan, Seoul said.",
                "2024-05-20");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].source.country, "PRK");
  ASSERT_TRUE(e[0].attribution.has_value());
  EXPECT_EQ(e[0].attribution->country, "KOR");
  // "The two leaders" is the dyad in context.
  auto two = Code(
      "Kim Jong Un met Vladimir Putin in Vladivostok. The two leaders signed "
      "an agreement on military cooperation.",
      "2023-09-13");
  std::vector<std::string> s = Summaries(two);
  EXPECT_NE(std::find(s.begin(), s.end(), "PRK>RUS 04 asserted"), s.end());
  bool signed_pact = false;
  for (const Event& ev : two) {
    if (ev.sentence_index == 1 && ev.code.starts_with("05")) signed_pact = true;
  }
  EXPECT_TRUE(signed_pact);
}

TEST(EventCoderTest, DomesticGroupsAndDemands) {
  RunCases({
      // A group without a country as the object is the source's own.
      {"Egyptian police dispersed demonstrators in Cairo.",
       {"EGY>EGY 17 asserted"}},
      // ... but not for armed groups, whose victims are often foreign.
      {"Burundian militiamen killed civilians.", {"BDI>- 19 asserted"}},
      // A group located in a state is that state's group.
      {"Security forces in Guinea tortured Liberian refugees.",
       {"GIN>LBR 18 asserted"}},
      // ... unless it is sent there.
      {"Pakistan refused to deploy peacekeepers in Iraq.",
       {"PAK>IRQ 12 asserted"}},
      // A demand's subject may be coordinated; the demanded act is not done.
      {"Rwandan rebels announced that President Kagame and his party must "
       "agree to constitutional changes.",
       {"RWA>RWA 10 asserted"}},
      {"The forum concluded that the United States and other nations must "
       "allocate more aid to Africa.",
       {"USA>AFR 07 hypothetical"}},
      // A subject without a country takes the target's state ...
      {"Judge Alejandro Rivera opened fraud investigations against 28 "
       "Chilean government officials.",
       {"CHL>CHL 09 asserted"}},
      // ... or the one state the sentence names; with two, nothing is coded.
      {"Police arrested 12 protesters near the Kenyan parliament.",
       {"KEN>KEN 17 asserted"}},
      {"Police said Russia attacked Ukraine and officials arrested them.",
       {"RUS>UKR 19 asserted"}},
      // Possessives are modifiers; "its forces in Lebanon" are the
      // possessor's, and "Russian-made" names no actor.
      {"Israel has strengthened its forces in Lebanon after the discovery "
       "of Russian-made rockets.",
       {"ISR>LBN 15 asserted"}},
      // What a demand asks for ("demanded that ...") is its content.
      {"Greece demanded that the European Union refuse to recognize "
       "Macedonia.",
       {"GRC>IGOEUREEC 10 asserted"}},
      // The subject of "killed in a bombing" is the victim, and an
      // "anti-Syria" journalist is not Syrian: no source, no event.
      {"Three Iraqi civilians have been killed in a car bombing in Baghdad.",
       {}},
      {"A prominent anti-Syria journalist has been killed in a car bomb "
       "explosion in Beirut.",
       {}},
      // Two states drilling together cooperate militarily (062).
      {"China and Russia held joint naval drills on Monday.",
       {"CHN>- 06 asserted", "RUS>- 06 asserted"}},
      // The alleged act of an indictment is the accused's.
      {"Montenegro's prime minister has been indicted by the U.N. war crimes "
       "court for his alleged part in atrocities against Serb forces.",
       {"IGOUNOJUDWCT>MNE 11 asserted", "MNE>SRB 20 alleged"}},
      // A commitment on a condition is a threat, aimed at whoever must meet
      // the condition; a group's "it" after "said" is the group.
      {"Russia has threatened to stop negotiations if the United States goes "
       "ahead with the deployment.",
       {"RUS>USA 13 asserted"}},
      {"The Umma party has said it will boycott Algeria's elections unless the "
       "president agrees to step down.",
       {"DZA>DZA 13 future"}},
      // A people named with its state belongs to it.
      {"Bosnian Serbs demanded a ceasefire from Croatia.",
       {"BIH>HRV 10 asserted"}},
      {"The rights of Croatian Serb refugees were violated, a human rights "
       "group said, and Croatian Serb refugees protested.",
       {"HRV>- 14 asserted"}},
      // A compound adjective reports no event; a relative or temporal
      // clause is not the root.
      {"Palestinians of the Israeli-occupied West Bank protested against "
       "Israel.",
       {"PSE>ISR 14 asserted"}},
      {"Italy suspended air links with Serbia one day after a Serbian jet "
       "shot down a helicopter.",
       {"ITA>SRB 16 asserted"}},
      // A root act without a target takes the target of the act detailing it.
      {"Israeli troops opened fire, wounding three Palestinian protesters.",
       {"ISR>PSE 19 asserted"}},
  });
}

TEST(EventCoderTest, ModifiersPlacesAndAllegations) {
  RunCases(
      {
          // "in the Ivory Coast" places a group; a place after "in" is not
          // the target of a protest or a drill.
          {"Rebels in the Ivory Coast blocked roads into Abidjan.",
           {"CIV>CIV 14 asserted"}},
          {"Russian warships held war games in the Mediterranean Sea.",
           {"RUS>- 15 asserted"}},
          // "following ..." is a temporal phrase: the riot is the root.
          {"Egyptian students rioted following a rally calling for the "
           "removal of President Hosni Mubarak.",
           {"EGY>EGY 14 asserted"}},
          // A participle between a determiner and a noun describes it.
          {"A French minister cancelled a planned visit to Haiti.",
           {"FRA>HTI 16 asserted"}},
          // "alleged bombers": the people are alleged, not the trip.
          {"Britain said Libya must hand over the alleged bombers as its "
           "minister began a trip to Egypt.",
           {"GBR>LBY 10 asserted"}},
          // An accusation keeps only the material acts it alleges.
          {"Amnesty International accused the United States of ignoring "
           "international law and rejecting talks with Cuba.",
           {"NGOHRIAMN>USA 11 asserted"}},
          {"Ukraine accused Russia of shelling Kyiv.",
           {"UKR>RUS 11 asserted", "RUS>UKR 19 alleged"}},
          // An ethnic group is coded by the state it lives in, or by none.
          {"Serbian police arrested ten ethnic Albanians.",
           {"SRB>SRB 17 asserted"}},
          {"Ethnic Russians in eastern Ukraine attacked a police station.",
           {"UKR>UKR 19 asserted"}},
          {"Ethnic Albanians protested.", {}},
          // A noun trigger that is the object of "announced" is the
          // announcer's act, not a report.
          {"Italy announced a suspension of air links with Serbia.",
           {"ITA>SRB 16 asserted"}},
          // "agreed that ... should" is an intent; refugees are nobody's
          // own group.
          {"Hungary and Romania agreed that their countries should "
           "cooperate.",
           {"HUN>- 03 asserted", "ROU>- 03 asserted"}},
          {"Syria said it will not accept any more refugees.",
           {"SYR>- 12 asserted"}},
          // Reduced relative clauses are not the root.
          {"Workers of the Serbian union went on strike over a bill signed "
           "by the Serbian labour minister.",
           {"SRB>SRB 14 asserted"}},
          // Three names joined by commas are a list even when its end is
          // interrupted.
          {"The US Congress agreed to lift embargoes on Iran, Libya, North Korea, "
           "and with strings attached, Cuba.",
           {"USA>IRN 03 asserted", "USA>LBY 03 asserted",
            "USA>PRK 03 asserted"}},
          // An adjective in the matched object names the target before an
          // actor further on; "Saudi-owned" names no actor.
          {"Serbia rejected an Australian ultimatum to hand over a guard of "
           "the Yugoslav consulate, a Saudi-owned weekly reported.",
           {"SRB>AUS 12 asserted"}},
          // "the rebels in Darfur must": a demand's subject may carry a
          // place.
          {"Britain said that the Sudanese government and the rebels in "
           "Darfur must reach an agreement.",
           {"GBR>SDN 10 asserted"}},
          // The nouns an adjective mention qualifies belong to it in a
          // list; a bracketed acronym after an unknown name defines it.
          {"Morocco offered to host a meeting between an Israeli peace "
           "movement and the Palestine Liberation Organization.",
           {"MAR>ISR 03 asserted", "MAR>PSE 03 asserted"}},
          {"The Municipality Association (AKK) demanded support from "
           "Serbia.",
           {}},
          // A subject without a country acts where the act happened; a
          // count before it ("thousands of") is no phrase of its own. An
          // ethnic group is not the same actor as its state.
          {"Thousands of people blocked streets in Hong Kong in defiance of "
           "Chinese authorities.",
           {"HKG>CHN 14 asserted"}},
          {"Ethnic Albanians have sworn to fight for villages near "
           "Macedonia's border.",
           {"MKD>MKD 13 asserted"}},
          // Peacekeepers arriving are deployed, not visiting.
          {"NATO peacekeeping troops have arrived in Bosnia.",
           {"IGOWSTNAT>BIH 07 asserted"}},
          // A co-actor ("alongside Xi") is not the target; watching a
          // parade abroad is a visit.
          {"Kim Jong Un watched a military parade in Beijing alongside "
           "Chinese President Xi Jinping.",
           {"PRK>CHN 04 asserted"}},
          {"Russian troops attacked the town alongside Belarusian units.",
           {"RUS>- 19 asserted"}},
          // Police firing or using tear gas to break up a crowd is violent
          // repression (175), not battle.
          {"Egyptian police opened fire to disperse demonstrators.",
           {"EGY>EGY 17 asserted"}},
          {"Liberian riot police used tear gas on protesters in Monrovia.",
           {"LBR>LBR 17 asserted"}},
          // A gerund after a preposition is not the root: the hosting is.
          {"Yeltsin hosted Japanese Prime Minister Hashimoto for a meeting "
           "aimed at establishing close relations.",
           {"RUS>JPN 04 asserted"}},
          // Allowing someone to act is a concession.
          {"The Supreme Court of Pakistan allowed opposition leader Imran "
           "Khan to contest the elections.",
           {"PAK>PAK 08 asserted"}},
      },
      "2003-07-01");
  // "Bush" alone resolves by the date, and "declared that Y must" frames
  // a demand.
  EXPECT_EQ(Summaries(Code("The Bush administration declared on Tuesday that "
                           "China must lower its tariffs.",
                           "2003-07-01")),
            std::vector<std::string>{"USA>CHN 10 asserted"});
}

TEST(EventCoderTest, ClausesComplaintsAndPassivePlaces) {
  RunCases(
      {
          // Failing to agree is a rejection (Phoenix CAMEO 2.0: FAIL 120).
          {"Armenia and Azerbaijan failed to reach an agreement on the "
           "corridor.",
           {"ARM>- 12 asserted", "AZE>- 12 asserted"}},
          // A participle after the clause's verb describes its noun: the
          // shortening is the event, not the curfew's imposition.
          {"Kenya's president shortened the nightly curfew imposed in "
           "Nairobi.",
           {"KEN>KEN 08 asserted"}},
          // "guilty of violating": the gerund is the predicate; "signed in
          // May" describes the agreement.
          {"Both the Colombian army and the rebels are guilty of violating "
           "the ceasefire agreement signed in May.",
           {"COL>- 19 asserted"}},
          // A state's act in the passive without an agent is the state's
          // where it was done.
          {"Two American journalists were detained in Iran on Monday.",
           {"IRN>USA 17 asserted"}},
          {"A British national has been put under investigation in France.",
           {"FRA>GBR 09 asserted"}},
          // A body meeting alone consults no one.
          {"The Japanese cabinet met on Friday.", {}},
          // Getting ready to attack is a show of force; being ready to is a
          // threat.
          {"The Syrian army prepared to resume shelling rebel-held towns.",
           {"SYR>- 15 asserted"}},
          {"Ethiopian troops captured part of a rebel stronghold near the "
           "border.",
           {"ETH>ETH 19 asserted"}},
          // "a reminder to X that it must" frames a demand on X.
          {"France issued a stern reminder to Iraq that it must cooperate "
           "fully with the inspectors.",
           {"FRA>IRQ 10 asserted"}},
          // A complaint reported after the clause it is about criticises
          // that clause's subject; a group without a country is an NGO.
          {"The Kenyan government is failing to protect journalists, a human "
           "rights group complained on Monday.",
           {"NGOHRI>KEN 11 asserted"}},
          // A campaign against a social ill is no fighting.
          {"Germany joined the battle against the global hunger crisis.", {}},
          // "in the capital city of Dhaka" places the act; it is not the
          // subject of what follows.
          {"Students rallied in the capital city of Dhaka.",
           {"BGD>BGD 14 asserted"}},
          // The people a place is for are the target of an attack on it.
          {"A camp for Sudanese refugees was attacked by Chadian rebels.",
           {"TCD>SDN 19 asserted"}},
          // An unknown organisation named after a region is an NGO.
          {"The Association of European Journalists criticised Hungary.",
           {"NGO>HUN 11 asserted"}},
          // The object of a preposition in a verb phrase is no subject,
          // even past its modifiers; nor is the addressee of "told".
          {"Smith based his platform on the US Constitution and called for "
           "new elections.",
           {}},
          {"An activist told Agence France-Presse arson has been used against "
           "the squatters.",
           {}},
          // Where the subject's people come from names their state.
          {"Officials from Iran met Iraqi leaders on Monday.",
           {"IRN>IRQ 04 asserted"}},
          // A participle after a comma shares the main clause's subject.
          {"Iran's foreign minister spoke on Saturday, blaming the United "
           "States.",
           {"IRN>USA 11 asserted"}},
          // Signing a decree is legislation, not an agreement; a currency is
          // no actor.
          {"The Tunisian prime minister signed a government decree on "
           "Friday.",
           {}},
          {"China invested nine billion US dollars in new hospitals.",
           {"CHN>- 06 asserted"}},
          // A root act takes no target from a relative clause.
          {"A federal jury convicted Michael Avenatti, the lawyer who "
           "represented Stormy Daniels in her lawsuit against Donald Trump.",
           {}},
          // Findings, criticism received, reasons given and hospital care
          // are no events; attacking a rival over something is criticism.
          {"Researchers concluded that Europe was settled earlier.", {}},
          {"Trump received criticism for the statement.", {}},
          {"Algeria and Morocco cited security concerns.", {}},
          {"Democrats attacked Trump over his taxes.",
           {"USA>USA 11 asserted"}},
          // A domestic ban without a target is a restriction (172), not a
          // sanction.
          {"Morocco imposed bans on face veils.", {"MAR>- 17 asserted"}},
          // "the African nation" names no actor; people named by their act
          // ("rioters") do not act for the verb's subject; a participle
          // after a determiner is no trigger; a trip to no known state is
          // no visit.
          {"The president of the African nation was due to stand down.", {}},
          {"Trump railed against the rioters in Tulsa.", {}},
          {"Germany brought up the alleged comment.", {}},
          {"The president travelled to Cleveland on Monday.", {}},
          // An unknown name before the verb is its subject; "claims X
          // did" is an allegation.
          {"Democrats revisited a plan that Buttigieg proposed.", {}},
          {"Bolton claims Bush asked Chinese President Hu Jintao for help.",
           {"USA>CHN 02 alleged"}},
          // A meeting with someone the dictionaries do not know is still
          // a meeting.
          {"Kim Jong Il met Zhao Leji on Monday.", {"PRK>- 04 asserted"}},
          // A relative pronoun's antecedent is the subject, even after a
          // preposition; "where" places a subject without a country.
          {"Officials from Ukraine and Russia were in Geneva. The swap was "
           "worked out between the two countries' ministers, who spoke by "
           "telephone on Saturday.",
           {"UKR>RUS 04 asserted", "RUS>UKR 04 asserted"}},
          {"The summit was watched in Seoul and Washington, where officials "
           "have urged China to act.",
           {"KOR>CHN 02 asserted", "USA>CHN 02 asserted"}},
          // "which" refers inside its sentence; finalising a division is
          // no pact; taking a shot at someone is criticism.
          {"Germany protested. It was a traffic collision which killed a "
           "motorcyclist.",
           {"DEU>- 14 asserted"}},
          {"The Democratic Party had finalized the division of delegates.", {}},
          {"Germany took a veiled shot at France over its budget.",
           {"DEU>FRA 11 asserted"}},
          // "should" obliges, it does not report; concern alone is no
          // criticism; pointing to an attack is not making it; missiles
          // launched targeting someone attack them.
          {"Smith said the government should accept the election outcome.",
           {}},
          {"Pierce and Carroll raised concerns about the withdrawal.", {}},
          {"The United States called its actions defensive, pointing to the "
           "December 31 attack on its embassy.",
           {}},
          {"Iran launched missiles targeting US troops in Iraq.",
           {"IRN>USA 19 asserted"}},
          // A battle with an illness, an attack on a decision and riots that
          // broke out near someone are no one's fighting.
          {"The US guitarist died after an extended battle with throat "
           "cancer.",
           {}},
          {"Bush attacked the investigation as a witch hunt.",
           {"USA>- 11 asserted"}},
          {"Bush visited Kenosha, where riots had broken out.", {}},
          {"In South Korea, protesters rallied in Seoul against the plan.",
           {"KOR>- 14 asserted"}},
          // A region is not one of "the two countries" and never a target
          // as a place; the one who faces trial is not the one who tries.
          {"Turkey and Greece argued over the Mediterranean, but the leaders "
           "of the two countries spoke by telephone.",
           {"TUR>- 04 asserted", "GRC>- 04 asserted"}},
          {"Erdogan called for regional cooperation in the Eastern "
           "Mediterranean.",
           {"TUR>- 02 asserted"}},
          {"Bush would then face trial in the Senate.", {}},
          // The subject of a verb that judges an act is not its author.
          {"Israeli Prime Minister Benjamin Netanyahu found the air strike "
           "justified.",
           {}},
          // A participle after a noun, after the clause's own verb, describes
          // the noun ("people accused of crimes"), but a clause opened by
          // "when" has a verb of its own.
          {"The law would allow China to try people accused of crimes.",
           {}},
          {"Violence broke out when thousands of people rallied at a square in "
           "Moscow.",
           {"RUS>- 14 asserted"}},
          // Coordinated participles share the passive; an act in the
          // circumstances is not the subject's; an unknown shared subject
          // stays unknown; a region is no partner of an agreement.
          {"Many Chinese candidates are being teased or harassed.", {}},
          {"Bush hid in the White House basement during riots.", {}},
          {"Hawkins predicted Bush would lose and asked voters to stay home.",
           {}},
          {"Turkey and Libya agreed on maritime borders in the Eastern "
           "Mediterranean.",
           {"TUR>- 03 asserted", "LBY>- 03 asserted"}},
          {"Hamas is yet to respond to the offer.", {}},
      },
      "2003-07-01");
}

TEST(EventCoderTest, EvidenceAndOffsets) {
  const std::string text = "Russian forces shelled the Ukrainian city of Kharkiv.";
  auto events = Code(text, "2024-05-20");
  ASSERT_EQ(events.size(), 1u);
  const Event& e = events[0];
  EXPECT_EQ(text.substr(e.trigger_begin, e.trigger_end - e.trigger_begin),
            "shelled");
  EXPECT_EQ(text.substr(e.source.begin, e.source.end - e.source.begin),
            "Russian forces");
  EXPECT_EQ(e.source.code, "RUSMIL");
  EXPECT_FALSE(e.rule.empty());
  EXPECT_NE(e.rule.find(".txt:"), std::string::npos);
  EXPECT_GT(e.confidence, 0.0);
  EXPECT_LE(e.confidence, 1.0);
}

TEST(EventCoderTest, DeterministicAcrossRuns) {
  const std::string text =
      "Kim Jong Un and Xi Jinping exchanged messages on Sunday. Russia "
      "attacked Ukraine. The United States imposed sanctions on Iran.";
  auto a = Summaries(Code(text, "2024-10-07"));
  auto b = Summaries(Code(text, "2024-10-07"));
  EXPECT_EQ(a, b);
  EXPECT_FALSE(a.empty());
}

TEST(EventCoderTest, WhatHappenedIsNotDatedAfterTheArticle) {
  // "by 2027" dates the plan, not the blocking reported on 2025-07-19.
  auto e = Code("Slovakia blocked the sanctions package, demanding guarantees over "
                "EU plans to phase out Russian gas imports by 2027.",
                "2025-07-19");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(FormatIsoDay(e[0].date), "2025-07-19");
  // A commitment may look forward.
  auto f = Code("Russia will hold talks with Ukraine in 2026.", "2025-07-19");
  ASSERT_FALSE(f.empty());
  EXPECT_EQ(FormatIsoDay(f[0].date).substr(0, 4), "2026");
}

}  // namespace
}  // namespace dyad
