#include "ingest/reader.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <filesystem>
#include <system_error>

#include "ingest/byte_source.h"
#include "ingest/date_normalizer.h"
#include "ingest/html_extractor.h"
#include "ingest/jsonl_parser.h"
#include "ingest/line_reader.h"
#include "ingest/text_article.h"
#include "ingest/text_checks.h"

namespace dyad {
namespace fs = std::filesystem;

namespace {

// Files a directory walk reads: articles by extension (also compressed), or
// no extension at all. README.md, notes and spreadsheets beside a corpus
// are not articles. Files named on the command line are always read.
bool IsArticleFile(const std::string& name) {
  std::string n = name;
  for (const char* z : {".gz", ".zst"}) {
    std::string zs(z);
    if (n.size() > zs.size() && n.compare(n.size() - zs.size(), zs.size(), zs) == 0) {
      n.resize(n.size() - zs.size());
    }
  }
  size_t dot = n.rfind('.');
  if (dot == std::string::npos) return true;
  std::string ext = n.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "txt" || ext == "text" || ext == "jsonl" || ext == "json" ||
         ext == "ndjson" || ext == "html" || ext == "htm" || ext == "xhtml";
}

constexpr size_t kSniffBytes = 8 << 10;

// One file to read.
struct InputFile {
  std::string path;  // what to open ("-" for stdin)
  std::string name;  // for errors and Document::origin
  std::string rel;   // relative to the input root; the default document id
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

// Format from the file name, after dropping a compression suffix.
InputFormat FormatFromExtension(const std::string& path) {
  std::string name = AsciiLower(fs::path(path).filename().string());
  for (std::string_view ext : {".gz", ".zst", ".zstd"}) {
    if (EndsWith(name, ext)) {
      name.resize(name.size() - ext.size());
      break;
    }
  }
  for (std::string_view ext : {".jsonl", ".json", ".ndjson"}) {
    if (EndsWith(name, ext)) return InputFormat::kJsonl;
  }
  for (std::string_view ext : {".html", ".htm", ".xhtml"}) {
    if (EndsWith(name, ext)) return InputFormat::kHtml;
  }
  return InputFormat::kAuto;
}

InputFormat SniffFormat(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  std::string_view t = TrimAscii(head);
  if (!t.empty() && t.front() == '{') return InputFormat::kJsonl;
  if (!t.empty() && t.front() == '<') {
    std::string lower = AsciiLower(t.substr(0, 4096));
    if (lower.find("<html") != std::string::npos ||
        lower.find("<!doctype") != std::string::npos) {
      return InputFormat::kHtml;
    }
  }
  return InputFormat::kText;
}

int64_t LineOfOffset(std::string_view s, size_t offset) {
  return 1 + std::count(s.begin(), s.begin() + offset, '\n');
}

}  // namespace

Result<InputFormat> ParseInputFormat(const std::string& name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "html") return InputFormat::kHtml;
  return InvalidArgumentError("unknown input format \"" + name +
                              "\" (expected auto, text, jsonl or html)");
}

std::string ReadError::ToString() const {
  if (line == 0) return input + ": " + message;
  return input + ":" + std::to_string(line) + ": " + message;
}

class DocumentReader::Impl {
 public:
  Impl(std::vector<std::string> inputs, ReaderOptions options,
       ReadStats* stats)
      : inputs_(std::move(inputs)),
        options_(std::move(options)),
        stats_(stats),
        parser_(options_) {}

  bool Next(Document* doc) {
    while (true) {
      if (lines_ != nullptr) {
        if (NextJsonl(doc)) return true;
        continue;
      }
      if (!files_.empty()) {
        InputFile file = std::move(files_.front());
        files_.pop_front();
        if (OpenFile(file, doc)) return true;
        continue;
      }
      if (next_input_ < inputs_.size()) {
        Expand(inputs_[next_input_++]);
        continue;
      }
      return false;
    }
  }

 private:
  // Reports a problem; `skipped` says whether a record or input was lost.
  void Report(const std::string& input, int64_t line, std::string message,
              bool skipped = true) {
    if (skipped) ++stats_->skipped;
    if (options_.on_error) {
      options_.on_error(ReadError{input, line, std::move(message)});
    }
  }

