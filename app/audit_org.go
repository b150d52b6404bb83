package app

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/auditreport"
	"github.com/clausewatch/clausewatch/billing"
	"github.com/clausewatch/clausewatch/store"
)

// auditPeriodDefault is the period the audit page proposes.
const auditPeriodDefault = 90 * 24 * time.Hour

// auditPage is what the audit page shows: the period form's values.
type auditPage struct {
	From, To string
	MaxYears int
}

// showAuditPage serves /app/audit: a period form and the download links of
// the organization's audit report.
func (e *catalogueHandlers) showAuditPage(c echo.Context) error {
	a := authFrom(c)
	if err := billing.Require(billing.Entitlements(a.Organization.Plan), billing.FeatureAuditExport); err != nil {
		return err
	}
	today := time.Now().UTC()
	p := e.newPage(c, "Audit report")
	p.Data = auditPage{
		From:     today.Add(-auditPeriodDefault).Format(time.DateOnly),
		To:       today.Format(time.DateOnly),
		MaxYears: 3,
	}
	return e.render(c, "audit", p)
}

// exportOrganizationAudit serves /app/audit/report.{html,json,csv} for the
// period given by the from and to dates (both included, UTC).
func (e *catalogueHandlers) exportOrganizationAudit(format string) echo.HandlerFunc {
	return func(c echo.Context) error {
		a := authFrom(c)
		if err := billing.Require(billing.Entitlements(a.Organization.Plan), billing.FeatureAuditExport); err != nil {
			return err
		}
		from, to, err := auditPeriod(c.QueryParam("from"), c.QueryParam("to"))
		if err != nil {
			return echo.NewHTTPError(http.StatusBadRequest, "Bad period: "+err.Error()+".")
		}
		ctx := c.Request().Context()
		r, err := auditreport.BuildOrganization(ctx, e.store, a.Organization.ID, from, to, time.Now())
		if err != nil {
			return err
		}
		detail := fmt.Sprintf("report %s to %s (%s)", c.QueryParam("from"), c.QueryParam("to"), format)
		if err := e.store.AppendAudit(ctx, &a.Organization.ID, &a.User.ID, store.AuditExport, detail); err != nil {
			return fmt.Errorf("log audit export: %w", err)
		}
		name := fmt.Sprintf("clausewatch-audit-%s-%s-%s.%s", r.Organization.Slug, c.QueryParam("from"), c.QueryParam("to"), format)
		res := c.Response()
		res.Header().Set("Cache-Control", "no-store")
		switch format {
		case "json":
			res.Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, name))
			return c.JSONPretty(http.StatusOK, r, "  ")
		case "csv":
			res.Header().Set(echo.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s"`, name))
			res.Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
			res.WriteHeader(http.StatusOK)
			return auditreport.WriteCSV(res, r)
		}
		// The report is a standalone page: forbid scripts outright.
		res.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
		res.Header().Set(echo.HeaderContentType, echo.MIMETextHTMLCharsetUTF8)
		res.WriteHeader(http.StatusOK)
		return auditreport.WriteHTML(res, r)
	}
}

// auditPeriod parses the from and to dates (YYYY-MM-DD, both included) into
// the half-open interval of the report.
func auditPeriod(fromQ, toQ string) (time.Time, time.Time, error) {
	if fromQ == "" || toQ == "" {
		return time.Time{}, time.Time{}, errors.New("give the period as from=YYYY-MM-DD and to=YYYY-MM-DD")
	}
	from, err := time.Parse(time.DateOnly, fromQ)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("the start date %q is not a date of the form YYYY-MM-DD", fromQ)
	}
	to, err := time.Parse(time.DateOnly, toQ)
	if err != nil {
		return time.Time{}, time.Time{}, fmt.Errorf("the end date %q is not a date of the form YYYY-MM-DD", toQ)
	}
	if to.Before(from) {
		return time.Time{}, time.Time{}, fmt.Errorf("the end date %s is before the start date %s", toQ, fromQ)
	}
	if to.After(from.AddDate(3, 0, 0)) {
		return time.Time{}, time.Time{}, errors.New("the period is longer than 3 years; export it in several parts")
	}
	return from, to.AddDate(0, 0, 1), nil
}
