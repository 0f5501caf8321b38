package training

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Every hp tag of Config has its Param constant and every constant names a
// tag: the constants and the declaration cannot drift apart.
func TestParamConstantsMatchConfig(t *testing.T) {
	consts := []string{
		ParamHiddenLayers, ParamHiddenNodes, ParamHiddenSizes, ParamActivation, ParamDropoutRate, ParamL2, ParamL1,
		ParamLoss, ParamHuberDelta,
		ParamOptimizer, ParamLearningRate, ParamMomentum, ParamAdamBeta1, ParamAdamBeta2, ParamAdamEpsilon, ParamWeightDecay, ParamLionBeta1, ParamLionBeta2,
		ParamLRSchedule, ParamLRWarmupEpochs, ParamLRDecayRate, ParamLRDecayEpochs,
		ParamEpochs, ParamBatchSize, ParamShuffle, ParamSeed, ParamEarlyStoppingPatience, ParamEarlyStoppingMinDelta,
	}
	var tags []string
	rt := reflect.TypeOf(Config{})
	for i := range rt.NumField() {
		if name := strings.Split(rt.Field(i).Tag.Get("hp"), ",")[0]; name != "" {
			tags = append(tags, name)
		}
	}
	slices.Sort(consts)
	slices.Sort(tags)
	if !slices.Equal(consts, tags) {
		t.Errorf("Param constants %v\ndo not match Config's hp tags %v", consts, tags)
	}
}
