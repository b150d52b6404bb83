package workers

import (
	"context"
	"fmt"
	"time"

	"github.com/hibiken/asynq"
	"github.com/prometheus/client_golang/prometheus"
)

type jobMetrics struct {
	processed *prometheus.CounterVec
	duration  *prometheus.HistogramVec
}

func newJobMetrics(reg *prometheus.Registry) (*jobMetrics, error) {
	m := &jobMetrics{
		processed: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "clausewatch_jobs_processed_total",
			Help: "Background tasks processed, by type and result.",
		}, []string{"type", "result"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "clausewatch_job_duration_seconds",
			Help:    "Background task duration by type.",
			Buckets: []float64{.01, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60},
		}, []string{"type"}),
	}
	if reg != nil {
		for _, c := range []prometheus.Collector{m.processed, m.duration} {
			if err := reg.Register(c); err != nil {
				return nil, fmt.Errorf("register job metrics: %w", err)
			}
		}
	}
	return m, nil
}

func (m *jobMetrics) middleware(next asynq.Handler) asynq.Handler {
	return asynq.HandlerFunc(func(ctx context.Context, t *asynq.Task) error {
		start := time.Now()
		err := next.ProcessTask(ctx, t)
		result := "ok"
		if err != nil {
			result = "error"
		}
		m.processed.WithLabelValues(t.Type(), result).Inc()
		m.duration.WithLabelValues(t.Type()).Observe(time.Since(start).Seconds())
		return err
	})
}
