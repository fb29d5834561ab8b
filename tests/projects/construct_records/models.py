"""Record types shared by the collectors and the consumers."""

from dataclasses import dataclass, field
from typing import NamedTuple, TypedDict

import attrs
from pydantic import BaseModel


@dataclass
class Person:
    handle: str
    pic: str
    location: str = ""
    tags: list = field(default_factory=list)


class Post(NamedTuple):
    author: str
    media_url: str
    created: float


class Profile(BaseModel):
    username: str
    avatar: str
    bio: str = ""


@dataclass
class StaffMember:
    name: str
    photo: str


@dataclass
class Run:
    query: str
    started: str
    people: list


@dataclass
class Avatar:
    """Keeps the full-size picture URL next to the thumbnail X returns."""

    url: str

    def __post_init__(self):
        self.full_url = self.url.replace("_normal", "_400x400")


@attrs.define
class Lead:
    handle: str
    photo: str
    subreddit: str = ""


class Row(TypedDict):
    handle: str
    photo: str
