#!/bin/bash
# partisan-forward.sh COMMIT TARGET.jsonl...: prepares the forward test of
# the partisan model experiment (issue 26). It builds dengar at COMMIT (the
# rules before the TARGET sets were read), records those rules' call on
# every post of the sets that existed at COMMIT (the model's training data,
# as they were then) and of the TARGET sets (as they are now) in a "rule"
# field, under $OUT/COMMIT/{train,target}. Then:
#
#	PARTISAN_FWD=$OUT/COMMIT go test ./analyze/catalog -run TestPartisanModelForward -v
set -euo pipefail
C=$1
shift
REPO=$(git rev-parse --show-toplevel)
OUT=${OUT:-/tmp/partisan-forward}
SRC=$OUT/src_$C
D=$OUT/$C
mkdir -p "$SRC" "$D/train" "$D/target"
git -C "$REPO" archive "$C" | tar -x -C "$SRC"
(cd "$SRC" && go build -o "$SRC/dengar" ./cmd/dengar)
annotate() { # labelled set, output
	(cd "$SRC" && DENGAR_EVAL_VERBOSE=1 ./dengar eval --task partisan --format jsonl "$1") >"$2.eval" 2>&1 || true
	python3 - "$1" "$2.eval" "$2" <<'PY'
import json, sys
src, ev, out = sys.argv[1:]
lines = open(ev).read().splitlines()
if not any(l.startswith("macro_f1=") for l in lines):
    sys.exit("eval failed: " + src)
# Every error is listed as "ERR gold=… | <text>": the rules' call is the
# gold label unless the post is listed.
errs = {l[l.index(" | ") + 3:] for l in lines if l.startswith("ERR gold=")}
with open(out, "w") as w:
    for l in open(src):
        if l.strip():
            p = json.loads(l)
            p["rule"] = (not p["partisan"]) if p["text"] in errs else p["partisan"]
            w.write(json.dumps(p, ensure_ascii=False) + "\n")
PY
}
for f in "$SRC"/analyze/catalog/testdata/partisan_*.jsonl; do
	b=$(basename "$f")
	skip=0
	for t in "$@"; do [ "$b" = "$(basename "$t")" ] && skip=1; done
	[ $skip = 1 ] || annotate "$f" "$D/train/$b"
done
for t in "$@"; do annotate "$REPO/analyze/catalog/testdata/$(basename "$t")" "$D/target/$(basename "$t")"; done
echo "$D"
