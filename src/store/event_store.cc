#include "store/event_store.h"

#include <sqlite3.h>
#include <xxhash.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string_view>
#include <utility>

#include "coder/date_resolver.h"

namespace dyad {
namespace {

// Migration i + 1 is kMigrations[i]; each runs once, in its own transaction.
// Never edit a shipped migration: append a new one.
constexpr const char* kMigrations[] = {
    // 1: documents and events.
    R"sql(
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  url TEXT,
  date TEXT,
  title TEXT,
  source TEXT,
  content_hash INTEGER NOT NULL,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  sentence_index INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  date TEXT,
  date_precision TEXT NOT NULL,
  date_rule TEXT,
  source_code TEXT NOT NULL,
  source_country TEXT,
  source_sector TEXT,
  source_text TEXT,
  source_start INTEGER,
  source_end INTEGER,
  target_code TEXT,
  target_country TEXT,
  target_sector TEXT,
  target_text TEXT,
  target_start INTEGER,
  target_end INTEGER,
  partners TEXT NOT NULL,
  code TEXT NOT NULL,
  root TEXT,
  quad_class INTEGER,
  goldstein REAL,
  plover TEXT,
  modality TEXT NOT NULL,
  modality_cue TEXT,
  attribution_code TEXT,
  attribution_country TEXT,
  attribution_text TEXT,
  rule TEXT,
  trigger_start INTEGER,
  trigger_end INTEGER,
  confidence REAL
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_dyad_date ON events(source_country, target_country, date);
CREATE INDEX events_doc ON events(doc_id);
)sql",
    // 2: document origin and near-duplicate clusters, merged event groups
    // (GDELT-style events), full-text search over event sentences. The
    // statements after the DDL backfill what a version-1 store already holds
    // (every document its own cluster; its signature is computed at Open).
    R"sql(
ALTER TABLE documents ADD COLUMN origin TEXT NOT NULL DEFAULT 'dyad';
ALTER TABLE documents ADD COLUMN cluster_id TEXT;
ALTER TABLE documents ADD COLUMN minhash BLOB;
CREATE INDEX documents_cluster ON documents(cluster_id);
CREATE INDEX documents_url ON documents(url);
CREATE TABLE event_groups (
  id INTEGER PRIMARY KEY,
  merge_key TEXT NOT NULL UNIQUE,
  date TEXT,
  source_code TEXT NOT NULL, source_country TEXT,
  target_code TEXT, target_country TEXT,
  code TEXT NOT NULL, root TEXT, quad_class INTEGER, goldstein REAL, plover TEXT,
  modality TEXT NOT NULL,
  num_mentions INTEGER NOT NULL,
  num_sources INTEGER NOT NULL,
  num_articles INTEGER NOT NULL,
  first_event_id INTEGER NOT NULL
);
CREATE INDEX event_groups_dyad_date ON event_groups(source_country, target_country, date);
CREATE INDEX event_groups_date ON event_groups(date);
ALTER TABLE events ADD COLUMN group_id INTEGER;
CREATE INDEX events_group ON events(group_id);
CREATE VIRTUAL TABLE events_fts USING fts5(sentence);
CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
  DELETE FROM events_fts WHERE rowid = old.id;
END;

UPDATE documents SET
  origin = CASE WHEN id LIKE 'icews:%' THEN 'icews'
                WHEN id LIKE 'gdelt:%' THEN 'gdelt' ELSE 'dyad' END,
  cluster_id = id;
INSERT INTO event_groups (merge_key, date, source_code, source_country,
  target_code, target_country, code, root, quad_class, goldstein, plover,
  modality, num_mentions, num_sources, num_articles, first_event_id)
SELECT COALESCE(e.date, '') || '|' || e.source_code || '|' ||
         COALESCE(e.target_code, '') || '|' || e.code || '|' || e.modality,
       e.date, e.source_code, e.source_country, e.target_code,
       e.target_country, e.code, e.root, e.quad_class, e.goldstein, e.plover,
       e.modality, COUNT(*), COUNT(DISTINCT COALESCE(d.source, '')),
       COUNT(DISTINCT COALESCE(d.cluster_id, d.id)), MIN(e.id)
FROM events e JOIN documents d ON d.id = e.doc_id
GROUP BY 1;
UPDATE events SET group_id = (
  SELECT g.id FROM event_groups g WHERE g.merge_key =
    COALESCE(events.date, '') || '|' || events.source_code || '|' ||
    COALESCE(events.target_code, '') || '|' || events.code || '|' ||
    events.modality);
INSERT INTO events_fts (rowid, sentence)
SELECT e.id, CAST(substr(CAST(d.text AS BLOB), e.sentence_start + 1,
                         e.sentence_end - e.sentence_start) AS TEXT)
FROM events e JOIN documents d ON d.id = e.doc_id;
)sql",
    // 3: a covering index for relation series: a dyad's groups are read from
    // one contiguous index range instead of one table page per group
    // (doc/benchmarks.md: 92 ms → 20 ms CPU for ten years of a busy dyad on
    // 10 million groups). It starts with the columns of the index it
    // replaces, so every query that used that one uses this one.
    R"sql(
DROP INDEX event_groups_dyad_date;
CREATE INDEX event_groups_dyad_cover ON event_groups(
  source_country, target_country, date, quad_class, modality, num_mentions,
  goldstein);
)sql",
    // 4: dyad_months, the event groups of each directed country pair summed
    // by month, quad class and modality, kept by triggers in the writer's own
    // transactions; keyed by month first, so a window is one range. Totals
    // over all dyads (the network, dyads ranked by volume or shift) read it
    // instead of every group: 1.1 s -> tens of ms on a million events
    // (doc/benchmarks.md).
    R"sql(
