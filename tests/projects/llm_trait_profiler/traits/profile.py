"""What an LLM says about a person's orientation, religion, health or party, kept per user."""

import collections
import json
import sqlite3

import anthropic
import ollama
from openai import OpenAI

from traits import prompts, sources

gpt = OpenAI()
claude = anthropic.Anthropic()


def orientation_of(username):
    posts = "\n---\n".join(sources.redditor_comments(username))
    reply = claude.messages.create(  # expect: DT401
        model=prompts.CLAUDE_MODEL,
        max_tokens=300,
        system=prompts.ORIENTATION_SYSTEM,
        messages=[{"role": "user", "content": posts}],
    )
    return json.loads(reply.content[0].text)


def health_screen(acct):
    text = "\n".join(sources.mastodon_statuses(acct))
    response = ollama.chat(  # expect: DT401
        model=prompts.LOCAL_MODEL,
        messages=[{"role": "system", "content": prompts.HEALTH_QUESTION}, {"role": "user", "content": text}],
    )
    return response["message"]["content"]


def religion_by_author(subreddit, out="religion_labels.json"):
    by_author = collections.defaultdict(list)
    for author, _, body in sources.community_comments(subreddit):
        by_author[author].append(body)
    labels = {}
    for author, bodies in by_author.items():
        prompt = f"{prompts.RELIGION_QUESTION}\n\n" + "\n".join(bodies[:50])
        reply = gpt.chat.completions.create(model=prompts.CHAT_MODEL, messages=[{"role": "user", "content": prompt}])  # expect: DT401
        labels[author] = reply.choices[0].message.content.strip()
    with open(out, "w") as fh:
        json.dump(labels, fh, indent=2)


def party_table(subreddit, db="traits.db"):
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE IF NOT EXISTS party (author TEXT PRIMARY KEY, answer TEXT)")
    by_author = collections.defaultdict(list)
    for author, _, body in sources.community_comments(subreddit):
        by_author[author].append(body)
    for author, bodies in by_author.items():
        result = ollama.generate(model=prompts.LOCAL_MODEL, prompt=prompts.PARTY_TEMPLATE.format(comments="\n".join(bodies)))  # expect: DT401
        row = (author, result["response"])
        conn.execute("INSERT OR REPLACE INTO party VALUES (?, ?)", row)
    conn.commit()
