// CameoTable: the CAMEO event codes with their root, quad class, Goldstein
// score, PLOVER type and name, loaded from data/cameo/cameo.tsv. Immutable
// after Load(); thread-safe.
#ifndef DYAD_CODER_CAMEO_TABLE_H_
#define DYAD_CODER_CAMEO_TABLE_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "util/status.h"

namespace dyad {

struct CameoCode {
  std::string code;    // "0331"
  std::string root;    // "03"
  int quad_class = 0;  // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0;
  std::string plover;  // PLOVER 2021 type ("AGREE"); "" for statements
  std::string name;
};

class CameoTable {
 public:
  // Reads a TSV with header `code root quad_class goldstein plover name`.
  // Malformed rows are errors naming file and line.
  static Result<std::unique_ptr<CameoTable>> Load(const std::string& path);
  // Loads DataPath("cameo/cameo.tsv").
  static Result<std::unique_ptr<CameoTable>> LoadDefault();

  // The code's row, or null if unknown. Valid as long as the table.
  const CameoCode* Find(std::string_view code) const;
  size_t size() const { return codes_.size(); }

 private:
  std::unordered_map<std::string, CameoCode> codes_;
};

}  // namespace dyad

#endif  // DYAD_CODER_CAMEO_TABLE_H_