CREATE TABLE dyad_months (
  source_country TEXT NOT NULL,
  target_country TEXT NOT NULL,
  month TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  modality TEXT NOT NULL,
  groups INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  goldstein_sum REAL NOT NULL,
  weighted_sum REAL NOT NULL,
  PRIMARY KEY (month, source_country, target_country, quad_class, modality)
) WITHOUT ROWID;
INSERT INTO dyad_months
SELECT source_country, target_country, substr(date, 1, 7),
       COALESCE(quad_class, 0), modality, COUNT(*), TOTAL(num_mentions),
       TOTAL(goldstein), TOTAL(num_mentions * goldstein)
FROM event_groups
WHERE source_country IS NOT NULL AND target_country IS NOT NULL
  AND date IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
-- Every change to a counted group is one signed row here; one trigger adds
-- it to its month's sums, so the arithmetic is written once.
CREATE TABLE dyad_month_changes (
  sign INTEGER NOT NULL, source_country TEXT, target_country TEXT, date TEXT,
  quad_class INTEGER, modality TEXT, num_mentions INTEGER, goldstein REAL);
CREATE TRIGGER dyad_months_apply AFTER INSERT ON dyad_month_changes
BEGIN
  INSERT INTO dyad_months
  SELECT NEW.source_country, NEW.target_country, substr(NEW.date, 1, 7),
    COALESCE(NEW.quad_class, 0), NEW.modality, NEW.sign,
    NEW.sign * NEW.num_mentions, NEW.sign * COALESCE(NEW.goldstein, 0),
    NEW.sign * NEW.num_mentions * COALESCE(NEW.goldstein, 0)
  WHERE NEW.source_country IS NOT NULL AND NEW.target_country IS NOT NULL
    AND NEW.date IS NOT NULL
  ON CONFLICT DO UPDATE SET groups = groups + excluded.groups,
    mentions = mentions + excluded.mentions,
    goldstein_sum = goldstein_sum + excluded.goldstein_sum,
    weighted_sum = weighted_sum + excluded.weighted_sum;
  DELETE FROM dyad_months
  WHERE month = substr(NEW.date, 1, 7)
    AND source_country = NEW.source_country
    AND target_country = NEW.target_country
    AND quad_class = COALESCE(NEW.quad_class, 0) AND modality = NEW.modality
    AND groups <= 0;
  DELETE FROM dyad_month_changes;
END;
CREATE TRIGGER dyad_months_add AFTER INSERT ON event_groups BEGIN
  INSERT INTO dyad_month_changes VALUES (1, NEW.source_country,
    NEW.target_country, NEW.date, NEW.quad_class, NEW.modality,
    NEW.num_mentions, NEW.goldstein);
