package lab_test

import (
	"fmt"

	"github.com/hyperlab-go/hyperlab/lab"
)

func ExampleLanguage() {
	lab.Language("zh")
	defer lab.Language("")
	t, sentence := lab.Fit(nil)
	fmt.Println(lab.CurrentLanguage(), t.Header)
	fmt.Println(sentence)
	// Output:
	// zh [时刻 轮次 训练损失 验证损失 差距（验证−训练） 验证准确率]
	// 这次训练没有完成任何一轮。
}
