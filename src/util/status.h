// Status and Result<T>: recoverable errors as values.
//
// A Status is either OK or carries a code and a human-readable message that
// names the input and the place ("news.jsonl:17: invalid UTF-8 at byte 42").
// Result<T> holds either a T or a non-OK Status. Both are cheap to move and
// are not thread-safe for concurrent mutation (like any value type).
#ifndef DYAD_UTIL_STATUS_H_
#define DYAD_UTIL_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace dyad {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // the caller's input is malformed
  kNotFound,         // a named file, record or entry does not exist
  kIoError,          // the operating system refused a read or write
  kCorruption,       // stored or input data is damaged (bad UTF-8, bad JSON)
  kUnimplemented,
  kInternal,
  kAborted,          // the operation was cancelled
};

// Returns a stable lower-case name for `code` ("invalid argument").
std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid argument: <message>", or "OK".
  std::string ToString() const;

  // Returns a copy whose message is prefixed by `context` and ": ".
  Status WithContext(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string msg) {
  return Status(StatusCode::kInvalidArgument, std::move(msg));
}
inline Status NotFoundError(std::string msg) {
  return Status(StatusCode::kNotFound, std::move(msg));
}
inline Status IoError(std::string msg) {
  return Status(StatusCode::kIoError, std::move(msg));
}
inline Status CorruptionError(std::string msg) {
  return Status(StatusCode::kCorruption, std::move(msg));
}
inline Status InternalError(std::string msg) {
  return Status(StatusCode::kInternal, std::move(msg));
}

// Either a value or an error. Accessing value() on an error is a programmer
// error (asserted).
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    assert(!status_.ok() && "Result constructed from an OK status");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace dyad

// Returns early from the enclosing function if `expr` yields a non-OK Status.
#define DYAD_RETURN_IF_ERROR(expr)          \
  do {                                      \
    ::dyad::Status dyad_status_ = (expr);   \
    if (!dyad_status_.ok()) return dyad_status_; \
  } while (0)

#define DYAD_CONCAT_INNER_(a, b) a##b
#define DYAD_CONCAT_(a, b) DYAD_CONCAT_INNER_(a, b)
// Assigns the value of a Result expression to `lhs`, or returns its Status.
#define DYAD_ASSIGN_OR_RETURN(lhs, expr)                        \
  auto DYAD_CONCAT_(dyad_result_, __LINE__) = (expr);           \
  if (!DYAD_CONCAT_(dyad_result_, __LINE__).ok())               \
    return DYAD_CONCAT_(dyad_result_, __LINE__).status();       \
  lhs = std::move(DYAD_CONCAT_(dyad_result_, __LINE__)).value()

#endif  // DYAD_UTIL_STATUS_H_
