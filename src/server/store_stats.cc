#include "server/store_stats.h"

#include <string>

namespace dyad {
namespace {

using json = nlohmann::json;

// The first column of the one row `sql` returns.
Result<json> One(ReadConnection& conn, const std::string& sql, bool text) {
  DYAD_ASSIGN_OR_RETURN(Query q, conn.Prepare(sql));
  if (!q.Step()) {
    DYAD_RETURN_IF_ERROR(q.status());
    return InternalError("no row from: " + sql);
  }
  if (q.IsNull(0)) return json(nullptr);
  return text ? json(q.Text(0)) : json(q.Int(0));
}

}  // namespace

Result<int> ReadSchemaVersion(ReadConnection& conn) {
  DYAD_ASSIGN_OR_RETURN(
      Query exists,
      conn.Prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                   "AND name = 'schema_version'"));
  if (!exists.Step()) {
    DYAD_RETURN_IF_ERROR(exists.status());
    return 0;
  }
  if (exists.Int(0) == 0) return 0;
  DYAD_ASSIGN_OR_RETURN(json v,
                        One(conn, "SELECT MAX(version) FROM schema_version",
                            false));
  return v.is_null() ? 0 : v.get<int>();
}

Result<json> ReadStoreStats(ReadConnection& conn) {
  json out;
  DYAD_ASSIGN_OR_RETURN(out["documents"],
                        One(conn, "SELECT COUNT(*) FROM documents", false));
  DYAD_ASSIGN_OR_RETURN(out["events"],
                        One(conn, "SELECT COUNT(*) FROM events", false));
  DYAD_ASSIGN_OR_RETURN(out["event_groups"],
                        One(conn, "SELECT COUNT(*) FROM event_groups", false));
  DYAD_ASSIGN_OR_RETURN(
      out["first_date"],
      One(conn, "SELECT MIN(date) FROM event_groups WHERE date IS NOT NULL",
          true));
  DYAD_ASSIGN_OR_RETURN(
      out["last_date"],
      One(conn, "SELECT MAX(date) FROM event_groups", true));
  DYAD_ASSIGN_OR_RETURN(
      out["countries"],
      One(conn,
          "SELECT COUNT(*) FROM (SELECT DISTINCT source_country FROM "
          "event_groups WHERE source_country IS NOT NULL UNION SELECT "
          "DISTINCT target_country FROM event_groups WHERE target_country IS "
          "NOT NULL)",
          false));
  return out;
}

}  // namespace dyad
