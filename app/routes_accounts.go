package app

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/accounts"
	"github.com/clausewatch/clausewatch/store"
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

// accounts is the accounts service from the dependencies.
func (s *Server) accounts() *accounts.Service { return s.deps.Accounts }

// loadSession resolves the session cookie into an Auth on the context. A
// stale cookie is cleared and the request goes on anonymously.
func (s *Server) loadSession(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		raw := s.sessionCookie(c)
		if raw == "" {
			return next(c)
		}
		id, err := s.accounts().Session(c.Request().Context(), raw)
		switch {
		case errors.Is(err, store.ErrNotFound):
			s.clearSessionCookie(c)
		case err != nil:
			return err
		default:
			setAuth(c, &Auth{User: id.User, Organization: id.Organization, Role: id.Role, SessionID: raw})
		}
		return next(c)
	}
}

// requireLogin sends anonymous visitors to the login page (the error
// handler turns 401 into a redirect with ?next=).
func (s *Server) requireLogin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if authFrom(c) == nil {
			return echo.NewHTTPError(http.StatusUnauthorized, "Please log in.")
		}
		return next(c)
	}
}

// identity is the accounts view of the request's Auth.
func identity(a *Auth) *accounts.Identity {
	return &accounts.Identity{User: a.User, Organization: a.Organization, Role: a.Role, TokenID: a.TokenID}
}

// client describes the request for login throttling and session records.
func client(c echo.Context) accounts.Client {
	return accounts.Client{IP: c.RealIP(), UserAgent: c.Request().UserAgent()}
}
