"""The rule pack: the knowledge devterms applies, kept as YAML data under ``rules/``.

- :mod:`.types`: the frozen values a pack is made of (platforms, clauses, sources, sinks, rules).
- :mod:`.schema`: reading untrusted YAML entries, with errors naming the file, entry and key.
- :mod:`.patterns`: the two small languages of the pack, call paths and host patterns.
- :mod:`.load`: loading and validating a pack's folders into a :class:`~.types.RulePack`.
- :mod:`.index`: the pack compiled for the engine's lookups (which calls and hosts are what).
- :mod:`.table`: README's rule table, rendered from the pack.
- :mod:`.jsonschema`: the JSON Schema of a pack file (``rules/pack.schema.json``), from what the loader reads.

The engine imports :mod:`.types`, :mod:`.patterns` and :mod:`.index`, never the loader.
"""
