// Package train fits Dengar's shipped text classifiers from the public
// data sets; `dengar train` runs it and writes the files embedded in
// analyze/models, byte for byte the same on every run (fixed seeds,
// deterministic order).
//
// It holds the training side of package model — linear SVMs by dual
// coordinate descent (TrainSVM, optionally naive-Bayes scaled, or
// logistic regression), one-vs-rest and multi-label recipes with
// calibration on a validation split (TrainMulticlass, TrainMultilabel),
// ensembles merged into one linear model (Variant), the TF-IDF model
// (TrainTFIDF) and the stacker's boosted trees (TrainTrees) — and each
// tagger's recipe: Sentiment, Emotion, Hostility and HostilityMember.
//
// Imports flow one way: cmd/dengar → train → the taggers (analyze/
// sentiment, analyze/hostility, analyze/emotion), analyze/model and
// analyze/dataset. No serving package imports train or dataset
// (TestServingPathDoesNotImportTraining).
package train
