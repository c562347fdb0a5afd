-- Key/value metadata of a document (at most 20 keys, checked by the application), given at upload, editable, and
-- used to filter searches and answers (containment: metadata @> '{"department": "HR"}').
ALTER TABLE documents ADD COLUMN metadata JSONB NOT NULL DEFAULT '{}'::jsonb;
CREATE INDEX documents_metadata ON documents USING gin (metadata jsonb_path_ops);
