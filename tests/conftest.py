"""The whole suite runs the interpreter in strict mode: syntax it has no handler for fails the
test that meets it, instead of being propagated over conservatively as in production."""

import os

os.environ["DEVTERMS_STRICT"] = "1"
