"""Telegram channels watched with a user account; matches forwarded to the desk's own channel."""

import re

from telethon import TelegramClient, events

from watch import config

client = TelegramClient("watch", config.TG_API_ID, config.TG_API_HASH)
EVENT_RE = re.compile(config.EVENT_PATTERN, re.IGNORECASE)


@client.on(events.NewMessage(chats=config.WATCHED_CHANNELS))
async def on_channel_post(event):
    if EVENT_RE.search(event.raw_text):  # expect: DT303
        sender = await event.get_sender()
        alert = f"@{getattr(sender, 'username', None)} in {event.chat_id}: {event.raw_text[:500]}"
        await client.send_message(config.ALERT_CHANNEL, alert)


@client.on(events.NewMessage(chats=config.OUTAGE_CHANNELS))
async def on_status_post(event):
    text = event.raw_text.lower()
    if any(term in text for term in config.OUTAGE_TERMS):  # ok: DT303
        notice = f"Outage report: {event.raw_text[:300]}"
        await client.send_message(config.ALERT_CHANNEL, notice)


def run():
    client.start()
    client.run_until_disconnected()
