package app

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/clausewatch/clausewatch/mail"
)

func TestQueueDashboardIsStaffOnly(t *testing.T) {
	dashboard := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "queue dashboard") })
	ta := serveTestApp(t, &mail.Recorder{}, func(d *Deps) { d.QueueUI = dashboard })

	anonymous := ta.browser().get("/admin/queues")
	wantRedirect(t, anonymous, "/login?next=%2Fadmin%2Fqueues")

	b := ta.browser()
	wantStatus(t, b.signup("ops@example.com", "correct horse battery", "Ops"), http.StatusSeeOther)
	wantStatus(t, b.get("/admin/queues"), http.StatusNotFound)

	u, err := ta.store.UserByEmail(context.Background(), "ops@example.com")
	if err != nil {
		t.Fatal(err)
	}
	if err := ta.store.SetStaff(context.Background(), u.ID, true); err != nil {
		t.Fatal(err)
	}
	r := b.get("/admin/queues")
	wantStatus(t, r, http.StatusOK)
	if !strings.Contains(r.Body, "queue dashboard") {
		t.Errorf("dashboard not served: %q", r.Body)
	}
}
