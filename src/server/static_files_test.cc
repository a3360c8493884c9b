#include "server/static_files.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

namespace dyad {
namespace {

namespace fs = std::filesystem;

TEST(StaticFilesTest, ServesFilesRoutesAndNothingOutsideTheRoot) {
  std::string tmpl = (fs::temp_directory_path() / "dyad_static_XXXXXX").string();
  ASSERT_NE(mkdtemp(tmpl.data()), nullptr);
  const std::string dir = tmpl;
  fs::create_directories(dir + "/web/assets");
  std::ofstream(dir + "/web/index.html") << "INDEX";
  std::ofstream(dir + "/web/assets/a.css") << "CSS";
  std::ofstream(dir + "/outside.txt") << "OUTSIDE";
  fs::create_symlink(dir + "/outside.txt", dir + "/web/link.txt");
  StaticFiles files(dir + "/web");
  struct Case {
    std::string path;
    std::string content;  // "" = NotFound
    std::string mime;
  };
  const Case cases[] = {
      {"/", "INDEX", "text/html; charset=utf-8"},
      {"/index.html", "INDEX", "text/html; charset=utf-8"},
      {"/assets/a.css", "CSS", "text/css; charset=utf-8"},
      {"/relations/PRK/CHN", "INDEX", "text/html; charset=utf-8"},
      {"/assets/b.css", "", ""},
      {"/../outside.txt", "", ""},
      {"/assets/../../outside.txt", "", ""},
      {"/link.txt", "", ""},
      {"/assets\\..\\..\\outside.txt", "", ""},
      {"relative", "", ""},
  };
  for (const Case& c : cases) {
    auto f = files.Resolve(c.path);
    if (c.content.empty()) {
      EXPECT_FALSE(f.ok()) << c.path;
      continue;
    }
    ASSERT_TRUE(f.ok()) << c.path << ": " << f.status().ToString();
    EXPECT_EQ(f->content, c.content) << c.path;
    EXPECT_EQ(f->mime_type, c.mime) << c.path;
  }
  StaticFiles none("");
  EXPECT_TRUE(none.Resolve("/").ok());
  EXPECT_FALSE(none.Resolve("/app.js").ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace dyad
