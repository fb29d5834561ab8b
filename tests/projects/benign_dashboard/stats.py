"""Reduces mentions to numbers: what leaves this module no longer identifies anyone."""

import statistics


def summarise(mentions):
    lengths = [len(m.text) for m in mentions]
    return {
        "mentions": len(mentions),
        "mean_length": statistics.mean(lengths) if lengths else 0,
        "unique_authors": len({m.author_id for m in mentions}),
    }
