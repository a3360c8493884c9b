// RequestParams: validated access to an HTTP request's query parameters.
//
// Every accessor checks its parameter and returns InvalidArgument naming it
// ("parameter 'from': not a YYYY-MM-DD date"), which the server turns into
// a 400. An empty value ("from=") counts as absent, so forms can send every
// field. Check() rejects parameters an endpoint does not know, so a typo
// ("form=") is an error rather than a silently ignored filter.
#ifndef DYAD_SERVER_REQUEST_PARAMS_H_
#define DYAD_SERVER_REQUEST_PARAMS_H_

#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/civil_date.h"
#include "util/status.h"

namespace dyad {

class RequestParams {
 public:
  // `params` as decoded by the HTTP layer (a name may repeat).
  explicit RequestParams(std::multimap<std::string, std::string> params)
      : params_(std::move(params)) {}

  // InvalidArgument when a parameter is not in `known` or is given twice.
  Status Check(std::initializer_list<std::string_view> known) const;

  // The raw value, nullopt when absent or empty.
  std::optional<std::string> Get(std::string_view name) const;

  // "YYYY-MM-DD" (a real day); kNoDay when absent.
  Result<Day> Date(std::string_view name) const;
  // A CAMEO-style code: 1 to 15 of [A-Z0-9]; nullopt when absent.
  Result<std::optional<std::string>> Code(std::string_view name) const;
  // An integer in [min, max]; `fallback` when absent.
  Result<int64_t> Int(std::string_view name, int64_t fallback, int64_t min,
                      int64_t max) const;
  // "0"/"1"/"true"/"false"; `fallback` when absent.
  Result<bool> Bool(std::string_view name, bool fallback) const;
  // One of `allowed`; `fallback` when absent.
  Result<std::string> Choice(std::string_view name, std::string_view fallback,
                             std::initializer_list<std::string_view> allowed)
      const;
  // Free text of at most `max_bytes` bytes; nullopt when absent.
  Result<std::optional<std::string>> Text(std::string_view name,
                                          size_t max_bytes) const;

 private:
  std::multimap<std::string, std::string> params_;
};

// True for 1 to 15 characters of [A-Z0-9] (CAMEO actor, country and event
// codes).
bool IsCode(std::string_view s);

}  // namespace dyad

#endif  // DYAD_SERVER_REQUEST_PARAMS_H_
