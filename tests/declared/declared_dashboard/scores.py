"""Sentiment and counts (declared), and a topic model that nobody declared."""

from bertopic import BERTopic
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

analyzer = SentimentIntensityAnalyzer()


def score(tweets):
    texts = [t.text for t in tweets]
    moods = [analyzer.polarity_scores(text)["compound"] for text in texts]  # ok: DT601
    topics, _ = BERTopic().fit_transform(texts)  # expect: DT601
    return {"count": len(texts), "moods": moods, "topics": topics}  # ok: DT601
