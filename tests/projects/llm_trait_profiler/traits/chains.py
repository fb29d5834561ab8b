"""The same questions through LangChain: a prompt template piped into a local chat model."""

import csv

from langchain_core.prompts import ChatPromptTemplate
from langchain_ollama import ChatOllama

from traits import prompts, sources

llm = ChatOllama(model=prompts.LOCAL_MODEL, temperature=0)
health_chain = ChatPromptTemplate.from_messages([("system", prompts.HEALTH_QUESTION), ("user", "{posts}")]) | llm
translate_chain = ChatPromptTemplate.from_messages([("system", prompts.TRANSLATE_PROMPT), ("user", "{posts}")]) | llm


def health_of_users(usernames, out="health.csv"):
    with open(out, "w", newline="") as fh:
        writer = csv.writer(fh)
        for username in usernames:
            posts = "\n".join(sources.redditor_comments(username, limit=100))
            answer = health_chain.invoke({"posts": posts})  # expect: DT401
            writer.writerow([username, answer.content])


def translated(username):
    posts = "\n".join(sources.redditor_comments(username, limit=100))
    return translate_chain.invoke({"posts": posts}).content  # ok: DT401