END;
CREATE TRIGGER dyad_months_remove AFTER DELETE ON event_groups BEGIN
  INSERT INTO dyad_month_changes VALUES (-1, OLD.source_country,
    OLD.target_country, OLD.date, OLD.quad_class, OLD.modality,
    OLD.num_mentions, OLD.goldstein);
END;
CREATE TRIGGER dyad_months_change AFTER UPDATE OF source_country,
  target_country, date, quad_class, modality, num_mentions, goldstein
ON event_groups BEGIN
  INSERT INTO dyad_month_changes VALUES (-1, OLD.source_country,
    OLD.target_country, OLD.date, OLD.quad_class, OLD.modality,
    OLD.num_mentions, OLD.goldstein);
  INSERT INTO dyad_month_changes VALUES (1, NEW.source_country,
    NEW.target_country, NEW.date, NEW.quad_class, NEW.modality,
    NEW.num_mentions, NEW.goldstein);
END;
)sql",
};

constexpr int kLatestVersion =
    static_cast<int>(sizeof(kMigrations) / sizeof(kMigrations[0]));

constexpr int kBusyTimeoutMs = 5000;

std::string ColumnText(sqlite3_stmt* st, int col) {
  const unsigned char* t = sqlite3_column_text(st, col);
  return t != nullptr ? std::string(reinterpret_cast<const char*>(t),
                                    sqlite3_column_bytes(st, col))
                      : std::string();
}

nlohmann::json ActorJson(const EventActor& a) {
  return {{"code", a.code}, {"country", a.country}, {"sector", a.sector},
          {"text", a.text}, {"start", a.begin},     {"end", a.end}};
}

}  // namespace

// A prepared statement: bound by 1-based index, stepped, reset for reuse.
class EventStore::Statement {
 public:
  explicit Statement(sqlite3_stmt* st) : st_(st) {}
  ~Statement() { sqlite3_finalize(st_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  void Text(int i, std::string_view s) {
    sqlite3_bind_text(st_, i, s.data(), static_cast<int>(s.size()),
                      SQLITE_TRANSIENT);
  }
  // NULL when empty.
  void TextOrNull(int i, std::string_view s) {
    if (s.empty()) {
      Null(i);
    } else {
      Text(i, s);
    }
  }
  void Blob(int i, std::string_view b) {
    sqlite3_bind_blob(st_, i, b.data(), static_cast<int>(b.size()),
                      SQLITE_TRANSIENT);
  }
  void Int(int i, int64_t v) { sqlite3_bind_int64(st_, i, v); }
  void Real(int i, double v) { sqlite3_bind_double(st_, i, v); }
  void Null(int i) { sqlite3_bind_null(st_, i); }

  // SQLITE_ROW, SQLITE_DONE or an error code.
  int Step() { return sqlite3_step(st_); }
  // Resets for the next use and clears the bindings.
  void Reset() {
    sqlite3_reset(st_);
    sqlite3_clear_bindings(st_);
  }
  sqlite3_stmt* get() { return st_; }

 private:
  sqlite3_stmt* st_;
};

uint64_t DocumentContentHash(const Document& doc) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  XXH3_64bits_update(state, doc.title.data(), doc.title.size());
  // A separator keeps ("ab", "c") and ("a", "bc") apart.
  const char sep = '\0';
  XXH3_64bits_update(state, &sep, 1);
  XXH3_64bits_update(state, doc.text.data(), doc.text.size());
  uint64_t h = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return h;
}

std::string_view DocumentOrigin(std::string_view doc_id) {
  if (doc_id.starts_with("icews:")) return "icews";
  if (doc_id.starts_with("gdelt:")) return "gdelt";
  return "dyad";
}

std::string EventMergeKey(const Event& e) {
  std::string key;
  if (e.date != kNoDay) key = FormatIsoDay(e.date);
  key += '|';
  key += e.source.code;
  key += '|';
  if (e.target.has_value()) key += e.target->code;
  key += '|';
  key += e.code;
  key += '|';
  key += ModalityName(e.modality);
  return key;
}

int EventStore::LatestSchemaVersion() { return kLatestVersion; }

Result<std::unique_ptr<EventStore>> EventStore::Open(const std::string& path,
                                                     const CameoTable* cameo) {
  std::unique_ptr<EventStore> store(new EventStore(path));
  store->cameo_ = cameo;
  Status s = store->Init();
  if (!s.ok()) return s;
  return store;
}

EventStore::EventStore(std::string path) : path_(std::move(path)) {}

EventStore::~EventStore() {
  // Statements must be finalized before the connection is closed.
  find_doc_.reset();
  insert_doc_.reset();
  update_doc_.reset();
  delete_events_.reset();
  insert_event_.reset();
  count_docs_.reset();
  count_events_.reset();
  count_by_dyad_.reset();
  old_groups_.reset();
  upsert_group_.reset();
  insert_fts_.reset();
  delete_empty_group_.reset();
  update_group_.reset();
  if (db_ != nullptr) sqlite3_close_v2(db_);
}

Status EventStore::Error(const char* what) const {
  const char* msg = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
  return IoError(path_ + ": " + what + ": " + msg);
}

Status EventStore::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = err != nullptr ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return IoError(path_ + ": " + msg);
  }
  return Status::Ok();
}

