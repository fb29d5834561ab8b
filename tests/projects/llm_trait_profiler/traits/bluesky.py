"""Gemini over one Bluesky account's posts: their political views, or a plain translation."""

from atproto import Client
from google import genai
from google.genai import types

from traits import prompts

bsky = Client(base_url="https://public.api.bsky.app/xrpc")
gemini = genai.Client()


def posts_of(handle, limit=100):
    return "\n".join(item.post.record.text for item in bsky.get_author_feed(actor=handle, limit=limit).feed)


def political_views(handle):
    response = gemini.models.generate_content(  # expect: DT401
        model=prompts.GEMINI_MODEL,
        contents=posts_of(handle),
        config=types.GenerateContentConfig(system_instruction=prompts.VIEWS_SYSTEM, temperature=0),
    )
    return response.text


def translated_feed(handle):
    response = gemini.models.generate_content(  # ok: DT401
        model=prompts.GEMINI_MODEL,
        contents=[prompts.TRANSLATE_PROMPT, posts_of(handle)],
    )
    return response.text
