"""What the tests share, kept out of the test modules so that each is imported one way only.

- :mod:`harness.annotations`: the ``# expect:`` / ``# ok:`` / ``# todo-expect:`` grammar of the
  example files and the comparison of findings with it.
- :mod:`harness.corpus`: where the annotated examples and example projects are.
- :mod:`harness.frontends`: small project trees and a fake engine for the front-end tests.
- :mod:`harness.snippets`: one-snippet cases for the engine's scope and data-flow semantics.
"""
