package cli

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
)

// A worker that cannot build one of its services must refuse to start:
// before, a worker whose mailer could not be built ran without alert
// handlers and recorded changes that never got alerts.
func TestWorkerRefusesToStartWithoutItsServices(t *testing.T) {
	secret := strings.Repeat("s", 32)
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"mailer cannot be built", map[string]string{"SMTP_URL": "smtp://:25", "SESSION_SECRET": secret}, "SMTP_URL"},
		{"no shared session secret", map[string]string{"SESSION_SECRET": ""}, "SESSION_SECRET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mr := miniredis.RunT(t)
			dir := t.TempDir()
			t.Setenv("CLAUSEWATCH_DATA_DIR", dir)
			t.Setenv("DATABASE_URL", "sqlite://"+filepath.Join(dir, "cw.db"))
			t.Setenv("REDIS_URL", "redis://"+mr.Addr()+"/0")
			t.Setenv("SMTP_URL", "")
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			// A worker that starts runs until its context ends and then
			// returns nil; one that refuses returns at once with the reason.
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			var out, errOut bytes.Buffer
			err := runWorker(ctx, nil, &out, &errOut)
			if err == nil {
				t.Fatalf("worker started; output %q", out.String())
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %q does not name %s", err, tt.want)
			}
			if strings.Contains(out.String(), "running") {
				t.Fatalf("worker said it runs: %q", out.String())
			}
		})
	}
}
