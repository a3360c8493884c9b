// `dyad serve`: the HTTP API and the analyst's dashboard over a store.
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "cli/coder_options.h"
#include "cli/command.h"
#include "cli/input_options.h"
#include "server/api_server.h"
#include "util/paths.h"

namespace dyad {
namespace {

// The dashboard's build output: in the source tree (web/dist beside data/)
// or installed (share/dyad/web beside the data). "" when neither exists.
std::string DefaultWebRoot() {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const std::string& dir :
       {DataDir() + "/../web/dist", DataDir() + "/web"}) {
    if (fs::is_regular_file(dir + "/index.html", ec)) return dir;
  }
  return "";
}

class ServeCommand : public Command {
 public:
  explicit ServeCommand(CLI::App* parent) {
    app_ = parent->add_subcommand(
        "serve", "Serve the HTTP API and the dashboard over a store");
    app_->add_option("--db", options_.db_path, "SQLite store (created if missing)")
        ->capture_default_str();
    app_->add_option("--port", options_.port, "TCP port (0: any free port)")
        ->capture_default_str()
        ->check(CLI::Range(0, 65535));
    app_->add_option("--bind", options_.bind, "Address to listen on")
        ->capture_default_str();
    app_->add_option("--token", options_.token,
                     "Bearer token for POST /api/ingest (default: $DYAD_TOKEN; "
                     "none disables ingestion)");
    app_->add_option("--web-root", options_.web_root,
                     "Dashboard files (default: the built or installed "
                     "web/dist)");
    app_->add_option("--threads", options_.threads,
                     "Worker threads: concurrent connections served")
        ->capture_default_str()
        ->check(CLI::Range(1, 4096));
    app_->add_option("--max-body", options_.max_body,
                     "Largest request body in bytes")
        ->capture_default_str()
        ->check(CLI::Range(size_t{1}, size_t{1} << 32));
    app_->add_option("--cache-mb", cache_mb_,
                     "Memory for GET responses reused until the store "
                     "changes (0: no cache)")
        ->capture_default_str()
        ->check(CLI::Range(0, 65536));
    AddCoderOptions(app_, &coder_options_);
  }

  int Run() override {
    if (options_.token.empty()) {
      if (const char* t = std::getenv("DYAD_TOKEN")) options_.token = t;
    }
    if (options_.web_root.empty()) options_.web_root = DefaultWebRoot();
    options_.cache_bytes = static_cast<size_t>(cache_mb_) << 20;
    auto coder = CreateCoderOrReport(coder_options_, "serve");
    if (coder == nullptr) return kExitFailure;
    // Signals go to a waiting thread, which stops the server cleanly; the
    // worker threads inherit the blocked mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    auto server = ApiServer::Create(options_, *coder);
    if (!server.ok()) {
      std::fprintf(stderr, "dyad serve: %s\n",
                   server.status().ToString().c_str());
      return kExitFailure;
    }
    std::fprintf(stderr,
                 "dyad serve: http://%s:%d/ (store %s, dashboard %s, "
                 "ingestion %s)\n",
                 options_.bind.c_str(), (*server)->port(),
                 options_.db_path.c_str(),
                 options_.web_root.empty() ? "not built"
                                           : options_.web_root.c_str(),
                 options_.token.empty() ? "off" : "on");
    ApiServer* s = server->get();
    std::thread waiter([&signals, s] {
      int sig = 0;
      sigwait(&signals, &sig);
      s->Stop();
    });
    Status run = s->Run();
    // Wake the waiter if the server stopped on its own.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    if (!run.ok()) {
      std::fprintf(stderr, "dyad serve: %s\n", run.ToString().c_str());
      return kExitFailure;
    }
    return kExitOk;
  }

 private:
  ApiServerOptions options_;
  int cache_mb_ = 64;
  CoderCliOptions coder_options_;
};

}  // namespace

std::unique_ptr<Command> MakeServeCommand(CLI::App* parent) {
  return std::make_unique<ServeCommand>(parent);
}

}  // namespace dyad
