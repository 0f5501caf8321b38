package plotting

// largePoints is the number of points above which a scatter series is
// drawn in ECharts' large mode.
const largePoints = 2000

// drawLarge switches every scatter series of more than largePoints points
// to ECharts' large mode, which draws the symbols in one batch: a slice of
// 10,000 trials then takes a browser a fraction of the time. A hovered
// point still shows its tooltip; it is not enlarged. Smaller series, and
// so every chart of a small sweep, stay as they are.
func drawLarge(o map[string]any) {
	list, _ := o["series"].([]any)
	for _, s := range list {
		m, ok := s.(map[string]any)
		if !ok || m["type"] != "scatter" {
			continue
		}
		if data, _ := m["data"].([]any); len(data) > largePoints {
			m["large"] = true
			m["largeThreshold"] = largePoints
		}
	}
}
