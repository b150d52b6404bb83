package billing

import "testing"

func TestPlanTable(t *testing.T) {
	tests := []struct {
		id                           string
		platforms, custom, members   int
		sameDay, compliance, webhook bool
		rpm                          int
	}{
		{PlanFree, 1, 0, 1, false, false, false, 60},
		{PlanMonitor, 25, 5, 5, true, false, true, 600},
		{PlanCompliance, 100, 50, 25, true, true, true, 600},
	}
	for _, tt := range tests {
		p := Entitlements(tt.id)
		if p.ID != tt.id || p.Platforms != tt.platforms || p.CustomURLs != tt.custom || p.Members != tt.members ||
			p.SameDayAlerts != tt.sameDay || p.ComplianceAnalysis != tt.compliance || p.Webhooks != tt.webhook ||
			p.APIRequestsPerMin != tt.rpm {
			t.Errorf("%s: %+v", tt.id, p)
		}
	}
}

func TestUnknownPlanGetsFree(t *testing.T) {
	if p := Entitlements("platinum"); p.ID != PlanFree {
		t.Errorf("unknown plan got %s", p.ID)
	}
}

func TestLimitMessage(t *testing.T) {
	free := Entitlements(PlanFree)
	got := LimitMessage(free, LimitPlatforms)
	want := "The Free plan watches 1 platform; upgrade to Monitor to watch up to 25."
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	top := Entitlements(PlanCompliance)
	got = LimitMessage(top, LimitMembers)
	if got != "The Compliance plan has 25 members." {
		t.Errorf("got %q", got)
	}
}

func TestRequire(t *testing.T) {
	free := Entitlements(PlanFree)
	err := Require(free, FeatureComplianceAnalysis)
	if err == nil || err.Error() != "Compliance analysis is not part of the Free plan; upgrade to the Compliance plan." {
		t.Errorf("got %v", err)
	}
	if err := Require(Entitlements(PlanMonitor), FeatureSameDayAlerts); err != nil {
		t.Errorf("monitor has same-day alerts: %v", err)
	}
}
