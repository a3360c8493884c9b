// ApiServer: dyad's HTTP API (doc/http_api.md) and the dashboard's static
// files, over one SQLite store.
//
// Reads go through read-only connections, one per request being served
// (ReadConnectionPool), so they proceed while POST /api/ingest writes (WAL).
// Writes go through the server's single EventStore, one request at a time.
// Every response is JSON except static files; errors are
// {"error":{"status":N,"message":"..."}} with the HTTP status N.
#ifndef DYAD_SERVER_API_SERVER_H_
#define DYAD_SERVER_API_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "coder/event_coder.h"
#include "util/status.h"

namespace dyad {

struct ApiServerOptions {
  std::string db_path = "dyad.db";  // created (empty) if missing
  std::string bind = "127.0.0.1";
  int port = 8080;                  // 0: any free port (see ApiServer::port)
  // Bearer token for POST /api/ingest; empty disables ingestion (403).
  std::string token;
  std::string web_root;             // dashboard files; "" = none
  // Worker threads. A keep-alive connection holds its thread while open, so
  // this bounds the concurrent clients served without queueing.
  int threads = 64;
  size_t max_body = 8u << 20;       // request body limit in bytes (413 above)
  // GET responses kept until the store changes (ResponseCache); 0: none.
  size_t cache_bytes = 64u << 20;
};

class ApiServer {
 public:
  // Opens (creating and migrating if needed) the store and binds the
  // socket. `coder` must outlive the server. IoError naming the store or
  // the address on failure.
  static Result<std::unique_ptr<ApiServer>> Create(ApiServerOptions options,
                                                   const EventCoder& coder);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // The bound port (the chosen one when options.port was 0).
  int port() const;

  // Serves until Stop(); returns an error if the server could not run.
  Status Run();

  // Makes Run() return after the requests in flight. Thread-safe; may be
  // called before Run() starts serving.
  void Stop();

 private:
  class Impl;
  explicit ApiServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace dyad

#endif  // DYAD_SERVER_API_SERVER_H_
