#!/bin/bash
# usage: evalall.sh COMMIT [heldout] [extra gold files...]
set -u
C=$1; shift
HELD=0; if [ "${1:-}" = heldout ]; then HELD=1; shift; fi
W=/work/plan/ev/$C
O=/work/plan/evals/$C
mkdir -p $O
[ -d $W ] || git -C /work/main worktree add --detach $W $C >/dev/null 2>&1
ln -sfn /work/shared /work/plan/ev/shared
export PYTHONPATH=$W/src
cd $W
for g in eval/articles-dev*.jsonl; do
  s=$(basename $g .jsonl)
  nice sitmap eval events $g --json $O/$s.json >/dev/null 2>$O/$s.err
done
nice sitmap eval events eval/dev.jsonl --json $O/excerpts-dev.json >/dev/null 2>$O/excerpts-dev.err
nice sitmap eval acled /work/shared/gold/acled-dev.jsonl --json $O/acled.json >/dev/null 2>$O/acled.err
nice sitmap eval gtd /work/shared/gold/gtd-dev.jsonl --json $O/gtd.json >/dev/null 2>$O/gtd.err
nice sitmap eval situations eval/situations-dev.jsonl --corpora /work/shared/corpora --json $O/situations-dev.json >/dev/null 2>$O/situations-dev.err
if [ $HELD = 1 ]; then
  nice sitmap eval events eval/articles-heldout.jsonl --json $O/articles-heldout.json >/dev/null 2>$O/articles-heldout.err
  nice sitmap eval events eval/heldout.jsonl --json $O/excerpts-heldout.json >/dev/null 2>$O/excerpts-heldout.err
  nice sitmap eval situations eval/situations-heldout.jsonl --corpora /work/shared/corpora --json $O/situations-heldout.json >/dev/null 2>$O/situations-heldout.err
fi
for f in "$@"; do
  n=$(basename $f .jsonl)
  nice sitmap eval events $f --json $O/fresh-$n.json >/dev/null 2>$O/fresh-$n.err
done
echo done $C
