"""Rebuild a trained asset from ../shared: `python -m claimex.train attribution [--shared DIR] [--out DIR]`.

Parses polnear-train once (cached under /tmp), traces the candidates the ranker sees for every claim and
quotation, labels them with the scorer's own matching rule, fits the ranker, writes its weights as JSON,
then scores polnear-dev with them and writes the model card.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from claimex import pipeline
from claimex.components import ranker
from claimex.train import corpus
from claimex.train.fit import fit

ROOT = Path(__file__).resolve().parent.parent.parent


def train_attribution(
    shared: Path, out: Path, l2: float, own_voice: float, margin: float
) -> dict[str, object]:
    """Fit the attribution ranker on polnear-train and write weights.json and README.md to `out`."""
    began = time.time()
    nlp = pipeline.load()
    polnear = corpus.scorer(shared)
    ranker.use(None)  # the candidates are traced with the cascade's choices, whatever model ships now
    train = corpus.load_split(shared, "train")
    _, decisions = corpus.extract(nlp, train, traced=True)
    examples = corpus.label(train, decisions, polnear, own_voice)
    fitted = fit([(groups, marks, weight) for _, groups, marks, weight in examples], l2=l2)
    out.mkdir(parents=True, exist_ok=True)
    model = {
        "version": ranker.VERSION,
        "model": "claimex attribution ranker: softmax over candidate groups, linear in binary features",
        "trained_on": "PolNeAR v1.0.0 train split (840 articles), ../shared/attribution/polnear-train",
        "l2": l2,
        "own_voice": own_voice,
        ranker.MARGIN: margin,
        "weights": dict(sorted(fitted.weights.items())),
    }
    (out / "weights.json").write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    ranker.use({**fitted.weights, ranker.MARGIN: margin})
    dev = corpus.load_split(shared, "dev")
    found, _ = corpus.extract(nlp, dev)
    scores = corpus.score(dev, found, polnear)
    ranker.use(None)
    baseline = corpus.score(dev, corpus.extract(nlp, dev)[0], polnear)
    report = {
        "targets": len(examples),
        "features": len(fitted.weights),
        "loss": round(fitted.loss, 1),
        "dev": scores,
        "dev_cascade": baseline,
        "seconds": round(time.time() - began),
    }
    (out / "README.md").write_text(card(report, l2, own_voice, margin), encoding="utf-8")
    return report


def card(report: dict[str, object], l2: float, own_voice: float, margin: float) -> str:
    """The model card."""
    dev, cascade = report["dev"], report["dev_cascade"]
    assert isinstance(dev, dict) and isinstance(cascade, dict)
    rows = "\n".join(f"| {k} | {cascade[k]} | {dev[k]} |" for k in dev)
    return f"""# Attribution ranker, 2026-12-04

Picks the speaker or source of each claim and quotation among the answers of claimex's attribution
finders (`claimex/components/candidates.py`), or the article's own voice.

- **Model**: a softmax over the candidate answers of one claim or quotation (multinomial logistic
  regression), linear in binary features; L2 = {l2}; fitted with full-batch Adam in numpy
  (`claimex/train/fit.py`). Runtime reads `weights.json` once per process and sums weights in plain
  Python. Features seen fewer than twice are dropped. The cascade's answer stands unless another beats
  it by a margin of {margin} in log-odds (chosen on dev; it keeps the hand-keyed articles right).
  Decisive finders (`decisive_rules` in `claimex/data/attribution.yaml`: transcript labels, dash
  bylines, "quoted X as saying") are never overridden. A claim no rule attributes gets a speaker only
  when a candidate outscores the article's own voice.
- **Features** (prefix `c:` claims, `q:` quotations): the finders that gave the answer (`r=cue_above`,
  `r=according_to`, `r=cue_sentence`, `r=person_sentence`, `r=previous_quote_0`, `r=evidence_noun`, ...),
  each with its cue lemma and with the token distance; how many finders agree; token distance bucket,
  side (before, after, inside), sentence and paragraph offset; entity label or part of speech and the
  dependency relation of the name; whether it sits inside a quotation; speaker, source or both; a name the
  article already resolved; for the own voice, whether the sentence has a cue and the paragraph position.
- **Data**: PolNeAR v1.0.0 (Newell, Margolin, Ruths, LREC 2018) train split, 840 articles, read from
  `../shared/attribution/polnear-train`. Labels use `names_source` of `../shared/eval/polnear.py`:
  an answer is right when it names the annotated source of the content around the claim or quotation;
  contents with a pronoun source are skipped; claims outside every content are the own voice
  (weighted {own_voice} in training). {report["targets"]} targets, {report["features"]}
  features kept, final loss {report["loss"]}.
- **Dev scores** (`polnear-dev`, computed in-process the way `../shared/eval/polnear.py` does):

| | cascade alone | ranker |
| --- | --- | --- |
{rows}

- **Rebuild**: `.venv/bin/python -m claimex.train attribution` (deterministic; {report["seconds"]} s on this
  machine with cached parses under /tmp/claimex-train-cache, about three minutes more without).
- **Licence**: weights only. The PolNeAR texts are copyrighted by their publishers and never ship here;
  no text, span or name from them is stored in this folder beyond feature names built from claimex's own
  lexicon (cue lemmas).
"""


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m claimex.train", description=__doc__.splitlines()[0])
    parser.add_argument("asset", choices=["attribution"])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ranker.MODEL_DIR)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument(
        "--margin", type=float, default=1.5, help="log-odds another answer needs over the cascade's"
    )
    parser.add_argument("--own-voice", type=float, default=1.0, help="weight of claims outside every content")
    args = parser.parse_args()
    print(json.dumps(train_attribution(args.shared, args.out, args.l2, args.own_voice, args.margin)))


if __name__ == "__main__":
    main()
