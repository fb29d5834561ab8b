"""Quiet look-alikes: summaries and translations, topics per author, sentiment per week, and
the share of a community that talks about mental health."""

import collections
import datetime
import sqlite3
import statistics

import anthropic
import ollama
from openai import OpenAI

from traits import prompts, sources

gpt = OpenAI()
claude = anthropic.Anthropic()


def weekly_summary(subreddit):
    posts = "\n".join(body for _, _, body in sources.community_comments(subreddit, limit=300))
    reply = gpt.chat.completions.create(  # ok: DT401
        model=prompts.CHAT_MODEL,
        messages=[{"role": "system", "content": prompts.SUMMARY_PROMPT}, {"role": "user", "content": posts}],
    )
    return reply.choices[0].message.content


def translate_user(username):
    text = "\n".join(sources.redditor_comments(username, limit=20))
    reply = claude.messages.create(  # ok: DT401
        model=prompts.CLAUDE_MODEL, max_tokens=2000, system=prompts.TRANSLATE_PROMPT,
        messages=[{"role": "user", "content": text}],
    )
    return reply.content[0].text


def topics_by_author(subreddit, db="topics.db"):
    conn = sqlite3.connect(db)
    by_author = collections.defaultdict(list)
    for author, _, body in sources.community_comments(subreddit):
        by_author[author].append(body)
    for author, bodies in by_author.items():
        result = ollama.generate(model=prompts.LOCAL_MODEL, prompt=prompts.TOPIC_TEMPLATE.format(comments="\n".join(bodies)))  # ok: DT401
        row = (author, result["response"])
        conn.execute("INSERT OR REPLACE INTO topic VALUES (?, ?)", row)
    conn.commit()


def sentiment_per_week(subreddit):
    weeks = collections.defaultdict(list)
    for _, created, body in sources.community_comments(subreddit):
        reply = claude.messages.create(  # ok: DT401
            model=prompts.CLAUDE_MODEL, max_tokens=5, system=prompts.SENTIMENT_PROMPT,
            messages=[{"role": "user", "content": body}],
        )
        week = datetime.datetime.fromtimestamp(created, datetime.UTC).strftime("%G-W%V")
        weeks[week].append(float(reply.content[0].text))
    return {week: statistics.mean(scores) for week, scores in sorted(weeks.items())}


def health_talk_share(subreddit):
    """Research: the share of a community's comments that talk about mental health; no one kept."""
    comments = sources.community_comments(subreddit, limit=500)
    yes = 0
    for _, _, body in comments:
        response = ollama.chat(  # ok: DT401
            model=prompts.LOCAL_MODEL,
            messages=[{"role": "system", "content": prompts.HEALTH_QUESTION}, {"role": "user", "content": body}],
        )
        yes += response["message"]["content"].lower().startswith("yes")
    return yes / max(len(comments), 1)
