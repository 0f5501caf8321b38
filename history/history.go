package history

import (
	"encoding/json"
	"fmt"
	"math"
)

// Status says how a run ended, or that it has not ended yet.
type Status string

// The statuses a run can have. A run is Running until it reaches one of the
// others, which are final.
const (
	Running   Status = "running"
	Finished  Status = "finished"
	Diverged  Status = "diverged"  // a loss became NaN or Inf
	Cancelled Status = "cancelled" // the context was cancelled (an interrupted cell, Ctrl-C)
	Failed    Status = "failed"    // an error; History.Err says which
	// Pruned: a search's pruner stopped the run early because its
	// intermediate losses were worse than other trials' (training.Search).
	// Its epochs are the ones it trained. Stores written before this
	// status existed load as before; they simply have no pruned runs.
	Pruned Status = "pruned"
)

// Final reports whether s is an end state.
func (s Status) Final() bool {
	switch s {
	case Finished, Diverged, Cancelled, Failed, Pruned:
		return true
	}
	return false
}

// Valid reports whether s is one of the declared statuses.
func (s Status) Valid() bool { return s == Running || s.Final() }

// Epoch is what one epoch of training measured. Epochs count from 1.
// Metrics that do not apply to a run (Accuracy on a regression task,
// validation numbers without a validation split) are NaN, which JSON
// stores as null.
type Epoch struct {
	Epoch         int     `json:"epoch"`
	TrainLoss     float64 `json:"train_loss"`     // mean training data loss over the epoch's steps (penalty excluded)
	ValLoss       float64 `json:"val_loss"`       // data loss on the validation split after the epoch (penalty excluded)
	ValAccuracy   float64 `json:"val_accuracy"`   // classification: fraction correct on validation
	ValError      float64 `json:"val_error"`      // regression: mean absolute error on validation
	TrainAccuracy float64 `json:"train_accuracy"` // classification: fraction correct on the training split
	LearningRate  float64 `json:"learning_rate"`  // the learning rate used in the epoch's last step
	Steps         int     `json:"steps"`          // optimizer steps in this epoch
	Seconds       float64 `json:"seconds"`        // wall time of the epoch, evaluation included
	// TrainPenalty is the mean regularization penalty (L1+L2 terms) the
	// optimizer minimized on top of TrainLoss over the epoch's steps;
	// ValPenalty is the penalty of the weights at the validation pass. Both
	// are 0 without regularization and NaN in runs stored before hyperlab
	// recorded them (their ValLoss included the penalty).
	TrainPenalty float64 `json:"train_penalty"`
	ValPenalty   float64 `json:"val_penalty"`
}

// Objective is what the optimizer minimized in the epoch: the training
// data loss plus the penalty (the data loss alone when the penalty is
// unknown).
func (e Epoch) Objective() float64 {
	if math.IsNaN(e.TrainPenalty) {
		return e.TrainLoss
	}
	return e.TrainLoss + e.TrainPenalty
}

// LayerParams counts the trainable parameters of one layer: the weights W
// (inputs×outputs) and the biases B (outputs). These are what training
// learns, as opposed to the hyperparameters, which the developer sets.
type LayerParams struct {
	Name    string `json:"name"`
	Inputs  int    `json:"inputs"`
	Outputs int    `json:"outputs"`
	Weights int    `json:"weights"`
	Biases  int    `json:"biases"`
}

// Total is Weights+Biases.
func (l LayerParams) Total() int { return l.Weights + l.Biases }

// History is the record of one run. The zero value is an empty, running
// history.
type History struct {
	Status Status `json:"status"`
	// Err is the error of a Failed run, or what a Diverged run saw (for
	// example "train loss is NaN at epoch 3, step 2").
	Err string `json:"error,omitempty"`
	// Epochs holds one entry per epoch, in order. Every entry is a
	// finished epoch, except the last one of a Diverged run: that one holds
	// the steps before the divergence (its Steps says how many) and no
	// validation metrics.
	Epochs []Epoch `json:"epochs"`
	// StepLoss holds the training loss of every optimizer step, in order;
	// the article's "oscillation" at a high learning rate shows here.
	StepLoss []float64 `json:"step_loss,omitempty"`
	// Layers counts the trainable parameters of each layer of the model.
	Layers []LayerParams `json:"layers,omitempty"`
}

// Params is the total number of trainable parameters.
func (h *History) Params() int {
	n := 0
	for _, l := range h.Layers {
		n += l.Total()
	}
	return n
}

// Last returns the last epoch, and false if there is none.
func (h *History) Last() (Epoch, bool) {
	if h == nil || len(h.Epochs) == 0 {
		return Epoch{}, false
	}
	return h.Epochs[len(h.Epochs)-1], true
}

