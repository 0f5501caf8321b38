package history

import (
	"fmt"
	"math"
	"reflect"
	"testing"
)

// Equal tells apart epochs that differ in any one field, a field added to
// Epoch included: the test changes each field in turn through reflection.
func TestEpochEqualSeesEveryField(t *testing.T) {
	e := Epoch{Epoch: 3, TrainLoss: 0.4, ValLoss: 0.5, ValAccuracy: 0.8, ValError: nan, TrainAccuracy: 0.9,
		LearningRate: 0.01, Steps: 10, Seconds: 1.5, TrainPenalty: 0.02, ValPenalty: 0.03}
	if !e.Equal(e) {
		t.Fatalf("%+v is not Equal to itself", e)
	}
	typ := reflect.TypeOf(e)
	for i := range typ.NumField() {
		o := e
		f := reflect.ValueOf(&o).Elem().Field(i)
		switch f.Kind() {
		case reflect.Int:
			f.SetInt(f.Int() + 1)
		case reflect.Float64:
			if math.IsNaN(f.Float()) {
				f.SetFloat(1)
			} else {
				f.SetFloat(nan)
			}
		default:
			t.Fatalf("field %s is a %s; teach this test to change it", typ.Field(i).Name, f.Kind())
		}
		if e.Equal(o) || o.Equal(e) {
			t.Errorf("epochs that differ in %s are Equal", typ.Field(i).Name)
		}
	}
}

func TestEpochEqualNaNAndInf(t *testing.T) {
	a := Epoch{Epoch: 1, TrainLoss: math.Inf(1), ValLoss: nan, ValAccuracy: nan, ValError: nan, TrainAccuracy: nan,
		LearningRate: nan, Seconds: nan, TrainPenalty: nan, ValPenalty: nan}
	if !a.Equal(a) {
		t.Errorf("an epoch of NaN metrics is not Equal to itself")
	}
	b := a
	b.TrainLoss = nan
	if a.Equal(b) {
		t.Errorf("a loss of +Inf is Equal to a NaN one")
	}
	b.TrainLoss = math.Inf(-1)
	if a.Equal(b) {
		t.Errorf("+Inf is Equal to -Inf")
	}
}

// A classification epoch has no ValError (NaN), so == calls it unequal to
// a copy of itself; Equal does not.
func ExampleEpoch_Equal() {
	a := Epoch{Epoch: 1, TrainLoss: 0.5, ValLoss: 0.6, ValAccuracy: 0.8, ValError: math.NaN()}
	b := a
	fmt.Println(a == b, a.Equal(b))
	// Output: false true
}
