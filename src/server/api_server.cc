#include "server/api_server.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>

#include "coder/coding_explanation.h"
#include "coder/event_json.h"
#include "server/document_ingest.h"
#include "server/document_view.h"
#include "server/dyad_totals.h"
#include "server/event_search.h"
#include "server/read_connection_pool.h"
#include "server/relations_api.h"
#include "server/request_params.h"
#include "server/response_cache.h"
#include "server/static_files.h"
#include "server/store_stats.h"
#include "store/event_store.h"

namespace dyad {
namespace {

using json = nlohmann::json;

constexpr const char* kJson = "application/json";
// The GET endpoints; any other method on them is 405.
constexpr std::string_view kGetEndpoints[] = {
    "/api/health", "/api/stats",    "/api/events",  "/api/dyads",
    "/api/relations", "/api/partners", "/api/network"};
constexpr std::string_view kPostEndpoints[] = {"/api/explain", "/api/ingest"};
constexpr size_t kMaxSentenceBytes = 64 << 10;

std::string Dump(const json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string ReasonOf(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed";
    case 408: return "request timeout";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    case 431: return "request header fields too large";
    case 503: return "service unavailable";
    default: return status >= 500 ? "internal error" : "error";
  }
}

void SetError(httplib::Response& res, int status, const std::string& message,
              json extra = nullptr) {
  json err = {{"status", status}, {"message", message}};
  if (extra.is_object()) err.update(extra);
  res.status = status;
  res.set_content(Dump(json{{"error", std::move(err)}}), kJson);
}

int HttpStatusOf(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    default:
      return 500;
  }
}

// Compares without an early exit, so the time taken does not reveal how
// much of the token matched.
bool SameToken(std::string_view given, std::string_view token) {
  if (token.empty() || given.size() != token.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < token.size(); ++i) {
    diff |= static_cast<unsigned char>(given[i] ^ token[i]);
  }
  return diff == 0;
}

std::string PathPattern(std::string_view path) {
  // The endpoint paths have no regex metacharacters but '/'.
  return std::string(path);
}

}  // namespace

class ApiServer::Impl {
 public:
  Impl(ApiServerOptions options, const EventCoder& coder,
       std::unique_ptr<EventStore> writer)
      : options_(std::move(options)),
        coder_(coder),
        writer_(std::move(writer)),
        pool_(options_.db_path),
        events_(&coder.cameo()),
        documents_(coder, events_),
        ingest_(coder, writer_.get()),
        relations_(options_.db_path),
        files_(options_.web_root),
        cache_(options_.cache_bytes) {}

  Status Bind() {
    const int threads = options_.threads > 0 ? options_.threads : 64;
    server_.new_task_queue = [threads] {
      return new httplib::ThreadPool(static_cast<size_t>(threads));
    };
    server_.set_payload_max_length(options_.max_body);
    server_.set_keep_alive_max_count(1000);
    // Headers and body are separate writes: without TCP_NODELAY, Nagle's
    // algorithm and the client's delayed ACK stall each response ~40 ms.
    server_.set_tcp_nodelay(true);
    Routes();
    if (options_.port == 0) {
      port_ = server_.bind_to_any_port(options_.bind);
      if (port_ < 0) port_ = 0;
    } else if (server_.bind_to_port(options_.bind, options_.port)) {
      port_ = options_.port;
    }
    if (port_ <= 0) {
      return IoError("cannot listen on " + options_.bind + ":" +
                     std::to_string(options_.port));
    }
    return Status::Ok();
  }

  int port() const { return port_; }

  Status Run() {
    running_ = true;
    bool ok = stop_requested_ ? true : server_.listen_after_bind();
    running_ = false;
    if (!ok) return IoError("the server stopped on a socket error");
    return Status::Ok();
  }

  void Stop() {
    stop_requested_ = true;
    // listen_after_bind() may not have started accepting yet: wait for it,
    // or stop() would find nothing to stop.
    while (running_ && !server_.is_running()) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    server_.stop();
  }

 private:
  using JsonHandler = std::function<Result<json>(const httplib::Request&,
                                                 ReadConnection&)>;

