package testutil

import (
	"encoding/json"
	"os"
	"testing"
)

// ReadJSON decodes the JSON file at path into v; a missing or malformed
// file ends the test, naming path.
func ReadJSON(t testing.TB, path string, v any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}
