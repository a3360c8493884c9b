#include "util/paths.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace dyad {
namespace fs = std::filesystem;

std::string DataDir() {
  if (const char* env = std::getenv("DYAD_DATA"); env != nullptr && *env) {
    return env;
  }
#ifdef DYAD_DATA_DIR
  if (fs::is_directory(DYAD_DATA_DIR)) return DYAD_DATA_DIR;
#endif
  char buf[4096];
  ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n > 0) {
    buf[n] = '\0';
    fs::path p = fs::path(buf).parent_path().parent_path() / "share" / "dyad";
    if (fs::is_directory(p)) return p.string();
  }
  return "data";
}

std::string DataPath(const std::string& relative) {
  return DataDir() + "/" + relative;
}

std::optional<std::string> SharedDir() {
  std::string dir;
  if (const char* env = std::getenv("DYAD_SHARED"); env != nullptr && *env) {
    dir = env;
  } else {
    dir = "../shared";
  }
  std::error_code ec;
  if (fs::is_directory(fs::path(dir) / "data", ec)) return dir;
  return std::nullopt;
}

}  // namespace dyad
