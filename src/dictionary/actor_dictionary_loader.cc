#include "dictionary/actor_dictionary_loader.h"

#include <algorithm>
#include <filesystem>

#include <fmt/core.h>

#include "text/unicode.h"
#include "util/file.h"
#include "util/text_lines.h"
#include "util/paths.h"

namespace dyad {
namespace {
namespace fs = std::filesystem;


std::string_view StripComment(std::string_view line) {
  size_t hash = line.find('#');
  return hash == std::string_view::npos ? line : line.substr(0, hash);
}

std::vector<std::string> SplitValues(std::string_view s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find('|', start);
    if (bar == std::string_view::npos) bar = s.size();
    std::string_view v = TrimBlanks(s.substr(start, bar - start));
    if (!v.empty()) out.emplace_back(v);
    start = bar + 1;
  }
  return out;
}

// Parses a date bound: YYYY-MM-DD, YYYY-MM or YYYY; `end` picks the last day
// of a month or year. Empty → open.
bool ParseBound(std::string_view s, bool end, Day* out) {
  s = TrimBlanks(s);
  if (s.empty()) {
    *out = end ? kMaxDay : kMinDay;
    return true;
  }
  if (s.size() == 10) {
    auto d = ParseIsoDay(s);
    if (!d.ok()) return false;
    *out = *d;
    return true;
  }
  auto num = [&](std::string_view t, int* v) {
    if (t.empty()) return false;
    *v = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return false;
      *v = *v * 10 + (c - '0');
    }
    return true;
  };
  int y, m;
  if (s.size() == 7 && s[4] == '-' && num(s.substr(0, 4), &y) &&
      num(s.substr(5, 2), &m) && m >= 1 && m <= 12) {
    if (!end) {
      *out = MakeDay(y, m, 1);
    } else {
      *out = (m == 12 ? MakeDay(y + 1, 1, 1) : MakeDay(y, m + 1, 1)) - 1;
    }
    return true;
  }
  if (s.size() == 4 && num(s, &y)) {
    *out = end ? MakeDay(y, 12, 31) : MakeDay(y, 1, 1);
    return true;
  }
  return false;
}

bool IsCodeText(std::string_view code) {
  if (code.empty()) return false;
  for (char c : code) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

// Parses "PRKGOV 2011-12-17 .. 2020-01-01" (dates optional).
bool ParseRole(std::string_view s, DatedCode* role) {
  s = TrimBlanks(s);
  size_t space = s.find_first_of(" \t");
  std::string_view code = s.substr(0, space);
  if (!IsCodeText(code)) return false;
  role->code = std::string(code);
  std::string_view rest =
      space == std::string_view::npos ? "" : TrimBlanks(s.substr(space));
  if (rest.empty()) {
    role->from = kMinDay;
    role->to = kMaxDay;
    return true;
  }
  size_t dots = rest.find("..");
  if (dots == std::string_view::npos) return false;
  return ParseBound(rest.substr(0, dots), false, &role->from) &&
         ParseBound(rest.substr(dots + 2), true, &role->to);
}

struct PendingEntry {
  std::string name;
  int line = 0;
  std::vector<std::pair<std::string, std::vector<std::string>>> attrs;
  std::vector<int> attr_lines;  // the line of each attribute
};

void AddDyadEntry(const std::string& file, const PendingEntry& p,
                  ActorDictionary* dict, LoadReport* report) {
  auto error = [&](int line, const std::string& msg) {
    report->errors.push_back(fmt::format("{}:{}: {}", file, line, msg));
  };
  ActorEntry e;
  e.name = p.name;
  e.origin = fmt::format("{}:{}", fs::path(file).filename().string(), p.line);
  bool has_role = false, has_code = false, country_keys = false;
  for (const auto& [key, values] : p.attrs) {
    if (key == "role") has_role = true;
    if (key == "code") has_code = true;
    if (key == "adjective" || key == "capital" || key == "seat") {
      country_keys = true;
    }
  }
  if (!has_role && !has_code) {
    error(p.line, "entry '" + p.name + "' has neither code: nor role:");
    return;
  }
  for (size_t a = 0; a < p.attrs.size(); ++a) {
    const auto& [key, values] = p.attrs[a];
    const int at = p.attr_lines[a];
    if (key == "code") {
      for (const std::string& v : values) {
        DatedCode c;
        if (!ParseRole(v, &c)) {
          error(at, "bad code '" + v + "' in entry '" + p.name + "'");
          continue;
        }
        e.codes.push_back(c);
      }
    } else if (key == "role") {
      for (const std::string& v : values) {
        DatedCode c;
        if (!ParseRole(v, &c)) {
          error(at, "bad role '" + v + "' in entry '" + p.name +
                            "' (want CODE YYYY-MM-DD .. YYYY-MM-DD)");
          continue;
        }
        e.codes.push_back(c);
      }
    } else if (key == "title") {
      for (const std::string& v : values) e.titles.push_back(v);
    }
  }
  if (e.codes.empty()) return;  // every code was malformed: reported above
  bool is_country = !has_role && e.codes.size() == 1 &&
                    e.codes[0].code.size() == 3 &&
                    (country_keys ||
                     fs::path(file).filename().string().starts_with("countr"));
  e.kind = is_country ? ActorKind::kCountry
           : has_role ? ActorKind::kPerson
                      : ActorKind::kOrganization;
  ActorKind name_kind = e.kind;
  int id = dict->AddEntry(std::move(e));
  ++report->entries;
  auto add = [&](const std::string& phrase, ActorKind kind) {
    dict->AddName(id, phrase, kind);
    ++report->names;
  };
  add(p.name, name_kind);
  for (const auto& [key, values] : p.attrs) {
    for (const std::string& v : values) {
      if (key == "alias") add(v, name_kind);
      else if (key == "adjective") add(v, ActorKind::kAdjective);
      else if (key == "capital") add(v, ActorKind::kCapital);
      else if (key == "seat") add(v, ActorKind::kSeat);
    }
  }
}

}  // namespace

