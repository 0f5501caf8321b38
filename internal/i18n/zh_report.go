package i18n

import "maps"

// zhReport holds the Chinese of the report views of large sweeps (the
// best value so far, the spread of final losses), kept beside the main
// catalog so that the two grow without touching each other.
var zhReport = map[string]string{
	"Best %s so far":                         "迄今最佳%s",
	"No trials with a finite value to show.": "没有可显示的有限值试验。",
	"trial":                                  "试验",
	"best so far":                            "迄今最佳",
}

func init() { maps.Copy(zh, zhReport) }
