// Package ipynb writes GoNB notebooks (nbformat 4, no outputs) from a plain
// text source, so that a notebook's text and code can be reviewed as text.
// The tutorials' sources (notebooks/tools/src, built by mknb) and the
// starter notebook of `hyperlab new` go through it.
//
// A source is a sequence of cells. Each starts with a line "-- md" or
// "-- code", optionally followed by tags ("-- code raises-exception"):
//
//	-- md
//	# A title
//
//	-- code
//	%%
//	fmt.Println("hello")
package ipynb
