package insight_test

import (
	"context"
	"sync"
	"time"

	"github.com/clausewatch/clausewatch/store"
)

// Sentences the classifier recognizes, with their category.
const (
	aiTraining   = "We may use your content to train our artificial intelligence models."
	arbitration  = "You agree that any dispute will be resolved by binding arbitration on an individual basis."
	dataSharing  = "We share personal information with service providers who process it on our behalf."
	governingLaw = "These terms are governed by the laws of the State of California."
)

// policy is a one-section Markdown policy made of sentences.
func policy(sentences ...string) string {
	md := "# Terms\n\n"
	for _, s := range sentences {
		md += s + "\n\n"
	}
	return md
}

// fakeStore serves version texts and the catalogue's latest versions from
// memory, counting text reads.
type fakeStore struct {
	latest      []store.LatestCatalogueVersion
	texts       map[int64]string
	lastChanges map[int64]time.Time // of every category

	mu    sync.Mutex
	reads int
}

func (f *fakeStore) LatestCatalogueVersions(context.Context) ([]store.LatestCatalogueVersion, error) {
	return f.latest, nil
}

func (f *fakeStore) VersionTexts(_ context.Context, ids []int64) (map[int64]string, error) {
	f.mu.Lock()
	f.reads++
	f.mu.Unlock()
	out := map[int64]string{}
	for _, id := range ids {
		if md, ok := f.texts[id]; ok {
			out[id] = md
		}
	}
	return out, nil
}

func (f *fakeStore) CategoryLastChanges(context.Context, string) (map[int64]time.Time, error) {
	return f.lastChanges, nil
}
