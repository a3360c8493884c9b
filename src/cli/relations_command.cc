// `dyad relations`: the state of relations between countries, read from the
// store. Three views:
//   dyad relations PRK CHN [--by month] [--directed]   the dyad's series
//   dyad relations --shifts                            dyads that moved most
//   dyad relations PRK --partners                      a country's partners
//                                                      and its lean
// The definitions (index, buckets, change points, shifts, lean) are in
// doc/relations.md; this file only parses, calls RelationsReader and prints.
#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/input_options.h"
#include "relations/relations_json.h"
#include "relations/relations_reader.h"

namespace dyad {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// "+0.123" / "-0.123"; JSON gets plain numbers.
std::string Signed(double v, int decimals = 2) {
  return fmt::format("{:+.{}f}", v, decimals);
}

class RelationsCommand : public Command {
 public:
  explicit RelationsCommand(CLI::App* parent) {
    app_ = parent->add_subcommand(
        "relations",
        "Relations between countries from the store: a dyad's series "
        "(PRK CHN), the dyads that moved most (--shifts), or a country's "
        "partners (PRK --partners)");
    app_->add_option("countries", countries_,
                     "Country codes: two for a dyad's series, one with "
                     "--partners, none with --shifts")
        ->expected(0, 2);
    app_->add_option("--db", db_path_, "SQLite store to read")
        ->capture_default_str();
    app_->add_option("--from", from_,
                     "First day (YYYY-MM-DD); default: the "
                     "first event");
    app_->add_option("--to", to_,
                     "Last day (YYYY-MM-DD); default: the last "
                     "event");
    app_->add_option("--by", by_,
                     "Bucket: day, week (Monday start), month "
                     "or year")
        ->capture_default_str();
    app_->add_flag("--directed", directed_,
                   "Only events from the first country to the second");
    app_->add_flag("--all-modalities", all_modalities_,
                   "Count future, hypothetical, negated and historical "
                   "events too (default: asserted and alleged only)");
    app_->add_flag("--shifts", shifts_,
                   "Rank the dyads whose index moved most: the last bucket "
                   "of the window against the time before it");
    app_->add_flag("--partners", partners_,
                   "Rank the country's partners and show its lean between "
                   "the top two");
    app_->add_option("--limit", limit_, "Rows of --shifts / --partners")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app_->add_option("--min-events", min_events_,
                     "--shifts: event groups a dyad needs before and in the "
                     "last bucket")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    app_->add_flag("--json", json_, "Print JSON (the shapes of the HTTP API)");
  }

  int Run() override {
    for (std::string& c : countries_) c = Upper(c);
    if (shifts_ && partners_)
      return Usage(
          "--shifts and --partners exclude "
          "each other");
    const size_t want = shifts_ ? 0 : partners_ ? 1 : 2;
    if (countries_.size() != want) {
      return Usage(shifts_     ? "--shifts takes no country"
                   : partners_ ? "--partners takes one country (PRK)"
                               : "give two countries (PRK CHN), or "
                                 "--partners / --shifts");
    }
    if (!ParseDay(from_, "--from", &from_day_) ||
        !ParseDay(to_, "--to", &to_day_)) {
      return kExitUsage;
    }
    auto by = ParseGranularity(by_);
    if (!by.ok()) return Usage("--by: " + by.status().message());
    by_value_ = *by;
    RelationsOptions options;
    options.shift_min_events = min_events_;
    options.mmap_bytes = 0;  // one query per process: plain reads are cheaper
    auto reader = RelationsReader::Open(db_path_, options);
    if (!reader.ok()) return Fail(reader.status());
    if (shifts_) return RunShifts(**reader);
    if (partners_) return RunPartners(**reader);
    return RunSeries(**reader);
  }

