package mail

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"
)

// FileSender writes each message as an RFC 5322 .eml file and logs a line,
// for the embedded mode where no SMTP server is configured.
type FileSender struct {
	dir  string
	from string
	log  *slog.Logger
}

// NewFileSender writes messages into dir, created on first use.
func NewFileSender(dir, from string, log *slog.Logger) *FileSender {
	return &FileSender{dir: dir, from: from, log: log}
}

// Send writes m to a new file named by time and a random suffix, so files
// sort by sending order and never collide.
func (f *FileSender) Send(ctx context.Context, m Message) error {
	msg, err := compose(f.from, m)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(f.dir, 0o700); err != nil {
		return fmt.Errorf("mail outbox: %w", err)
	}
	suffix := make([]byte, 4)
	_, _ = rand.Read(suffix)
	name := filepath.Join(f.dir, time.Now().UTC().Format("20060102T150405.000000000")+"-"+hex.EncodeToString(suffix)+".eml")
	if err := msg.WriteToFile(name); err != nil {
		return fmt.Errorf("mail outbox: write %s: %w", name, err)
	}
	f.log.InfoContext(ctx, "mail written to outbox", slog.String("to", m.To), slog.String("subject", m.Subject), slog.String("file", name))
	return nil
}
