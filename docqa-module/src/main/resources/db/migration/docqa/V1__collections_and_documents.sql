-- Collections (knowledge bases) and the documents uploaded into them.
CREATE TABLE collections (
    id         BIGSERIAL PRIMARY KEY,
    name       VARCHAR(63)  NOT NULL UNIQUE,
    created_by VARCHAR(64)  NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE documents (
    id            BIGSERIAL PRIMARY KEY,
    collection_id BIGINT       NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
    title         VARCHAR(500) NOT NULL,
    content_type  VARCHAR(200) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    status        VARCHAR(16)  NOT NULL DEFAULT 'queued'
                  CHECK (status IN ('queued', 'extracting', 'embedding', 'ready', 'failed')),
    reason        TEXT,
    created_by    VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (collection_id, sha256)
);
