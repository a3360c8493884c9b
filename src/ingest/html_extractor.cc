#include "ingest/html_extractor.h"

#include <gumbo.h>

#include <array>
#include <map>
#include <unordered_map>

#include "ingest/text_checks.h"

namespace dyad {
namespace {

// Class/id fragments that mark page furniture rather than article text.
constexpr std::array<std::string_view, 22> kJunkClassParts = {
    "share",     "social",     "comment",    "related",   "newsletter",
    "subscribe", "author-bio", "byline-bio", "cookie",    "breadcrumb",
    "menu",      "sidebar",    "advert",     "byline",    "about-author",
    "author-box", "author-info", "promo",    "popup",     "modal",
    "skip-link", "signup"};

// Short paragraphs starting with these (lower-cased) are boilerplate.
constexpr std::array<std::string_view, 17> kJunkParagraphPrefixes = {
    "required fields are marked",
    "your email address will not be published",
    "share this",
    "click to share",
    "like this:",
    "related posts",
    "related articles",
    "related stories",
    "you may also like",
    "sign up for our newsletter",
    "subscribe to our newsletter",
    "advertisement",
    "posted in ",
    "filed under",
    "tags:",
    "follow us on",
    "read more:"};

// Paragraphs that open a comment section: they and all after them go.
constexpr std::array<std::string_view, 3> kCommentOpeners = {
    "leave a reply", "leave a comment", "post a comment"};

// Meta keys that carry a publication date, best first.
constexpr std::array<std::string_view, 11> kDateMetaKeys = {
    "article:published_time", "og:published_time", "datepublished",
    "date", "pubdate", "publishdate", "publish-date", "dc.date.issued",
    "dc.date", "dcterms.date", "sailthru.date"};

// Meta keys with no value as document metadata.
constexpr std::array<std::string_view, 8> kIgnoredMetaKeys = {
    "viewport", "robots", "generator", "theme-color", "format-detection",
    "referrer", "googlebot", "charset"};

bool IsOneOf(std::string_view s, const auto& list) {
  for (std::string_view x : list) {
    if (s == x) return true;
  }
  return false;
}

const char* Attr(const GumboNode* node, const char* name) {
  const GumboAttribute* a =
      gumbo_get_attribute(&node->v.element.attributes, name);
  return a == nullptr ? nullptr : a->value;
}

std::string LowerAttr(const GumboNode* node, const char* name) {
  const char* v = Attr(node, name);
  return v == nullptr ? std::string() : AsciiLower(v);
}

bool IsElement(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT; }

bool IsJunkTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_MATH:
      return true;
    default:
      return false;
  }
}

bool IsBlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_SUMMARY:
      return true;
    default:
      return false;
  }
}

// Page furniture by class, id, role or visibility (the tag aside).
bool IsJunkByAttributes(const GumboNode* node) {
  if (Attr(node, "hidden") != nullptr) return true;
  std::string style = LowerAttr(node, "style");
  if (style.find("display:none") != std::string::npos ||
      style.find("display: none") != std::string::npos) {
    return true;
  }
  std::string role = LowerAttr(node, "role");
  if (role == "navigation" || role == "complementary" || role == "banner" ||
      role == "contentinfo" || role == "menu" || role == "dialog") {
    return true;
  }
  std::string names = LowerAttr(node, "class") + " " + LowerAttr(node, "id");
  if (names.size() <= 1) return false;
  for (std::string_view part : kJunkClassParts) {
    if (names.find(part) != std::string::npos) return true;
  }
  return false;
}

bool IsJunk(const GumboNode* node) {
  return IsJunkTag(node->v.element.tag) || IsJunkByAttributes(node);
}

// Accumulates text into paragraphs, collapsing whitespace (NBSP included).
class ParagraphBuilder {
 public:
  void Append(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space_ = true;
        continue;
      }
      if (c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
        space_ = true;
        ++i;
        continue;
      }
      if (space_ && !current_.empty()) current_ += ' ';
      space_ = false;
      current_ += c;
    }
  }
  void Break() {
    if (!current_.empty()) paragraphs_.push_back(std::move(current_));
    current_.clear();
    space_ = false;
  }
  std::vector<std::string> Finish() {
    Break();
    return std::move(paragraphs_);
  }

 private:
  std::string current_;
  bool space_ = false;
  std::vector<std::string> paragraphs_;
};

void CollectText(const GumboNode* node, bool is_root, bool drop_junk,
                 ParagraphBuilder* out) {
  switch (node->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_WHITESPACE:
    case GUMBO_NODE_CDATA:
      out->Append(node->v.text.text);
      return;
    case GUMBO_NODE_ELEMENT:
    case GUMBO_NODE_TEMPLATE:
      break;
    default:
      return;
  }
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return;
  if (!is_root && drop_junk && IsJunk(node)) return;
  if (tag == GUMBO_TAG_BR) {
    out->Break();
    return;
  }
  bool block = IsBlockTag(tag);
  if (block) out->Break();
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    CollectText(static_cast<const GumboNode*>(children.data[i]), false,
                drop_junk, out);
  }
  if (block) out->Break();
}

