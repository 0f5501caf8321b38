package testutil

import "image"

// Histogram returns the share of img's pixels that are not white and its
// number of distinct colours (quantised to 4 bits a channel): a blank or
// one-colour image is what a broken renderer draws.
func Histogram(img image.Image) (inked float64, colours int) {
	seen := map[uint32]bool{}
	n, ink := 0, 0
	r := img.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			n++
			if cr < 0xf000 || cg < 0xf000 || cb < 0xf000 {
				ink++
			}
			seen[(cr>>12)<<8|(cg>>12)<<4|cb>>12] = true
		}
	}
	if n == 0 {
		return 0, 0
	}
	return float64(ink) / float64(n), len(seen)
}
