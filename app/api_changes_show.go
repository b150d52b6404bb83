package app

import (
	"encoding/json"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/billing"
)

// apiChangeDetail is one change with its sections and, for organizations
// entitled to compliance analysis, its provisions.
type apiChangeDetail struct {
	apiChange
	Sections   json.RawMessage `json:"sections"`
	Provisions json.RawMessage `json:"provisions,omitempty"`
}

// apiChange serves GET /api/v1/changes/{id}. Provisions are included when
// the caller's plan has compliance analysis; asking for them with
// ?analysis=1 without it is a 402.
func (e *catalogueHandlers) apiChange(c echo.Context) error {
	plan := callerPlan(c)
	wantAnalysis := c.QueryParam("analysis") == "1" || c.QueryParam("analysis") == "true"
	if wantAnalysis {
		if err := billing.Require(plan, billing.FeatureComplianceAnalysis); err != nil {
			return err
		}
	}
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	ch, err := e.store.Change(c.Request().Context(), callerOrg(c), id)
	if err != nil {
		return err
	}
	out := apiChangeDetail{apiChange: newAPIChange(c, *ch), Sections: jsonList(ch.Sections)}
	if plan.ComplianceAnalysis {
		out.Provisions = jsonList(ch.Provisions)
	}
	return c.JSON(http.StatusOK, out)
}

// jsonList returns a stored JSON array, or [] for an empty column.
func jsonList(raw []byte) json.RawMessage {
	if len(raw) == 0 || string(raw) == "null" {
		return json.RawMessage("[]")
	}
	return json.RawMessage(raw)
}
