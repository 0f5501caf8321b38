package lab

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/internal/i18n"

	"github.com/hyperlab-go/hyperlab/history"
)

// Fit tabulates a run at three moments, the measurable face of
// underfitting and overfitting: the first epoch, the best epoch (lowest
// validation loss) and the last epoch, with the training and validation
// loss, the gap between them and the validation accuracy. Its sentence
// says how much worse the last epoch is than the best.
func Fit(r *Run) (Table, string) {
	t := Table{Header: i18n.Ts("moment", "epoch", "train loss", "val loss", "gap (val−train)", "val accuracy")}
	first, okFirst := history.Epoch{}, false
	if r != nil && r.History != nil && len(r.Epochs) > 0 {
		first, okFirst = r.Epochs[0], true
	}
	if !okFirst {
		return t, i18n.T("The run has no finished epoch.")
	}
	best, _ := r.Best()
	last, _ := r.Last()
	for _, m := range []struct {
		name string
		e    history.Epoch
	}{{i18n.T("first epoch"), first}, {i18n.T("best epoch"), best}, {i18n.T("last epoch"), last}} {
		acc := "–"
		if finite(m.e.ValAccuracy) {
			acc = fmt.Sprintf("%.1f%%", 100*m.e.ValAccuracy)
		}
		t.Rows = append(t.Rows, []string{m.name, fmt.Sprint(m.e.Epoch), num(m.e.TrainLoss), num(m.e.ValLoss),
			num(m.e.ValLoss - m.e.TrainLoss), acc})
	}
	if !finite(best.ValLoss) || !finite(last.ValLoss) {
		return t, i18n.T("The run has no validation loss to compare epochs by.")
	}
	s := i18n.Tf("The validation loss is lowest at epoch %d (%s). ", best.Epoch, num(best.ValLoss))
	if last.Epoch == best.Epoch {
		return t, s + i18n.T("That is the last epoch: more epochs could still help.")
	}
	more := last.Epoch - best.Epoch
	after := i18n.T("After %d more epochs the training loss went from %s to %s and the validation loss to %s, %.2f× its best")
	if more == 1 {
		after = i18n.T("After %d more epoch the training loss went from %s to %s and the validation loss to %s, %.2f× its best")
	}
	s += fmt.Sprintf(after,
		more, num(best.TrainLoss), num(last.TrainLoss), num(last.ValLoss), last.ValLoss/best.ValLoss)
	if last.TrainLoss < best.TrainLoss && last.ValLoss > 1.05*best.ValLoss {
		return t, s + i18n.T(": the model kept fitting the training set while getting worse on new data.")
	}
	return t, s + i18n.T(".")
}

// ShowFit shows Fit's table and sentence.
func ShowFit(r *Run) {
	t, s := Fit(r)
	t.ShowWith(s)
}