 private:
  int Usage(const std::string& message) {
    std::fprintf(stderr, "dyad relations: %s\n", message.c_str());
    return kExitUsage;
  }
  int Fail(const Status& s) {
    std::fprintf(stderr, "dyad relations: %s\n", s.ToString().c_str());
    return s.code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  bool ParseDay(const std::string& text, const char* option, Day* day) {
    if (text.empty()) return true;
    auto d = ParseIsoDay(text);
    if (!d.ok()) {
      std::fprintf(stderr, "dyad relations: %s: %s\n", option,
                   d.status().message().c_str());
      return false;
    }
    *day = *d;
    return true;
  }

  int RunSeries(RelationsReader& reader) {
    SeriesQuery q;
    q.a = countries_[0];
    q.b = countries_[1];
    q.directed = directed_;
    q.from = from_day_;
    q.to = to_day_;
    q.by = by_value_;
    q.include_all_modalities = all_modalities_;
    auto s = reader.Series(q);
    if (!s.ok()) return Fail(s.status());
    if (json_) {
      std::printf("%s\n", SeriesToJson(*s).dump().c_str());
      return kExitOk;
    }
    PrintSeries(*s);
    return kExitOk;
  }

  void PrintSeries(const DyadSeries& s) {
    const char* arrow = s.directed ? "→" : "–";
    if (s.buckets.empty()) {
      std::printf("%s%s%s: no events%s\n", s.a.c_str(), arrow, s.b.c_str(),
                  s.directed ? " in this direction" : "");
      return;
    }
    const SeriesBucket all = MergeBuckets(s.buckets);
    std::printf(
        "%s%s%s (%s), by %s, %s to %s: %lld events, %lld mentions, "
        "index %s\n",
        s.a.c_str(), arrow, s.b.c_str(),
        s.directed ? "directed" : "both directions",
        std::string(GranularityName(s.by)).c_str(),
        BucketLabel(s.buckets.front().start, s.by).c_str(),
        BucketLabel(s.buckets.back().start, s.by).c_str(),
        static_cast<long long>(all.events),
        static_cast<long long>(all.mentions), Signed(all.index).c_str());
    std::printf("%-10s %7s %6s %6s %6s %6s %8s %9s %6s\n", "bucket", "events",
                "vcoop", "mcoop", "vconf", "mconf", "mentions", "goldstein",
                "index");
    std::vector<double> index;
    for (const SeriesBucket& b : s.buckets) {
      const bool empty = b.events == 0;
      index.push_back(empty ? kNaN : b.index);
      std::printf(
          "%-10s %7lld %6lld %6lld %6lld %6lld %8lld %9s %6s\n",
          BucketLabel(b.start, s.by).c_str(), static_cast<long long>(b.events),
          static_cast<long long>(b.quad[0]), static_cast<long long>(b.quad[1]),
          static_cast<long long>(b.quad[2]), static_cast<long long>(b.quad[3]),
          static_cast<long long>(b.mentions),
          empty ? "." : Signed(b.goldstein_mean).c_str(),
          empty ? "." : Signed(b.index).c_str());
    }
    double lo = 1, hi = -1;
    for (double v : index) {
      if (std::isnan(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
    std::printf("index  %s  (%s to %s)\n", Sparkline(index).c_str(),
                Signed(lo).c_str(), Signed(hi).c_str());
    std::printf("trend  %s per %s\n", Signed(s.trend, 4).c_str(),
                std::string(GranularityName(s.by)).c_str());
    if (s.shifts.empty()) {
      std::printf("shifts none detected\n");
      return;
    }
    std::printf("shifts\n");
    for (const ChangePoint& c : s.shifts) {
      std::printf("  %-10s %-5s %s → %s  (%s %.2f)\n",
                  BucketLabel(c.day, s.by).c_str(), c.method.c_str(),
                  Signed(c.before).c_str(), Signed(c.after).c_str(),
                  c.method == "bocpd" ? "probability" : "statistic", c.score);
    }
  }

  int RunShifts(RelationsReader& reader) {
    Day from = from_day_, to = to_day_;
    if (from == kNoDay || to == kNoDay) {
      auto range = reader.Dates();
      if (!range.ok()) return Fail(range.status());
      if (from == kNoDay) from = range->first;
      if (to == kNoDay) to = range->last;
    }
    if (from == kNoDay || to == kNoDay) {
      std::fprintf(stderr, "dyad relations: %s holds no dated events\n",
                   db_path_.c_str());
      return kExitFailure;
    }
    auto shifts = reader.Shifts(from, to, by_value_, limit_);
    if (!shifts.ok()) return Fail(shifts.status());
    const Day last = BucketStart(to, by_value_);
    if (json_) {
      nlohmann::json dyads = nlohmann::json::array();
      for (const DyadShift& d : *shifts) {
        dyads.push_back({{"a", d.a},
                         {"b", d.b},
                         {"events", d.events},
                         {"before", d.before},
                         {"after", d.after},
                         {"delta", d.delta}});
      }
      nlohmann::json out = {{"from", FormatIsoDay(from)},
                            {"to", FormatIsoDay(to)},
                            {"last_bucket", FormatIsoDay(last)},
                            {"by", GranularityName(by_value_)},
                            {"dyads", dyads}};
      std::printf("%s\n", out.dump().c_str());
      return kExitOk;
    }
    std::printf(
        "Dyads that moved most: %s to %s against %s to %s (index, "
        "at least %lld events in each part)\n",
        BucketLabel(last, by_value_).c_str(), FormatIsoDay(to).c_str(),
        FormatIsoDay(from).c_str(), FormatIsoDay(last - 1).c_str(),
        static_cast<long long>(min_events_));
    if (shifts->empty()) {
      std::printf("none\n");
      return kExitOk;
    }
    // Codes are ASCII; the dash is one character of three bytes.
    int width = 4;
    for (const DyadShift& d : *shifts) {
      width = std::max(width, static_cast<int>(d.a.size() + d.b.size() + 1));
    }
    std::printf("%-*s %7s %7s %7s %7s\n", width, "dyad", "events", "before",
                "after", "delta");
    for (const DyadShift& d : *shifts) {
      std::printf("%-*s %7lld %7s %7s %7s\n", width + 2,
                  (d.a + "–" + d.b).c_str(), static_cast<long long>(d.events),
                  Signed(d.before).c_str(), Signed(d.after).c_str(),
                  Signed(d.delta).c_str());
    }
    return kExitOk;
  }

  int RunPartners(RelationsReader& reader) {
    const std::string& country = countries_[0];
    auto partners = reader.Partners(country, from_day_, to_day_, limit_);
    if (!partners.ok()) return Fail(partners.status());
    std::optional<Lean> lean;
    if (partners->size() >= 2) {
      auto l = reader.LeanBetween(country, (*partners)[0].country,
                                  (*partners)[1].country, from_day_, to_day_,
                                  by_value_);
      if (!l.ok()) return Fail(l.status());
      lean = std::move(l).value();
    }
    if (json_) {
      nlohmann::json list = nlohmann::json::array();
      for (const PartnerScore& p : *partners) list.push_back(PartnerToJson(p));
      nlohmann::json out = {{"country", country}, {"partners", list}};
      out["lean"] = lean ? LeanToJson(*lean) : nlohmann::json(nullptr);
      std::printf("%s\n", out.dump().c_str());
      return kExitOk;
    }
    if (partners->empty()) {
      std::printf("%s: no events with other countries\n", country.c_str());
      return kExitOk;
    }
    std::printf("Partners of %s%s\n", country.c_str(), RangeText().c_str());
    std::printf("%-8s %7s %8s %9s %6s\n", "partner", "events", "mentions",
                "goldstein", "index");
    for (const PartnerScore& p : *partners) {
      std::printf("%-8s %7lld %8lld %9s %6s\n", p.country.c_str(),
                  static_cast<long long>(p.events),
                  static_cast<long long>(p.mentions),
                  Signed(p.goldstein_mean).c_str(), Signed(p.index).c_str());
    }
    if (lean) PrintLean(*lean);
    return kExitOk;
  }

  void PrintLean(const Lean& l) {
    const double d = l.index_difference;
    const std::string toward = d > 0   ? "warmer with " + l.partner_a
                               : d < 0 ? "warmer with " + l.partner_b
                                       : "even";
    std::printf(
        "\nLean of %s between %s and %s: index %s %s, %s %s → %s "
        "(%s); %s has %.0f%% of the events\n",
        l.country.c_str(), l.partner_a.c_str(), l.partner_b.c_str(),
        l.partner_a.c_str(), Signed(l.index_a).c_str(), l.partner_b.c_str(),
        Signed(l.index_b).c_str(), Signed(d).c_str(), toward.c_str(),
        l.partner_a.c_str(), 100 * l.volume_share_a);
    std::vector<double> diff, share;
    for (const LeanBucket& b : l.buckets) {
      diff.push_back(b.index_difference);
      share.push_back(b.volume_share_a);
    }
    if (l.buckets.size() > 1) {
      std::printf("  by %s from %s to %s:\n",
                  std::string(GranularityName(l.by)).c_str(),
                  BucketLabel(l.buckets.front().start, l.by).c_str(),
                  BucketLabel(l.buckets.back().start, l.by).c_str());
      const std::string diff_label = "index " + l.partner_a + "−" + l.partner_b;
      const std::string share_label = "share of " + l.partner_a;
      // Labels padded by characters, not bytes ("−" is three bytes).
      std::printf("  %s%*s %s  trend %s per %s\n", diff_label.c_str(),
                  std::max(0, 16 - static_cast<int>(diff_label.size()) + 2), "",
                  Sparkline(diff).c_str(), Signed(l.trend, 4).c_str(),
                  std::string(GranularityName(l.by)).c_str());
      std::printf("  %-16s %s\n", share_label.c_str(),
                  Sparkline(share).c_str());
    }
  }

  std::string RangeText() const {
    if (from_day_ == kNoDay && to_day_ == kNoDay) return "";
    return ", " + (from_day_ == kNoDay ? "start" : FormatIsoDay(from_day_)) +
           " to " + (to_day_ == kNoDay ? "end" : FormatIsoDay(to_day_));
  }

  std::vector<std::string> countries_;
  std::string db_path_ = "dyad.db";  // the default of dyad ingest
  std::string from_, to_;
  std::string by_ = "month";
  bool directed_ = false;
  bool all_modalities_ = false;
  bool shifts_ = false;
  bool partners_ = false;
  bool json_ = false;
  size_t limit_ = 10;
  int64_t min_events_ = 5;
  Day from_day_ = kNoDay, to_day_ = kNoDay;
  Granularity by_value_ = Granularity::kMonth;
};

}  // namespace

std::unique_ptr<Command> MakeRelationsCommand(CLI::App* parent) {
  return std::make_unique<RelationsCommand>(parent);
}

}  // namespace dyad
