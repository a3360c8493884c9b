#include "server/document_ingest.h"

#include <cstring>
#include <string>
#include <vector>

#include <fmt/core.h>

#include "ingest/date_normalizer.h"
#include "ingest/jsonl_parser.h"
#include "ingest/text_checks.h"

namespace dyad {

using json = nlohmann::json;

Result<json> DocumentIngest::Ingest(std::string_view body) {
  ReaderOptions options;
  JsonlParser parser(options);
  std::vector<StoredDocument> docs;
  json errors = json::array();
  std::string padded;
  int64_t line_no = 0;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t nl = body.find('\n', pos);
    if (nl == std::string_view::npos) nl = body.size();
    std::string_view line = body.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (IsBlank(line)) continue;
    auto bad = [&](const std::string& why) {
      return InvalidArgumentError(fmt::format("line {}: {}", line_no, why));
    };
    if (std::memchr(line.data(), '\0', line.size()) != nullptr) {
      return bad("binary data");
    }
    if (size_t at = FindInvalidUtf8(line); at != kValidUtf8) {
      return bad("invalid UTF-8 at byte " + std::to_string(at));
    }
    // The parser reads up to 64 bytes past the line's end.
    padded.assign(line);
    padded.append(64, ' ');
    Document doc;
    Status parsed = parser.Parse(std::string_view(padded.data(), line.size()),
                                 &doc);
    if (!parsed.ok()) return bad(parsed.message());
    auto skip = [&](const std::string& why) {
      errors.push_back({{"line", line_no}, {"message", why}});
    };
    if (IsBlank(doc.text)) {
      skip("record has no text (field \"text\"); skipped");
      continue;
    }
    if (LooksBinary(doc.text)) {
      skip("binary data in field \"text\"; skipped");
      continue;
    }
    if (!doc.date.empty()) {
      Result<std::string> date = NormalizeDate(doc.date);
      if (date.ok()) {
        doc.date = std::move(date).value();
      } else {
        skip(date.status().message() + "; stored without a date");
        doc.date.clear();
      }
    }
    if (doc.id.empty()) {
      doc.id = fmt::format("http:{:016x}", DocumentContentHash(doc));
    }
    doc.origin = fmt::format("request:{}", line_no);
    docs.push_back(StoredDocument{std::move(doc), {}});
  }
  CodedDocument coded;
  for (StoredDocument& sd : docs) {
    coder_.Code(sd.doc, &coded);
    sd.events = std::move(coded.events);
    coded.events.clear();
  }
  StoreCounts counts;
  {
    std::lock_guard<std::mutex> lock(write_mu_);
    DYAD_RETURN_IF_ERROR(store_->StoreDocuments(docs, &counts));
  }
  return json{{"inserted", counts.inserted},
              {"replaced", counts.replaced},
              {"unchanged", counts.unchanged},
              {"events", counts.events},
              {"errors", std::move(errors)}};
}

}  // namespace dyad
