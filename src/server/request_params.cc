#include "server/request_params.h"

#include <charconv>

#include "ingest/text_checks.h"

namespace dyad {
namespace {

Status Bad(std::string_view name, std::string_view why) {
  return InvalidArgumentError("parameter '" + std::string(name) + "': " +
                              std::string(why));
}

}  // namespace

bool IsCode(std::string_view s) {
  if (s.empty() || s.size() > 15) return false;
  for (char c : s) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

Status RequestParams::Check(
    std::initializer_list<std::string_view> known) const {
  for (auto it = params_.begin(); it != params_.end();
       it = params_.upper_bound(it->first)) {
    bool ok = false;
    for (std::string_view k : known) ok = ok || k == it->first;
    if (!ok) {
      std::string list;
      for (std::string_view k : known) {
        list += list.empty() ? "" : ", ";
        list += k;
      }
      return InvalidArgumentError(
          "unknown parameter '" + it->first + "' (expected " +
          (list.empty() ? std::string("none") : list) + ")");
    }
    if (params_.count(it->first) > 1) return Bad(it->first, "given twice");
  }
  return Status::Ok();
}

std::optional<std::string> RequestParams::Get(std::string_view name) const {
  auto it = params_.find(std::string(name));
  if (it == params_.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

Result<Day> RequestParams::Date(std::string_view name) const {
  auto v = Get(name);
  if (!v) return kNoDay;
  auto day = ParseIsoDay(*v);
  if (!day.ok() || v->size() != 10) {
    return Bad(name, "'" + *v + "' is not a YYYY-MM-DD date");
  }
  return *day;
}

Result<std::optional<std::string>> RequestParams::Code(
    std::string_view name) const {
  auto v = Get(name);
  if (!v) return std::optional<std::string>();
  if (!IsCode(*v)) return Bad(name, "expected 1-15 of A-Z and 0-9");
  return v;
}

Result<int64_t> RequestParams::Int(std::string_view name, int64_t fallback,
                                   int64_t min, int64_t max) const {
  auto v = Get(name);
  if (!v) return fallback;
  int64_t n = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || end != v->data() + v->size()) {
    return Bad(name, "'" + *v + "' is not an integer");
  }
  if (n < min || n > max) {
    return Bad(name, "must be between " + std::to_string(min) + " and " +
                         std::to_string(max));
  }
  return n;
}

Result<bool> RequestParams::Bool(std::string_view name, bool fallback) const {
  auto v = Get(name);
  if (!v) return fallback;
  if (*v == "1" || *v == "true") return true;
  if (*v == "0" || *v == "false") return false;
  return Bad(name, "expected 0, 1, true or false");
}

Result<std::string> RequestParams::Choice(
    std::string_view name, std::string_view fallback,
    std::initializer_list<std::string_view> allowed) const {
  auto v = Get(name);
  if (!v) return std::string(fallback);
  std::string list;
  for (std::string_view a : allowed) {
    if (*v == a) return *v;
    list += list.empty() ? "" : ", ";
    list += a;
  }
  return Bad(name, "'" + *v + "' is not one of " + list);
}

Result<std::optional<std::string>> RequestParams::Text(std::string_view name,
                                                       size_t max_bytes) const {
  auto v = Get(name);
  if (!v) return std::optional<std::string>();
  if (v->size() > max_bytes) {
    return Bad(name, "longer than " + std::to_string(max_bytes) + " bytes");
  }
  if (FindInvalidUtf8(*v) != kValidUtf8) return Bad(name, "invalid UTF-8");
  return v;
}

}  // namespace dyad
