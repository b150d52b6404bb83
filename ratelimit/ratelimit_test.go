package ratelimit_test

import (
	"context"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/clausewatch/clausewatch/ratelimit"
)

func TestFixedWindow(t *testing.T) {
	m := miniredis.RunT(t)
	now := time.Date(2026, 3, 1, 12, 0, 15, 0, time.UTC)
	clock := func() time.Time { return now }
	client := redis.NewClient(&redis.Options{Addr: m.Addr()})
	defer client.Close()
	// Two limiters on one Redis stand for two web replicas.
	a, b := ratelimit.New(client, clock), ratelimit.New(client, clock)
	ctx := context.Background()

	tests := []struct {
		name    string
		l       *ratelimit.Limiter
		key     string
		advance time.Duration
		allowed bool
		retry   time.Duration
	}{
		{"first", a, "t1", 0, true, 0},
		{"second on the other replica", b, "t1", 0, true, 0},
		{"third is over", a, "t1", 0, false, 45 * time.Second},
		{"another key has its own count", a, "t2", 0, true, 0},
		{"still over later in the window", b, "t1", 40 * time.Second, false, 5 * time.Second},
		{"next window starts afresh", a, "t1", 5 * time.Second, true, 0},
	}
	for _, tt := range tests {
		now = now.Add(tt.advance)
		allowed, retry, err := tt.l.Allow(ctx, tt.key, 2, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if allowed != tt.allowed || retry != tt.retry {
			t.Errorf("%s: allowed %v, retry %v; want %v, %v", tt.name, allowed, retry, tt.allowed, tt.retry)
		}
	}
	if ttl := m.TTL("clausewatch:ratelimit:t2:" + "1772366400"); ttl <= 0 {
		t.Errorf("window key has no TTL (%v): %v", ttl, m.Keys())
	}
}

func TestRedisDown(t *testing.T) {
	client := redis.NewClient(&redis.Options{Addr: "127.0.0.1:1", MaxRetries: -1})
	defer client.Close()
	if _, _, err := ratelimit.New(client, nil).Allow(context.Background(), "k", 1, time.Minute); err == nil {
		t.Fatal("no error without Redis")
	}
}
