"""Vector indexes over face embeddings: faiss, annoy, hnswlib, sklearn and plain numpy."""

import faiss
import hnswlib
import numpy as np
from annoy import AnnoyIndex
from sklearn.neighbors import NearestNeighbors

from facevec import settings


class FaissFaces:
    def __init__(self, dim=settings.EMBEDDING_DIM):
        self.index = faiss.IndexFlatL2(dim)
        self.labels = []

    def add(self, label, vector):
        self.index.add(np.asarray([vector], dtype="float32"))  # ok: DT101
        self.labels.append(label)

    def search(self, vector, k=settings.TOP_K):
        distances, ids = self.index.search(np.asarray([vector], dtype="float32"), k)  # ok: DT101
        return [(self.labels[i], float(d)) for i, d in zip(ids[0], distances[0]) if i >= 0]


class AnnoyFaces:
    def __init__(self, dim):
        self.index = AnnoyIndex(dim, "angular")
        self.labels = []

    def add(self, label, vector):
        self.index.add_item(len(self.labels), vector)  # ok: DT101
        self.labels.append(label)

    def search(self, vector, k=settings.TOP_K):
        self.index.build(10)
        return [self.labels[i] for i in self.index.get_nns_by_vector(vector, k)]


def hnsw_index(labelled_vectors, dim):
    index = hnswlib.Index(space="cosine", dim=dim)
    index.init_index(max_elements=max(len(labelled_vectors), 1))
    index.add_items(np.asarray([v for _, v in labelled_vectors]))  # ok: DT101
    return index, [label for label, _ in labelled_vectors]


def nearest_people(labelled_vectors, probe, k=settings.TOP_K):
    model = NearestNeighbors(n_neighbors=min(k, len(labelled_vectors)), metric="cosine")
    model.fit(np.asarray([v for _, v in labelled_vectors]))  # ok: DT101
    _, ids = model.kneighbors([probe])
    return [labelled_vectors[i][0] for i in ids[0]]


def closest_by_distance(labelled_vectors, probe):
    known = np.asarray([v for _, v in labelled_vectors])
    distances = np.linalg.norm(known - probe, axis=1)  # ok: DT101
    best = int(np.argmin(distances))
    return labelled_vectors[best][0] if distances[best] < settings.MATCH_DISTANCE else None
