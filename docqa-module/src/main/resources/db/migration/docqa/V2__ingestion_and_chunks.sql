-- Ingestion: what a document is made of, how far its ingestion got, its extracted text and its chunks.
ALTER TABLE collections ADD COLUMN description VARCHAR(1000) NOT NULL DEFAULT '';

ALTER TABLE documents
    ADD COLUMN file_name   VARCHAR(500)     NOT NULL DEFAULT '',
    ADD COLUMN doc_type    VARCHAR(16)      NOT NULL DEFAULT 'text',
    ADD COLUMN pages       INT,
    ADD COLUMN chunk_count INT              NOT NULL DEFAULT 0,
    ADD COLUMN progress    DOUBLE PRECISION NOT NULL DEFAULT 0,
    ADD COLUMN body        TEXT,
    ADD COLUMN updated_at  TIMESTAMPTZ      NOT NULL DEFAULT now();

CREATE INDEX documents_status ON documents (status);

-- A piece of a document's text (body), as embedded and indexed: offsets are into documents.body.
CREATE TABLE chunks (
    id           BIGSERIAL PRIMARY KEY,
    document_id  BIGINT        NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ordinal      INT           NOT NULL,
    page         INT,
    heading      VARCHAR(1000) NOT NULL DEFAULT '',
    start_offset INT           NOT NULL,
    end_offset   INT           NOT NULL,
    tokens       INT           NOT NULL,
    text         TEXT          NOT NULL,
    UNIQUE (document_id, ordinal)
);
