#include "store/event_importer.h"

#include <algorithm>
#include <span>
#include <utility>

#include "ingest/byte_source.h"
#include "ingest/line_reader.h"

namespace dyad {
namespace {

void Shift(EventActor* a, uint32_t base) {
  a->begin += base;
  a->end += base;
}

}  // namespace

void SplitTabs(std::string_view line, std::vector<std::string_view>* fields) {
  fields->clear();
  size_t start = 0;
  for (;;) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      fields->push_back(line.substr(start));
      return;
    }
    fields->push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

EventImporter::EventImporter(const EventRowParser* parser,
                             ImportOptions options)
    : parser_(parser), options_(options) {}

Status EventImporter::AddFile(const std::string& path, ImportReport* report) {
  auto source = OpenByteSource(path);
  if (!source.ok()) return source.status().WithContext(path);
  ++report->files;
  LineReader reader(std::move(source).value(), options_.max_line);
  std::string_view line;
  for (;;) {
    LineReader::LineStatus st = reader.NextLine(&line);
    if (st == LineReader::LineStatus::kEof) break;
    if (st == LineReader::LineStatus::kError) {
      return reader.status().WithContext(
          path + ":" + std::to_string(reader.line_number() + 1));
    }
    if (st == LineReader::LineStatus::kTooLong) {
      ++report->rows;
      ++report->bad_rows;
      report->errors.push_back(path + ":" +
                               std::to_string(reader.line_number()) +
                               ": line longer than " +
                               std::to_string(options_.max_line) + " bytes");
      continue;
    }
    AddLine(path, reader.line_number(), line, report);
  }
  return Status::Ok();
}

void EventImporter::AddText(std::string_view name, std::string_view text,
                            ImportReport* report) {
  int64_t line_number = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view()
                                        : text.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    AddLine(name, ++line_number, line, report);
  }
}

void EventImporter::AddLine(std::string_view name, int64_t line_number,
                            std::string_view line, ImportReport* report) {
  ++report->rows;
  if (line.empty()) return;  // a trailing blank line is no row
  ImportedRow row;
  Result<RowKind> kind = parser_->Parse(line, &row);
  if (!kind.ok()) {
    ++report->bad_rows;
    const std::string& msg = kind.status().message();
    report->errors.push_back(std::string(name) + ":" +
                             std::to_string(line_number) + ": " + msg);
    // "... unknown country 'X'" counts under "country 'X'".
    size_t p = msg.find("unknown ");
    size_t q1 = p == std::string::npos ? p : msg.find('\'', p);
    size_t q2 = q1 == std::string::npos ? q1 : msg.find('\'', q1 + 1);
    if (q2 != std::string::npos) ++report->unknown[msg.substr(p + 8, q2 - p - 7)];
    return;
  }
  if (*kind == RowKind::kNoActor) ++report->no_actor;
  if (*kind != RowKind::kEvent) return;
  auto [it, inserted] = groups_.try_emplace(row.doc_key);
  if (inserted) order_.push_back(row.doc_key);
  Group& g = it->second;
  if (g.seen.count(line) > 0) {
    ++report->duplicates;
    return;
  }
  g.rows.emplace_back(line);
  g.seen.insert(g.rows.back());
  ++report->events;
}

StoredDocument EventImporter::MakeDocument(const std::string& key,
                                           const Group& g) const {
  StoredDocument sd;
  Document& doc = sd.doc;
  doc.id = std::string(parser_->format()) + ":" + key;
  doc.origin = doc.id;
  Day first_day = kNoDay;
  size_t size = 0;
  for (const std::string& r : g.rows) size += r.size() + 1;
  doc.text.reserve(size);
  for (size_t i = 0; i < g.rows.size(); ++i) {
    const std::string& line = g.rows[i];
    if (i > 0) doc.text += '\n';
    const uint32_t base = static_cast<uint32_t>(doc.text.size());
    doc.text += line;
    ImportedRow row;
    // Every kept row parsed before; the parser is deterministic.
    Result<RowKind> kind = parser_->Parse(line, &row);
    if (!kind.ok() || *kind != RowKind::kEvent) continue;
    if (i == 0) {
      doc.url = row.doc_url;
      doc.source = row.doc_source;
    }
    Event& e = row.event;
    e.doc_id = doc.id;
    e.sentence_index = static_cast<uint32_t>(i);
    e.sentence_begin = base;
    e.sentence_end = base + static_cast<uint32_t>(line.size());
    Shift(&e.source, base);
    if (e.target.has_value()) Shift(&*e.target, base);
    e.trigger_begin += base;
    e.trigger_end += base;
    if (e.date != kNoDay && (first_day == kNoDay || e.date < first_day)) {
      first_day = e.date;
    }
    sd.events.push_back(std::move(e));
  }
  if (first_day != kNoDay) doc.date = FormatIsoDay(first_day);
  doc.title = std::string(parser_->format()) + " " + key;
  return sd;
}

std::vector<StoredDocument> EventImporter::Documents() const {
  std::vector<StoredDocument> docs;
  docs.reserve(order_.size());
  for (const std::string& key : order_) {
    docs.push_back(MakeDocument(key, groups_.at(key)));
  }
  return docs;
}

Status EventImporter::Store(EventStore* store, ImportReport* report) {
  std::vector<StoredDocument> batch;
  const size_t per_batch = std::max<size_t>(1, options_.batch);
  batch.reserve(per_batch);
  Status s;
  for (size_t i = 0; i < order_.size() && s.ok(); ++i) {
    batch.push_back(MakeDocument(order_[i], groups_.at(order_[i])));
    if (batch.size() >= per_batch || i + 1 == order_.size()) {
      s = store->StoreDocuments(batch, &report->store);
      batch.clear();
    }
  }
  order_.clear();
  groups_.clear();
  return s;
}

}  // namespace dyad
