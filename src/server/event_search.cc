#include "server/event_search.h"

#include <variant>

namespace dyad {
namespace {

using json = nlohmann::json;

// Columns of an event row; RowToJson reads them by these positions.
constexpr const char* kEventColumns =
    "e.id, e.doc_id, e.sentence_index, "
    "CAST(substr(CAST(d.text AS BLOB), e.sentence_start + 1, "
    "e.sentence_end - e.sentence_start) AS TEXT), "
    "e.date, e.date_precision, e.date_rule, "
    "e.source_code, e.source_country, e.source_sector, e.source_text, "
    "e.source_start, e.source_end, "
    "e.target_code, e.target_country, e.target_sector, e.target_text, "
    "e.target_start, e.target_end, "
    "e.partners, e.code, e.root, e.quad_class, e.goldstein, e.plover, "
    "e.modality, e.modality_cue, e.attribution_code, e.attribution_country, "
    "e.attribution_text, e.rule, e.trigger_start, e.trigger_end, "
    "CAST(substr(CAST(d.text AS BLOB), e.trigger_start + 1, "
    "e.trigger_end - e.trigger_start) AS TEXT), "
    "e.confidence, e.group_id, g.num_mentions, g.num_sources, "
    "g.num_articles, d.url, d.title, d.source";

constexpr const char* kEventJoins =
    " JOIN documents d ON d.id = e.doc_id"
    " LEFT JOIN event_groups g ON g.id = e.group_id";

constexpr std::string_view kModalities[] = {
    "asserted", "alleged", "hypothetical", "future", "negated", "historical"};

json TextOrNull(const Query& q, int col) {
  if (q.IsNull(col)) return nullptr;
  return q.Text(col);
}

json IntOrNull(const Query& q, int col) {
  if (q.IsNull(col)) return nullptr;
  return q.Int(col);
}

json RealOrNull(const Query& q, int col) {
  if (q.IsNull(col)) return nullptr;
  return q.Real(col);
}

json Actor(const Query& q, int col) {
  return {{"code", q.Text(col)},      {"country", q.Text(col + 1)},
          {"sector", q.Text(col + 2)}, {"text", q.Text(col + 3)},
          {"start", q.Int(col + 4)},   {"end", q.Int(col + 5)}};
}

using Bind = std::variant<std::string, int64_t>;

void BindAll(Query& q, const std::vector<Bind>& binds) {
  int i = 1;
  for (const Bind& b : binds) {
    if (const auto* s = std::get_if<std::string>(&b)) {
      q.BindText(i++, *s);
    } else {
      q.BindInt(i++, std::get<int64_t>(b));
    }
  }
}

}  // namespace

Result<EventFilter> ParseEventFilter(const RequestParams& params) {
  DYAD_RETURN_IF_ERROR(params.Check({"actor", "country", "a", "b", "directed",
                                     "code", "root", "quad", "modality",
                                     "from", "to", "q", "sort", "limit",
                                     "offset"}));
  EventFilter f;
  DYAD_ASSIGN_OR_RETURN(f.actor, params.Code("actor"));
  DYAD_ASSIGN_OR_RETURN(f.country, params.Code("country"));
  DYAD_ASSIGN_OR_RETURN(f.a, params.Code("a"));
  DYAD_ASSIGN_OR_RETURN(f.b, params.Code("b"));
  DYAD_ASSIGN_OR_RETURN(f.directed, params.Bool("directed", false));
  DYAD_ASSIGN_OR_RETURN(f.code, params.Code("code"));
  DYAD_ASSIGN_OR_RETURN(f.root, params.Code("root"));
  DYAD_ASSIGN_OR_RETURN(int64_t quad, params.Int("quad", 0, 1, 4));
  f.quad = static_cast<int>(quad);
  if (auto m = params.Get("modality")) {
    // A comma-separated list: "asserted,alleged".
    size_t pos = 0;
    while (pos <= m->size()) {
      size_t comma = m->find(',', pos);
      if (comma == std::string::npos) comma = m->size();
      std::string one = m->substr(pos, comma - pos);
      bool known = false;
      for (std::string_view k : kModalities) known = known || one == k;
      if (!known) {
        return InvalidArgumentError(
            "parameter 'modality': '" + one +
            "' is not one of asserted, alleged, hypothetical, future, "
            "negated, historical");
      }
      f.modalities.push_back(std::move(one));
      pos = comma + 1;
    }
  }
  DYAD_ASSIGN_OR_RETURN(f.from, params.Date("from"));
  DYAD_ASSIGN_OR_RETURN(f.to, params.Date("to"));
  if (f.from != kNoDay && f.to != kNoDay && f.from > f.to) {
    return InvalidArgumentError("parameter 'to': before 'from'");
  }
  DYAD_ASSIGN_OR_RETURN(f.text, params.Text("q", kMaxQueryBytes));
  DYAD_ASSIGN_OR_RETURN(
      f.sort, params.Choice("sort", "-date",
                            {"date", "-date", "goldstein", "-goldstein"}));
  DYAD_ASSIGN_OR_RETURN(f.limit, params.Int("limit", 50, 1, kMaxEventsLimit));
  DYAD_ASSIGN_OR_RETURN(f.offset, params.Int("offset", 0, 0, kMaxOffset));
  return f;
}

std::string FtsQuery(std::string_view q) {
  std::string out;
  size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && (q[i] == ' ' || q[i] == '\t' || q[i] == '\n' ||
                            q[i] == '\r')) {
      ++i;
    }
    size_t start = i;
    while (i < q.size() && !(q[i] == ' ' || q[i] == '\t' || q[i] == '\n' ||
                             q[i] == '\r')) {
      ++i;
    }
    std::string_view word = q.substr(start, i - start);
    bool prefix = false;
    while (!word.empty() && word.back() == '*') {
      prefix = true;
      word.remove_suffix(1);
    }
    if (word.empty()) continue;
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : word) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
    if (prefix) out += '*';
  }
  return out;
}

