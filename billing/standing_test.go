package billing

import (
	"testing"
	"time"
)

func TestEntitledPlan(t *testing.T) {
	now := time.Date(2024, 5, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		subs []Standing
		want string
	}{
		{"none", nil, PlanFree},
		{"active", []Standing{{Status: StatusActive, Plan: PlanMonitor}}, PlanMonitor},
		{"trialing", []Standing{{Status: StatusTrialing, Plan: PlanCompliance}}, PlanCompliance},
		{"past due in grace", []Standing{{Status: StatusPastDue, Plan: PlanMonitor, PastDueSince: now.Add(-6 * 24 * time.Hour)}}, PlanMonitor},
		{"past due after grace", []Standing{{Status: StatusPastDue, Plan: PlanMonitor, PastDueSince: now.Add(-GracePeriod - time.Second)}}, PlanFree},
		{"canceled", []Standing{{Status: StatusCanceled, Plan: PlanCompliance}}, PlanFree},
		{"unpaid", []Standing{{Status: StatusUnpaid, Plan: PlanMonitor}}, PlanFree},
		{"incomplete", []Standing{{Status: "incomplete", Plan: PlanMonitor}}, PlanFree},
		{"richest wins", []Standing{{Status: StatusActive, Plan: PlanMonitor}, {Status: StatusActive, Plan: PlanCompliance}}, PlanCompliance},
		{"ended old, active new", []Standing{{Status: StatusCanceled, Plan: PlanCompliance}, {Status: StatusActive, Plan: PlanMonitor}}, PlanMonitor},
		{"unknown plan", []Standing{{Status: StatusActive, Plan: "platinum"}}, PlanFree},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EntitledPlan(tt.subs, now); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

func TestGraceEnds(t *testing.T) {
	since := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	s := Standing{Status: StatusPastDue, Plan: PlanMonitor, PastDueSince: since}
	if got := s.GraceEnds(); !got.Equal(since.Add(7 * 24 * time.Hour)) {
		t.Errorf("grace ends %s", got)
	}
	if got := (Standing{Status: StatusActive}).GraceEnds(); !got.IsZero() {
		t.Errorf("active has a grace end: %s", got)
	}
}
