"""Pipelines put together from the base, the sources and the face mixin."""

import requests

from faces import FaceIndexMixin
from sources import FollowersPipeline, RedditorPipeline


class FollowerFaces(FaceIndexMixin, FollowersPipeline):
    """fetch comes from FollowersPipeline, sink from the mixin (first in the MRO)."""


class RedditorFaces(FaceIndexMixin, RedditorPipeline):
    pass


class AuditedFollowers(FollowersPipeline):
    """Inherits the .gov ENDPOINT of Pipeline."""

    def audit(self):
        requests.post(self.ENDPOINT, json={"audit": self.fetch()}, timeout=self.TIMEOUT)  # expect: DT201


class MirroredFollowers(FollowersPipeline):
    """Overrides the class attribute with the team's own mirror."""

    ENDPOINT = "https://mirror.example.org/api/v1/followers"

    def mirror(self):
        requests.post(self.ENDPOINT, json={"mirror": self.fetch()}, timeout=self.TIMEOUT)  # ok: DT201
