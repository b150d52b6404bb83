package app

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/auditreport"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

// exportAudit serves /app/audit/{slug}.json: the platform's full version
// history with its hash chain, for organizations whose plan includes the
// audit export.
func (e *catalogueHandlers) exportAudit(c echo.Context) error {
	a := authFrom(c)
	if err := billing.Require(billing.Entitlements(a.Organization.Plan), billing.FeatureAuditExport); err != nil {
		return err
	}
	slug, ok := strings.CutSuffix(c.Param("file"), ".json")
	if !ok || slug == "" {
		return echo.NewHTTPError(http.StatusNotFound, "Not found.")
	}
	ctx := c.Request().Context()
	r, err := auditreport.Build(ctx, e.store, slug, time.Now())
	if err != nil {
		return err
	}
	if err := e.store.AppendAudit(ctx, &a.Organization.ID, &a.User.ID, store.AuditExport, slug); err != nil {
		return fmt.Errorf("log audit export: %w", err)
	}
	c.Response().Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="clausewatch-audit-%s.json"`, r.Platform.Slug))
	return c.JSONPretty(http.StatusOK, r, "  ")
}