  // Queues the files of one command-line input.
  void Expand(const std::string& input) {
    if (input == "-") {
      files_.push_back(InputFile{"-", "<stdin>", "<stdin>"});
      return;
    }
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      // Missing files are reported when opened.
      files_.push_back(
          InputFile{input, input, fs::path(input).filename().string()});
      return;
    }
    Walk(fs::path(input), fs::path());
  }

  // Depth-first, children in byte order, hidden entries skipped, so a
  // corpus always yields documents in the same order.
  void Walk(const fs::path& root, const fs::path& rel) {
    fs::path dir = rel.empty() ? root : root / rel;
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      Report(dir.string(), 0, "cannot read directory: " + ec.message());
      return;
    }
    std::vector<std::string> names;
    for (fs::directory_iterator end; it != end; it.increment(ec)) {
      if (ec) break;
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] != '.') names.push_back(std::move(name));
    }
    if (ec) {
      Report(dir.string(), 0, "cannot read directory: " + ec.message());
      return;
    }
    std::sort(names.begin(), names.end());
    for (const std::string& name : names) {
      fs::path child_rel = rel.empty() ? fs::path(name) : rel / name;
      fs::path child = root / child_rel;
      std::error_code sec;
      if (fs::is_directory(child, sec)) {
        Walk(root, child_rel);
      } else if (fs::is_regular_file(child, sec) && IsArticleFile(name)) {
        files_.push_back(InputFile{child.string(), child.string(),
                                   child_rel.generic_string()});
      }
    }
  }

  // Opens a file; returns true when it produced a document (text, HTML).
  // A JSONL file becomes the current line source instead.
  bool OpenFile(const InputFile& file, Document* doc) {
    Result<std::unique_ptr<ByteSource>> source = OpenByteSource(file.path);
    if (!source.ok()) {
      Report(file.name, 0, source.status().message());
      return false;
    }
    auto lines = std::make_unique<LineReader>(std::move(source).value(),
                                              options_.max_record_bytes);
    std::string_view head = lines->Peek(kSniffBytes);
    if (!lines->status().ok()) {
      stats_->bytes += lines->bytes();
      Report(file.name, 0, lines->status().message());
      return false;
    }
    // Only the first line decides for the whole input, so one bad record
    // deep in a JSONL file is skipped alone (text is checked whole below).
    if (LooksBinary(head.substr(0, head.find('\n')))) {
      stats_->bytes += lines->bytes();
      Report(file.name, 0, "binary data");
      return false;
    }
    InputFormat format = options_.format;
    if (format == InputFormat::kAuto) format = FormatFromExtension(file.path);
    if (format == InputFormat::kAuto) format = SniffFormat(head);
    if (format == InputFormat::kJsonl) {
      lines_ = std::move(lines);
      current_ = file;
      return false;
    }
    std::string content;
    bool complete = lines->ReadAll(options_.max_record_bytes, &content);
    stats_->bytes += lines->bytes();
    if (!complete) {
      if (!lines->status().ok()) {
        Report(file.name, 0, lines->status().message());
      } else {
        Report(file.name, 0,
               "record larger than " +
                   std::to_string(options_.max_record_bytes) + " bytes");
      }
      return false;
    }
    if (LooksBinary(content)) {
      Report(file.name, 0, "binary data");
      return false;
    }
    size_t bad = FindInvalidUtf8(content);
    if (bad != kValidUtf8) {
      Report(file.name, LineOfOffset(content, bad),
             "invalid UTF-8 at byte " + std::to_string(bad));
      return false;
    }
    *doc = Document();
    std::string raw_date;
    // HTML pages and text files carry the same fields under the same names.
    auto take = [&](auto& article, std::string& text) {
      doc->title = std::move(article.title);
      doc->byline = std::move(article.byline);
      raw_date = std::move(article.date);
      doc->url = std::move(article.url);
      doc->source = std::move(article.source);
      doc->text = std::move(text);
      doc->metadata = std::move(article.metadata);
    };
    if (format == InputFormat::kHtml) {
      HtmlArticle article = ExtractHtmlArticle(content);
      take(article, article.text);
    } else {
      TextArticle article = ParseTextArticle(content);
      doc->id = std::move(article.id);
      take(article, article.body);
    }
    if (IsBlank(doc->text)) {
      Report(file.name, 0, "record has no text");
      return false;
    }
    if (doc->id.empty()) doc->id = file.rel;
    doc->origin = file.name;
    doc->date = ResolveDate(raw_date, file.name, 0);
    ++stats_->documents;
    return true;
  }

  // Returns true when the current JSONL input produced a document; resets
  // lines_ at its end.
  bool NextJsonl(Document* doc) {
    std::string_view line;
    LineReader::LineStatus status = lines_->NextLine(&line);
    int64_t n = lines_->line_number();
    switch (status) {
      case LineReader::LineStatus::kEof:
        CloseJsonl();
        return false;
      case LineReader::LineStatus::kError:
        Report(current_.name, n + 1, lines_->status().message());
        CloseJsonl();
        return false;
      case LineReader::LineStatus::kTooLong:
        Report(current_.name, n,
               "record larger than " +
                   std::to_string(options_.max_record_bytes) + " bytes");
        return false;
      case LineReader::LineStatus::kLine:
        break;
    }
    if (n == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);
    if (IsBlank(line)) return false;
    if (std::memchr(line.data(), '\0', line.size()) != nullptr) {
      Report(current_.name, n, "binary data");
      return false;
    }
    size_t bad = FindInvalidUtf8(line);
    if (bad != kValidUtf8) {
      Report(current_.name, n, "invalid UTF-8 at byte " + std::to_string(bad));
      return false;
    }
    *doc = Document();
    Status parsed = parser_.Parse(line, doc);
    if (!parsed.ok()) {
      Report(current_.name, n, parsed.message());
      return false;
    }
    if (IsBlank(doc->text)) {
      Report(current_.name, n,
             "record has no text (field \"" + options_.text_field + "\")");
      return false;
    }
    if (LooksBinary(doc->text)) {
      Report(current_.name, n, "binary data in field \"" +
                                   options_.text_field + "\"");
      return false;
    }
    std::string where = current_.name + ":" + std::to_string(n);
    if (doc->id.empty()) doc->id = current_.rel + ":" + std::to_string(n);
    doc->date = ResolveDate(doc->date, current_.name, n);
    doc->origin = std::move(where);
    ++stats_->documents;
    return true;
  }

  void CloseJsonl() {
    stats_->bytes += lines_->bytes();
    lines_.reset();
  }

  // Normalises a date; an unparseable one is reported (not counted as
  // skipped: the record is kept) and replaced by the default date.
  std::string ResolveDate(const std::string& raw, const std::string& input,
                          int64_t line) {
    if (raw.empty()) return options_.default_date;
    Result<std::string> date = NormalizeDate(raw);
    if (date.ok()) return std::move(date).value();
    Report(input, line,
           date.status().message() + "; using the default date \"" +
               options_.default_date + "\"",
           /*skipped=*/false);
    return options_.default_date;
  }

  std::vector<std::string> inputs_;
  size_t next_input_ = 0;
  ReaderOptions options_;
  ReadStats* stats_;
  JsonlParser parser_;
  std::deque<InputFile> files_;
  std::unique_ptr<LineReader> lines_;  // the open JSONL input, if any
  InputFile current_;
};

DocumentReader::DocumentReader(std::vector<std::string> inputs,
                               ReaderOptions options)
    : impl_(std::make_unique<Impl>(std::move(inputs), std::move(options),
                                   &stats_)) {}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::Next(Document* doc) { return impl_->Next(doc); }

std::vector<Document> ReadAllDocuments(const std::vector<std::string>& inputs,
                                       const ReaderOptions& options,
                                       ReadStats* stats) {
  DocumentReader reader(inputs, options);
  std::vector<Document> docs;
  Document doc;
  while (reader.Next(&doc)) docs.push_back(std::move(doc));
  if (stats != nullptr) *stats = reader.stats();
  return docs;
}

}  // namespace dyad