Status LoadDyadActorFile(const std::string& path, ActorDictionary* dict,
                         LoadReport* report) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
  const bool agents_file =
      fs::path(path).filename().string().starts_with("agents");
  PendingEntry pending;
  bool have_pending = false;
  auto flush = [&]() {
    if (!have_pending) return;
    if (agents_file) {
      std::string sector = pending.name;
      if (!IsCodeText(sector) || sector.size() != 3) {
        report->errors.push_back(fmt::format(
            "{}:{}: agent entry header must be a 3-letter sector code, got "
            "'{}'",
            path, pending.line, sector));
      } else {
        for (const auto& [key, values] : pending.attrs) {
          if (key != "words") continue;
          for (const std::string& w : values) {
            dict->AddAgent(w, sector);
            ++report->agents;
          }
        }
      }
    } else {
      AddDyadEntry(path, pending, dict, report);
    }
    pending = PendingEntry();
    have_pending = false;
  };
  TextLines lines(text);
  std::string_view raw;
  while (lines.Next(&raw)) {
    const int line_no = lines.number();
    std::string_view line = StripComment(raw);
    if (TrimBlanks(line).empty()) continue;
    bool indented = line.front() == ' ' || line.front() == '\t';
    if (!indented) {
      flush();
      pending.name = std::string(TrimBlanks(line));
      pending.line = line_no;
      have_pending = true;
      continue;
    }
    std::string_view body = TrimBlanks(line);
    size_t colon = body.find(':');
    if (!have_pending) {
      report->errors.push_back(fmt::format(
          "{}:{}: attribute line before any entry header", path, line_no));
      continue;
    }
    if (colon == std::string_view::npos) {
      report->errors.push_back(fmt::format(
          "{}:{}: expected 'key: value', got '{}'", path, line_no, body));
      continue;
    }
    std::string key(TrimBlanks(body.substr(0, colon)));
    static const char* kKeys[] = {"code",  "alias", "adjective", "capital",
                                  "seat",  "role",  "title",     "words"};
    if (std::find_if(std::begin(kKeys), std::end(kKeys), [&](const char* k) {
          return key == k;
        }) == std::end(kKeys)) {
      report->errors.push_back(
          fmt::format("{}:{}: unknown key '{}'", path, line_no, key));
      continue;
    }
    pending.attrs.emplace_back(key, SplitValues(body.substr(colon + 1)));
    pending.attr_lines.push_back(line_no);
  }
  flush();
  return Status::Ok();
}

Status LoadDyadActorDirectory(const std::string& dir, ActorDictionary* dict,
                              LoadReport* report) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return NotFoundError(dir + ": no such dictionary directory");
  }
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  for (const std::string& f : files) {
    DYAD_RETURN_IF_ERROR(LoadDyadActorFile(f, dict, report));
  }
  return Status::Ok();
}