Status EventStore::Init() {
  int rc = sqlite3_open_v2(path_.c_str(), &db_,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  if (rc != SQLITE_OK) return Error("cannot open store");
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  // journal_mode fails here when the file is not a database.
  DYAD_RETURN_IF_ERROR(Exec("PRAGMA journal_mode=WAL"));
  DYAD_RETURN_IF_ERROR(Exec("PRAGMA synchronous=NORMAL"));
  DYAD_RETURN_IF_ERROR(Exec("PRAGMA foreign_keys=ON"));
  DYAD_RETURN_IF_ERROR(Migrate());

  auto prepare = [&](const char* sql,
                     std::unique_ptr<Statement>* out) -> Status {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &st,
                           nullptr) != SQLITE_OK) {
      return Error("cannot prepare statement");
    }
    *out = std::make_unique<Statement>(st);
    return Status::Ok();
  };
  DYAD_RETURN_IF_ERROR(
      prepare("SELECT content_hash FROM documents WHERE id = ?1", &find_doc_));
  DYAD_RETURN_IF_ERROR(prepare(
      "INSERT INTO documents (id, url, date, title, source, content_hash, "
      "text, ingested_at, origin, cluster_id, minhash) VALUES (?1, ?2, ?3, "
      "?4, ?5, ?6, ?7, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?8, ?9, ?10)",
      &insert_doc_));
  DYAD_RETURN_IF_ERROR(prepare(
      "UPDATE documents SET url = ?2, date = ?3, title = ?4, source = ?5, "
      "content_hash = ?6, text = ?7, "
      "ingested_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), origin = ?8, "
      "cluster_id = ?9, minhash = ?10 WHERE id = ?1",
      &update_doc_));
  DYAD_RETURN_IF_ERROR(
      prepare("DELETE FROM events WHERE doc_id = ?1", &delete_events_));
  DYAD_RETURN_IF_ERROR(prepare(
      "INSERT INTO events (doc_id, sentence_index, sentence_start, "
      "sentence_end, date, date_precision, date_rule, source_code, "
      "source_country, source_sector, source_text, source_start, source_end, "
      "target_code, target_country, target_sector, target_text, target_start, "
      "target_end, partners, code, root, quad_class, goldstein, plover, "
      "modality, modality_cue, attribution_code, attribution_country, "
      "attribution_text, rule, trigger_start, trigger_end, confidence, "
      "group_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
      "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, "
      "?29, ?30, ?31, ?32, ?33, ?34, ?35)",
      &insert_event_));
  DYAD_RETURN_IF_ERROR(
      prepare("SELECT DISTINCT group_id FROM events WHERE doc_id = ?1 AND "
              "group_id IS NOT NULL",
              &old_groups_));
  // The no-op DO UPDATE makes RETURNING yield the id of an existing row.
  DYAD_RETURN_IF_ERROR(prepare(
      "INSERT INTO event_groups (merge_key, date, source_code, "
      "source_country, target_code, target_country, code, root, quad_class, "
      "goldstein, plover, modality, num_mentions, num_sources, num_articles, "
      "first_event_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
      "?12, 0, 0, 0, 0) "
      "ON CONFLICT (merge_key) DO UPDATE SET merge_key = excluded.merge_key "
      "RETURNING id",
      &upsert_group_));
  DYAD_RETURN_IF_ERROR(
      prepare("INSERT INTO events_fts (rowid, sentence) VALUES (?1, ?2)",
              &insert_fts_));
  DYAD_RETURN_IF_ERROR(
      prepare("DELETE FROM event_groups WHERE id = ?1 AND NOT EXISTS "
              "(SELECT 1 FROM events WHERE group_id = ?1)",
              &delete_empty_group_));
  // The bare columns come from the row of MIN(e.id) (an SQLite guarantee):
  // the group shows its representative coding.
  DYAD_RETURN_IF_ERROR(prepare(
      "UPDATE event_groups SET (num_mentions, num_sources, num_articles, "
      "first_event_id, source_country, target_country, root, quad_class, "
      "goldstein, plover) = (SELECT COUNT(*), "
      "COUNT(DISTINCT COALESCE(d.source, '')), "
      "COUNT(DISTINCT COALESCE(d.cluster_id, d.id)), MIN(e.id), "
      "e.source_country, e.target_country, e.root, e.quad_class, "
      "e.goldstein, e.plover "
      "FROM events e JOIN documents d ON d.id = e.doc_id "
      "WHERE e.group_id = ?1) WHERE id = ?1",
      &update_group_));
  DYAD_RETURN_IF_ERROR(prepare("SELECT COUNT(*) FROM documents", &count_docs_));
  DYAD_RETURN_IF_ERROR(prepare("SELECT COUNT(*) FROM events", &count_events_));
  DYAD_RETURN_IF_ERROR(
      prepare("SELECT source_country, target_country, COUNT(*), "
              "TOTAL(goldstein) FROM events "
              "WHERE target_country IS NOT NULL AND date >= ?1 AND date <= ?2 "
              "GROUP BY source_country, target_country "
              "ORDER BY COUNT(*) DESC, source_country, target_country",
              &count_by_dyad_));
  return Status::Ok();
}

