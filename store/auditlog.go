package store

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// Audit-log actions: every action any part of Clausewatch writes, in one
// list, so the activity page and the tests name the same strings.
const (
	// Accounts and members.
	AuditSignup         = "user.signup"
	AuditVerify         = "user.verify"
	AuditPasswordChange = "user.password_change"
	AuditPasswordReset  = "user.password_reset"
	AuditStaffGrant     = "user.staff_grant"
	AuditInvite         = "member.invite"
	AuditInviteRevoke   = "member.invite_revoke"
	AuditAccept         = "member.accept"
	AuditRemove         = "member.remove"
	AuditLeave          = "member.leave"
	AuditTransfer       = "org.transfer_ownership"
	AuditOrgCreate      = "org.create"
	AuditTokenCreate    = "token.create"
	AuditTokenRevoke    = "token.revoke"
	// AuditTokensRevokedByPassword: a password reset or change revoked all
	// of the user's API tokens in the organization.
	AuditTokensRevokedByPassword = "token.revoke_all_password"

	// Watchlists and plans.
	AuditPlanChange  = "org.plan_change"
	AuditWatchAdd    = "watch.add"
	AuditWatchRemove = "watch.remove"
	AuditFeedToken   = "feed_token.change"

	// Billing.
	AuditCheckout      = "billing.checkout"
	AuditSubscription  = "billing.subscription"
	AuditPaymentFailed = "billing.payment_failed"
	AuditPaymentOK     = "billing.payment_recovered"

	// Audit reports.
	AuditExport = "audit.export"
)

// AppendAudit adds one line to the audit log. orgID and actorID are nil for
// events outside an organization or without a person behind them.
func (s *Store) AppendAudit(ctx context.Context, orgID, actorID *int64, action, detail string) error {
	e := &AuditEntry{OrganizationID: orgID, ActorUserID: actorID, Action: action, Detail: detail}
	if err := s.conn(ctx).Create(e).Error; err != nil {
		return fmt.Errorf("append audit %s: %w", action, err)
	}
	return nil
}

// AuditLog returns the organization's latest audit entries, newest first,
// each with the e-mail address of the person who acted.
func (s *Store) AuditLog(ctx context.Context, orgID int64, limit int) ([]AuditEntry, error) {
	var es []AuditEntry
	err := s.conn(ctx).Scopes(forOrg(orgID)).
		Preload("Actor", func(db *gorm.DB) *gorm.DB { return db.Select("id", "email") }).
		Order("created_at DESC, id DESC").Limit(limit).Find(&es).Error
	if err != nil {
		return nil, fmt.Errorf("read audit log: %w", err)
	}
	return es, nil
}
