// IcewsReader: one row of an ICEWS event file (Harvard Dataverse .tab:
// tab-separated, 20 columns, a header line) as a dyad Event.
//
// Columns: Event ID, Event Date, Source Name, Source Sectors, Source
// Country, Event Text, CAMEO Code, Intensity, Target Name, Target Sectors,
// Target Country, Story ID, Sentence Number, Publisher, City, District,
// Province, Country, Latitude, Longitude.
//
// Mapping (doc/store.md, "Import and export"):
//  - the country name goes to dyad's ISO-3-based code through the actor
//    dictionary (a few ICEWS spellings through a fixed table); an actor
//    without a country ("NA": the EU, the UN, regions) is looked up by its
//    name (or the name in its last parentheses) in the dictionary; an
//    unknown country name is a bad row;
//  - the sector list goes to one CAMEO agent (SectorCode); code = country
//    code + agent, or the dictionary code of a named organisation;
//  - target "Unspecified Actor" means no target;
//  - the CAMEO code is kept as given and must be in the CameoTable;
//  - modality asserted, day precision, confidence 1; rule "icews event <id>
//    intensity <x>", trigger = the Event Text column, source/target text =
//    the name columns (offsets into the row).
// Document key: Story ID (rows of one story are one pseudo-document).
#ifndef DYAD_STORE_ICEWS_READER_H_
#define DYAD_STORE_ICEWS_READER_H_

#include <string>
#include <string_view>

#include "coder/cameo_table.h"
#include "dictionary/actor_dictionary.h"
#include "store/event_importer.h"
#include "util/civil_date.h"

namespace dyad {

class IcewsReader : public EventRowParser {
 public:
  static constexpr int kColumns = 20;

  // `actors` and `cameo` must outlive the reader. Thread-safe after
  // construction.
  IcewsReader(const ActorDictionary* actors, const CameoTable* cameo);

  std::string_view format() const override { return "icews"; }
  // The header line gives kHeader; bad rows (column count, event id, date,
  // CAMEO code, unknown country or actor, no source) are InvalidArgument
  // naming the column and value. An unknown country's message starts with
  // "unknown country '".
  Result<RowKind> Parse(std::string_view line,
                        ImportedRow* out) const override;

  // dyad's code for an ICEWS country name ("Russian Federation" → "RUS",
  // "Occupied Palestinian Territory" → "PSE"), or "" when unknown.
  std::string CountryCode(std::string_view name) const;

  // The CAMEO agent for an ICEWS sector list ("Executive,Foreign
  // Ministry,Government" → "GOV"; "Military,Government" → "MIL"): the most
  // specific sector that has one. "" when none has (religious, ethnic and
  // purely social sectors).
  static std::string_view SectorCode(std::string_view sectors);

 private:
  // Fills *a from the name, sector and country columns; returns false with
  // *error set when the actor cannot be coded, true with an empty code for
  // ICEWS's "Unspecified Actor".
  bool CodeActor(std::string_view name, std::string_view sectors,
                 std::string_view country, Day day, EventActor* a,
                 std::string* error) const;
  // The code of the dictionary entry named exactly `name` on `day`, or "".
  std::string NameCode(std::string_view name, Day day) const;

  const ActorDictionary* actors_;
  const CameoTable* cameo_;
};

}  // namespace dyad

#endif  // DYAD_STORE_ICEWS_READER_H_
