#include "ingest/byte_source.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace dyad {
namespace {

constexpr size_t kInChunk = 1 << 17;

class FdByteSource : public ByteSource {
 public:
  FdByteSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdByteSource() override {
    if (owned_) ::close(fd_);
  }

  Result<size_t> Read(char* buf, size_t capacity) override {
    while (true) {
      ssize_t n = ::read(fd_, buf, capacity);
      if (n >= 0) return static_cast<size_t>(n);
      if (errno == EINTR) continue;
      return IoError(std::string("read failed: ") + std::strerror(errno));
    }
  }

 private:
  int fd_;
  bool owned_;
};

class StringByteSource : public ByteSource {
 public:
  explicit StringByteSource(std::string data) : data_(std::move(data)) {}
  Result<size_t> Read(char* buf, size_t capacity) override {
    size_t n = std::min(capacity, data_.size() - pos_);
    std::memcpy(buf, data_.data() + pos_, n);
    pos_ += n;
    return n;
  }

 private:
  std::string data_;
  size_t pos_ = 0;
};

// Replays bytes already read (for magic-byte sniffing) before the rest.
class PrefixedByteSource : public ByteSource {
 public:
  PrefixedByteSource(std::string prefix, std::unique_ptr<ByteSource> inner)
      : prefix_(std::move(prefix)), inner_(std::move(inner)) {}
  Result<size_t> Read(char* buf, size_t capacity) override {
    if (pos_ < prefix_.size()) {
      size_t n = std::min(capacity, prefix_.size() - pos_);
      std::memcpy(buf, prefix_.data() + pos_, n);
      pos_ += n;
      return n;
    }
    return inner_->Read(buf, capacity);
  }

 private:
  std::string prefix_;
  size_t pos_ = 0;
  std::unique_ptr<ByteSource> inner_;
};

class GzipByteSource : public ByteSource {
 public:
  explicit GzipByteSource(std::unique_ptr<ByteSource> inner)
      : inner_(std::move(inner)), in_(kInChunk) {
    std::memset(&strm_, 0, sizeof(strm_));
    // 15 + 32: accept gzip or zlib headers.
    if (inflateInit2(&strm_, 15 + 32) != Z_OK) {
      error_ = InternalError("inflateInit2 failed");
    } else {
      initialised_ = true;
    }
  }
  ~GzipByteSource() override {
    if (initialised_) inflateEnd(&strm_);
  }

  Result<size_t> Read(char* buf, size_t capacity) override {
    if (!error_.ok()) return error_;
    if (done_ || capacity == 0) return size_t{0};
    strm_.next_out = reinterpret_cast<Bytef*>(buf);
    strm_.avail_out = static_cast<uInt>(std::min<size_t>(capacity, 1u << 30));
    while (strm_.avail_out > 0) {
      if (strm_.avail_in == 0 && !in_eof_) {
        Result<size_t> n = inner_->Read(in_.data(), in_.size());
        if (!n.ok()) return Fail(n.status(), capacity - strm_.avail_out);
        if (*n == 0) {
          in_eof_ = true;
        } else {
          strm_.next_in = reinterpret_cast<Bytef*>(in_.data());
          strm_.avail_in = static_cast<uInt>(*n);
        }
      }
      if (member_ended_) {
        // Concatenated gzip members form one stream (as gzip -d does).
        if (strm_.avail_in == 0 && in_eof_) {
          done_ = true;
          break;
        }
        if (strm_.avail_in == 0) continue;
        inflateReset(&strm_);
        member_ended_ = false;
      }
      if (strm_.avail_in == 0 && in_eof_) {
        return Fail(CorruptionError("truncated gzip stream"),
                    capacity - strm_.avail_out);
      }
      int rc = inflate(&strm_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        member_ended_ = true;
      } else if (rc == Z_BUF_ERROR) {
        if (strm_.avail_in != 0) break;  // output full
      } else if (rc != Z_OK) {
        return Fail(CorruptionError(std::string("corrupt gzip stream: ") +
                                    (strm_.msg ? strm_.msg : zError(rc))),
                    capacity - strm_.avail_out);
      }
    }
    return capacity - strm_.avail_out;
  }

 private:
  // Records the error; bytes decoded before it are delivered first, so a
  // reader sees every good line before the failure.
  Result<size_t> Fail(Status s, size_t produced) {
    error_ = std::move(s);
    if (produced > 0) return produced;
    return error_;
  }

  std::unique_ptr<ByteSource> inner_;
  std::vector<char> in_;
  z_stream strm_;
  bool initialised_ = false;
  bool in_eof_ = false;
  bool member_ended_ = false;
  bool done_ = false;
  Status error_;
};

class ZstdByteSource : public ByteSource {
 public:
  explicit ZstdByteSource(std::unique_ptr<ByteSource> inner)
      : inner_(std::move(inner)), in_(kInChunk), dctx_(ZSTD_createDCtx()) {
    if (dctx_ == nullptr) error_ = InternalError("ZSTD_createDCtx failed");
  }
  ~ZstdByteSource() override { ZSTD_freeDCtx(dctx_); }

