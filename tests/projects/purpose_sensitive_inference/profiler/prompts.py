"""An LLM asked about a person, next to one asked only to summarise."""

import json

from openai import OpenAI

from profiler import collect
from profiler.settings import SUMMARY_PROMPT, SYSTEM_PROMPT

llm = OpenAI()


def profile(username):
    posts = collect.timeline_text(username)
    answer = llm.chat.completions.create(  # expect: DT401
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": posts}],
    )
    return json.loads(answer.choices[0].message.content)


def newsletter(query):
    posts = "\n".join(t.text for t in collect.search(query))
    reply = llm.chat.completions.create(  # ok: DT401
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": SUMMARY_PROMPT}, {"role": "user", "content": posts}],
    )
    return reply.choices[0].message.content