namespace {

// "NORTH_KOREA_" → "NORTH KOREA".
std::string PhoenixPhrase(std::string_view s) {
  std::string out;
  for (char c : TrimBlanks(s)) out.push_back(c == '_' ? ' ' : c);
  return std::string(TrimBlanks(out));
}

// Phoenix dates: YYMMDD or YYYYMMDD.
bool ParsePhoenixDate(std::string_view s, Day* out) {
  s = TrimBlanks(s);
  int v[8];
  if (s.size() != 6 && s.size() != 8) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v[i] = s[i] - '0';
  }
  int y, m, d;
  if (s.size() == 8) {
    y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    m = v[4] * 10 + v[5];
    d = v[6] * 10 + v[7];
  } else {
    int yy = v[0] * 10 + v[1];
    y = yy < 30 ? 2000 + yy : 1900 + yy;  // TABARI's two-digit window
    m = v[2] * 10 + v[3];
    d = v[4] * 10 + v[5];
  }
  Day day = MakeDay(y, m, d);
  if (day == kNoDay) return false;
  *out = day;
  return true;
}

// Parses the inside of "[CODE restriction]".
bool ParsePhoenixCode(std::string_view s, DatedCode* c) {
  s = TrimBlanks(s);
  size_t space = s.find_first_of(" \t");
  std::string_view code = s.substr(0, space);
  if (code.empty()) return false;
  c->code = std::string(code);
  c->from = kMinDay;
  c->to = kMaxDay;
  if (space == std::string_view::npos) return true;
  std::string_view r = TrimBlanks(s.substr(space));
  if (r.empty()) return true;
  if (r.front() == '>') return ParsePhoenixDate(r.substr(1), &c->from);
  if (r.front() == '<') return ParsePhoenixDate(r.substr(1), &c->to);
  size_t dash = r.find('-');
  if (dash == std::string_view::npos) return false;
  return ParsePhoenixDate(r.substr(0, dash), &c->from) &&
         ParsePhoenixDate(r.substr(dash + 1), &c->to);
}

}  // namespace

Status LoadPhoenixActors(const std::string& path, ActorDictionary* dict,
                         LoadReport* report) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
  struct Block {
    std::vector<std::string> phrases;
    std::vector<DatedCode> codes;
    int line = 0;
  } block;
  auto flush = [&]() {
    if (block.phrases.empty()) return;
    if (block.codes.empty()) {
      report->errors.push_back(fmt::format("{}:{}: actor '{}' has no code",
                                           path, block.line,
                                           block.phrases.front()));
      block = Block();
      return;
    }
    ActorEntry e;
    e.name = block.phrases.front();
    e.origin = fmt::format("{}:{}", fs::path(path).filename().string(),
                           block.line);
    e.codes = block.codes;
    bool dated = false, all_country = true;
    for (const DatedCode& c : e.codes) {
      if (c.from != kMinDay || c.to != kMaxDay) dated = true;
      if (c.code.size() != 3) all_country = false;
    }
    e.kind = all_country && !dated ? ActorKind::kCountry
             : dated               ? ActorKind::kPerson
                                   : ActorKind::kOrganization;
    ActorKind kind = e.kind;
    int id = dict->AddEntry(std::move(e));
    ++report->entries;
    for (const std::string& p : block.phrases) {
      // Phoenix writes phrases in capitals but matches them in any case.
      dict->AddName(id, ToLower(p), kind);
      ++report->names;
    }
    block = Block();
  };
  TextLines lines(text);
  std::string_view raw;
  while (lines.Next(&raw)) {
    const int line_no = lines.number();
    // Phoenix uses both '#' and ';' for comments.
    std::string_view line = StripComment(raw);
    if (size_t semi = line.find(';'); semi != std::string_view::npos) {
      line = line.substr(0, semi);
    }
    if (TrimBlanks(line).empty()) continue;
    bool code_line = line.front() == '\t' || line.front() == ' ';
    std::string_view body = TrimBlanks(line);
    // Codes: every "[...]" on the line.
    std::vector<DatedCode> codes;
    std::string_view phrase_part = body;
    size_t open = body.find('[');
    if (open != std::string_view::npos) phrase_part = body.substr(0, open);
    bool bad = false;
    while (open != std::string_view::npos) {
      size_t close = body.find(']', open);
      if (close == std::string_view::npos) {
        bad = true;
        break;
      }
      DatedCode c;
      if (!ParsePhoenixCode(body.substr(open + 1, close - open - 1), &c)) {
        bad = true;
        break;
      }
      codes.push_back(c);
      open = body.find('[', close);
    }
    if (bad) {
      report->errors.push_back(
          fmt::format("{}:{}: malformed code in '{}'", path, line_no, body));
      continue;
    }
    phrase_part = TrimBlanks(phrase_part);
    if (code_line && phrase_part.empty()) {
      if (block.phrases.empty()) {
        report->errors.push_back(fmt::format(
            "{}:{}: date restriction without an actor", path, line_no));
        continue;
      }
      for (auto& c : codes) block.codes.push_back(c);
      continue;
    }
    if (!phrase_part.empty() && phrase_part.front() == '+') {
      if (block.phrases.empty()) {
        report->errors.push_back(
            fmt::format("{}:{}: synonym without an actor", path, line_no));
        continue;
      }
      block.phrases.push_back(PhoenixPhrase(phrase_part.substr(1)));
      for (auto& c : codes) block.codes.push_back(c);
      continue;
    }
    flush();
    block.line = line_no;
    block.phrases.push_back(PhoenixPhrase(phrase_part));
    for (auto& c : codes) block.codes.push_back(c);
  }
  flush();
  return Status::Ok();
}

