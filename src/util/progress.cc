#include "util/progress.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>

#include <fmt/core.h>

namespace dyad {

Progress::Progress(ProgressOptions options)
    : options_(std::move(options)),
      tty_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() { Finish(); }

void Progress::Update(int64_t documents, int64_t sentences, int64_t bytes) {
  documents_ = documents;
  sentences_ = sentences;
  bytes_ = bytes;
  if (!options_.enabled) return;
  auto now = std::chrono::steady_clock::now();
  double since = std::chrono::duration<double>(now - last_).count();
  double interval = tty_ ? 0.2 : options_.line_interval_seconds;
  if (since >= interval) {
    last_ = now;
    Print(false);
  }
}

void Progress::Finish() {
  if (finished_) return;
  finished_ = true;
  if (options_.enabled && documents_ > 0) Print(true);
}

void Progress::Print(bool final) {
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                              start_)
                    .count();
  double rate = secs > 0 ? sentences_ / secs : 0;
  std::string line = fmt::format(
      "{}: {} documents, {} sentences, {:.1f} MB, {:.0f} sentences/s, {:.1f} s",
      options_.label, documents_, sentences_, bytes_ / 1e6, rate, secs);
  if (tty_) {
    // A spinner-style bar: the total is unknown when streaming.
    static constexpr const char* kSpin = "|/-\\";
    int frame = static_cast<int>(secs * 5) % 4;
    std::fprintf(stderr, "\r\033[K%c %s%s", final ? '=' : kSpin[frame],
                 line.c_str(), final ? "\n" : "");
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fflush(stderr);
}

int64_t PeakRssBytes() {
  struct rusage usage;
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  return static_cast<int64_t>(usage.ru_maxrss) * 1024;
}

}  // namespace dyad
