package ratelimit_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"

	"github.com/clausewatch/clausewatch/ratelimit"
)

// eachRedis runs fn on the in-process Redis and, when TEST_REDIS_URL is
// set, on a real one.
func eachRedis(t *testing.T, fn func(t *testing.T, client *redis.Client)) {
	t.Run("miniredis", func(t *testing.T) {
		m := miniredis.RunT(t)
		client := redis.NewClient(&redis.Options{Addr: m.Addr()})
		defer client.Close()
		fn(t, client)
	})
	if u := os.Getenv("TEST_REDIS_URL"); u != "" {
		t.Run("redis", func(t *testing.T) {
			opt, err := redis.ParseURL(u)
			if err != nil {
				t.Fatal(err)
			}
			client := redis.NewClient(opt)
			defer client.Close()
			fn(t, client)
		})
	}
}

func TestBudgetIsSharedAndRefills(t *testing.T) {
	eachRedis(t, func(t *testing.T, client *redis.Client) {
		ctx := context.Background()
		key := "test:" + t.Name() + time.Now().Format("150405.000000000")
		// Two limiters on one Redis stand for two web replicas.
		a, b := ratelimit.New(client), ratelimit.New(client)
		allowed := 0
		for i := range 10 {
			l := a
			if i%2 == 1 {
				l = b
			}
			ok, _, err := l.Allow(ctx, key, 5, time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			if ok {
				allowed++
			}
		}
		if allowed != 5 {
			t.Fatalf("%d of 10 requests allowed on a budget of 5 shared by two replicas", allowed)
		}
		ok, retry, err := a.Allow(ctx, key, 5, time.Hour)
		if err != nil || ok {
			t.Fatalf("over the budget: allowed %v, %v", ok, err)
		}
		// One request comes back every 12 minutes.
		if retry <= 0 || retry > 12*time.Minute {
			t.Fatalf("retry after %s, want at most 12m", retry)
		}
		if ok, _, _ := a.Allow(ctx, key+":other", 5, time.Hour); !ok {
			t.Fatal("another key shares the budget")
		}
	})
}
