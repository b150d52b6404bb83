package app

import "github.com/labstack/echo/v4"

// loadSession resolves the session cookie into an Auth on the context.
func (s *Server) loadSession(next echo.HandlerFunc) echo.HandlerFunc {
	return next
}

// accountRoutes registers sign-up, login, verification, reset, members and
// tokens pages.
func (s *Server) accountRoutes(g *echo.Group) {}

// apiAccountRoutes registers /api/v1/signup, /tokens and /me.
func (s *Server) apiAccountRoutes(g *echo.Group) {}
