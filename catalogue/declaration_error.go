package catalogue

// DeclarationError reports a declaration that cannot be used: the file, the
// field inside it in JSON-path form (`terms["Privacy Policy"].select[1]`,
// empty when the file as a whole is at fault) and why.
type DeclarationError struct {
	File  string
	Field string
	Err   error
}

func (e *DeclarationError) Error() string {
	if e.Field == "" {
		return e.File + ": " + e.Err.Error()
	}
	return e.File + ": " + e.Field + ": " + e.Err.Error()
}

func (e *DeclarationError) Unwrap() error { return e.Err }
