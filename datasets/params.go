package datasets

// The hyperparameters that shape the dataset rather than the model. A
// notebook that declares them can change the data with cell arguments
// (%% --data_noise=0.4), and they become part of the run's identity.
const (
	ParamSize       = "data_size"       // rows of a synthetic set; images of MNIST (training and test)
	ParamNoise      = "data_noise"      // standard deviation of a synthetic set's noise
	ParamSeed       = "data_seed"       // seeds the generator and the split
	ParamValidation = "data_validation" // fraction of rows held out for validation
	ParamClasses    = "data_classes"    // arms of spirals, clusters of blobs
)
