-- The embedding model a collection's chunks are embedded with; re-indexing with another model changes it.
ALTER TABLE collections ADD COLUMN embedding_model VARCHAR(100) NOT NULL DEFAULT 'bge-small-en-v1.5-q';
