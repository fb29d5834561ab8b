"""Upload the station's own readings to the EPA and tweet the latest one."""

import csv
import json

import face_recognition
import requests

import archive
import config


def readings(path="readings.csv"):
    with open(path, "rb") as handle:
        return list(csv.DictReader(handle))


def upload(rows):
    payload = {"station": config.STATION, "rows": rows}
    response = requests.post(config.UPLOAD_URL, data=json.dumps(payload), timeout=30)  # ok: DT201
    if response.status_code <> 200:
        raise IOError, "upload failed: %d" % response.status_code


def avatar_shows_the_team(path="assets/team.jpg", expected=3):
    image = face_recognition.load_image_file(path)
    return len(face_recognition.face_encodings(image)) == expected  # ok: DT101


def main():
    api = archive.own_api()
    rows = readings()
    upload(rows)
    latest = rows[-1]
    api.update_status(u"%s: %s\u00b0F at %s" % (config.STATION, latest["temp_f"], latest["time"]))
    if avatar_shows_the_team():
        api.update_profile_image("assets/team.jpg")
    archive.backup(api)
    print "uploaded %d readings, latest `%s`" % (len(rows), `latest`)


if __name__ == "__main__":
    main()
