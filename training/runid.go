package training

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// RunIDLen is the number of hex digits of a run ID.
const RunIDLen = 12

// RunID names the run that training v on data gives: the first RunIDLen
// hex digits of the SHA-256 of v.Hash() and data.Fingerprint(). The same
// hyperparameters (seed included) on the same data give the same ID, so a
// store returns the stored run; on other data (another set, size, noise,
// split or normalisation) they give another ID, and train. Run with a
// Store, Sweep, the CLI and the notebook facade all name runs by it; its
// format must not change (a golden test pins it). An ID is lowercase hex,
// always a valid runstore ID.
func RunID(v hparams.Values, data datasets.Split) string {
	return runID(v, data.Fingerprint())
}

// runID is RunID for a fingerprint already computed.
func runID(v hparams.Values, fingerprint string) string {
	sum := sha256.Sum256([]byte("hyperlab.run.v1\nvalues=" + v.Hash() + "\ndata=" + fingerprint + "\n"))
	return hex.EncodeToString(sum[:])[:RunIDLen]
}
