package i18n

import "regexp"

// rule rewrites the part of an error line its pattern matches.
type rule struct {
	re *regexp.Regexp
	to string
}

func rules(pairs ...string) []rule {
	out := make([]rule, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, rule{regexp.MustCompile(pairs[i]), pairs[i+1]})
	}
	return out
}

// sentenceRules are the patterns Sentence translates, per language. They
// cover the sentences a notebook reader meets in lab's errors, from
// hparams (unknown hyperparameter, did you mean, known names, below the
// minimum, above the maximum, not a number / whole number / finite number /
// true or false / list of whole numbers, not one of the choices, what a
// hyperparameter takes, bad flag syntax, unexpected argument, a flag
// without a value, a malformed --set entry) and from training (an unknown
// choice with its suggestion or list, below a minimum, larger than the
// training set, negative layers). Any other sentence stays in English;
// names, values and quoted user text are never translated.
var sentenceRules = map[string][]rule{Chinese: rules(
	// training
	`training: (\w+)=("[^"]*") is unknown; did you mean ("[^"]*")\? \(choices: (.*)\)$`, `training: $1=$2 未知；你是不是想写 $3？（可选：$4）`,
	`training: (\w+)=("[^"]*") is unknown; use one of (.*)$`, `training: $1=$2 未知；请使用以下之一：$3`,
	`training: (\w+)=(\S+) is below its minimum (\S+)$`, `training: $1=$2 低于最小值 $3`,
	`training: (\w+)=(\d+) is larger than the training set \((\d+) rows\); use at most (\d+)$`, `training: $1=$2 大于训练集（$3 行）；最多用 $4`,
	`training: (\w+)=(\S+) is negative; use 0 for a linear model$`, `training: $1=$2 是负数；线性模型请用 0`,
	// hparams
	`unknown hyperparameter ("[^"]*")`, `未知的超参数 $1`,
	`; did you mean ("[^"]*")\?`, `；你是不是想写 $1？`,
	`; known: (.*)$`, `；已声明的超参数有：$1`,
	`; the Spec declares none`, `；没有声明任何超参数`,
	` is below its minimum (\S+)`, ` 低于最小值 $1`,
	` is above its maximum (\S+)`, ` 高于最大值 $1`,
	` is not a finite number`, ` 不是有限的数`,
	` is not a number`, ` 不是数`,
	` is not a list of whole numbers`, ` 不是整数列表`,
	`\((\S+) is not a whole number\)`, `（$1 不是整数）`,
	` is not a whole number`, ` 不是整数`,
	` is not true or false`, ` 不是 true 或 false`,
	` is not one of `, ` 不是以下取值之一：`,
	`; (\w+) takes a comma-separated list of whole numbers such as 64,32`, `；$1 接受以逗号分隔的整数列表，例如 64,32`,
	`; (\w+) takes a whole number`, `；$1 接受一个整数`,
	`; (\w+) takes a number`, `；$1 接受一个数`,
	`; (\w+) takes true or false`, `；$1 接受 true 或 false`,
	`; (\w+) takes one of `, `；$1 接受以下取值之一：`,
	`; (\w+) takes any text`, `；$1 接受任意文本`,
	`bad flag syntax (.*); write --name=value`, `参数写法有误：$1；请写成 --name=value`,
	`unexpected argument (.*); set hyperparameters as --name=value`, `多余的参数 $1；请用 --name=value 设置超参数`,
	`^(hparams: )?(".*") needs a value, as in (\S+)$`, `$1$2 需要一个值，例如 $3`,
	`--set entry (".*") is not name=value; separate entries with ";", as in (.*)$`, `--set 的条目 $1 不是 name=value 的形式；条目之间用 ";" 分隔，例如 $2`,
)}