Status EventStore::Migrate() {
  DYAD_RETURN_IF_ERROR(Exec(
      "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
  DYAD_ASSIGN_OR_RETURN(int current, SchemaVersion());
  if (current > kLatestVersion) {
    return CorruptionError(path_ + ": schema version " +
                           std::to_string(current) +
                           " is newer than this dyad understands (" +
                           std::to_string(kLatestVersion) + ")");
  }
  for (int v = current + 1; v <= kLatestVersion; ++v) {
    DYAD_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    Status s = Exec(kMigrations[v - 1]);
    if (s.ok() && v == 2) s = BackfillClusters();
    if (s.ok()) {
      sqlite3_stmt* st = nullptr;
      if (sqlite3_prepare_v2(db_,
                             "INSERT INTO schema_version (version) VALUES (?1)",
                             -1, &st, nullptr) != SQLITE_OK) {
        s = Error("cannot record schema version");
      } else {
        sqlite3_bind_int(st, 1, v);
        if (sqlite3_step(st) != SQLITE_DONE) {
          s = Error("cannot record schema version");
        }
        sqlite3_finalize(st);
      }
    }
    if (s.ok()) s = Exec("COMMIT");
    if (!s.ok()) {
      (void)Exec("ROLLBACK");
      return s.WithContext("migration " + std::to_string(v));
    }
  }
  return Status::Ok();
}

Result<int> EventStore::SchemaVersion() {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT MAX(version) FROM schema_version", -1,
                         &st, nullptr) != SQLITE_OK) {
    return Error("cannot read schema version");
  }
  Statement stmt(st);
  if (stmt.Step() != SQLITE_ROW) return Error("cannot read schema version");
  return sqlite3_column_int(st, 0);  // NULL (no rows) reads as 0
}

Status EventStore::StoreDocuments(std::span<const StoredDocument> docs,
                                  StoreCounts* counts) {
  StoreCounts local;
  DYAD_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
  if (!dedup_loaded_) {
    Status s = LoadDedupIndex();
    if (!s.ok()) {
      (void)Exec("ROLLBACK");
      return s;
    }
  }
  Status s;
  for (const StoredDocument& sd : docs) {
    s = StoreOne(sd, &local);
    if (!s.ok()) break;
  }
  if (s.ok()) s = UpdateGroups();
  if (s.ok()) s = Exec("COMMIT");
  if (!s.ok()) {
    group_ids_.clear();
    touched_groups_.clear();
    // The index saw documents that are rolled back: reload it next time.
    dedup_.Clear();
    dedup_loaded_ = false;
    (void)Exec("ROLLBACK");
    return s;
  }
  if (counts != nullptr) *counts += local;
  return Status::Ok();
}

