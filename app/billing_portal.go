package app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// savePortal sends the person to the Stripe Billing Portal.
func (s *Server) savePortal(c echo.Context) error {
	url, err := s.portalURL(c)
	if err != nil {
		return s.billingFormError(c, err)
	}
	return c.Redirect(http.StatusSeeOther, url)
}

// apiPortal answers 200 {"url": …} to the Billing Portal.
func (s *Server) apiPortal(c echo.Context) error {
	url, err := s.portalURL(c)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, billingURL{URL: url})
}

func (s *Server) portalURL(c echo.Context) (string, error) {
	svc, err := s.billingService()
	if err != nil {
		return "", err
	}
	return svc.Portal(c.Request().Context(), authFrom(c).Organization.ID)
}
