// Plain-text articles: an optional "Key: value" header block, then the body.
#ifndef DYAD_INGEST_TEXT_ARTICLE_H_
#define DYAD_INGEST_TEXT_ARTICLE_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad {

struct TextArticle {
  // Header values as written (the date is not yet normalised); "" if absent.
  std::string id, date, title, source, url, byline;
  // Header lines with other keys (key lower-cased), in order.
  std::vector<std::pair<std::string, std::string>> metadata;
  // Paragraphs separated by exactly "\n\n"; lines inside a paragraph keep
  // their single "\n"; trailing spaces trimmed; no leading/trailing blanks.
  std::string body;
};

// Splits `content` (valid UTF-8, "\n" or "\r\n" line ends, optional BOM).
// The header is recognised only when the first line is "Key: value" with a
// known key (title, date, source, url, byline, id; case-insensitive); it
// then runs to the first blank line or first line that is not "Key: value".
TextArticle ParseTextArticle(std::string_view content);

// Normalises paragraph layout as described for TextArticle::body.
std::string NormalizeParagraphs(std::string_view text);

}  // namespace dyad

#endif  // DYAD_INGEST_TEXT_ARTICLE_H_
