"""Runs every pipeline once."""

import os

import praw

from browser import InstagramAvatars, StaffRoster, StatusPage
from graph import FriendLeads, ProfileLocator
from pipelines import AuditedFollowers, FollowerFaces, MirroredFollowers, RedditorFaces
from sources import FollowersPipeline, RedditorPipeline, ScanFolderPipeline


def main():
    token = os.environ["X_BEARER_TOKEN"]
    reddit = praw.Reddit(client_id="id", client_secret="secret", user_agent="intake/2.0")
    FollowersPipeline(token, "2244994945").run()
    RedditorPipeline(reddit, "spez").run()
    ScanFolderPipeline("scans").upload_index()
    FollowersPipeline(token, "2244994945").report_count()
    FollowerFaces(token, "783214").run()
    RedditorFaces(reddit, "spez").run()
    AuditedFollowers(token, "783214").audit()
    MirroredFollowers(token, "783214").mirror()
    browser = InstagramAvatars()
    browser.encode_all(["nasa", "natgeo"])
    browser.close()
    StatusPage().incidents()
    StaffRoster("staff/photos").enroll(["alice", "bob"])


def leads(graph_token, x_token, user_id, handle):
    graph = FriendLeads(graph_token)
    graph.file_leads(user_id)
    graph.file_office()
    locator = ProfileLocator(x_token)
    locator.home_of(handle)
    locator.office()
