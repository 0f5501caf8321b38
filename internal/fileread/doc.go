// Package fileread opens files that hyperlab reads on a user's behalf
// (datasets, run files, --config, --echarts) so that a hostile path cannot
// hang or exhaust the process: only regular files are read (a named pipe,
// /dev/zero or a directory is refused at once, without blocking), and
// reads stop at a size limit that the error states.
package fileread
