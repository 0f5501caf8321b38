package plotting_test

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/plotting"
)

func ExampleImportanceInfo() {
	d := plotting.ImportanceInfo([]plotting.ImportanceBar{{Name: "learning_rate", Share: 0.81}, {Name: "batch_size", Share: 0.01}}, "fANOVA")
	for _, b := range d.Bars {
		fmt.Printf("%s %.0f%%\n", b.Name, 100*b.Share)
	}
	fmt.Println("method:", d.Method)
	// Output:
	// learning_rate 81%
	// batch_size 1%
	// method: fANOVA
}
