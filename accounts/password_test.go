package accounts

import (
	"strings"
	"testing"
)

func TestHashAndVerifyPassword(t *testing.T) {
	h, err := HashPassword("violet lantern harbour")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q", h)
	}
	h2, _ := HashPassword("violet lantern harbour")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: no salt")
	}
	tests := []struct {
		hash, password string
		ok             bool
		err            bool
	}{
		{h, "violet lantern harbour", true, false},
		{h, "violet lantern harbouR", false, false},
		{h, "", false, false},
		{"$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", "x", false, true},
		{"plaintext", "plaintext", false, true},
		{"$argon2id$v=19$m=19456,t=2,p=1$!!$aGFzaA", "x", false, true},
	}
	for _, tt := range tests {
		ok, err := VerifyPassword(tt.hash, tt.password)
		if ok != tt.ok || (err != nil) != tt.err {
			t.Errorf("VerifyPassword(%q, %q) = %v, %v", tt.hash, tt.password, ok, err)
		}
	}
}

func TestCommonPasswordList(t *testing.T) {
	list := loadCommonPasswords()
	if len(list) < 1000 {
		t.Fatalf("only %d common passwords", len(list))
	}
	for w := range list {
		if w != strings.ToLower(w) {
			t.Fatalf("%q is not lower-case", w)
		}
	}
}

func TestCheckPassword(t *testing.T) {
	s := &Service{}
	tests := []struct {
		password, email, want string
	}{
		{"violet lantern harbour", "ada@example.com", ""},
		{"Tr0ub4dor&3x", "", ""},
		{"short", "", "at least 10"},
		{strings.Repeat("é", 10), "", ""},
		{strings.Repeat("a", 129), "", "at most 128"},
		{"PASSWORD123", "", "too common"},
		{"1qaz2wsx3edc", "", "too common"},
		{"Liverpool2024!", "", "too common"},
		{"12345678901", "", "too common"},
		{"ada@example.com", "ada@example.com", "e-mail address"},
	}
	for _, tt := range tests {
		got := s.checkPassword(tt.password, tt.email)
		if (tt.want == "") != (got == "") || !strings.Contains(got, tt.want) {
			t.Errorf("checkPassword(%q) = %q, want %q", tt.password, got, tt.want)
		}
	}
}

func TestSlugify(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Acme Corp", "acme-corp"},
		{"  Acme -- Corp!  ", "acme-corp"},
		{"Ünïcode GmbH", "n-code-gmbh"},
		{"日本", "org"},
		{"ACME", "acme"},
		{strings.Repeat("ab ", 40), strings.Repeat("ab-", 14)[:40]},
	}
	for _, tt := range tests {
		if got := slugify(tt.in); got != tt.want {
			t.Errorf("slugify(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCheckEmail(t *testing.T) {
	for _, ok := range []string{"ada@example.com", "a.b+c@sub.example.co.uk"} {
		if msg := checkEmail(ok); msg != "" {
			t.Errorf("checkEmail(%q) = %q", ok, msg)
		}
	}
	for _, bad := range []string{"", "ada", "ada@", "@example.com", "ada@localhost", "Ada <ada@example.com>", "ada @example.com", "a@b@example.com"} {
		if checkEmail(bad) == "" {
			t.Errorf("checkEmail(%q) accepted", bad)
		}
	}
}

func BenchmarkVerifyPassword(b *testing.B) {
	h, err := HashPassword("violet lantern harbour")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if ok, _ := VerifyPassword(h, "violet lantern harbour"); !ok {
			b.Fatal("no match")
		}
	}
}
