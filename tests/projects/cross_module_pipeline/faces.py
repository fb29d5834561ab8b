"""Face matching helpers. Their sinks see platform data only through parameters, except `scan`.

`encode` and `matches` see platform data when main.py passes it; `scan` gets the pictures from
`author_pictures`' return value. Either way the finding is at the sink, in `encode`.
"""

from io import BytesIO

import face_recognition as fr

from scrape import author_pictures

WATCHLIST = [fr.face_encodings(fr.load_image_file(p))[0] for p in ("watchlist/a.jpg", "watchlist/b.jpg")]  # ok: DT101


def encode(raw):
    return fr.face_encodings(fr.load_image_file(BytesIO(raw)))  # expect: DT101


def matches(pictures):
    found = []
    for username, raw in pictures.items():
        for enc in encode(raw):  # ok: DT101
            if any(fr.compare_faces(WATCHLIST, enc)):  # ok: DT101
                found.append(username)
    return found


def scan(query):
    return {name: encode(raw) for name, raw in author_pictures(query).items()}
