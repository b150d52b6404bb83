package config

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// EnsureSessionSecret fills SessionSecret when it was not configured: it
// reads the secret kept in the data directory, or creates one there, so that
// sessions survive restarts of the embedded mode.
func (c *Config) EnsureSessionSecret() error {
	if c.SessionSecret != "" {
		return nil
	}
	path := filepath.Join(c.DataDir, "session_secret")
	data, err := os.ReadFile(path)
	if err == nil && len(strings.TrimSpace(string(data))) >= 32 {
		c.SessionSecret = strings.TrimSpace(string(data))
		return nil
	}
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("read session secret: %w", err)
	}
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return fmt.Errorf("generate session secret: %w", err)
	}
	secret := hex.EncodeToString(buf)
	if err := os.MkdirAll(c.DataDir, 0o700); err != nil {
		return fmt.Errorf("create data directory: %w", err)
	}
	if err := os.WriteFile(path, []byte(secret+"\n"), 0o600); err != nil {
		return fmt.Errorf("write session secret: %w", err)
	}
	c.SessionSecret = secret
	return nil
}
