#include "server/document_view.h"

namespace dyad {

using json = nlohmann::json;

Result<json> DocumentView::Read(ReadConnection& conn,
                                const std::string& id) const {
  Document doc;
  json out;
  {
    DYAD_ASSIGN_OR_RETURN(
        Query q, conn.Prepare("SELECT id, url, date, title, source, text, "
                              "origin, cluster_id FROM documents WHERE id = ?"));
    q.BindText(1, id);
    if (!q.Step()) {
      DYAD_RETURN_IF_ERROR(q.status());
      return NotFoundError("no document with id '" + id + "'");
    }
    doc.id = q.Text(0);
    doc.url = q.Text(1);
    doc.date = q.Text(2);
    doc.title = q.Text(3);
    doc.source = q.Text(4);
    doc.text = q.Text(5);
    out["id"] = doc.id;
    auto text_or_null = [&](int col) {
      return q.IsNull(col) ? json(nullptr) : json(q.Text(col));
    };
    out["url"] = text_or_null(1);
    out["date"] = text_or_null(2);
    out["title"] = text_or_null(3);
    out["source"] = text_or_null(4);
    out["origin"] = q.Text(6);
    out["cluster_id"] = text_or_null(7);
  }
  // Sentences and actors as the coder reads the stored text (the stored
  // events' offsets came from the same reading).
  CodedDocument coded;
  coder_.Code(doc, &coded, /*trace=*/true);
  json sentences = json::array();
  for (size_t i = 0; i < coded.text.sentences.size(); ++i) {
    const Sentence& s = coded.text.sentences[i];
    sentences.push_back({{"index", i}, {"start", s.begin}, {"end", s.end}});
  }
  json actors = json::array();
  for (const SentenceTrace& t : coded.traces) {
    for (const ActorMention& m : t.mentions) {
      actors.push_back({{"start", m.begin},
                        {"end", m.end},
                        {"code", m.code},
                        {"country", m.country}});
    }
  }
  out["text"] = std::move(doc.text);
  out["sentences"] = std::move(sentences);
  out["actors"] = std::move(actors);
  DYAD_ASSIGN_OR_RETURN(out["events"], events_.EventsOfDocument(conn, id));
  return out;
}

}  // namespace dyad
