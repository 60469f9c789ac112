package analyze

// modelTaggers returns the sentiment, hostility and emotion taggers backed
// by the embedded models.
//
// TODO(models owner): wire the trained models here.
func modelTaggers() ([]Tagger, error) { return nil, nil }

// modelVersion is the version of the embedded models.
func modelVersion() string { return "" }
