package app

import (
	"fmt"

	"github.com/labstack/echo/v4"

	"github.com/clausewatch/clausewatch/config"
)

// clientIPExtractor decides where a request comes from. Without trusted
// proxies it is the connection's peer and X-Forwarded-For is ignored, as
// anyone can send it. With them, the header is walked from the nearest hop
// back and the first address that is not a trusted proxy is the client;
// loopback and private networks are trusted only when listed.
func clientIPExtractor(cfg *config.Config) (echo.IPExtractor, error) {
	nets, err := cfg.TrustedProxyNets()
	if err != nil {
		return nil, fmt.Errorf("app: %w", err)
	}
	if len(nets) == 0 {
		return echo.ExtractIPDirect(), nil
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range nets {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...), nil
}