  Result<size_t> Read(char* buf, size_t capacity) override {
    if (!error_.ok()) return error_;
    ZSTD_outBuffer out{buf, capacity, 0};
    while (out.pos < out.size) {
      if (input_.pos == input_.size && !in_eof_) {
        Result<size_t> n = inner_->Read(in_.data(), in_.size());
        if (!n.ok()) return Fail(n.status(), out.pos);
        if (*n == 0) {
          in_eof_ = true;
        } else {
          input_ = ZSTD_inBuffer{in_.data(), *n, 0};
        }
      }
      if (input_.pos == input_.size && in_eof_) {
        // last_ret_ == 0 means the last frame was complete; a decoder that
        // still holds output keeps returning it on further calls.
        size_t before = out.pos;
        if (last_ret_ != 0) {
          size_t rc = ZSTD_decompressStream(dctx_, &out, &input_);
          if (ZSTD_isError(rc)) {
            return Fail(CorruptionError(std::string("corrupt zstd stream: ") +
                                        ZSTD_getErrorName(rc)),
                        out.pos);
          }
          last_ret_ = rc;
          if (out.pos == before && rc != 0) {
            return Fail(CorruptionError("truncated zstd stream"), out.pos);
          }
          if (out.pos == before) break;
          continue;
        }
        break;
      }
      size_t rc = ZSTD_decompressStream(dctx_, &out, &input_);
      if (ZSTD_isError(rc)) {
        return Fail(CorruptionError(std::string("corrupt zstd stream: ") +
                                    ZSTD_getErrorName(rc)),
                    out.pos);
      }
      last_ret_ = rc;
    }
    return out.pos;
  }

 private:
  // Records the error; bytes decoded before it are delivered first, so a
  // reader sees every good line before the failure.
  Result<size_t> Fail(Status s, size_t produced) {
    error_ = std::move(s);
    if (produced > 0) return produced;
    return error_;
  }

  std::unique_ptr<ByteSource> inner_;
  std::vector<char> in_;
  ZSTD_DCtx* dctx_;
  ZSTD_inBuffer input_{nullptr, 0, 0};
  bool in_eof_ = false;
  size_t last_ret_ = 0;
  Status error_;
};

}  // namespace

const char* CompressionName(Compression c) {
  switch (c) {
    case Compression::kGzip:
      return "gzip";
    case Compression::kZstd:
      return "zstd";
    case Compression::kNone:
      break;
  }
  return "none";
}

Compression DetectCompression(const char* data, size_t size) {
  const auto* b = reinterpret_cast<const unsigned char*>(data);
  if (size >= 2 && b[0] == 0x1f && b[1] == 0x8b) return Compression::kGzip;
  if (size >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f &&
      b[3] == 0xfd) {
    return Compression::kZstd;
  }
  return Compression::kNone;
}

Result<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path,
                                                   Compression* detected) {
  std::unique_ptr<ByteSource> raw;
  if (path == "-") {
    raw = std::make_unique<FdByteSource>(STDIN_FILENO, /*owned=*/false);
  } else {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      int err = errno;
      std::string msg = std::string("cannot open: ") + std::strerror(err);
      return err == ENOENT ? NotFoundError(msg) : IoError(msg);
    }
    raw = std::make_unique<FdByteSource>(fd, /*owned=*/true);
  }
  // Pipes may deliver fewer bytes per read; loop until 4 bytes or EOF.
  std::string prefix(4, '\0');
  size_t got = 0;
  while (got < prefix.size()) {
    Result<size_t> n = raw->Read(prefix.data() + got, prefix.size() - got);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    got += *n;
  }
  prefix.resize(got);
  Compression c = DetectCompression(prefix.data(), prefix.size());
  if (detected != nullptr) *detected = c;
  std::unique_ptr<ByteSource> src =
      std::make_unique<PrefixedByteSource>(std::move(prefix), std::move(raw));
  switch (c) {
    case Compression::kGzip:
      return MakeGzipByteSource(std::move(src));
    case Compression::kZstd:
      return MakeZstdByteSource(std::move(src));
    case Compression::kNone:
      break;
  }
  return src;
}

std::unique_ptr<ByteSource> MakeStringByteSource(std::string data) {
  return std::make_unique<StringByteSource>(std::move(data));
}

std::unique_ptr<ByteSource> MakeGzipByteSource(
    std::unique_ptr<ByteSource> inner) {
  return std::make_unique<GzipByteSource>(std::move(inner));
}

std::unique_ptr<ByteSource> MakeZstdByteSource(
    std::unique_ptr<ByteSource> inner) {
  return std::make_unique<ZstdByteSource>(std::move(inner));
}

}  // namespace dyad
