package analysis

import (
	"fmt"
	"os"
	"testing"
)

func TestZZDebugFindings(t *testing.T) {
	for _, path := range []string{os.Getenv("ZZ_OLD"), os.Getenv("ZZ_NEW")} {
		if path == "" {
			t.Skip()
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		c := rules()
		fmt.Println("#####", path)
		for _, f := range c.findings(string(b), newMemo()) {
			fmt.Printf("%s %d | %.300s\n", c.cats[f.cat].ID, f.sense, f.text)
		}
	}
}
