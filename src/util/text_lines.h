// Line-by-line reading of an in-memory text, for dictionary and table files.
#ifndef DYAD_UTIL_TEXT_LINES_H_
#define DYAD_UTIL_TEXT_LINES_H_

#include <string_view>

namespace dyad {

// Iterates over the lines of `text` (which must outlive it):
//   TextLines lines(text);
//   std::string_view line;
//   while (lines.Next(&line)) { ... lines.number() ... }
// Lines come without their '\n' and without a trailing '\r'. Not
// thread-safe; cheap to create.
class TextLines {
 public:
  explicit TextLines(std::string_view text) : text_(text) {}

  // Sets *line to the next line and returns true, or returns false at the end.
  bool Next(std::string_view* line) {
    if (pos_ >= text_.size()) return false;
    size_t nl = text_.find('\n', pos_);
    if (nl == std::string_view::npos) nl = text_.size();
    *line = text_.substr(pos_, nl - pos_);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    pos_ = nl + 1;
    ++number_;
    return true;
  }

  // 1-based number of the line last returned by Next().
  int number() const { return number_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int number_ = 0;
};

// `s` without leading and trailing spaces, tabs and carriage returns.
inline std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' ||
                        s.front() == '\r')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace dyad

#endif  // DYAD_UTIL_TEXT_LINES_H_
