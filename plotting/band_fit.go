package plotting

import "github.com/hyperlab-go/hyperlab/internal/i18n"

// FitBand draws one configuration's training and validation loss per epoch
// over its seeds, each as the seed mean with a band, the best epoch of the
// mean validation loss marked: underfitting and overfitting as a group
// shows them, where one seed's best epoch would be a dip in its noise.
// o.Metric is ignored; o.Title defaults to "Loss per epoch, mean of N
// seeds (band: …)".
func FitBand(g Group, o BandOptions) (*Chart, error) {
	return drawn(FitBandInfo(g, o))
}

// FitBandInfo collects FitBand's data: two lines, "training loss" (no best
// epoch: the training loss falls to the end) and "validation loss".
func FitBandInfo(g Group, o BandOptions) (BandData, error) {
	one := []Group{g}
	train, err := BandInfo(one, BandOptions{Metric: TrainLoss, Band: o.Band})
	if err != nil {
		return BandData{}, err
	}
	val, err := BandInfo(one, BandOptions{Metric: ValLoss, Band: o.Band})
	if err != nil {
		return BandData{}, err
	}
	d := val
	d.LogY, d.YName, d.Lines, d.Notice = o.LogY, i18n.T("loss"), nil, ""
	if d.Title = o.Title; d.Title == "" {
		d.Title = i18n.Tf("Loss per epoch, mean of %d seeds (band: %s)", len(g.Runs), d.Band.words())
	}
	for i, part := range []struct {
		data  BandData
		label string
	}{{train, i18n.T("training loss")}, {val, i18n.T("validation loss")}} {
		if len(part.data.Lines) == 0 {
			continue
		}
		l := part.data.Lines[0]
		l.Label, l.Color = part.label, colour(i)
		if i == 0 {
			l.BestEpoch = 0
		}
		d.Lines = append(d.Lines, l)
	}
	if len(d.Lines) == 0 {
		d.Notice = i18n.T("No finished epochs to draw.")
	}
	return d, nil
}

// yName is the y axis' name.
func (d BandData) yName() string {
	if d.YName != "" {
		return d.YName
	}
	return label(d.Metric)
}