// All text under `node` on one line.
std::string InnerText(const GumboNode* node) {
  ParagraphBuilder b;
  CollectText(node, true, /*drop_junk=*/false, &b);
  std::string joined;
  for (const std::string& p : b.Finish()) {
    if (!joined.empty()) joined += ' ';
    joined += p;
  }
  return joined;
}

size_t TotalSize(const std::vector<std::string>& paragraphs) {
  size_t n = 0;
  for (const auto& p : paragraphs) n += p.size();
  return n;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string StripBy(std::string s) {
  std::string lower = AsciiLower(s.substr(0, 3));
  if (lower == "by " || lower == "by:") s = std::string(TrimAscii(s.substr(3)));
  return s;
}

// What one pass over the whole page finds.
struct PageScan {
  std::string og_title, title_tag, first_h1;
  std::string canonical, og_url, site_name;
  std::string meta_author, element_author;
  std::map<size_t, std::string> dates;  // priority -> date text
  std::string itemprop_date, time_date;
  std::vector<std::pair<std::string, std::string>> metadata;
  // Body candidates by tier: 0 articleBody/content class, 1 article, 2 main.
  std::array<std::vector<const GumboNode*>, 3> candidates;
  // Paragraph text per parent element, for the densest-block fallback.
  std::unordered_map<const GumboNode*, size_t> p_score;
  const GumboNode* body = nullptr;
};

void ScanMeta(const GumboNode* node, PageScan* scan) {
  std::string key = LowerAttr(node, "property");
  if (key.empty()) key = LowerAttr(node, "name");
  if (key.empty()) key = LowerAttr(node, "itemprop");
  const char* content_attr = Attr(node, "content");
  if (key.empty() || content_attr == nullptr) return;
  std::string content(TrimAscii(content_attr));
  if (content.empty()) return;
  for (size_t i = 0; i < kDateMetaKeys.size(); ++i) {
    if (key == kDateMetaKeys[i]) {
      scan->dates.emplace(i, content);
      return;
    }
  }
  if (key == "og:title") {
    if (scan->og_title.empty()) scan->og_title = content;
  } else if (key == "og:url") {
    if (scan->og_url.empty()) scan->og_url = content;
  } else if (key == "og:site_name") {
    if (scan->site_name.empty()) scan->site_name = content;
  } else if (key == "author" || key == "article:author") {
    // article:author is often a profile URL, which is no byline.
    if (scan->meta_author.empty() && !StartsWith(content, "http")) {
      scan->meta_author = content;
    }
  } else if (!IsOneOf(key, kIgnoredMetaKeys)) {
    scan->metadata.emplace_back(key, content);
  }
}

void Scan(const GumboNode* node, bool in_junk, PageScan* scan) {
  if (!IsElement(node) && node->type != GUMBO_NODE_TEMPLATE) return;
  GumboTag tag = node->v.element.tag;
  if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return;
  bool junk = in_junk || IsJunk(node);
  std::string itemprop = LowerAttr(node, "itemprop");
  switch (tag) {
    case GUMBO_TAG_META:
      ScanMeta(node, scan);
      return;
    case GUMBO_TAG_LINK:
      if (scan->canonical.empty() && LowerAttr(node, "rel") == "canonical" &&
          Attr(node, "href") != nullptr) {
        scan->canonical = TrimAscii(Attr(node, "href"));
      }
      return;
    case GUMBO_TAG_TITLE:
      if (scan->title_tag.empty()) scan->title_tag = InnerText(node);
      return;
    case GUMBO_TAG_H1:
      if (scan->first_h1.empty()) scan->first_h1 = InnerText(node);
      break;
    case GUMBO_TAG_TIME:
      if (scan->time_date.empty() && Attr(node, "datetime") != nullptr) {
        scan->time_date = Attr(node, "datetime");
      }
      break;
    case GUMBO_TAG_BODY:
      scan->body = node;
      break;
    default:
      break;
  }
  if (itemprop == "datepublished" && scan->itemprop_date.empty()) {
    const char* v = Attr(node, "datetime");
    if (v == nullptr) v = Attr(node, "content");
    scan->itemprop_date = v != nullptr ? std::string(v) : InnerText(node);
  }
  // A byline element: rel=author, or class/id/itemprop naming the author,
  // but not an author bio or a commenter.
  if (scan->element_author.empty()) {
    std::string names = LowerAttr(node, "class") + " " + LowerAttr(node, "id") +
                        " " + itemprop + " " + LowerAttr(node, "rel");
    bool authorish = names.find("author") != std::string::npos ||
                     names.find("byline") != std::string::npos;
    if (authorish && names.find("bio") == std::string::npos &&
        names.find("comment") == std::string::npos) {
      std::string text = StripBy(InnerText(node));
      if (!text.empty() && text.size() <= 100) scan->element_author = text;
    }
  }
  if (!junk) {
    std::string cls = LowerAttr(node, "class");
    if (itemprop == "articlebody" ||
        cls.find("entry-content") != std::string::npos ||
        cls.find("article-body") != std::string::npos ||
        cls.find("article-content") != std::string::npos ||
        cls.find("post-content") != std::string::npos ||
        cls.find("story-body") != std::string::npos) {
      scan->candidates[0].push_back(node);
    } else if (tag == GUMBO_TAG_ARTICLE) {
      scan->candidates[1].push_back(node);
    } else if (tag == GUMBO_TAG_MAIN || LowerAttr(node, "role") == "main") {
      scan->candidates[2].push_back(node);
    }
    if (tag == GUMBO_TAG_P && node->parent != nullptr) {
      scan->p_score[node->parent] += InnerText(node).size();
    }
  }
  const GumboVector& children = node->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    Scan(static_cast<const GumboNode*>(children.data[i]), junk, scan);
  }
}

