"""Facebook page posts sent to the public sector with EmailMessage/send_message and urllib.

`send_message` is a sink when the public-sector address is passed as `to_addrs`. The urllib
finding is on `urllib.request.Request(...)`, the call that takes both the URL and the payload;
`urlopen(req)` only sends it.
"""

import json
import smtplib
import urllib.request
from email.message import EmailMessage

import facebook

graph = facebook.GraphAPI(access_token="EAAB-not-a-real-token")
LIAISON = "liaison@garda.ie"


def page_posts(page_id):
    return graph.get_connections(page_id, "posts", fields="message,from,created_time")["data"]


def email_liaison(page_id):
    msg = EmailMessage()
    msg["Subject"] = f"Posts on page {page_id}"
    msg["From"] = "monitor@example.ie"
    msg.set_content("\n\n".join(post.get("message", "") for post in page_posts(page_id)))
    with smtplib.SMTP_SSL("smtp.example.ie") as smtp:
        smtp.send_message(msg, to_addrs=[LIAISON])  # expect: DT201
        smtp.send_message(msg, to_addrs=["archive@example.ie"])  # ok: DT201


def post_to_portal(page_id):
    body = json.dumps({"page": page_id, "posts": page_posts(page_id)}).encode()
    req = urllib.request.Request("https://portal.justice.gov.uk/api/submissions", data=body, method="POST")  # expect: DT201
    with urllib.request.urlopen(req, timeout=10) as resp:  # ok: DT201
        return resp.status
