// GdeltReader: one row of a GDELT 2.0 event export (tab-separated, 61
// columns, no header; GDELT Event Codebook V2.0) as a dyad Event.
//
// Columns (0-based): 0 GlobalEventID, 1 Day (YYYYMMDD), 2 MonthYear, 3 Year,
// 4 FractionDate, 5–14 Actor1 (Code, Name, CountryCode, KnownGroupCode,
// EthnicCode, Religion1Code, Religion2Code, Type1Code, Type2Code,
// Type3Code), 15–24 the same for Actor2, 25 IsRootEvent, 26 EventCode,
// 27 EventBaseCode, 28 EventRootCode, 29 QuadClass, 30 GoldsteinScale,
// 31 NumMentions, 32 NumSources, 33 NumArticles, 34 AvgTone, 35–42 Actor1Geo
// (Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID),
// 43–50 Actor2Geo, 51–58 ActionGeo, 59 DATEADDED (YYYYMMDDHHMMSS),
// 60 SOURCEURL.
//
// Mapping: source/target code = Actor1Code/Actor2Code; country =
// CountryCode, else the country part of the code (an IGO code is its own
// country, as in dyad's events); sector = Type1Code, else the code's
// sector part. The CAMEO EventCode must be in the CameoTable; root, quad
// class, Goldstein and PLOVER come from the CameoTable when stored, GDELT's
// own values stay in the row (the document text). A row without Actor1Code
// is RowKind::kNoActor. Modality asserted, day precision, rule "gdelt event
// <id>". Document key: SOURCEURL, or the GlobalEventID when it is empty.
// CAMEO country codes that differ from ISO 3166 (GDELT's ROM for Romania)
// are kept as given.
#ifndef DYAD_STORE_GDELT_READER_H_
#define DYAD_STORE_GDELT_READER_H_

#include <string_view>

#include "coder/cameo_table.h"
#include "dictionary/actor_dictionary.h"
#include "store/event_importer.h"

namespace dyad {

class GdeltReader : public EventRowParser {
 public:
  static constexpr int kColumns = 61;

  // `actors` (splits actor codes) and `cameo` must outlive the reader.
  // Thread-safe after construction.
  GdeltReader(const ActorDictionary* actors, const CameoTable* cameo);

  std::string_view format() const override { return "gdelt"; }
  // Bad rows (column count, GlobalEventID, Day, EventCode) are
  // InvalidArgument naming the column and value.
  Result<RowKind> Parse(std::string_view line,
                        ImportedRow* out) const override;

 private:
  const ActorDictionary* actors_;
  const CameoTable* cameo_;
};

}  // namespace dyad

#endif  // DYAD_STORE_GDELT_READER_H_
