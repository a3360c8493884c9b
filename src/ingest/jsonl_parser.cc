#include "ingest/jsonl_parser.h"

#include <charconv>

namespace dyad {
namespace {

// Renders a scalar as text; returns false for null, arrays and objects.
bool ScalarText(simdjson::dom::element value, std::string* out) {
  char buf[64];
  switch (value.type()) {
    case simdjson::dom::element_type::STRING: {
      std::string_view s;
      if (value.get_string().get(s)) return false;
      out->assign(s);
      return true;
    }
    case simdjson::dom::element_type::INT64: {
      int64_t v = 0;
      if (value.get_int64().get(v)) return false;
      auto r = std::to_chars(buf, buf + sizeof(buf), v);
      out->assign(buf, r.ptr);
      return true;
    }
    case simdjson::dom::element_type::UINT64: {
      uint64_t v = 0;
      if (value.get_uint64().get(v)) return false;
      auto r = std::to_chars(buf, buf + sizeof(buf), v);
      out->assign(buf, r.ptr);
      return true;
    }
    case simdjson::dom::element_type::DOUBLE: {
      double v = 0;
      if (value.get_double().get(v)) return false;
      auto r = std::to_chars(buf, buf + sizeof(buf), v);
      out->assign(buf, r.ptr);
      return true;
    }
    case simdjson::dom::element_type::BOOL: {
      bool v = false;
      if (value.get_bool().get(v)) return false;
      out->assign(v ? "true" : "false");
      return true;
    }
    default:
      return false;
  }
}

}  // namespace

JsonlParser::JsonlParser(const ReaderOptions& options) : options_(options) {
  options_.on_error = nullptr;  // not needed here; avoid copying captures
}

Status JsonlParser::Parse(std::string_view line, Document* doc) {
  simdjson::dom::element root;
  simdjson::error_code err =
      parser_.parse(line.data(), line.size(), /*realloc_if_needed=*/false)
          .get(root);
  if (err) {
    return CorruptionError(std::string("invalid JSON: ") +
                           simdjson::error_message(err));
  }
  simdjson::dom::object object;
  if (root.get_object().get(object)) {
    return InvalidArgumentError("JSON line is not an object");
  }
  std::string value;
  for (simdjson::dom::key_value_pair field : object) {
    if (!ScalarText(field.value, &value)) continue;
    std::string_view key = field.key;
    if (key == options_.text_field) {
      doc->text = std::move(value);
    } else if (key == options_.id_field) {
      doc->id = std::move(value);
    } else if (key == options_.date_field) {
      doc->date = std::move(value);
    } else if (key == options_.title_field) {
      doc->title = std::move(value);
    } else if (key == options_.url_field) {
      doc->url = std::move(value);
    } else if (key == options_.source_field) {
      doc->source = std::move(value);
    } else if (key == options_.byline_field) {
      doc->byline = std::move(value);
    } else {
      doc->metadata.emplace_back(std::string(key), std::move(value));
    }
    value.clear();
  }
  return Status::Ok();
}

}  // namespace dyad
