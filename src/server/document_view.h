// DocumentView: one stored document as /api/documents/{id} shows it — its
// text, dyad's sentences and actor mentions over it (recomputed by the
// coder from the stored text, so they match what the coder saw) and its
// stored events.
#ifndef DYAD_SERVER_DOCUMENT_VIEW_H_
#define DYAD_SERVER_DOCUMENT_VIEW_H_

#include <string>

#include <nlohmann/json.hpp>

#include "coder/event_coder.h"
#include "server/event_search.h"
#include "server/read_connection.h"
#include "util/status.h"

namespace dyad {

class DocumentView {
 public:
  // Both must outlive the view.
  DocumentView(const EventCoder& coder, const EventSearch& events)
      : coder_(coder), events_(events) {}

  // {"id","url","title","date","source","origin","cluster_id","text",
  //  "sentences":[{"index","start","end"}],"actors":[{"start","end","code",
  //  "country"}],"events":[...]}; NotFound naming the id. Thread-safe.
  Result<nlohmann::json> Read(ReadConnection& conn, const std::string& id) const;

 private:
  const EventCoder& coder_;
  const EventSearch& events_;
};

}  // namespace dyad

#endif  // DYAD_SERVER_DOCUMENT_VIEW_H_