// Best returns the epoch with the lowest validation loss (the lowest
// training loss when no epoch has a validation loss), and false if there is
// no epoch with a finite loss.
func (h *History) Best() (Epoch, bool) {
	if h == nil {
		return Epoch{}, false
	}
	best, ok := Epoch{}, false
	useVal := false
	for _, e := range h.Epochs {
		if Finite(e.ValLoss) {
			useVal = true
			break
		}
	}
	for _, e := range h.Epochs {
		v := e.TrainLoss
		if useVal {
			v = e.ValLoss
		}
		if !Finite(v) {
			continue
		}
		bv := best.TrainLoss
		if useVal {
			bv = best.ValLoss
		}
		if !ok || v < bv {
			best, ok = e, true
		}
	}
	return best, ok
}

// Finite reports whether f is a number: neither NaN nor ±Inf. A metric that
// does not apply is NaN and a diverged loss may be Inf, so every reader of
// metrics (best epoch, charts, tables, the run store's JSON) asks this. It
// lives here, the package every one of them imports, which imports nothing.
func Finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

// jsonFloat marshals NaN and ±Inf as null, which encoding/json refuses to
// write, and reads null back as NaN.
type jsonFloat float64

func (f jsonFloat) MarshalJSON() ([]byte, error) {
	if !Finite(float64(f)) {
		return []byte("null"), nil
	}
	return json.Marshal(float64(f))
}

func (f *jsonFloat) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = jsonFloat(math.NaN())
		return nil
	}
	var v float64
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("history: %s is not a number", b)
	}
	*f = jsonFloat(v)
	return nil
}

type epochJSON struct {
	Epoch         int       `json:"epoch"`
	TrainLoss     jsonFloat `json:"train_loss"`
	ValLoss       jsonFloat `json:"val_loss"`
	ValAccuracy   jsonFloat `json:"val_accuracy"`
	ValError      jsonFloat `json:"val_error"`
	TrainAccuracy jsonFloat `json:"train_accuracy"`
	LearningRate  jsonFloat `json:"learning_rate"`
	Steps         int       `json:"steps"`
	Seconds       jsonFloat `json:"seconds"`
	TrainPenalty  jsonFloat `json:"train_penalty"`
	ValPenalty    jsonFloat `json:"val_penalty"`
}

// MarshalJSON writes NaN and Inf metrics as null.
func (e Epoch) MarshalJSON() ([]byte, error) {
	return json.Marshal(epochJSON{e.Epoch, jsonFloat(e.TrainLoss), jsonFloat(e.ValLoss),
		jsonFloat(e.ValAccuracy), jsonFloat(e.ValError), jsonFloat(e.TrainAccuracy),
		jsonFloat(e.LearningRate), e.Steps, jsonFloat(e.Seconds), jsonFloat(e.TrainPenalty), jsonFloat(e.ValPenalty)})
}

// UnmarshalJSON reads null metrics, and metrics that are absent, as NaN.
func (e *Epoch) UnmarshalJSON(b []byte) error {
	nan := jsonFloat(math.NaN())
	j := epochJSON{TrainLoss: nan, ValLoss: nan, ValAccuracy: nan, ValError: nan,
		TrainAccuracy: nan, LearningRate: nan, Seconds: nan, TrainPenalty: nan, ValPenalty: nan}
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("history: reading an epoch: %w", err)
	}
	*e = Epoch{j.Epoch, float64(j.TrainLoss), float64(j.ValLoss), float64(j.ValAccuracy),
		float64(j.ValError), float64(j.TrainAccuracy), float64(j.LearningRate), j.Steps, float64(j.Seconds),
		float64(j.TrainPenalty), float64(j.ValPenalty)}
	return nil
}

// plainHistory is History without its JSON methods, so that historyJSON
// can embed it and replace StepLoss alone; a field added to History is
// written and read without a change here.
type plainHistory History

// historyJSON is the JSON form of a History: StepLoss may hold NaN (the
// step that diverged), kept as null. Its StepLoss hides the embedded one
// (encoding/json takes the shallower field).
type historyJSON struct {
	*plainHistory
	StepLoss []jsonFloat `json:"step_loss,omitempty"`
}

// MarshalJSON writes NaN and Inf step losses as null.
func (h History) MarshalJSON() ([]byte, error) {
	p := plainHistory(h)
	if p.Epochs == nil {
		p.Epochs = []Epoch{}
	}
	j := historyJSON{plainHistory: &p}
	for _, v := range h.StepLoss {
		j.StepLoss = append(j.StepLoss, jsonFloat(v))
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads null step losses as NaN.
func (h *History) UnmarshalJSON(b []byte) error {
	var p plainHistory
	j := historyJSON{plainHistory: &p}
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("history: reading a history: %w", err)
	}
	p.StepLoss = nil
	for _, v := range j.StepLoss {
		p.StepLoss = append(p.StepLoss, float64(v))
	}
	*h = History(p)
	return nil
}
