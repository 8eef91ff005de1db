"""Compare plans: against a superior's plan (对标), against last year's, and across counties.

A middle layer like mine/ and check/: it works on plain entries (`items.Entry`) that the
caller builds from a mined document or a rendered plan, so it never reads files, renders or
mines itself. Matching uses jieba word segmentation with TF-IDF weights plus rapidfuzz;
figures and their direction come from `drafter.model.figures`, shared with the checks.
"""
