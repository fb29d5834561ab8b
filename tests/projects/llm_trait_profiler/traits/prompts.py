"""Prompt texts, kept in one module the way prompt-engineering projects keep them."""

ORIENTATION_SYSTEM = (
    "You are a profiling assistant. From the user's posts, estimate their sexual orientation "
    'and reply only with JSON: {"orientation": ..., "confidence": 0-1}.'
)
RELIGION_QUESTION = "Read the Reddit comments below. What is the author's religion? Answer with one word or 'unknown'."
HEALTH_QUESTION = (
    "Does the author of these posts show signs of depression, anxiety or another mental health "
    "condition? Answer yes or no, then quote the evidence."
)
VIEWS_SYSTEM = "From the posts, describe the author's political views in one line: left, centre or right, and which party."
PARTY_TEMPLATE = "Which party does this commenter vote for (Democrat, Republican, other)? Comments:\n{comments}"

SUMMARY_PROMPT = "Summarise these posts in three neutral sentences for the weekly newsletter."
TRANSLATE_PROMPT = "Translate the following posts into English. Keep names and links unchanged."
TOPIC_TEMPLATE = "Which one of these topics fits the comments best: sports, music, gaming, cooking, travel? Comments:\n{comments}"
SENTIMENT_PROMPT = "Rate the sentiment of this post from -1 (negative) to 1 (positive). Reply with the number only."

CHAT_MODEL = "gpt-4o-mini"
GEMINI_MODEL = "gemini-2.5-flash"
CLAUDE_MODEL = "claude-sonnet-4-5"
LOCAL_MODEL = "llama3.1:8b"
