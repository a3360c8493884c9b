// StaticFiles: the dashboard's files under a web root, for every GET that is
// not under /api/.
//
// "/" is index.html; an existing file is served with its MIME type; a path
// whose last segment has no extension is a route of the single-page app and
// gets index.html; anything else is NotFound. Paths with "..", backslashes
// or NUL bytes, or that resolve (through symbolic links) outside the root,
// are NotFound too: nothing outside the root is ever read.
#ifndef DYAD_SERVER_STATIC_FILES_H_
#define DYAD_SERVER_STATIC_FILES_H_

#include <string>
#include <string_view>

#include "util/status.h"

namespace dyad {

struct StaticFile {
  std::string content;
  std::string mime_type;
};

class StaticFiles {
 public:
  // `root` may be empty or missing: then only "/" answers, with a short page
  // saying the dashboard is not built.
  explicit StaticFiles(std::string root);

  // The file for the decoded URL path `path` ("/", "/assets/app.js",
  // "/dyads/PRK-CHN"). NotFound naming the path otherwise. Thread-safe.
  Result<StaticFile> Resolve(std::string_view path) const;

  const std::string& root() const { return root_; }

 private:
  std::string root_;  // canonical, or "" when there is no usable root
};

// "text/html; charset=utf-8" etc. by file extension; octet-stream otherwise.
std::string MimeTypeOf(std::string_view file_name);

}  // namespace dyad

#endif  // DYAD_SERVER_STATIC_FILES_H_
