"""Runs the sweep through the package's re-exports and e-mails the results to a .gov address."""

import smtplib

from watch import search, sweep


def main():
    results = sweep("pics")
    with smtplib.SMTP("localhost") as smtp:
        smtp.sendmail("bot@example.org", "tips@cityofexample.gov", str(results))  # expect: DT201
        smtp.sendmail("bot@example.org", "tips@cityofexample.gov", f"{len(results)} results")  # ok: DT201
    with open("probe.jpg", "rb") as fh:
        return search(fh.read())  # ok: DT101
