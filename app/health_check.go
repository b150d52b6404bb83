package app

import (
	"context"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
)

func (s *Server) healthz(c echo.Context) error {
	return c.JSON(http.StatusOK, map[string]string{"status": "ok"})
}

// readyz answers 200 only when the database and Redis both answer, so a
// load balancer stops sending traffic to a replica that cannot serve it.
func (s *Server) readyz(c echo.Context) error {
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	checks := map[string]string{"database": "ok", "redis": "ok"}
	status := http.StatusOK
	if err := s.store.Ping(ctx); err != nil {
		s.log.Warn("readiness: database", "error", err)
		checks["database"] = "unavailable"
		status = http.StatusServiceUnavailable
	}
	if s.redis != nil {
		if err := s.redis.Ping(ctx); err != nil {
			s.log.Warn("readiness: redis", "error", err)
			checks["redis"] = "unavailable"
			status = http.StatusServiceUnavailable
		}
	}
	return c.JSON(status, checks)
}
