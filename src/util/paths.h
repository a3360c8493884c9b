// Locating dyad's shipped data and the optional shared reference data.
#ifndef DYAD_UTIL_PATHS_H_
#define DYAD_UTIL_PATHS_H_

#include <optional>
#include <string>

namespace dyad {

// Returns the directory of dyad's shipped data (models, dictionaries, sample
// corpus): $DYAD_DATA if set, else the source tree's data/ recorded at build
// time, else <exe>/../share/dyad. Thread-safe.
std::string DataDir();

// Returns DataDir() + "/" + relative.
std::string DataPath(const std::string& relative);

// Returns the shared reference-data directory ($DYAD_SHARED, else ../shared
// relative to the working directory) if it exists, else nullopt.
std::optional<std::string> SharedDir();

}  // namespace dyad

#endif  // DYAD_UTIL_PATHS_H_
