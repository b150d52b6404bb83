package accounts

import (
	"crypto/rand"
	"crypto/subtle"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Argon2id parameters: OWASP's recommended minimum (19 MiB, two passes, one
// lane). The hash string records them, so raising them later still verifies
// old hashes.
const (
	argonMemoryKiB = 19 * 1024
	argonTime      = 2
	argonThreads   = 1
	argonKeyLen    = 32
	argonSaltLen   = 16
)

// Password length bounds, in characters.
const (
	MinPasswordLength = 10
	MaxPasswordLength = 128
)

// HashPassword returns the PHC string of an argon2id hash of password with a
// fresh random salt: $argon2id$v=19$m=19456,t=2,p=1$salt$hash.
func HashPassword(password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemoryKiB, argonThreads, argonKeyLen)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, argonMemoryKiB, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// errBadHash means a stored hash is not a PHC argon2id string.
var errBadHash = errors.New("malformed password hash")

// VerifyPassword reports whether password matches the PHC string, comparing
// in constant time.
func VerifyPassword(encoded, password string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errBadHash
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return false, errBadHash
	}
	var memory, passes uint32
	var threads uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &memory, &passes, &threads); err != nil {
		return false, errBadHash
	}
	b64 := base64.RawStdEncoding
	salt, err := b64.DecodeString(parts[4])
	if err != nil {
		return false, errBadHash
	}
	want, err := b64.DecodeString(parts[5])
	if err != nil || len(want) == 0 {
		return false, errBadHash
	}
	got := argon2.IDKey([]byte(password), salt, passes, memory, threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

//go:embed common_passwords.txt
var commonPasswordsText string

// commonPasswords is the set of refused passwords, lower-cased.
type commonPasswords map[string]struct{}

// refusedPasswords is the list, read on the first password checked: only
// sign-ups and password changes need it, and every process of the
// service (a check round, a worker) was paying for the map at start-up.
var refusedPasswords = sync.OnceValue(loadCommonPasswords)

func loadCommonPasswords() commonPasswords {
	set := commonPasswords{}
	for _, line := range strings.Split(commonPasswordsText, "\n") {
		if w := strings.TrimSpace(line); w != "" {
			set[strings.ToLower(w)] = struct{}{}
		}
	}
	return set
}

// common reports whether p is a listed password, or a listed one followed
// by digits and symbols ("Sunshine2024!" is "sunshine" plus noise).
func (c commonPasswords) common(p string) bool {
	p = strings.ToLower(p)
	if _, ok := c[p]; ok {
		return true
	}
	stem := strings.TrimRightFunc(p, func(r rune) bool { return unicode.IsDigit(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) })
	if stem == "" || stem == p {
		return stem == ""
	}
	_, ok := c[stem]
	return ok
}

// checkPassword returns a message for the user when password is not
// acceptable, or "".
func (s *Service) checkPassword(password, email string) string {
	n := utf8.RuneCountInString(password)
	switch {
	case n < MinPasswordLength:
		return fmt.Sprintf("Use at least %d characters.", MinPasswordLength)
	case n > MaxPasswordLength:
		return fmt.Sprintf("Use at most %d characters.", MaxPasswordLength)
	case refusedPasswords().common(password):
		return "This password is too common; choose one that is harder to guess."
	case email != "" && strings.EqualFold(password, email):
		return "Do not use your e-mail address as your password."
	}
	return ""
}