Result<bool> EventStore::ContainsUnchanged(const Document& doc) {
  find_doc_->Text(1, doc.id);
  int rc = find_doc_->Step();
  bool same =
      rc == SQLITE_ROW && sqlite3_column_int64(find_doc_->get(), 0) ==
                              static_cast<int64_t>(DocumentContentHash(doc));
  find_doc_->Reset();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    return Error("cannot look up document");
  }
  return same;
}

Status EventStore::StoreOne(const StoredDocument& sd, StoreCounts* counts) {
  const Document& doc = sd.doc;
  const int64_t hash = static_cast<int64_t>(DocumentContentHash(doc));
  find_doc_->Text(1, doc.id);
  int rc = find_doc_->Step();
  bool exists = false;
  int64_t old_hash = 0;
  if (rc == SQLITE_ROW) {
    exists = true;
    old_hash = sqlite3_column_int64(find_doc_->get(), 0);
  }
  find_doc_->Reset();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return Error("cannot look up document");
  if (exists && old_hash == hash) {
    ++counts->unchanged;
    return Status::Ok();
  }
  // The signature and cluster (imports have neither).
  const std::string_view origin = DocumentOrigin(doc.id);
  MinHashSignature sig;
  std::string cluster_id = doc.id;
  if (exists) dedup_.Remove(doc.id);
  if (origin == "dyad") sig = dedup_.Sign(doc.text);
  if (!sig.empty()) {
    if (auto match = dedup_.FindMostSimilar(sig)) {
      cluster_id = std::move(match->cluster_id);
    }
  }
  Statement* write = exists ? update_doc_.get() : insert_doc_.get();
  write->Text(1, doc.id);
  write->TextOrNull(2, doc.url);
  write->TextOrNull(3, doc.date);
  write->Text(4, doc.title);
  write->TextOrNull(5, doc.source);
  write->Int(6, hash);
  write->Text(7, doc.text);
  write->Text(8, origin);
  write->Text(9, cluster_id);
  if (!sig.empty()) write->Blob(10, NearDuplicateIndex::Encode(sig));
  rc = write->Step();
  write->Reset();
  if (rc != SQLITE_DONE) {
    return Error(("cannot store document " + doc.id).c_str());
  }
  dedup_.Add(doc.id, cluster_id, std::move(sig));
  if (exists) {
    old_groups_->Text(1, doc.id);
    while ((rc = old_groups_->Step()) == SQLITE_ROW) {
      touched_groups_.insert(sqlite3_column_int64(old_groups_->get(), 0));
    }
    old_groups_->Reset();
    if (rc != SQLITE_DONE) return Error("cannot read old event groups");
    // The events_fts_delete trigger removes their sentences.
    delete_events_->Text(1, doc.id);
    rc = delete_events_->Step();
    delete_events_->Reset();
    if (rc != SQLITE_DONE) return Error("cannot delete old events");
    ++counts->replaced;
  } else {
    ++counts->inserted;
  }
  return InsertEvents(sd, counts);
}

