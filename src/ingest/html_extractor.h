// HtmlExtractor: the article inside a news web page, without the page.
//
// Finds title, byline, publication date, canonical URL and original source
// in meta tags and markup, picks the element holding the article body
// (itemprop=articleBody / content classes, then <article>, then <main>, else
// the block with the most paragraph text) and turns it into paragraphs,
// dropping navigation, scripts, share buttons, comment forms, author bios
// and similar boilerplate.
#ifndef DYAD_INGEST_HTML_EXTRACTOR_H_
#define DYAD_INGEST_HTML_EXTRACTOR_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad {

struct HtmlArticle {
  std::string title;
  std::string byline;  // without a leading "By "
  std::string date;    // as written in the page (not normalised); "" if none
  std::string url;     // canonical link, else og:url
  std::string source;  // "Original Source:"/"Source:" line, else og:site_name
  std::string text;    // paragraphs separated by "\n\n"
  // Other <meta name|property=... content=...> pairs, in page order.
  std::vector<std::pair<std::string, std::string>> metadata;
};

// Extracts the article from `html` (UTF-8; entities are decoded). Never
// fails: a page without article text yields an empty `text`. Thread-safe.
HtmlArticle ExtractHtmlArticle(std::string_view html);

}  // namespace dyad

#endif  // DYAD_INGEST_HTML_EXTRACTOR_H_
