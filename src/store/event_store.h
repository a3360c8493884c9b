// EventStore: the embedded SQLite store of documents and their coded events.
//
// One file (or ":memory:") in WAL mode with synchronous=NORMAL, foreign keys
// on and a busy timeout. The schema is built by numbered migrations recorded
// in `schema_version`, so opening an existing store is idempotent and an
// older store is upgraded in place. Tables (see kMigrations in the .cc):
//   documents(id PRIMARY KEY, url, date, title, source, content_hash, text,
//             ingested_at)
//   events(one row per coded event, every field of doc/events.md; doc_id
//          REFERENCES documents ON DELETE CASCADE; group_id)
//   event_groups(events merged by EventMergeKey with num_mentions,
//          num_sources, num_articles, first_event_id), recomputed for every
//          touched group in the transaction of each StoreDocuments()
//   events_fts(FTS5 over each event's sentence, rowid = events.id)
//
// Near-duplicate articles (NearDuplicateIndex over documents.minhash) share
// documents.cluster_id: the id of the first-stored document of the cluster.
// A document joins the cluster of its most similar stored document at or
// above the threshold when it is stored (or replaced); later documents
// never move earlier ones. Imported documents (origin icews/gdelt) have no
// signature and are their own cluster.
//
// Writes are idempotent by content: a document is identified by its id and
// its content hash (XXH3 of title and text). Re-storing an unchanged
// document does nothing; a changed one has its row and all its events
// replaced in the same transaction.
//
// Not thread-safe: one thread (the pipeline's single writer) uses a store.
// All SQL goes through prepared statements.
#ifndef DYAD_STORE_EVENT_STORE_H_
#define DYAD_STORE_EVENT_STORE_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "coder/cameo_table.h"
#include "coder/event.h"
#include "ingest/document.h"
#include "store/near_duplicate_index.h"
#include "util/civil_date.h"
#include "util/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace dyad {

// A document with the events coded from it, as handed to the store.
struct StoredDocument {
  Document doc;
  std::vector<Event> events;
};

// What StoreDocuments() did.
struct StoreCounts {
  int64_t inserted = 0;   // new ids
  int64_t replaced = 0;   // known ids whose content changed: events replaced
  int64_t unchanged = 0;  // known ids with the same content: skipped
  int64_t events = 0;     // event rows written

  StoreCounts& operator+=(const StoreCounts& o) {
    inserted += o.inserted;
    replaced += o.replaced;
    unchanged += o.unchanged;
    events += o.events;
    return *this;
  }
};

// Events between two countries over a period (CountByDyad).
struct DyadCount {
  std::string source_country;
  std::string target_country;
  int64_t events = 0;
  double goldstein_sum = 0;
};

// XXH3-64 of the document's title and text: what makes it "the same".
uint64_t DocumentContentHash(const Document& doc);

// documents.origin for a document id: "icews" / "gdelt" for ids with the
// prefix "icews:" / "gdelt:" (imported pseudo-documents), else "dyad".
std::string_view DocumentOrigin(std::string_view doc_id);

// event_groups.merge_key of an event: "date|source_code|target_code|code|
// modality" with an empty field for no date / no target. Events with the
// same key are reports of one event and share a group.
std::string EventMergeKey(const Event& e);

class EventStore {
 public:
  // The schema version this build creates and understands.
  static int LatestSchemaVersion();

  // Opens (creating if needed) the store at `path` (":memory:" for a private
  // in-memory store) and runs pending migrations. `cameo` (may be null;
  // must outlive the store) fills root, quad class, Goldstein score and
  // PLOVER type of each event; without it they are stored as NULL. Errors
  // (unwritable path, not a database, a newer schema) are IoError or
  // Corruption naming the path.
  static Result<std::unique_ptr<EventStore>> Open(const std::string& path,
                                                  const CameoTable* cameo);
  ~EventStore();
  EventStore(const EventStore&) = delete;
  EventStore& operator=(const EventStore&) = delete;

  // Stores `docs` in one transaction: all or nothing. Adds what was done to
  // *counts (may be null). Documents with the same id later in `docs` see
  // the earlier ones.
  Status StoreDocuments(std::span<const StoredDocument> docs,
                        StoreCounts* counts);

  // True when a document with doc.id and the same content hash is stored:
  // storing it again would change nothing (lets callers skip coding it).
  Result<bool> ContainsUnchanged(const Document& doc);

  // The applied schema version (from `schema_version`).
  Result<int> SchemaVersion();
  Result<int64_t> CountDocuments();
  Result<int64_t> CountEvents();
  // Events with a target country whose date lies in [from, to] (inclusive;
  // kNoDay leaves that end open; undated events never match), grouped
  // by (source country, target country), most events first, then by the
  // country codes.
  Result<std::vector<DyadCount>> CountByDyad(Day from, Day to);

 private:
  class Statement;
  explicit EventStore(std::string path);
  Status Init();
  Status Migrate();
  Status Exec(const char* sql);
  Status Error(const char* what) const;
  Status StoreOne(const StoredDocument& sd, StoreCounts* counts);
  Status InsertEvents(const StoredDocument& sd, StoreCounts* counts);
  // The event_groups id for `key`, creating the row (counts filled later by
  // UpdateGroups) when new.
  Result<int64_t> GroupFor(const std::string& key, const Event& e);
  // Recomputes the counts of every group in touched_groups_ (deleting the
  // empty ones) and forgets the per-transaction state.
  Status UpdateGroups();
  Status Step(Statement* st, const char* what);
  // Fills dedup_ from the stored signatures (once, before the first write).
  Status LoadDedupIndex();
  // Migration 2 for documents stored before it: computes their signatures
  // and clusters in storage order, then the groups' num_articles.
  Status BackfillClusters();
  Result<int64_t> CountRows(Statement* st);

  std::string path_;
  const CameoTable* cameo_ = nullptr;
  sqlite3* db_ = nullptr;
  std::unique_ptr<Statement> find_doc_;
  std::unique_ptr<Statement> insert_doc_;
  std::unique_ptr<Statement> update_doc_;
  std::unique_ptr<Statement> delete_events_;
  std::unique_ptr<Statement> insert_event_;
  std::unique_ptr<Statement> count_docs_;
  std::unique_ptr<Statement> count_events_;
  std::unique_ptr<Statement> count_by_dyad_;
  std::unique_ptr<Statement> old_groups_;
  std::unique_ptr<Statement> upsert_group_;
  std::unique_ptr<Statement> insert_fts_;
  std::unique_ptr<Statement> delete_empty_group_;
  std::unique_ptr<Statement> update_group_;

  // State of the open StoreDocuments() transaction: group ids by merge key
  // (saves the upsert for repeated keys) and groups whose counts are stale.
  std::unordered_map<std::string, int64_t> group_ids_;
  NearDuplicateIndex dedup_;
  bool dedup_loaded_ = false;
  std::unordered_set<int64_t> touched_groups_;
};

}  // namespace dyad

#endif  // DYAD_STORE_EVENT_STORE_H_
