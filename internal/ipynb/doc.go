// Package ipynb writes GoNB notebooks (nbformat 4, no outputs) from a plain
// text source, so that a notebook's text and code can be reviewed as text,
// and reads saved ones: Read (cells, sources, tags, outputs), HTMLOutputs,
// and Decode with Encode to rewrite one keeping its numbers as written.
// The tutorials' sources (notebooks/tools/src, built by mknb), the
// starter notebook of `hyperlab new`, the notebook checks and the recheck
// of verdicts go through it.
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
//
// # Two languages in one source
//
// The tutorials exist in English and in Chinese, built from one source so
// that an experiment is changed once. A prose cell is written in English
// under "-- md"; its translation follows immediately under "-- md zh":
//
//	-- md
//	## Batch size
//
//	-- md zh
//	## 批次大小
//
//	-- code
//	%%
//	lab.Sweep(...)
//
// Code cells are shared by every edition. A "-- md zh" cell must follow an
// English "-- md" cell (Parse refuses anything else). Edition picks the
// cells of one language: the English edition drops the translations, the
// Chinese one puts each translation in place of its original and keeps the
// English text where a block has none (Untranslated lists those, so that a
// test can refuse them).
package ipynb
