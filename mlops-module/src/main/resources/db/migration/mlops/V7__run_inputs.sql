-- Datasets runs logged as inputs (MLflow's log-inputs): one row per run and dataset (name, digest); logging the same
-- dataset again changes nothing. The input's tags are kept as a JSON array of {key, value}.
CREATE TABLE run_inputs (
    run_uuid    VARCHAR(32)  NOT NULL REFERENCES runs (run_uuid) ON DELETE CASCADE,
    name        VARCHAR(500) NOT NULL,
    digest      VARCHAR(64)  NOT NULL,
    source_type VARCHAR(64)  NOT NULL,
    source      TEXT         NOT NULL,
    schema      TEXT,
    profile     TEXT,
    tags        TEXT         NOT NULL DEFAULT '[]',
    position    BIGSERIAL,
    PRIMARY KEY (run_uuid, name, digest)
);
