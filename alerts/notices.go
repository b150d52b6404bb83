package alerts

import (
	"context"
	"log/slog"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// noticeTimeout bounds the work a recorder hook does for a notice.
const noticeTimeout = 30 * time.Second

// DocumentFailing is the recorder's Failing hook: it records one "we can't
// read it" notice to the owners of the organizations watching the document
// and relays it. Repeated calls before the document recovers record
// nothing more.
func (s *Service) DocumentFailing(doc *store.Document, cause error) {
	since := doc.CreatedAt
	if doc.LastSuccessAt != nil {
		since = *doc.LastSuccessAt
	}
	detail := ""
	if cause != nil {
		detail = shorten(cause.Error(), clauseLimit)
	}
	s.notice(doc, store.NoticeFailing, since, detail)
}

// DocumentRecovered is the recorder's Recovered hook: one "resumed" notice
// after a failing one.
func (s *Service) DocumentRecovered(doc *store.Document) {
	s.notice(doc, store.NoticeResumed, s.d.Now(), "")
}

func (s *Service) notice(doc *store.Document, kind string, since time.Time, detail string) {
	ctx, cancel := context.WithTimeout(context.Background(), noticeTimeout)
	defer cancel()
	n, err := s.d.Store.RecordNotice(ctx, doc.ID, kind, since, detail)
	if err != nil {
		s.d.Log.Error("record source notice", slog.Int64("document_id", doc.ID), slog.String("kind", kind), slog.String("error", err.Error()))
		return
	}
	if n == nil {
		return
	}
	s.d.Log.Info("source notice recorded", slog.Int64("document_id", doc.ID), slog.String("kind", kind))
	s.dispatch(ctx, store.DeliveryCause{NoticeID: n.ID})
}