Status LoadPhoenixAgents(const std::string& path, ActorDictionary* dict,
                         LoadReport* report) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
  TextLines lines(text);
  std::string_view raw;
  while (lines.Next(&raw)) {
    const int line_no = lines.number();
    std::string_view line = TrimBlanks(StripComment(raw));
    if (line.empty()) continue;
    if (line.front() == '!') continue;  // substitution markers: not used
    size_t open = line.find('[');
    size_t close = line.find(']', open == std::string_view::npos ? 0 : open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
      report->errors.push_back(fmt::format(
          "{}:{}: expected 'PHRASE [~CODE]', got '{}'", path, line_no, line));
      continue;
    }
    std::string code(TrimBlanks(line.substr(open + 1, close - open - 1)));
    code.erase(std::remove(code.begin(), code.end(), '~'), code.end());
    std::string_view head = line.substr(0, open);
    std::vector<std::string> phrases;
    size_t brace = head.find('{');
    std::string singular = PhoenixPhrase(head.substr(0, brace));
    if (brace != std::string_view::npos) {
      size_t end = head.find('}', brace);
      std::string_view plurals = head.substr(
          brace + 1, end == std::string_view::npos ? std::string_view::npos
                                                   : end - brace - 1);
      size_t s = 0;
      while (s < plurals.size()) {
        size_t sp = plurals.find(' ', s);
        if (sp == std::string_view::npos) sp = plurals.size();
        std::string p = PhoenixPhrase(plurals.substr(s, sp - s));
        if (!p.empty()) phrases.push_back(p);
        s = sp + 1;
      }
    }
    if (singular.empty() || code.empty() || !IsCodeText(code)) {
      report->errors.push_back(
          fmt::format("{}:{}: malformed agent '{}'", path, line_no, line));
      continue;
    }
    // Phrases match lower-cased tokens; Phoenix writes them in capitals.
    auto lower = [](std::string s) {
      for (char& c : s) c = static_cast<char>(std::tolower(c));
      return s;
    };
    dict->AddAgent(lower(singular), code.substr(0, 3));
    ++report->agents;
    for (const std::string& p : phrases) {
      dict->AddAgent(lower(p), code.substr(0, 3));
      ++report->agents;
    }
  }
  return Status::Ok();
}

Result<std::unique_ptr<ActorDictionary>> LoadActorDictionary(
    const ActorDictionaryOptions& options, LoadReport* report) {
  LoadReport local;
  if (report == nullptr) report = &local;
  auto dict = std::make_unique<ActorDictionary>();
  std::vector<std::string> dirs = options.dyad_dirs;
  if (dirs.empty() && options.use_default) dirs.push_back(DataPath("actors"));
  for (const std::string& d : dirs) {
    DYAD_RETURN_IF_ERROR(LoadDyadActorDirectory(d, dict.get(), report));
  }
  for (const std::string& f : options.phoenix_actors) {
    DYAD_RETURN_IF_ERROR(LoadPhoenixActors(f, dict.get(), report));
  }
  for (const std::string& f : options.phoenix_agents) {
    DYAD_RETURN_IF_ERROR(LoadPhoenixAgents(f, dict.get(), report));
  }
  DYAD_RETURN_IF_ERROR(dict->Compile());
  return dict;
}

}  // namespace dyad
