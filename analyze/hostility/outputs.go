package hostility

import (
	"math"
	"slices"
)

// Labels are the model outputs: the columns of the multi-label
// hate-speech data set (Ibrohim & Budi 2019; dataset.HSColumns, in the
// same order) and LabelSARA.
var Labels = []string{"HS", "Abusive", "HS_Individual", "HS_Group", "HS_Religion", "HS_Race", "HS_Physical", "HS_Gender", "HS_Other", "HS_Weak", "HS_Moderate", "HS_Strong", LabelSARA}

// LabelSARA names the model's group-hate output: an attack on a group for
// its religion, race or ethnicity, gender or disability. The hate-speech
// data's merged HS label also covers insults at one person and much
// political abuse; its target and category labels give the split
// (HS_Group with HS_Religion, HS_Race, HS_Gender or HS_Physical), and
// Netifier's "sara" label adds posts of Instagram and Kaskus.
const LabelSARA = "SARA"

// Output indexes.
const (
	oHS = iota
	oAbusive
	oIndividual
	oGroup
	oReligion
	oRace
	oPhysical
	oGender
	oOther
	oWeak
	oModerate
	oStrong
	oSARA
)

// MemberFile is the name of the embedded TF-IDF member of the hate
// decision.
const MemberFile = "hostility-tfidf.dgm"

// StackFile is the name of the embedded stacker of the hate decision.
const StackFile = "hostility-stack.json"

// stackInputs are the stacker's inputs: the log-odds of the hostility
// model's hate, abusive, individual-target and group-target outputs and
// of the member, and the number of tokens of the post. The stacker learns
// what a linear blend cannot: how far to trust the scores of a post of a
// given length (short posts give a linear model few features and extreme
// scores). Nested five-fold CV over the out-of-fold rows of train0+dev0
// (macro-F1 of hate): blend 0.8664; these inputs 0.8708; without the
// length 0.865; hate, member and length only 0.8697; with the abusive
// output as well 0.8689. The target outputs are therefore hot outputs of
// the model bundle (HotOutputs).
var stackInputs = []string{"logit_hs", "logit_abusive", "logit_individual", "logit_group", "logit_member", "tokens"}

// StackInputs returns the names of the stacker's inputs, in the order
// StackRow writes them (the trainer fits the stacker to them).
func StackInputs() []string { return slices.Clone(stackInputs) }

// StackRow writes the stacker inputs of a post into x: p are the hostility
// model's probabilities (hot outputs at least), q the member's.
func StackRow(p []float64, q float64, tokens int, x []float64) {
	x[0], x[1], x[2], x[3] = logit(p[oHS]), logit(p[oAbusive]), logit(p[oIndividual]), logit(p[oGroup])
	x[4], x[5] = logit(q), float64(tokens)
}

// BlendHS averages the hate probabilities of the linear model and of the
// TF-IDF member in log-odds.
func BlendHS(p, q float64) float64 {
	return sigmoidf((logit(p) + logit(q)) / 2)
}

func logit(p float64) float64 {
	p = min(max(p, 1e-6), 1-1e-6)
	return math.Log(p / (1 - p))
}

func sigmoidf(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
