"""Higher-order code: a `functools.wraps` retry decorator, closures, nested functions, lambdas and
`functools.partial`.

`retry` wraps the fetchers without changing what they return, so their Instagram data reaches the
sinks in `main`. `make_matcher` returns a closure that holds its sink on a parameter: calling it
with platform data is the finding. `partial` pre-binds the model, not the image.
"""

import functools
import time
from io import BytesIO

import face_recognition
import instaloader
import requests
from deepface import DeepFace

L = instaloader.Instaloader(download_pictures=False, save_metadata=False)


def retry(times=3):
    def decorate(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            for attempt in range(times):
                try:
                    return fn(*args, **kwargs)
                except requests.RequestException:
                    time.sleep(2 ** attempt)
            return fn(*args, **kwargs)
        return wrapper
    return decorate


def timed(fn):
    @functools.wraps(fn)
    def inner(*args, **kwargs):
        start = time.monotonic()
        result = fn(*args, **kwargs)
        print(fn.__name__, time.monotonic() - start)
        return result
    return inner


@retry(times=5)
def profile_picture(username):
    profile = instaloader.Profile.from_username(L.context, username)  # expect: DT502
    return requests.get(profile.profile_pic_url, timeout=10).content


@timed
def encode(raw):
    return face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101


def make_matcher(known_encodings, tolerance=0.5):
    def match(raw):
        found = face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101
        return [face_recognition.compare_faces(known_encodings, f, tolerance) for f in found]  # ok: DT101
    return match


def main(usernames, known):
    pictures = [profile_picture(name) for name in usernames]
    face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(pictures[0])))  # expect: DT101
    encode(pictures[1])

    matcher = make_matcher(known)
    matcher(pictures[2])
    matcher(open("staff/alice.jpg", "rb").read())  # ok: DT101

    to_array = lambda raw: face_recognition.load_image_file(BytesIO(raw))
    face_recognition.face_encodings(to_array(pictures[3]))  # expect: DT101
    face_recognition.face_encodings(to_array(open("staff/bob.jpg", "rb").read()))  # ok: DT101

    verify = functools.partial(DeepFace.verify, model_name="ArcFace")
    verify(img1_path="staff/alice.jpg", img2_path="staff/alice2.jpg")  # ok: DT101
    verify(img1_path="staff/alice.jpg", img2_path=to_array(pictures[4]))  # expect: DT101

    def nearest(raw):
        encodings = face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101
        return min(face_recognition.face_distance(known, encodings[0]))  # ok: DT101

    best = sorted(pictures, key=nearest)

    encode_later = functools.partial(encode, pictures[5])
    encode_later()
    everyone = list(map(encode, pictures))
    return best, everyone
