"""Claims in the prose: figures, superlatives and attributions, and what backs them.

The pipeline, one module a stage: :mod:`guidelint.figures` lexes figures,
:mod:`.attributions` and :mod:`.superlatives` find typed spans, :mod:`.context`
the spans that propose or script rather than state, :mod:`.support` what backs a
claim, and :mod:`.engine` turns what is left into verdicts, which show their
figure or phrase whole (:mod:`.shown`).
"""
