package training

// Config holds the standard hyperparameters as a tagged struct; Spec is
// derived from its tags, and the choices of optimizer, activation, loss and
// lr_schedule from the registries (Choices), the one list of each. Names follow GoMLX's context parameter names where
// GoMLX has one (learning_rate, optimizer, activation, dropout_rate,
// l2_regularization, l1_regularization, fnn_num_hidden_layers,
// fnn_num_hidden_nodes, adam_beta1, adam_beta2, adam_epsilon,
// huber_loss_delta).
//
// DefaultConfig returns the defaults (they are Spec's defaults); a zero
// Config is not a useful model.
type Config struct {
	// Model.
	HiddenLayers int     `hp:"fnn_num_hidden_layers" min:"0" max:"64" help:"number of hidden layers (ignored when hidden_layers is set)"`
	HiddenNodes  int     `hp:"fnn_num_hidden_nodes" min:"1" max:"65536" help:"units in each hidden layer (ignored when hidden_layers is set)"`
	HiddenSizes  []int   `hp:"hidden_layers" min:"1" help:"explicit hidden layer sizes, e.g. 64,32; overrides fnn_num_hidden_layers and fnn_num_hidden_nodes when set"`
	Activation   string  `hp:"activation" help:"activation after each hidden layer"`
	DropoutRate  float64 `hp:"dropout_rate" min:"0" max:"0.95" help:"fraction of hidden units zeroed at each training step (never at evaluation)"`
	L2           float64 `hp:"l2_regularization" min:"0" max:"10" help:"adds l2_regularization × Σw² over the weights (not biases) to the loss"`
	L1           float64 `hp:"l1_regularization" min:"0" max:"10" help:"adds l1_regularization × Σ|w| over the weights (not biases) to the loss"`

	// Loss.
	Loss       string  `hp:"loss" help:"auto is cross_entropy for classification and mse for regression; mse on a classifier compares softmax probabilities with one-hot labels"`
	HuberDelta float64 `hp:"huber_loss_delta" min:"1e-06" max:"1e+06" scale:"log" help:"where the huber loss turns from quadratic to linear"`

	// Optimizer.
	Optimizer    string  `hp:"optimizer" help:"how the gradient becomes a step"`
	LearningRate float64 `hp:"learning_rate" min:"1e-06" max:"100" scale:"log" help:"step size; too large oscillates or diverges, too small is slow"`
	Momentum     float64 `hp:"momentum" min:"0" max:"0.999" help:"velocity kept from step to step by the momentum optimizer"`
	AdamBeta1    float64 `hp:"adam_beta1" min:"0" max:"0.9999" help:"Adam/AdamW moving-average coefficient of the gradient"`
	AdamBeta2    float64 `hp:"adam_beta2" min:"0" max:"0.999999" help:"Adam/AdamW/RMSProp moving-average coefficient of the squared gradient"`
	AdamEpsilon  float64 `hp:"adam_epsilon" min:"1e-12" max:"1" scale:"log" help:"Adam/AdamW/RMSProp denominator constant"`
	WeightDecay  float64 `hp:"weight_decay" min:"0" max:"1" help:"AdamW's and Lion's decoupled weight decay (other optimizers ignore it; use l2_regularization)"`
	LionBeta1    float64 `hp:"lion_beta1" min:"0" max:"0.9999" help:"Lion's interpolation between the moving average and the gradient in the step's sign"`
	LionBeta2    float64 `hp:"lion_beta2" min:"0" max:"0.999999" help:"Lion's moving-average coefficient of the gradient"`

	// Learning-rate schedule.
	LRSchedule     string  `hp:"lr_schedule" help:"how the learning rate changes over training"`
	LRWarmupEpochs int     `hp:"lr_warmup_epochs" min:"0" max:"100000" help:"epochs over which the learning rate rises linearly from 0"`
	LRDecayRate    float64 `hp:"lr_decay_rate" min:"1e-06" max:"1" help:"step: factor every lr_decay_epochs; exponential: factor per lr_decay_epochs, applied smoothly"`
	LRDecayEpochs  int     `hp:"lr_decay_epochs" min:"1" max:"100000" help:"epochs per decay of the step and exponential schedules"`

	// Loop.
	Epochs    int  `hp:"epochs" min:"1" max:"100000" help:"passes over the training set"`
	BatchSize int  `hp:"batch_size" min:"1" max:"1000000" help:"rows per optimizer step"`
	Shuffle   bool `hp:"shuffle" help:"reshuffle the training rows every epoch (seeded)"`
	Seed      int  `hp:"seed" help:"seeds initialisation, shuffling and dropout"`

	EarlyStoppingPatience int     `hp:"early_stopping_patience" min:"0" max:"100000" help:"stop after this many epochs without a validation-loss improvement (0: never)"`
	EarlyStoppingMinDelta float64 `hp:"early_stopping_min_delta" min:"0" help:"smallest validation-loss decrease that counts as an improvement"`
}

// DefaultConfig returns the default hyperparameters.
func DefaultConfig() Config {
	return Config{
		HiddenLayers: 2, HiddenNodes: 16, Activation: "relu",
		Loss: "auto", HuberDelta: 1,
		Optimizer: "adam", LearningRate: 0.01, Momentum: 0.9,
		AdamBeta1: 0.9, AdamBeta2: 0.999, AdamEpsilon: 1e-7, WeightDecay: 0.01,
		LionBeta1: 0.9, LionBeta2: 0.99,
		LRSchedule: "constant", LRDecayRate: 0.5, LRDecayEpochs: 10,
		Epochs: 30, BatchSize: 32, Shuffle: true, Seed: 1,
	}
}

// Hidden returns the hidden layer sizes: HiddenSizes when set, otherwise
// HiddenLayers layers of HiddenNodes units.
func (c Config) Hidden() []int {
	if len(c.HiddenSizes) > 0 {
		return append([]int(nil), c.HiddenSizes...)
	}
	sizes := make([]int, c.HiddenLayers)
	for i := range sizes {
		sizes[i] = c.HiddenNodes
	}
	return sizes
}