Status EventStore::InsertEvents(const StoredDocument& sd, StoreCounts* counts) {
  Statement& st = *insert_event_;
  for (const Event& e : sd.events) {
    // Events always belong to the document they are stored with.
    st.Text(1, sd.doc.id);
    st.Int(2, e.sentence_index);
    st.Int(3, e.sentence_begin);
    st.Int(4, e.sentence_end);
    if (e.date == kNoDay) {
      st.Null(5);
    } else {
      st.Text(5, FormatIsoDay(e.date));
    }
    st.Text(6, DatePrecisionName(e.date_precision));
    st.Text(7, e.date_rule);
    st.Text(8, e.source.code);
    st.TextOrNull(9, e.source.country);
    st.TextOrNull(10, e.source.sector);
    st.Text(11, e.source.text);
    st.Int(12, e.source.begin);
    st.Int(13, e.source.end);
    if (e.target.has_value()) {
      st.Text(14, e.target->code);
      st.TextOrNull(15, e.target->country);
      st.TextOrNull(16, e.target->sector);
      st.Text(17, e.target->text);
      st.Int(18, e.target->begin);
      st.Int(19, e.target->end);
    }  // else the bindings stay NULL (cleared by Reset)
    nlohmann::json partners = nlohmann::json::array();
    for (const EventActor& p : e.partners) partners.push_back(ActorJson(p));
    st.Text(20, partners.dump(-1, ' ', false,
                              nlohmann::json::error_handler_t::replace));
    st.Text(21, e.code);
    const CameoCode* cc = cameo_ != nullptr ? cameo_->Find(e.code) : nullptr;
    if (cc != nullptr) {
      st.Text(22, cc->root);
      st.Int(23, cc->quad_class);
      st.Real(24, cc->goldstein);
      st.TextOrNull(25, cc->plover);
    }
    st.Text(26, ModalityName(e.modality));
    st.Text(27, e.modality_cue);
    if (e.attribution.has_value()) {
      st.Text(28, e.attribution->code);
      st.TextOrNull(29, e.attribution->country);
    }
    st.Text(30, e.attribution_text);
    st.Text(31, e.rule);
    st.Int(32, e.trigger_begin);
    st.Int(33, e.trigger_end);
    st.Real(34, e.confidence);
    DYAD_ASSIGN_OR_RETURN(int64_t group_id, GroupFor(EventMergeKey(e), e));
    st.Int(35, group_id);
    DYAD_RETURN_IF_ERROR(Step(&st, "cannot store event"));
    touched_groups_.insert(group_id);
    ++counts->events;

    const std::string_view text = sd.doc.text;
    const size_t begin = std::min<size_t>(e.sentence_begin, text.size());
    const size_t end = std::clamp<size_t>(e.sentence_end, begin, text.size());
    insert_fts_->Int(1, sqlite3_last_insert_rowid(db_));
    insert_fts_->Text(2, text.substr(begin, end - begin));
    DYAD_RETURN_IF_ERROR(Step(insert_fts_.get(), "cannot index sentence"));
  }
  return Status::Ok();
}

Status EventStore::Step(Statement* st, const char* what) {
  int rc = st->Step();
  st->Reset();
  if (rc != SQLITE_DONE) return Error(what);
  return Status::Ok();
}

Result<int64_t> EventStore::GroupFor(const std::string& key, const Event& e) {
  auto it = group_ids_.find(key);
  if (it != group_ids_.end()) return it->second;
  Statement& st = *upsert_group_;
  st.Text(1, key);
  if (e.date != kNoDay) st.Text(2, FormatIsoDay(e.date));
  st.Text(3, e.source.code);
  st.TextOrNull(4, e.source.country);
  if (e.target.has_value()) {
    st.Text(5, e.target->code);
    st.TextOrNull(6, e.target->country);
  }
  st.Text(7, e.code);
  const CameoCode* cc = cameo_ != nullptr ? cameo_->Find(e.code) : nullptr;
  if (cc != nullptr) {
    st.Text(8, cc->root);
    st.Int(9, cc->quad_class);
    st.Real(10, cc->goldstein);
    st.TextOrNull(11, cc->plover);
  }
  st.Text(12, ModalityName(e.modality));
  int rc = st.Step();
  int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st.get(), 0) : 0;
  st.Reset();
  if (rc != SQLITE_ROW) return Error("cannot store event group");
  group_ids_.emplace(key, id);
  return id;
}

Status EventStore::LoadDedupIndex() {
  dedup_.Clear();
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_,
                         "SELECT id, cluster_id, minhash FROM documents "
                         "WHERE minhash IS NOT NULL ORDER BY rowid",
                         -1, &raw, nullptr) != SQLITE_OK) {
    return Error("cannot read signatures");
  }
  Statement st(raw);
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    std::string id = ColumnText(raw, 0);
    std::string cluster = ColumnText(raw, 1);
    std::string_view blob(static_cast<const char*>(sqlite3_column_blob(raw, 2)),
                          sqlite3_column_bytes(raw, 2));
    auto sig = NearDuplicateIndex::Decode(blob);
    if (!sig.ok()) {
      return sig.status().WithContext(path_ + ": document " + id);
    }
    dedup_.Add(id, cluster.empty() ? id : cluster, std::move(sig).value());
  }
  if (rc != SQLITE_DONE) return Error("cannot read signatures");
  dedup_loaded_ = true;
  return Status::Ok();
}

