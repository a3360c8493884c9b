#include "coder/cameo_table.h"

#include <cstdlib>
#include <vector>

#include <fmt/core.h>

#include "util/file.h"
#include "util/text_lines.h"
#include "util/paths.h"

namespace dyad {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.push_back(line.substr(start));
      return out;
    }
    out.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

}  // namespace

Result<std::unique_ptr<CameoTable>> CameoTable::Load(const std::string& path) {
  DYAD_ASSIGN_OR_RETURN(std::string text, ReadFileToString(path));
  auto table = std::unique_ptr<CameoTable>(new CameoTable());
  TextLines lines(text);
  std::string_view line;
  while (lines.Next(&line)) {
    const int line_no = lines.number();
    if (line.empty() || line.front() == '#' || line_no == 1) continue;
    auto cols = SplitTabs(line);
    if (cols.size() < 6) {
      return CorruptionError(fmt::format("{}:{}: expected 6 columns, got {}",
                                         path, line_no, cols.size()));
    }
    CameoCode c;
    c.code = std::string(cols[0]);
    c.root = std::string(cols[1]);
    c.quad_class = std::atoi(std::string(cols[2]).c_str());
    char* end = nullptr;
    std::string g(cols[3]);
    c.goldstein = std::strtod(g.c_str(), &end);
    if (c.code.empty() || c.root.size() != 2 || c.quad_class < 1 ||
        c.quad_class > 4 || end == g.c_str()) {
      return CorruptionError(
          fmt::format("{}:{}: malformed row '{}'", path, line_no, line));
    }
    c.plover = std::string(cols[4]);
    c.name = std::string(cols[5]);
    table->codes_.emplace(c.code, std::move(c));
  }
  if (table->codes_.empty()) {
    return CorruptionError(path + ": no CAMEO codes");
  }
  return table;
}

Result<std::unique_ptr<CameoTable>> CameoTable::LoadDefault() {
  return Load(DataPath("cameo/cameo.tsv"));
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace dyad
