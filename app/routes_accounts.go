package app

import (
	"github.com/labstack/echo/v4"
)

// accountRoutes registers sign-up, login, verification, reset, invitation,
// dashboard, members and tokens pages.
func (s *Server) accountRoutes(g *echo.Group) {
	g.GET("/signup", s.showSignup).Name = "signup"
	g.POST("/signup", s.saveSignup).Name = "signup.save"
	g.GET("/login", s.showLogin).Name = "login"
	g.POST("/login", s.saveLogin).Name = "login.save"
	g.POST("/logout", s.saveLogout).Name = "logout"
	g.GET("/verify/:token", s.showVerify).Name = "verify"
	g.POST("/verify/resend", s.resendVerify, s.requireLogin).Name = "verify.resend"
	g.GET("/password/reset", s.showPasswordReset).Name = "password.reset"
	g.POST("/password/reset", s.requestPasswordReset).Name = "password.reset.request"
	g.GET("/password/reset/:token", s.showPasswordNew).Name = "password.new"
	g.POST("/password/reset/:token", s.savePasswordNew).Name = "password.new.save"
	g.GET("/invitations/:token", s.showInvitation).Name = "invitation"
	g.POST("/invitations/:token", s.acceptInvitation).Name = "invitation.accept"

	app := g.Group("/app", s.requireLogin)
	app.GET("", s.showDashboard).Name = "dashboard"
	app.GET("/members", s.showMembers).Name = "members"
	app.POST("/members/invite", s.inviteMember).Name = "members.invite"
	app.POST("/members/leave", s.leaveOrganization).Name = "members.leave"
	app.POST("/members/:id/remove", s.removeMember).Name = "members.remove"
	app.POST("/members/:id/transfer", s.transferOwnership).Name = "members.transfer"
	app.POST("/members/invitations/:id/revoke", s.revokeInvitation).Name = "members.invitation.revoke"
	app.GET("/activity", s.showActivity).Name = "activity"
	app.GET("/organizations", s.showOrganizations).Name = "organizations"
	app.POST("/organizations/:id/switch", s.switchOrganization).Name = "organizations.switch"
	app.POST("/organizations", s.createOrganization).Name = "organizations.create"
	app.GET("/tokens", s.showTokens).Name = "tokens"
	app.POST("/tokens", s.createToken).Name = "tokens.create"
	app.POST("/tokens/:id/revoke", s.revokeToken).Name = "tokens.revoke"
	app.GET("/password", s.showPasswordChange).Name = "password.change"
	app.POST("/password", s.savePasswordChange).Name = "password.change.save"
}

// apiAccountRoutes registers /api/v1/signup, /tokens and /me.
func (s *Server) apiAccountRoutes(g *echo.Group) {
	g.POST("/signup", s.apiSignup).Name = "api.signup"
	g.POST("/tokens", s.apiCreateToken).Name = "api.tokens.create"
	g.GET("/me", s.apiMe, s.requireAPIAuth).Name = "api.me"
}