Status EventStore::BackfillClusters() {
  dedup_.Clear();
  sqlite3_stmt* raw = nullptr;
  // In chunks by rowid: the texts of a large store need not fit in memory.
  if (sqlite3_prepare_v2(db_,
                         "SELECT rowid, id, text FROM documents WHERE rowid > "
                         "?1 AND origin = 'dyad' ORDER BY rowid LIMIT 512",
                         -1, &raw, nullptr) != SQLITE_OK) {
    return Error("cannot read documents");
  }
  Statement select(raw);
  if (sqlite3_prepare_v2(db_,
                         "UPDATE documents SET cluster_id = ?2, minhash = ?3 "
                         "WHERE rowid = ?1",
                         -1, &raw, nullptr) != SQLITE_OK) {
    return Error("cannot prepare cluster update");
  }
  Statement update(raw);
  struct Row {
    int64_t rowid;
    std::string id, text;
  };
  std::vector<Row> rows;
  int64_t last = 0;
  do {
    rows.clear();
    select.Int(1, last);
    int rc;
    while ((rc = select.Step()) == SQLITE_ROW) {
      rows.push_back({sqlite3_column_int64(select.get(), 0),
                      ColumnText(select.get(), 1),
                      ColumnText(select.get(), 2)});
    }
    select.Reset();
    if (rc != SQLITE_DONE) return Error("cannot read documents");
    for (Row& row : rows) {
      last = row.rowid;
      MinHashSignature sig = dedup_.Sign(row.text);
      if (sig.empty()) continue;
      std::string cluster = row.id;
      if (auto match = dedup_.FindMostSimilar(sig)) {
        cluster = std::move(match->cluster_id);
      }
      update.Int(1, row.rowid);
      update.Text(2, cluster);
      update.Blob(3, NearDuplicateIndex::Encode(sig));
      DYAD_RETURN_IF_ERROR(Step(&update, "cannot store cluster"));
      dedup_.Add(row.id, cluster, std::move(sig));
    }
  } while (!rows.empty());
  dedup_loaded_ = true;
  return Exec(
      "UPDATE event_groups SET num_articles = (SELECT COUNT(DISTINCT "
      "COALESCE(d.cluster_id, d.id)) FROM events e JOIN documents d ON "
      "d.id = e.doc_id WHERE e.group_id = event_groups.id)");
}

Status EventStore::UpdateGroups() {
  Status s;
  for (int64_t id : touched_groups_) {
    delete_empty_group_->Int(1, id);
    s = Step(delete_empty_group_.get(), "cannot delete event group");
    if (!s.ok()) break;
    update_group_->Int(1, id);
    s = Step(update_group_.get(), "cannot update event group");
    if (!s.ok()) break;
  }
  group_ids_.clear();
  touched_groups_.clear();
  return s;
}

Result<int64_t> EventStore::CountRows(Statement* st) {
  int rc = st->Step();
  int64_t n = rc == SQLITE_ROW ? sqlite3_column_int64(st->get(), 0) : 0;
  st->Reset();
  if (rc != SQLITE_ROW) return Error("cannot count rows");
  return n;
}

Result<int64_t> EventStore::CountDocuments() {
  return CountRows(count_docs_.get());
}

Result<int64_t> EventStore::CountEvents() {
  return CountRows(count_events_.get());
}

Result<std::vector<DyadCount>> EventStore::CountByDyad(Day from, Day to) {
  Statement& st = *count_by_dyad_;
  st.Text(1, from == kNoDay ? std::string() : FormatIsoDay(from));
  st.Text(2, to == kNoDay ? std::string("9999-12-31") : FormatIsoDay(to));
  std::vector<DyadCount> out;
  int rc;
  while ((rc = st.Step()) == SQLITE_ROW) {
    DyadCount d;
    auto text = [&](int col) {
      const unsigned char* t = sqlite3_column_text(st.get(), col);
      return t != nullptr ? std::string(reinterpret_cast<const char*>(t))
                          : std::string();
    };
    d.source_country = text(0);
    d.target_country = text(1);
    d.events = sqlite3_column_int64(st.get(), 2);
    d.goldstein_sum = sqlite3_column_double(st.get(), 3);
    out.push_back(std::move(d));
  }
  st.Reset();
  if (rc != SQLITE_DONE) return Error("cannot count events by dyad");
  return out;
}

}  // namespace dyad