  // Runs `fn` with a pooled read connection and writes its JSON or error.
  void Serve(const httplib::Request& req, httplib::Response& res,
             const JsonHandler& fn) {
    auto lease = pool_.Acquire();
    if (!lease.ok()) {
      Fail(res, lease.status());
      return;
    }
    ReadConnection& conn = **lease;
    // Any commit since the last request makes every cached response stale;
    // the generation is read before this request's snapshot starts.
    Status watched = WatchStore();
    if (!watched.ok()) {
      Fail(res, watched);
      return;
    }
    const uint64_t generation = cache_.generation();
    std::string key = req.path;
    for (const auto& [name, value] : req.params) {
      key += '\0';
      key += name;
      key += '\0';
      key += value;
    }
    if (auto hit = cache_.Find(generation, key)) {
      res.set_content(*hit, kJson);
      return;
    }
    std::optional<ResponseCache::Computing> computing;
    if (cache_.enabled()) computing.emplace(&cache_, key);
    if (auto hit = cache_.Find(generation, key)) {  // computed meanwhile
      res.set_content(*hit, kJson);
      return;
    }
    // One snapshot per request: a count and its page, or a document and its
    // events, agree even while an ingest commits between the queries.
    Status snap = conn.BeginSnapshot();
    if (!snap.ok()) {
      Fail(res, snap);
      return;
    }
    struct EndSnapshot {
      ReadConnection* c;
      ~EndSnapshot() { c->EndSnapshot(); }
    } end{&conn};
    Result<json> out = fn(req, conn);
    if (!out.ok()) {
      Fail(res, out.status());
      return;
    }
    auto body = std::make_shared<const std::string>(Dump(*out));
    res.set_content(*body, kJson);
    cache_.Put(generation, key, std::move(body));
  }

  // Bumps the cache's generation when anything committed to the store since
  // the previous call (one connection watches for every request, so no
  // commit goes unnoticed however requests spread over the pool).
  Status WatchStore() {
    std::lock_guard<std::mutex> lock(watch_mu_);
    if (watcher_ == nullptr) {
      DYAD_ASSIGN_OR_RETURN(watcher_, ReadConnection::Open(options_.db_path));
      DYAD_RETURN_IF_ERROR(watcher_->DataVersionChanged().status());
      return Status::Ok();  // the cache is empty: nothing can be stale
    }
    DYAD_ASSIGN_OR_RETURN(bool changed, watcher_->DataVersionChanged());
    if (changed) cache_.Bump();
    return Status::Ok();
  }

  void Fail(httplib::Response& res, const Status& s) {
    int status = HttpStatusOf(s);
    if (status >= 500) {
      std::fprintf(stderr, "dyad serve: %s\n", s.ToString().c_str());
    }
    SetError(res, status, s.message());
  }

  static RequestParams Params(const httplib::Request& req) {
    return RequestParams(
        std::multimap<std::string, std::string>(req.params.begin(),
                                                req.params.end()));
  }

  void Get(std::string_view path, JsonHandler fn) {
    server_.Get(PathPattern(path),
                [this, fn = std::move(fn)](const httplib::Request& req,
                                           httplib::Response& res) {
                  Serve(req, res, fn);
                });
  }

