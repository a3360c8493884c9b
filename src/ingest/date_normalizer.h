// Publication dates as found in the wild, normalised to "YYYY-MM-DD".
#ifndef DYAD_INGEST_DATE_NORMALIZER_H_
#define DYAD_INGEST_DATE_NORMALIZER_H_

#include <string>
#include <string_view>

#include "util/status.h"

namespace dyad {

// Accepts "YYYY-MM-DD", ISO date-times starting with one
// ("2024-06-19T10:00:00Z", "2024-06-19 10:00"; the date part is kept as
// written, no time-zone shift), "YYYY/MM/DD", and GDELT's "YYYYMMDD" or
// "YYYYMMDDhhmmss". Surrounding whitespace is ignored. Returns the date as
// "YYYY-MM-DD", or InvalidArgument when the text is not one of these forms or
// names no real calendar day (2023-02-29). Thread-safe.
Result<std::string> NormalizeDate(std::string_view text);

}  // namespace dyad

#endif  // DYAD_INGEST_DATE_NORMALIZER_H_
