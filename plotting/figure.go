package plotting

// figure is the one path from collected data to a chart, the second half
// of Optuna's collect/draw split that every chart here follows: data that
// carries a notice (nothing to draw) becomes an empty chart showing it, as
// no data is not an error; otherwise draw makes the chart. Each XData.Chart
// is figure with its own draw, which may then assume there is data.
func figure(title, notice string, draw func() *Chart) *Chart {
	if notice != "" {
		return empty(title, notice)
	}
	return draw()
}