Result<json> EventSearch::Search(ReadConnection& conn,
                                 const EventFilter& f) const {
  std::string where;
  std::vector<Bind> binds;
  auto add = [&](std::string clause) {
    where += where.empty() ? " WHERE " : " AND ";
    where += clause;
  };
  if (f.actor) {
    add("(e.source_code = ? OR e.target_code = ?)");
    binds.insert(binds.end(), {*f.actor, *f.actor});
  }
  if (f.country) {
    add("(e.source_country = ? OR e.target_country = ?)");
    binds.insert(binds.end(), {*f.country, *f.country});
  }
  if (f.a && f.b) {
    if (f.directed) {
      add("e.source_country = ? AND e.target_country = ?");
      binds.insert(binds.end(), {*f.a, *f.b});
    } else {
      add("((e.source_country = ? AND e.target_country = ?) OR "
          "(e.source_country = ? AND e.target_country = ?))");
      binds.insert(binds.end(), {*f.a, *f.b, *f.b, *f.a});
    }
  } else if (f.a || f.b) {
    const std::string& c = f.a ? *f.a : *f.b;
    if (f.directed) {
      add(f.a ? "e.source_country = ?" : "e.target_country = ?");
      binds.push_back(c);
    } else {
      add("(e.source_country = ? OR e.target_country = ?)");
      binds.insert(binds.end(), {c, c});
    }
  }
  if (f.code) {
    add("e.code = ?");
    binds.push_back(*f.code);
  }
  if (f.root) {
    add("e.root = ?");
    binds.push_back(*f.root);
  }
  if (f.quad != 0) {
    add("e.quad_class = ?");
    binds.push_back(int64_t{f.quad});
  }
  if (!f.modalities.empty()) {
    std::string in = "e.modality IN (";
    for (size_t i = 0; i < f.modalities.size(); ++i) {
      in += i == 0 ? "?" : ", ?";
      binds.push_back(f.modalities[i]);
    }
    add(in + ")");
  }
  if (f.from != kNoDay) {
    add("e.date >= ?");
    binds.push_back(FormatIsoDay(f.from));
  }
  if (f.to != kNoDay) {
    add("e.date <= ?");
    binds.push_back(FormatIsoDay(f.to));
  }
  if (f.text) {
    std::string fts = FtsQuery(*f.text);
    if (!fts.empty()) {
      add("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)");
      binds.push_back(std::move(fts));
    }
  }
  std::string order;
  if (f.sort == "date") {
    order = "e.date ASC, e.id ASC";
  } else if (f.sort == "goldstein") {
    order = "e.goldstein ASC, e.id ASC";
  } else if (f.sort == "-goldstein") {
    order = "e.goldstein DESC, e.id DESC";
  } else {
    order = "e.date DESC, e.id DESC";
  }

  json out;
  {
    DYAD_ASSIGN_OR_RETURN(Query count,
                          conn.Prepare("SELECT COUNT(*) FROM events e" + where));
    BindAll(count, binds);
    if (!count.Step()) {
      return count.status().ok() ? InternalError("count returned no row")
                                 : count.status();
    }
    out["total"] = count.Int(0);
  }
  out["limit"] = f.limit;
  out["offset"] = f.offset;
  // The page's ids first, so the texts are cut for the page's rows only.
  std::string sql = std::string("SELECT ") + kEventColumns +
                    " FROM (SELECT e.id FROM events e" + where +
                    " ORDER BY " + order +
                    " LIMIT ? OFFSET ?) AS page JOIN events e ON e.id = page.id" +
                    kEventJoins + " ORDER BY " + order;
  DYAD_ASSIGN_OR_RETURN(Query page, conn.Prepare(sql));
  binds.push_back(f.limit);
  binds.push_back(f.offset);
  BindAll(page, binds);
  json events = json::array();
  while (page.Step()) events.push_back(RowToJson(page));
  DYAD_RETURN_IF_ERROR(page.status());
  out["events"] = std::move(events);
  return out;
}