std::vector<std::string> BodyParagraphs(const GumboNode* root) {
  ParagraphBuilder b;
  CollectText(root, true, /*drop_junk=*/true, &b);
  return b.Finish();
}

std::vector<std::string> ChooseBody(const PageScan& scan) {
  for (const auto& tier : scan.candidates) {
    std::vector<std::string> best;
    for (const GumboNode* node : tier) {
      std::vector<std::string> paragraphs = BodyParagraphs(node);
      if (TotalSize(paragraphs) > TotalSize(best)) best = std::move(paragraphs);
    }
    if (!best.empty()) return best;
  }
  const GumboNode* densest = nullptr;
  size_t best_score = 0;
  for (const auto& [node, score] : scan.p_score) {
    // Ties broken by position so the result does not depend on hashing.
    if (score > best_score ||
        (score == best_score && densest != nullptr &&
         node->index_within_parent < densest->index_within_parent)) {
      densest = node;
      best_score = score;
    }
  }
  if (densest != nullptr) return BodyParagraphs(densest);
  if (scan.body != nullptr) return BodyParagraphs(scan.body);
  return {};
}

}  // namespace

HtmlArticle ExtractHtmlArticle(std::string_view html) {
  HtmlArticle article;
  GumboOutput* output = gumbo_parse_with_options(
      &kGumboDefaultOptions, html.data(), html.size());
  PageScan scan;
  Scan(output->root, false, &scan);
  std::vector<std::string> paragraphs = ChooseBody(scan);

  std::string source_line, original_source_line;
  std::string text;
  for (const std::string& p : paragraphs) {
    if (p.size() < 300) {
      std::string lower = AsciiLower(p);
      bool opener = false;
      for (std::string_view o : kCommentOpeners) opener |= StartsWith(lower, o);
      if (opener) break;
      bool junk = false;
      for (std::string_view j : kJunkParagraphPrefixes) junk |= StartsWith(lower, j);
      if (junk || lower == "by" || lower == "comments") continue;
      if (StartsWith(lower, "original source:")) {
        if (original_source_line.empty()) {
          original_source_line = TrimAscii(std::string_view(p).substr(16));
        }
        continue;
      }
      if (StartsWith(lower, "source:") && p.size() < 200) {
        if (source_line.empty()) {
          source_line = TrimAscii(std::string_view(p).substr(7));
        }
        continue;
      }
    }
    if (!text.empty()) text += "\n\n";
    text += p;
  }
  article.text = std::move(text);

  if (!scan.og_title.empty()) {
    article.title = scan.og_title;
  } else if (!scan.title_tag.empty()) {
    article.title = scan.title_tag;
  } else {
    article.title = scan.first_h1;
  }
  article.byline =
      StripBy(!scan.meta_author.empty() ? scan.meta_author : scan.element_author);
  if (!scan.dates.empty()) {
    article.date = scan.dates.begin()->second;
  } else if (!scan.itemprop_date.empty()) {
    article.date = scan.itemprop_date;
  } else {
    article.date = scan.time_date;
  }
  article.date = std::string(TrimAscii(article.date));
  article.url = !scan.canonical.empty() ? scan.canonical : scan.og_url;
  if (!original_source_line.empty()) {
    article.source = original_source_line;
  } else if (!source_line.empty()) {
    article.source = source_line;
  } else {
    article.source = scan.site_name;
  }
  article.metadata = std::move(scan.metadata);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return article;
}

}  // namespace dyad
