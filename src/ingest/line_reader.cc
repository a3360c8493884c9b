#include "ingest/line_reader.h"

#include <cstring>

namespace dyad {
namespace {

constexpr size_t kChunk = 256 << 10;

}  // namespace

LineReader::LineReader(std::unique_ptr<ByteSource> source, size_t max_line)
    : source_(std::move(source)), max_line_(max_line) {}

bool LineReader::Fill() {
  if (eof_ || !status_.ok()) return false;
  // Compact when the consumed prefix is large, so the buffer stays bounded
  // by the longest line plus one chunk.
  if (begin_ > 0 && (begin_ >= kChunk || end_ + kChunk + kLinePadding > buf_.size())) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    scan_ -= begin_;
    begin_ = 0;
  }
  if (buf_.size() < end_ + kChunk + kLinePadding) {
    buf_.resize(std::max(buf_.size() * 2, end_ + kChunk + kLinePadding));
  }
  Result<size_t> n = source_->Read(buf_.data() + end_, kChunk);
  if (!n.ok()) {
    status_ = n.status();
    return false;
  }
  if (*n == 0) {
    eof_ = true;
    return false;
  }
  end_ += *n;
  bytes_ += static_cast<int64_t>(*n);
  return true;
}

std::string_view LineReader::Peek(size_t n) {
  while (end_ - begin_ < n && Fill()) {
  }
  if (!status_.ok()) return {};
  return std::string_view(buf_.data() + begin_, end_ - begin_);
}

LineReader::LineStatus LineReader::NextLine(std::string_view* line) {
  bool discarding = false;
  while (true) {
    const char* base = buf_.data();
    const void* nl =
        scan_ < end_ ? std::memchr(base + scan_, '\n', end_ - scan_) : nullptr;
    if (nl != nullptr) {
      size_t pos = static_cast<const char*>(nl) - base;
      size_t start = begin_;
      begin_ = scan_ = pos + 1;
      ++line_number_;
      if (discarding) return LineStatus::kTooLong;
      size_t len = pos - start;
      if (len > 0 && base[start + len - 1] == '\r') --len;
      if (len > max_line_) return LineStatus::kTooLong;
      *line = std::string_view(base + start, len);
      return LineStatus::kLine;
    }
    scan_ = end_;
    if (end_ - begin_ > max_line_ + 1) {
      // Drop what we have of an oversized line; keep reading to its end.
      discarding = true;
      begin_ = scan_ = end_;
    }
    if (!Fill()) {
      if (!status_.ok()) return LineStatus::kError;
      if (discarding) {
        ++line_number_;
        return LineStatus::kTooLong;
      }
      if (begin_ == end_) return LineStatus::kEof;
      size_t start = begin_;
      size_t len = end_ - begin_;
      begin_ = scan_ = end_;
      ++line_number_;
      if (len > 0 && buf_[start + len - 1] == '\r') --len;
      if (len > max_line_) return LineStatus::kTooLong;
      *line = std::string_view(buf_.data() + start, len);
      return LineStatus::kLine;
    }
  }
}

bool LineReader::ReadAll(size_t max, std::string* out) {
  out->assign(buf_.data() + begin_, end_ - begin_);
  begin_ = scan_ = end_;
  if (out->size() > max) return false;
  while (!eof_ && status_.ok()) {
    // Read straight into the output string; one virtual call per chunk.
    size_t old = out->size();
    out->resize(old + kChunk);
    Result<size_t> n = source_->Read(out->data() + old, kChunk);
    if (!n.ok()) {
      out->resize(old);
      status_ = n.status();
      return false;
    }
    out->resize(old + *n);
    bytes_ += static_cast<int64_t>(*n);
    if (*n == 0) eof_ = true;
    if (out->size() > max) return false;
  }
  return status_.ok();
}

}  // namespace dyad
