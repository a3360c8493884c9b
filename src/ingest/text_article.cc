#include "ingest/text_article.h"

#include "ingest/text_checks.h"

namespace dyad {
namespace {

// Splits "Key: value"; the key is letters, digits, '-', '_' or inner spaces.
bool SplitKeyLine(std::string_view line, std::string* key,
                  std::string* value) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 40) {
    return false;
  }
  std::string_view k = line.substr(0, colon);
  if (k.front() == ' ' || k.back() == ' ') return false;
  for (char c : k) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '-' || c == '_' || c == ' ';
    if (!ok) return false;
  }
  *key = AsciiLower(k);
  *value = std::string(TrimAscii(line.substr(colon + 1)));
  return true;
}

bool IsKnownKey(const std::string& key) {
  return key == "title" || key == "date" || key == "source" || key == "url" ||
         key == "byline" || key == "id";
}

std::string_view NextLineOf(std::string_view* rest) {
  size_t nl = rest->find('\n');
  std::string_view line = rest->substr(0, nl);
  rest->remove_prefix(nl == std::string_view::npos ? rest->size() : nl + 1);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

std::string NormalizeParagraphs(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_break = false;  // a blank line since the last text line
  bool any = false;
  while (!text.empty()) {
    std::string_view line = NextLineOf(&text);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' ||
                             line.back() == '\r' || line.back() == '\f')) {
      line.remove_suffix(1);
    }
    if (IsBlank(line)) {
      pending_break = any;
      continue;
    }
    if (any) out += pending_break ? "\n\n" : "\n";
    out.append(line);
    any = true;
    pending_break = false;
  }
  return out;
}

TextArticle ParseTextArticle(std::string_view content) {
  TextArticle article;
  if (content.substr(0, 3) == "\xEF\xBB\xBF") content.remove_prefix(3);
  std::string_view rest = content;
  std::string key, value;
  std::string_view probe = rest;
  std::string_view first = NextLineOf(&probe);
  if (SplitKeyLine(first, &key, &value) && IsKnownKey(key)) {
    while (!rest.empty()) {
      std::string_view before = rest;
      std::string_view line = NextLineOf(&rest);
      if (IsBlank(line)) break;
      if (!SplitKeyLine(line, &key, &value)) {
        rest = before;  // not a header line: the body starts here
        break;
      }
      if (key == "title") {
        article.title = value;
      } else if (key == "date") {
        article.date = value;
      } else if (key == "source") {
        article.source = value;
      } else if (key == "url") {
        article.url = value;
      } else if (key == "byline") {
        article.byline = value;
      } else if (key == "id") {
        article.id = value;
      } else {
        article.metadata.emplace_back(key, value);
      }
    }
  }
  article.body = NormalizeParagraphs(rest);
  return article;
}

}  // namespace dyad
