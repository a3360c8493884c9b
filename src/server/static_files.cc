#include "server/static_files.h"

#include <filesystem>

#include "util/file.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

constexpr const char* kNoDashboard =
    "<!doctype html><html><head><meta charset=\"utf-8\"><title>dyad</title>"
    "</head><body><h1>dyad</h1><p>The dashboard is not built (no "
    "index.html in the web root; see <code>--web-root</code>). The HTTP API "
    "answers under <a href=\"/api/stats\">/api/</a>; see doc/http_api.md."
    "</p></body></html>\n";

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::string MimeTypeOf(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (EndsWith(name, ext)) return std::string(type);
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::string root) {
  std::error_code ec;
  if (!root.empty() && fs::is_directory(root, ec)) {
    fs::path canonical = fs::canonical(root, ec);
    if (!ec) root_ = canonical.string();
  }
}

Result<StaticFile> StaticFiles::Resolve(std::string_view path) const {
  auto not_found = [&] {
    return NotFoundError("no file for path '" + std::string(path) + "'");
  };
  if (path.empty() || path.front() != '/') return not_found();
  if (path.find('\\') != std::string_view::npos ||
      path.find('\0') != std::string_view::npos) {
    return not_found();
  }
  // Segments: none may be "." or "..".
  std::string_view rest = path.substr(1);
  std::string_view last;
  while (true) {
    size_t slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    if (seg == "." || seg == "..") return not_found();
    last = seg;
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  if (root_.empty()) {
    if (path == "/" || path == "/index.html") {
      return StaticFile{kNoDashboard, MimeTypeOf(".html")};
    }
    return not_found();
  }
  std::error_code ec;
  fs::path index = fs::path(root_) / "index.html";
  fs::path target = fs::path(root_) / std::string(path.substr(1));
  bool spa_route = last.find('.') == std::string_view::npos;
  fs::path file;
  if (path == "/") {
    file = index;
  } else if (fs::is_regular_file(target, ec)) {
    file = target;
  } else if (spa_route) {
    file = index;
  } else {
    return not_found();
  }
  fs::path canonical = fs::canonical(file, ec);
  const std::string& c = canonical.string();
  if (ec || c.size() <= root_.size() || c.compare(0, root_.size(), root_) != 0 ||
      c[root_.size()] != '/') {
    if (file == index) {
      return StaticFile{kNoDashboard, MimeTypeOf(".html")};
    }
    return not_found();
  }
  DYAD_ASSIGN_OR_RETURN(std::string content, ReadFileToString(c));
  return StaticFile{std::move(content), MimeTypeOf(c)};
}

}  // namespace dyad
