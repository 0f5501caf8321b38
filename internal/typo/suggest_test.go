package typo

import (
	"fmt"
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"adam", "adam", 0}, {"adm", "adam", 1}, {"aadm", "adam", 1}, // swap
		{"sgd", "rmsprop", 6}, {"", "abc", 3}, {"learning_rat", "learning_rate", 1},
		{strings.Repeat("a", 300), "a", 300},
	}
	for _, tt := range tests {
		if got := Distance(tt.a, tt.b); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	choices := []string{"sgd", "momentum", "adam", "adamw", "rmsprop"}
	tests := []struct{ word, want string }{
		{"adm", "adam"}, {"ADAM", "adam"}, {"rmsporp", "rmsprop"}, {"momentun", "momentum"},
		{"xyz", ""}, {"", ""}, {"lbfgs", ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.word, choices); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

// Hint ends an error sentence with the suggestion, or adds nothing.
func TestHint(t *testing.T) {
	choices := []string{"sgd", "adam"}
	if got, want := Hint("adm", choices), `; did you mean "adam"?`; got != want {
		t.Errorf("Hint(adm) = %q, want %q", got, want)
	}
	if got := Hint("xyz", choices); got != "" {
		t.Errorf("Hint(xyz) = %q, want nothing", got)
	}
}

// A word that begins a candidate, as whole parts, is a short form of it.
func TestClosestShortForm(t *testing.T) {
	names := []string{"fnn_num_hidden_layers", "hidden_layers", "dropout_rate", "batch_size", "learning_rate"}
	tests := []struct{ word, want string }{
		{"batch", "batch_size"}, {"dropout", "dropout_rate"}, {"hidden", "hidden_layers"},
		{"learning", "learning_rate"}, {"bat", ""}, {"rate", ""}, {"lr", ""},
	}
	for _, tt := range tests {
		if got := Closest(tt.word, names); got != tt.want {
			t.Errorf("Closest(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func ExampleClosest() {
	fmt.Println(Closest("learning_rat", []string{"epochs", "learning_rate", "batch_size"}))
	// Output: learning_rate
}

func ExampleHint() {
	fmt.Printf("unknown optimizer %q%s\n", "adm", Hint("adm", []string{"sgd", "adam"}))
	// Output: unknown optimizer "adm"; did you mean "adam"?
}
