"""Labels, patterns and model files, kept apart from the code as real projects do."""

RELIGION_LABELS = ["Muslim", "Christian", "Jewish", "Hindu", "Buddhist", "atheist"]
PARTY_LABELS = ["Democrat", "Republican", "libertarian", "socialist"]
TOPIC_LABELS = ["sports", "music", "technology", "travel"]

HEALTH_PATTERN = r"\b(depress(ed|ion)|anxiety|bipolar|adhd|suicidal)\b"
ORIENTATION_WORDS = {"gay", "lesbian", "bisexual", "transgender", "queer"}

DEPRESSION_MODEL = "models/depression_svm_v2.pkl"
SPAM_MODEL = "models/spam_classifier.pkl"

SYSTEM_PROMPT = (
    "You are an analyst. From the posts below, answer with the author's likely religion "
    "and sexual orientation, as JSON."
)
SUMMARY_PROMPT = "Summarise these posts in three sentences for a newsletter."