Result<json> EventSearch::EventsOfDocument(ReadConnection& conn,
                                           const std::string& doc_id) const {
  DYAD_ASSIGN_OR_RETURN(
      Query q, conn.Prepare(std::string("SELECT ") + kEventColumns +
                            " FROM events e" + kEventJoins +
                            " WHERE e.doc_id = ? ORDER BY e.sentence_index, "
                            "e.id"));
  q.BindText(1, doc_id);
  json events = json::array();
  while (q.Step()) events.push_back(RowToJson(q));
  DYAD_RETURN_IF_ERROR(q.status());
  return events;
}

json EventSearch::RowToJson(const Query& q) const {
  json j;
  j["id"] = q.Int(0);
  j["doc_id"] = q.Text(1);
  j["sentence_index"] = q.Int(2);
  j["sentence"] = q.Text(3);
  j["date"] = TextOrNull(q, 4);
  j["date_precision"] = q.Text(5);
  j["date_rule"] = q.Text(6);
  j["source"] = Actor(q, 7);
  j["target"] = q.IsNull(13) ? json(nullptr) : Actor(q, 13);
  std::string partners = q.Text(19);
  if (!partners.empty() && partners != "[]") {
    json p = json::parse(partners, nullptr, /*allow_exceptions=*/false);
    if (!p.is_discarded()) j["partners"] = std::move(p);
  }
  std::string code = q.Text(20);
  j["code"] = code;
  const CameoCode* cc = cameo_ != nullptr ? cameo_->Find(code) : nullptr;
  if (cc != nullptr) j["event_name"] = cc->name;
  j["root"] = TextOrNull(q, 21);
  j["quad_class"] = IntOrNull(q, 22);
  j["goldstein"] = RealOrNull(q, 23);
  j["plover"] = TextOrNull(q, 24);
  j["modality"] = q.Text(25);
  j["modality_cue"] = q.Text(26);
  j["attribution"] =
      q.IsNull(27) ? json(nullptr)
                   : json{{"code", q.Text(27)}, {"country", q.Text(28)}};
  j["attribution_text"] = q.Text(29);
  j["rule"] = q.Text(30);
  j["trigger"] = {{"start", q.Int(31)}, {"end", q.Int(32)}, {"text", q.Text(33)}};
  j["confidence"] = RealOrNull(q, 34);
  j["group_id"] = IntOrNull(q, 35);
  j["num_mentions"] = IntOrNull(q, 36);
  j["num_sources"] = IntOrNull(q, 37);
  j["num_articles"] = IntOrNull(q, 38);
  j["url"] = TextOrNull(q, 39);
  j["title"] = TextOrNull(q, 40);
  j["source_name"] = TextOrNull(q, 41);
  return j;
}

}  // namespace dyad
