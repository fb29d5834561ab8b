"""Pipelines put together from the base, the sources and the face mixin."""

from faces import FaceIndexMixin
from sources import FollowersPipeline, RedditorPipeline


class FollowerFaces(FaceIndexMixin, FollowersPipeline):
    """fetch comes from FollowersPipeline, sink from the mixin (first in the MRO)."""


class RedditorFaces(FaceIndexMixin, RedditorPipeline):
    pass
