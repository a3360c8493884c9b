// Progress reporting on stderr for long runs: a bar when stderr is a
// terminal, a line every few seconds otherwise (logs, CI).
#ifndef DYAD_UTIL_PROGRESS_H_
#define DYAD_UTIL_PROGRESS_H_

#include <chrono>
#include <cstdint>
#include <string>

namespace dyad {

struct ProgressOptions {
  bool enabled = true;
  std::string label = "progress";
  double line_interval_seconds = 5.0;  // non-TTY: one line per interval
};

// Not thread-safe: call Update() from the one thread that consumes results.
class Progress {
 public:
  explicit Progress(ProgressOptions options);
  ~Progress();  // prints the final state

  // Records totals so far; prints when due (cheap when not).
  void Update(int64_t documents, int64_t sentences, int64_t bytes);
  // Prints the final summary line now (idempotent).
  void Finish();

 private:
  void Print(bool final);

  ProgressOptions options_;
  bool tty_ = false;
  bool finished_ = false;
  int64_t documents_ = 0, sentences_ = 0, bytes_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

// Peak resident set size of this process, in bytes.
int64_t PeakRssBytes();

}  // namespace dyad

#endif  // DYAD_UTIL_PROGRESS_H_
