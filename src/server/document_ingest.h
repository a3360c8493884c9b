// DocumentIngest: a JSON Lines body (the `dyad ingest` record format) coded
// and stored, for POST /api/ingest.
//
// The body is checked whole before anything is stored: a line that is not
// valid UTF-8 or not a JSON object makes the request fail (InvalidArgument
// naming the line) and nothing is written, so the client can fix and resend
// (storage is idempotent). Records that parse but cannot be used (no text,
// binary text) are skipped and listed in "errors"; a bad date is listed and
// the record kept undated. A record without an id gets "http:<content
// hash>", so re-posting it changes nothing. Coding runs on the caller's
// thread; one writer at a time stores, in one transaction per request.
#ifndef DYAD_SERVER_DOCUMENT_INGEST_H_
#define DYAD_SERVER_DOCUMENT_INGEST_H_

#include <mutex>
#include <string_view>

#include <nlohmann/json.hpp>

#include "coder/event_coder.h"
#include "store/event_store.h"
#include "util/status.h"

namespace dyad {

class DocumentIngest {
 public:
  // `coder` and `store` (the server's only writer) must outlive this.
  DocumentIngest(const EventCoder& coder, EventStore* store)
      : coder_(coder), store_(store) {}

  // {"inserted","replaced","unchanged","events","errors":[{"line","message"}]}.
  // InvalidArgument ("line N: ...") for a malformed line; the store's error
  // when writing fails (nothing is stored then). Thread-safe.
  Result<nlohmann::json> Ingest(std::string_view body);

 private:
  const EventCoder& coder_;
  std::mutex write_mu_;  // guards store_
  EventStore* store_;
};

}  // namespace dyad

#endif  // DYAD_SERVER_DOCUMENT_INGEST_H_
