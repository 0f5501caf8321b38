package atomicfile_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/hyperlab-go/hyperlab/internal/atomicfile"
)

func ExampleWrite() {
	dir, err := os.MkdirTemp("", "atomicfile")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "results.csv")
	if err := atomicfile.Write(path, []byte("trial,loss\n1,0.25\n"), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	data, _ := os.ReadFile(path)
	fmt.Print(string(data))
	// Output:
	// trial,loss
	// 1,0.25
}
