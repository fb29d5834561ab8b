"""Who is in this photo? Every follower's and group member's face, searched with a probe image."""

import sys

import cv2

from facevec import avatars, index
from facevec.embedders import ArcFaceEmbedder, FaceNetEmbedder, KerasFaceNetEmbedder, OpenFaceEmbedder, SFaceEmbedder


def build_x_index(account):
    embedder = OpenFaceEmbedder()
    faces = index.FaissFaces()
    for handle, image in avatars.x_follower_avatars(account):
        faces.add(handle, embedder.embed(image))
    return embedder, faces


def build_telegram_index(group):
    embedder = ArcFaceEmbedder()
    faces = index.AnnoyFaces(512)
    vectors = []
    for name, image in avatars.telegram_member_photos(group):
        vector = embedder.embed(image)
        faces.add(name, vector)
        vectors.append((name, vector))
    return embedder, faces, vectors


def sface_vectors(account):
    embedder = SFaceEmbedder()
    return [(handle, v) for handle, image in avatars.x_follower_avatars(account) for v in embedder.embed_all(image)]


def facenet_vectors(group):
    members = list(avatars.telegram_member_photos(group))
    vectors = FaceNetEmbedder().embed_many([image for _, image in members])
    return [(name, vector) for (name, _), vector in zip(members, vectors)]


def reddit_index(subreddit):
    embedder = KerasFaceNetEmbedder()
    faces = index.FaissFaces(dim=128)
    for name, image in avatars.reddit_commenter_avatars(subreddit):
        faces.add(name, embedder.embed(image))
    return embedder, faces


def main(probe_path, account, group, subreddit):
    probe = cv2.imread(probe_path)
    x_embedder, x_faces = build_x_index(account)
    print("X:", x_faces.search(x_embedder.embed(probe)))
    tg_embedder, tg_faces, tg_vectors = build_telegram_index(group)
    tg_probe = tg_embedder.embed(probe)
    print("Telegram:", tg_faces.search(tg_probe), index.closest_by_distance(tg_vectors, tg_probe))
    hnsw, labels = index.hnsw_index(tg_vectors, 512)
    ids, _ = hnsw.knn_query(tg_probe, k=3)
    print("hnsw:", [labels[i] for i in ids[0]])
    sface = sface_vectors(account)
    print("SFace:", index.nearest_people(sface, SFaceEmbedder().embed_all(probe)[0]))
    facenet = facenet_vectors(group)
    print("FaceNet:", index.closest_by_distance(facenet, FaceNetEmbedder().embed_many([probe])[0]))
    reddit_embedder, reddit_faces = reddit_index(subreddit)
    print("Reddit:", reddit_faces.search(reddit_embedder.embed(probe)))


if __name__ == "__main__":
    main(*sys.argv[1:5])
