package training

// The names of the hyperparameters training understands, as GoMLX exports
// its context keys (optimizers.ParamLearningRate): code refers to a
// hyperparameter by one of these constants, never by a bare string. The
// values are the names in Config's hp tags and, where GoMLX has a context
// parameter for the same thing, GoMLX's own name, so Values can be applied
// to a GoMLX context.Context as they are.
const (
	// Model.
	ParamHiddenLayers = "fnn_num_hidden_layers" // GoMLX fnn.ParamNumHiddenLayers
	ParamHiddenNodes  = "fnn_num_hidden_nodes"  // GoMLX fnn.ParamNumHiddenNodes
	ParamHiddenSizes  = "hidden_layers"         // explicit sizes; overrides the two above
	ParamActivation   = "activation"            // GoMLX activations.ParamActivation
	ParamDropoutRate  = "dropout_rate"          // GoMLX layers.ParamDropoutRate
	ParamL2           = "l2_regularization"     // GoMLX regularizers.ParamL2
	ParamL1           = "l1_regularization"     // GoMLX regularizers.ParamL1

	// Loss.
	ParamLoss       = "loss"
	ParamHuberDelta = "huber_loss_delta" // GoMLX losses.ParamHuberDelta

	// Optimizer.
	ParamOptimizer    = "optimizer"     // GoMLX optimizers.ParamOptimizer
	ParamLearningRate = "learning_rate" // GoMLX optimizers.ParamLearningRate
	ParamMomentum     = "momentum"
	ParamAdamBeta1    = "adam_beta1"   // GoMLX optimizers.ParamAdamBeta1
	ParamAdamBeta2    = "adam_beta2"   // GoMLX optimizers.ParamAdamBeta2
	ParamAdamEpsilon  = "adam_epsilon" // GoMLX optimizers.ParamAdamEpsilon
	ParamWeightDecay  = "weight_decay" // GoMLX optimizers.ParamAdamWeightDecay
	ParamLionBeta1    = "lion_beta1"
	ParamLionBeta2    = "lion_beta2"

	// Learning-rate schedule.
	ParamLRSchedule     = "lr_schedule"
	ParamLRWarmupEpochs = "lr_warmup_epochs"
	ParamLRDecayRate    = "lr_decay_rate"
	ParamLRDecayEpochs  = "lr_decay_epochs"

	// Loop.
	ParamEpochs                = "epochs"
	ParamBatchSize             = "batch_size"
	ParamShuffle               = "shuffle"
	ParamSeed                  = "seed" // GoMLX initializers.ParamInitialSeed is "initializers_seed"
	ParamEarlyStoppingPatience = "early_stopping_patience"
	ParamEarlyStoppingMinDelta = "early_stopping_min_delta"
)
