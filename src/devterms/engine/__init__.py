"""The taint engine: abstract interpretation of a project's code, run to a fixpoint.

Read first :mod:`.run` (one analysis of a project and its fixpoint), then :mod:`.frame` (how one
body of code is interpreted) and :mod:`.calls` (what a call does to data: the rules meet the
code there); :mod:`devterms.values` says what every expression evaluates to.

The modules are layers with one direction: each imports only from its own layer or the ones
below, and the suite checks that no imports make a cycle (``tests/test_engine_layers.py``).
Bottom to top:

1. Bookkeeping: :mod:`.module` (a parsed module), :mod:`.positions`, :mod:`.steps` (a flow's
   steps), :mod:`.sites` (one call), :mod:`.tracking` (units of work and what they read).
2. What the analysis remembers: :mod:`.heap` (globals and attributes), :mod:`.objects` (the
   project's functions and classes), :mod:`.storage` (files and tables), :mod:`.summaries`,
   :mod:`.binding` (arguments to parameters), :mod:`.findings` (findings, limits, uses).
3. A body being run, as the effects see it: :mod:`.scope` (the ``Scope`` protocol).
4. Effects on a scope: :mod:`.meetings` (where data meets vocabulary or other platforms),
   :mod:`.settings`, :mod:`.calling` (calls into the project), :mod:`.attributes`.
5. What the interpreter needs of the analysis around it: :mod:`.protocols` (the ``Run`` protocol).
6. Library calls: :mod:`.arguments` (what a call is handed), :mod:`.text_effects`,
   :mod:`.storage_effects`, :mod:`.calls` (the dispatch).
7. The interpreter, one class in layers: :mod:`.names`, :mod:`.assignment`, :mod:`.expressions`,
   :mod:`.branches`, :mod:`.frame`.
8. The scheduler: :mod:`.defining` (what a ``def`` or ``class`` registers), :mod:`.widening`
   (which modules join), :mod:`.run` (implements ``Run``).
"""
