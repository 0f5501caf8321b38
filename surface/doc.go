// Package surface runs plain gradient descent on small two-dimensional loss
// surfaces and measures the path it takes: the picture behind "a learning
// rate that is too large makes the loss oscillate, one far too large makes
// it diverge". A real network has thousands of weights and its loss cannot
// be drawn; on a surface of two weights every step can be.
//
// Everything here is plain data and the standard library: a Surface is a
// function with its gradient, Descend returns a Path, Path.Reversals counts
// the steps that turned back against the previous one (the zig-zag of an
// oscillating rate), and Classify names the regime from those measurements
// with a rule stated in its doc, so a notebook can print a verdict computed
// from the path rather than typed by hand. Grid samples the surface for a
// contour or heatmap chart (plotting.Descent draws both).
package surface
