// Package watch implements Dengar's watch-query language, shared by the
// collectors (to keep only the items a watch list asks for) and the analyzer
// (to attribute mentions to programs, agencies and places).
//
// A query is a boolean expression over the normalised words of a text:
//
//	banjir drainase                 both words (AND is implicit)
//	banjir AND drainase             the same
//	banjir OR genangan              either word
//	banjir -hoaks, banjir NOT hoaks the first without the second
//	"pro bebaya"                    a phrase (also matches "pro-bebaya",
//	                                "probebaya" and #ProBebaya)
//	banjir*                         a word prefix (banjir, banjirnya, ...)
//	=AMIN                           one word exactly as written, case
//	                                included (the pair AMIN, not "amin")
//	"drainase buruk"~3              the words within a window of 2+3 words
//	banjir NEAR/3 drainase          at most 3 words between the two
//	source:youtube lang:bjn         mention fields
//	author:government author:@x     author kind, handle, id or organisation
//	( ... )                         grouping
//
// Operators AND, OR, NOT and NEAR/n are upper case; lower-case "or" is a word.
// Matching runs on the tokens of a normalize.Doc (their Norm form), so slang,
// Banjar and elongated spellings in the text match the formal word in the
// query; words split out of hashtags count as words, and a hashtag also
// matches a query word or phrase written without spaces.
//
// Parse compiles one query; NewSet compiles many into one matcher that scans
// a text once (Aho–Corasick over word ids plus a prefix trie) and then
// evaluates every query's boolean tree from the set of hits. Lexicon is the
// same automaton used as a leftmost-longest phrase dictionary.
package watch
