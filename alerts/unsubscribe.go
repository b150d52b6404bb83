package alerts

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/clausewatch/clausewatch/store"
)

// ErrBadUnsubscribe is returned for an unsubscribe link that was not made
// by us (tampered, truncated or signed with another secret).
var ErrBadUnsubscribe = errors.New("this unsubscribe link is not valid")

// Unsubscription is what a signed unsubscribe link stands for.
type Unsubscription struct {
	UserID         int64
	OrganizationID int64
	Kind           string // store.OptOutSameDay or store.OptOutDigest
}

// UnsubscribeToken signs user, organization and kind, so that the link
// works without logging in and cannot be pointed at someone else.
func (s *Service) UnsubscribeToken(u Unsubscription) string {
	payload := fmt.Sprintf("%d.%d.%s", u.UserID, u.OrganizationID, u.Kind)
	return payload + "." + s.unsubscribeMAC(payload)
}

// UnsubscribeURL is the absolute one-click unsubscribe link.
func (s *Service) UnsubscribeURL(userID, orgID int64, kind string) string {
	return s.d.BaseURL + "/alerts/unsubscribe?token=" + s.UnsubscribeToken(Unsubscription{UserID: userID, OrganizationID: orgID, Kind: kind})
}

func (s *Service) unsubscribeMAC(payload string) string {
	mac := hmac.New(sha256.New, []byte(s.d.Secret))
	mac.Write([]byte("unsubscribe:"))
	mac.Write([]byte(payload))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// ParseUnsubscribe checks a token's signature and reads it.
func (s *Service) ParseUnsubscribe(token string) (Unsubscription, error) {
	var u Unsubscription
	i := strings.LastIndexByte(token, '.')
	if i < 0 || s.d.Secret == "" {
		return u, ErrBadUnsubscribe
	}
	payload, sig := token[:i], token[i+1:]
	if !hmac.Equal([]byte(sig), []byte(s.unsubscribeMAC(payload))) {
		return u, ErrBadUnsubscribe
	}
	parts := strings.Split(payload, ".")
	if len(parts) != 3 {
		return u, ErrBadUnsubscribe
	}
	var err1, err2 error
	u.UserID, err1 = strconv.ParseInt(parts[0], 10, 64)
	u.OrganizationID, err2 = strconv.ParseInt(parts[1], 10, 64)
	u.Kind = parts[2]
	if err1 != nil || err2 != nil || (u.Kind != store.OptOutSameDay && u.Kind != store.OptOutDigest) {
		return u, ErrBadUnsubscribe
	}
	return u, nil
}

// UnsubscribeTarget describes a valid link for the confirmation page.
type UnsubscribeTarget struct {
	Unsubscription
	Email        string
	Organization string
}

// Describe checks a token and names who and what it unsubscribes.
func (s *Service) Describe(ctx context.Context, token string) (*UnsubscribeTarget, error) {
	u, err := s.ParseUnsubscribe(token)
	if err != nil {
		return nil, err
	}
	user, err := s.d.Store.UserByID(ctx, u.UserID)
	if err != nil {
		return nil, err
	}
	org, err := s.d.Store.Organization(ctx, u.OrganizationID)
	if err != nil {
		return nil, err
	}
	return &UnsubscribeTarget{Unsubscription: u, Email: user.Email, Organization: org.Name}, nil
}

// Unsubscribe applies a signed link: the member stops getting that kind of
// alert mail from that organization.
func (s *Service) Unsubscribe(ctx context.Context, token string) (*UnsubscribeTarget, error) {
	t, err := s.Describe(ctx, token)
	if err != nil {
		return nil, err
	}
	if err := s.d.Store.SetOptOut(ctx, t.OrganizationID, t.UserID, t.Kind, true); err != nil {
		return nil, err
	}
	return t, nil
}
