// Document: one news article as read from any input format.
#ifndef DYAD_INGEST_DOCUMENT_H_
#define DYAD_INGEST_DOCUMENT_H_

#include <string>
#include <utility>
#include <vector>

namespace dyad {

// A plain value passed between stages. `text` is the one owned buffer that
// later stages point into with byte offsets and string_views: it must not be
// modified once annotation starts. Valid UTF-8 (readers guarantee it).
struct Document {
  std::string id;      // unique within a corpus; readers synthesise one if absent
  std::string date;    // publication date "YYYY-MM-DD", or "" when unknown
  std::string title;
  std::string text;    // article body; paragraphs separated by "\n\n"
  std::string url;
  std::string source;  // outlet or original source ("Reuters", "KCNA", a URL)
  std::string byline;
  // Other fields found in the input (JSON keys, HTML meta tags), in input order.
  std::vector<std::pair<std::string, std::string>> metadata;
  // Where the document came from, for error messages: "file.jsonl:17".
  std::string origin;
};

}  // namespace dyad

#endif  // DYAD_INGEST_DOCUMENT_H_
