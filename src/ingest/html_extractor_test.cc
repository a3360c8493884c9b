#include "ingest/html_extractor.h"

#include <gtest/gtest.h>

#include <string>

namespace dyad {
namespace {

// A WordPress-style news page with the usual furniture around the article.
constexpr char kNewsPage[] = R"html(<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Talks resume in Geneva &#8211; The Daily Planet</title>
  <meta property="og:title" content="Envoys resume talks in Geneva">
  <meta property="og:site_name" content="The Daily Planet">
  <meta property="og:url" content="https://planet.example/og-url">
  <meta property="article:published_time" content="2024-06-19T10:00:00+00:00">
  <meta name="author" content="Jane Doe">
  <meta name="description" content="Envoys met again.">
  <link rel="canonical" href="https://planet.example/2024/06/19/talks-resume/">
  <link rel="stylesheet" href="/style.css">
  <style>body { font-family: serif; } .share { color: red; }</style>
  <script>var tracking = "Leave no trace"; window.dataLayer = [];</script>
</head>
<body class="post-template single has-sidebar">
  <a class="skip-link" href="#content">Skip to content</a>
  <header class="site-header">
    <nav class="main-navigation"><ul><li><a href="/">Home</a></li>
      <li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
  </header>
  <div class="breadcrumbs"><a href="/">Home</a> &raquo; World</div>
  <main id="content">
    <article class="post">
      <header class="entry-header">
        <h1 class="entry-title">Envoys resume talks in Geneva</h1>
        <p class="byline">By <a rel="author" href="/jane">Jane Doe</a></p>
        <time datetime="2024-06-18">June 18</time>
      </header>
      <div class="share-buttons"><a href="#">Share on Facebook</a>
        <button>Tweet</button></div>
      <div class="entry-content">
        <p>GENEVA &mdash; Envoys   from the two countries
           resumed talks on Wednesday, officials said.</p>
        <p>The foreign minister &quot;welcomed&quot; the meeting&nbsp;and called it
           <em>a first step</em>.</p>
        <script>document.write("ad");</script>
        <div class="advertisement">Buy now! Sponsored content.</div>
        <h2>Sanctions remain</h2>
        <ul><li>Trade curbs stay in place.</li><li>Talks continue in July.</li></ul>
        <blockquote>We will not give up, she said.<br>Nor will we.</blockquote>
        <p>Original Source: Reuters</p>
        <div class="sharedaddy"><h3>Share this:</h3><a>Twitter</a></div>
        <div class="related-posts"><h3>Related</h3><p>Other story headline</p></div>
      </div>
      <div class="author-bio"><p>Jane Doe covers diplomacy for the Planet.</p></div>
    </article>
    <div id="comments" class="comments-area">
      <div id="respond" class="comment-respond">
        <h3 id="reply-title">Leave a Reply</h3>
        <form action="/wp-comments-post.php">
          <p>Your email address will not be published. Required fields are marked *</p>
          <textarea name="comment"></textarea><input type="submit" value="Post Comment">
        </form>
      </div>
    </div>
  </main>
  <aside class="sidebar"><h2>Popular</h2><p>Most read story of the week.</p></aside>
  <footer class="site-footer"><p>&copy; 2024 The Daily Planet. All rights reserved.</p></footer>
  <div class="cookie-banner">We use cookies. <button>Accept</button></div>
</body>
</html>
)html";

TEST(HtmlExtractorTest, KeepsArticleParagraphsAndDropsPageFurniture) {
  HtmlArticle a = ExtractHtmlArticle(kNewsPage);
  EXPECT_EQ(a.text,
            "GENEVA \xE2\x80\x94 Envoys from the two countries resumed talks on "
            "Wednesday, officials said.\n\n"
            "The foreign minister \"welcomed\" the meeting and called it a "
            "first step.\n\n"
            "Sanctions remain\n\n"
            "Trade curbs stay in place.\n\n"
            "Talks continue in July.\n\n"
            "We will not give up, she said.\n\n"
            "Nor will we.");
  for (const char* junk :
       {"Home", "Share", "Tweet", "Sponsored", "Related", "Other story",
        "covers diplomacy", "Leave a Reply", "Required fields", "Popular",
        "cookies", "rights reserved", "document.write", "Skip to content",
        "Original Source", "font-family"}) {
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk;
  }
}

TEST(HtmlExtractorTest, ReadsMetadataFromMetaTagsAndMarkup) {
  HtmlArticle a = ExtractHtmlArticle(kNewsPage);
  EXPECT_EQ(a.title, "Envoys resume talks in Geneva");
  EXPECT_EQ(a.byline, "Jane Doe");
  EXPECT_EQ(a.date, "2024-06-19T10:00:00+00:00");
  EXPECT_EQ(a.url, "https://planet.example/2024/06/19/talks-resume/");
  EXPECT_EQ(a.source, "Reuters");
  ASSERT_EQ(a.metadata.size(), 1u);
  EXPECT_EQ(a.metadata[0].first, "description");
  EXPECT_EQ(a.metadata[0].second, "Envoys met again.");
}

struct FallbackCase {
  const char* name;
  const char* html;
  const char* title;
  const char* byline;
  const char* date;
  const char* url;
  const char* source;
  const char* text;
};

TEST(HtmlExtractorTest, FallsBackWhenPreferredMarkupIsAbsent) {
  const FallbackCase cases[] = {
      {"title tag, article element, time element, og:url, Source line",
       "<html><head><title>Plain title</title>"
       "<meta property='og:url' content='https://x.example/a'></head><body>"
       "<nav>Menu</nav><article><p>Body one.</p><p>Source: KCNA</p>"
       "<time datetime='2020-01-02T03:04:05Z'>Jan 2</time></article></body></html>",
       "Plain title", "", "2020-01-02T03:04:05Z", "https://x.example/a", "KCNA",
       "Body one.\n\nJan 2"},
      {"h1 title, densest block, og:site_name, itemprop date and author",
       "<html><body><h1>Heading</h1><div class='x'><p>Short.</p></div>"
       "<div class='y'><p>A much longer paragraph of article text.</p>"
       "<p>And another paragraph.</p></div>"
       "<span itemprop='datePublished' content='2019-05-06'></span>"
       "<span class='author-name'>By Kim Lee</span>"
       "<meta property='og:site_name' content='Site'></body></html>",
       "Heading", "Kim Lee", "2019-05-06", "", "Site",
       "A much longer paragraph of article text.\n\nAnd another paragraph."},
      {"itemprop articleBody beats article; hidden and display:none dropped",
       "<html><body><article><p>Teaser elsewhere that is rather long.</p></article>"
       "<div itemprop='articleBody'><p>Real body.</p><p hidden>Hidden.</p>"
       "<p style='display: none'>Invisible.</p></div></body></html>",
       "", "", "", "", "", "Real body."},
      {"no body text at all", "<html><body><nav>Only nav</nav></body></html>",
       "", "", "", "", "", ""},
  };
  for (const FallbackCase& c : cases) {
    SCOPED_TRACE(c.name);
    HtmlArticle a = ExtractHtmlArticle(c.html);
    EXPECT_EQ(a.title, c.title);
    EXPECT_EQ(a.byline, c.byline);
    EXPECT_EQ(a.date, c.date);
    EXPECT_EQ(a.url, c.url);
    EXPECT_EQ(a.source, c.source);
    EXPECT_EQ(a.text, c.text);
  }
}

}  // namespace
}  // namespace dyad
