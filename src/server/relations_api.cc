#include "server/relations_api.h"

namespace dyad {

RelationsApi::RelationsApi(std::string db_path) : db_path_(std::move(db_path)) {}
RelationsApi::~RelationsApi() = default;

Result<nlohmann::json> RelationsApi::Relations(const RequestParams&) {
  return Status(StatusCode::kUnimplemented, "relations: not merged yet");
}
Result<nlohmann::json> RelationsApi::Partners(const RequestParams&) {
  return Status(StatusCode::kUnimplemented, "relations: not merged yet");
}
Result<nlohmann::json> RelationsApi::ShiftedDyads(const RequestParams&, Day,
                                                  Day, int64_t, int64_t,
                                                  ReadConnection&) {
  return Status(StatusCode::kUnimplemented, "relations: not merged yet");
}

}  // namespace dyad