  void Routes() {
    Get("/api/health", [](const httplib::Request& req,
                          ReadConnection& conn) -> Result<json> {
      DYAD_RETURN_IF_ERROR(Params(req).Check({}));
      DYAD_ASSIGN_OR_RETURN(int version, ReadSchemaVersion(conn));
      return json{{"status", "ok"}, {"schema_version", version}};
    });
    Get("/api/stats", [](const httplib::Request& req,
                         ReadConnection& conn) -> Result<json> {
      DYAD_RETURN_IF_ERROR(Params(req).Check({}));
      return ReadStoreStats(conn);
    });
    Get("/api/events", [this](const httplib::Request& req,
                              ReadConnection& conn) -> Result<json> {
      DYAD_ASSIGN_OR_RETURN(EventFilter f, ParseEventFilter(Params(req)));
      return events_.Search(conn, f);
    });
    Get("/api/dyads", [this](const httplib::Request& req,
                             ReadConnection& conn) -> Result<json> {
      return Dyads(Params(req), conn);
    });
    Get("/api/network", [](const httplib::Request& req,
                           ReadConnection& conn) -> Result<json> {
      RequestParams p = Params(req);
      DYAD_RETURN_IF_ERROR(p.Check({"from", "to", "min_events", "limit"}));
      DYAD_ASSIGN_OR_RETURN(Day from, p.Date("from"));
      DYAD_ASSIGN_OR_RETURN(Day to, p.Date("to"));
      DYAD_ASSIGN_OR_RETURN(int64_t min_events,
                            p.Int("min_events", 1, 1, 1'000'000'000));
      DYAD_ASSIGN_OR_RETURN(int64_t limit, p.Int("limit", 200, 1, 5000));
      DYAD_ASSIGN_OR_RETURN(std::vector<DyadTotal> totals,
                            ReadDyadTotals(conn, from, to, min_events));
      return NetworkJson(totals, static_cast<size_t>(limit));
    });
    Get("/api/relations", [this](const httplib::Request& req,
                                 ReadConnection& conn) -> Result<json> {
      return relations_.Relations(Params(req));
    });
    Get("/api/partners", [this](const httplib::Request& req,
                                ReadConnection& conn) -> Result<json> {
      return relations_.Partners(Params(req));
    });
    server_.Get(R"(/api/documents/(.+))", [this](const httplib::Request& req,
                                                 httplib::Response& res) {
      Serve(req, res, [this](const httplib::Request& r,
                             ReadConnection& conn) -> Result<json> {
        DYAD_RETURN_IF_ERROR(Params(r).Check({}));
        return documents_.Read(conn, r.matches[1].str());
      });
    });
    server_.Post("/api/explain", [this](const httplib::Request& req,
                                        httplib::Response& res) {
      Result<json> out = Explain(req.body);
      if (!out.ok()) {
        Fail(res, out.status());
        return;
      }
      res.set_content(Dump(*out), kJson);
    });
    server_.Post("/api/ingest", [this](const httplib::Request& req,
                                       httplib::Response& res) {
      Ingest(req, res);
    });
    // Known paths with the wrong method, unknown API paths, static files.
    server_.Get(R"(/api(/.*)?)", [this](const httplib::Request& req,
                                        httplib::Response& res) {
      NotFoundOrWrongMethod(req, res);
    });
    auto wrong = [this](const httplib::Request& req, httplib::Response& res) {
      NotFoundOrWrongMethod(req, res);
    };
    server_.Post(".*", httplib::Server::Handler(wrong));
    server_.Put(".*", httplib::Server::Handler(wrong));
    server_.Patch(".*", httplib::Server::Handler(wrong));
    server_.Delete(".*", httplib::Server::Handler(wrong));
    server_.Options(".*", wrong);
    server_.Get(".*", [this](const httplib::Request& req,
                             httplib::Response& res) {
      Result<StaticFile> file = files_.Resolve(req.path);
      if (!file.ok()) {
        SetError(res, 404, file.status().message());
        return;
      }
      // Vite names the built assets by their content hash: they never
      // change under a name. index.html and the rest are revalidated.
      res.set_header("Cache-Control", req.path.starts_with("/assets/")
                                          ? "public, max-age=31536000, immutable"
                                          : "no-cache");
      res.set_content(std::move(file->content), file->mime_type);
    });
    server_.set_error_handler([](const httplib::Request& req,
                                 httplib::Response& res) {
      // Errors the library raised itself (413, 400 on a bad request line).
      if (res.body.empty()) {
        SetError(res, res.status, ReasonOf(res.status));
      }
    });
    server_.set_exception_handler([](const httplib::Request& req,
                                     httplib::Response& res,
                                     std::exception_ptr ep) {
      std::string what = "internal error";
      try {
        std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      std::fprintf(stderr, "dyad serve: %s %s: %s\n", req.method.c_str(),
                   req.path.c_str(), what.c_str());
      SetError(res, 500, what);
    });
  }

  void NotFoundOrWrongMethod(const httplib::Request& req,
                             httplib::Response& res) {
    auto known = [&](std::span<const std::string_view> paths) {
      for (std::string_view p : paths) {
        if (req.path == p) return true;
      }
      return false;
    };
    if (known(kGetEndpoints) ||
        (req.path.rfind("/api/documents/", 0) == 0 && req.path.size() > 15)) {
      res.set_header("Allow", "GET");
      SetError(res, 405, req.method + " not allowed on " + req.path +
                             " (use GET)");
    } else if (known(kPostEndpoints)) {
      res.set_header("Allow", "POST");
      SetError(res, 405, req.method + " not allowed on " + req.path +
                             " (use POST)");
    } else if (req.path.rfind("/api/", 0) == 0 || req.path == "/api") {
      SetError(res, 404, "no API endpoint " + req.path + " (see doc/http_api.md)");
    } else {
      res.set_header("Allow", "GET");
      SetError(res, 405, req.method + " not allowed on " + req.path);
    }
  }

  Result<json> Dyads(const RequestParams& p, ReadConnection& conn) {
    DYAD_RETURN_IF_ERROR(
        p.Check({"from", "to", "sort", "limit", "min_events", "by"}));
    DYAD_ASSIGN_OR_RETURN(Day from, p.Date("from"));
    DYAD_ASSIGN_OR_RETURN(Day to, p.Date("to"));
    DYAD_ASSIGN_OR_RETURN(std::string sort,
                          p.Choice("sort", "volume", {"volume", "shift"}));
    DYAD_ASSIGN_OR_RETURN(int64_t limit, p.Int("limit", 50, 1, 1000));
    DYAD_ASSIGN_OR_RETURN(int64_t min_events,
                          p.Int("min_events", 1, 1, 1'000'000'000));
    if (sort == "shift") {
      return relations_.ShiftedDyads(p, from, to, limit, min_events, conn);
    }
    if (p.Get("by")) {
      return InvalidArgumentError("parameter 'by': only with sort=shift");
    }
    DYAD_ASSIGN_OR_RETURN(std::vector<DyadTotal> totals,
                          ReadDyadTotals(conn, from, to, min_events));
    json dyads = json::array();
    for (size_t i = 0; i < totals.size() && i < static_cast<size_t>(limit);
         ++i) {
      const DyadTotal& d = totals[i];
      dyads.push_back({{"a", d.a},
                       {"b", d.b},
                       {"events", d.events},
                       {"mentions", d.mentions},
                       {"goldstein_mean", d.goldstein_mean},
                       {"index", d.index},
                       {"delta", nullptr}});
    }
    return json{{"dyads", std::move(dyads)}};
  }

  Result<json> Explain(const std::string& body) {
    json in = json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (in.is_discarded() || !in.is_object()) {
      return InvalidArgumentError(
          "body: expected a JSON object {\"sentence\": \"...\", \"date\": "
          "\"YYYY-MM-DD\"}");
    }
    for (const auto& [key, value] : in.items()) {
      if (key != "sentence" && key != "date") {
        return InvalidArgumentError("body: unknown field '" + key + "'");
      }
    }
    if (!in.contains("sentence") || !in["sentence"].is_string() ||
        in["sentence"].get_ref<const std::string&>().empty()) {
      return InvalidArgumentError("body: field 'sentence' must be a non-empty "
                                  "string");
    }
    Document doc;
    doc.id = "explain";
    doc.text = in["sentence"].get<std::string>();
    if (doc.text.size() > kMaxSentenceBytes) {
      return InvalidArgumentError("body: field 'sentence' longer than " +
                                  std::to_string(kMaxSentenceBytes) + " bytes");
    }
    if (in.contains("date") && !in["date"].is_null()) {
      if (!in["date"].is_string() ||
          !ParseIsoDay(in["date"].get_ref<const std::string&>()).ok()) {
        return InvalidArgumentError("body: field 'date' must be YYYY-MM-DD");
      }
      doc.date = in["date"].get<std::string>();
    }
    CodedDocument coded;
    coder_.Code(doc, &coded, /*trace=*/true);
    json events = json::array();
    for (const Event& e : coded.events) {
      events.push_back(EventToJson(e, doc, coder_.cameo()));
    }
    return json{{"events", std::move(events)},
                {"explanation", ExplainCoding(doc, coded, coder_)}};
  }

  void Ingest(const httplib::Request& req, httplib::Response& res) {
    if (options_.token.empty()) {
      SetError(res, 403,
               "ingestion is disabled: start dyad serve with --token or "
               "DYAD_TOKEN");
      return;
    }
    std::string auth = req.get_header_value("Authorization");
    constexpr std::string_view kBearer = "Bearer ";
    if (auth.rfind(kBearer, 0) != 0 ||
        !SameToken(std::string_view(auth).substr(kBearer.size()),
                   options_.token)) {
      res.set_header("WWW-Authenticate", "Bearer");
      SetError(res, 401,
               auth.empty() ? "missing Authorization: Bearer token"
                            : "wrong token");
      return;
    }
    Result<json> out = ingest_.Ingest(req.body);
    if (!out.ok()) {
      Fail(res, out.status());
      return;
    }
    res.set_content(Dump(*out), kJson);
  }

  ApiServerOptions options_;
  const EventCoder& coder_;
  std::unique_ptr<EventStore> writer_;
  ReadConnectionPool pool_;
  EventSearch events_;
  DocumentView documents_;
  DocumentIngest ingest_;
  RelationsApi relations_;
  StaticFiles files_;
  ResponseCache cache_;
  std::mutex watch_mu_;
  std::unique_ptr<ReadConnection> watcher_;  // guarded by watch_mu_
  httplib::Server server_;
  int port_ = 0;
  std::atomic<bool> running_{false};
  std::atomic<bool> stop_requested_{false};
};

Result<std::unique_ptr<ApiServer>> ApiServer::Create(ApiServerOptions options,
                                                     const EventCoder& coder) {
  // The writer opens first: it creates the file, migrates it and turns WAL
  // on, so the read-only connections find the current schema.
  DYAD_ASSIGN_OR_RETURN(std::unique_ptr<EventStore> writer,
                        EventStore::Open(options.db_path, &coder.cameo()));
  auto impl = std::make_unique<Impl>(std::move(options), coder,
                                     std::move(writer));
  DYAD_RETURN_IF_ERROR(impl->Bind());
  return std::unique_ptr<ApiServer>(new ApiServer(std::move(impl)));
}

ApiServer::ApiServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ApiServer::~ApiServer() = default;
int ApiServer::port() const { return impl_->port(); }
Status ApiServer::Run() { return impl_->Run(); }
void ApiServer::Stop() { impl_->Stop(); }

}  // namespace dyad
