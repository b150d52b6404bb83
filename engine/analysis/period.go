package analysis

import (
	"slices"
	"strconv"
)

// periodRestatement is the share of words an added statement of a period
// has in common with the removed one it restates: lower than restatement,
// since the data kept and the start of the period are often reworded
// with the period ("the data we collect for customer relations is kept
// for three years from your last visit").
const periodRestatement = 0.45

// periodsShortened reports whether the added statements keep data for
// less time than the removed ones they restate: every added statement
// that names a period has close to half its words or more in common with
// a removed one that named a longer or the same period, and one at least
// a longer. "We keep your data for five years" become "… for three years"
// narrows retention; a period cut for one kind of data and lengthened or
// newly set for another is no narrowing.
func periodsShortened(added, removed []finding) bool {
	shorter := false
	for _, a := range added {
		now := longestPeriod(a.words)
		if now == 0 {
			continue
		}
		r, score := closestOverlap(a.words, removed)
		if score < periodRestatement {
			return false
		}
		was := longestPeriod(r.words)
		if was == 0 || now > was {
			return false
		}
		shorter = shorter || now < was
	}
	return shorter
}

// longestPeriod returns the longest period words name, in hours: a number,
// in digits or spelled out, before a unit of time ("30 days", "five
// years", "trois ans", "sechs Monate"); 0 when they name none.
func longestPeriod(words []string) int {
	longest := 0
	for i := 0; i+1 < len(words); i++ {
		n := periodNumber(words[i])
		if n == 0 {
			continue
		}
		if h := unitHours(words[i+1]); h > 0 {
			longest = max(longest, n*h)
		}
	}
	return longest
}

// periodNumber returns the value of a number written in digits or spelled
// out in English, French or German, 0 for any other word.
func periodNumber(w string) int {
	if isNumber(w) {
		n, err := strconv.Atoi(w)
		if err != nil {
			return 0
		}
		return n
	}
	if n := numberWord(w); n > 0 {
		return n
	}
	spelled := [...][]string{
		1:  {"un", "une", "ein", "einen", "einem", "eines", "einer"},
		2:  {"deux", "zwei"},
		3:  {"trois", "drei"},
		4:  {"quatre", "vier"},
		5:  {"cinq", "funf"},
		6:  {"six", "sechs"},
		7:  {"sept", "sieben"},
		8:  {"huit", "acht"},
		9:  {"neuf", "neun"},
		10: {"dix", "zehn"},
		12: {"douze", "zwolf"},
		13: {"treize", "dreizehn"},
		30: {"trente", "dreissig"},
	}
	for n, ws := range spelled {
		if slices.Contains(ws, w) {
			return n
		}
	}
	return 0
}

// unitHours returns the length in hours of a unit of time named in
// English, French or German, 0 for any other word.
func unitHours(w string) int {
	switch w {
	case "hour", "hours", "heure", "heures", "stunde", "stunden":
		return 1
	case "day", "days", "jour", "jours", "tag", "tage", "tagen":
		return 24
	case "week", "weeks", "semaine", "semaines", "woche", "wochen":
		return 7 * 24
	case "month", "months", "mois", "monat", "monate", "monaten":
		return 30 * 24
	case "year", "years", "an", "ans", "annee", "annees", "jahr", "jahre", "jahren":
		return 365 * 24
	}
	return 0
}
