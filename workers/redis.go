package workers

import (
	"context"
	"fmt"

	"github.com/alicebob/miniredis/v2"
	"github.com/hibiken/asynq"
	"github.com/redis/go-redis/v9"
)

// Redis is the connection the queue runs on: a real server, or the
// in-process one of the embedded mode.
type Redis struct {
	Client   redis.UniversalClient
	embedded *miniredis.Miniredis
	url      string
}

// OpenRedis connects to url, or starts an in-process Redis when url is
// empty.
func OpenRedis(ctx context.Context, url string) (*Redis, error) {
	if url == "" {
		m := miniredis.NewMiniRedis()
		// Let keys with a TTL expire on the wall clock, as Asynq's locks and
		// uniqueness keys expect.
		m.ClockTTL(true)
		if err := m.StartAddr("127.0.0.1:0"); err != nil {
			return nil, fmt.Errorf("start in-process redis: %w", err)
		}
		return &Redis{Client: redis.NewClient(&redis.Options{Addr: m.Addr()}), embedded: m, url: "redis://" + m.Addr()}, nil
	}
	opts, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	r := &Redis{Client: redis.NewClient(opts), url: url}
	if err := r.Ping(ctx); err != nil {
		_ = r.Client.Close()
		return nil, err
	}
	return r, nil
}

// Embedded reports whether this is the in-process Redis.
func (r *Redis) Embedded() bool { return r.embedded != nil }

// Ping checks that Redis answers.
func (r *Redis) Ping(ctx context.Context) error {
	if err := r.Client.Ping(ctx).Err(); err != nil {
		return fmt.Errorf("ping redis: %w", err)
	}
	return nil
}

// Close closes the connection and stops an in-process server.
func (r *Redis) Close() error {
	err := r.Client.Close()
	if r.embedded != nil {
		r.embedded.Close()
	}
	return err
}

// ConnOpt describes the connection for Asynq components that open their own
// (the dashboard).
func (r *Redis) ConnOpt() (asynq.RedisConnOpt, error) {
	opt, err := asynq.ParseRedisURI(r.url)
	if err != nil {
		return nil, fmt.Errorf("redis connection: %w", err)
	}
	return opt, nil
}
