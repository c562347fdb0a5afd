-- MLflow 3's logged models: created PENDING by log_model before the files upload, then READY or UPLOAD_FAILED.
-- Ids are 'm-' and 32 hex characters; deleting one only marks it deleted (lifecycle_stage), as MLflow's SQL store.
CREATE TABLE logged_models (
    model_id          VARCHAR(34)  PRIMARY KEY,
    experiment_id     BIGINT       NOT NULL REFERENCES experiments (experiment_id) ON DELETE CASCADE,
    name              VARCHAR(500) NOT NULL,
    model_type        VARCHAR(500),
    source_run_id     VARCHAR(32),
    status            VARCHAR(16)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'READY', 'UPLOAD_FAILED')),
    status_message    TEXT,
    artifact_uri      TEXT         NOT NULL,
    creation_time     BIGINT       NOT NULL,
    last_updated_time BIGINT       NOT NULL,
    lifecycle_stage   VARCHAR(20)  NOT NULL DEFAULT 'active'
);
CREATE INDEX logged_models_experiment ON logged_models (experiment_id, creation_time DESC);

CREATE TABLE logged_model_params (
    model_id VARCHAR(34)  NOT NULL REFERENCES logged_models (model_id) ON DELETE CASCADE,
    key      VARCHAR(250) NOT NULL,
    value    TEXT         NOT NULL,
    PRIMARY KEY (model_id, key)
);

CREATE TABLE logged_model_tags (
    model_id VARCHAR(34)  NOT NULL REFERENCES logged_models (model_id) ON DELETE CASCADE,
    key      VARCHAR(250) NOT NULL,
    value    TEXT         NOT NULL,
    PRIMARY KEY (model_id, key)
);

-- Metrics a run logged with a model_id (log-metric, log-batch), with the dataset they were measured on.
CREATE TABLE logged_model_metrics (
    id             BIGSERIAL        PRIMARY KEY,
    model_id       VARCHAR(34)      NOT NULL REFERENCES logged_models (model_id) ON DELETE CASCADE,
    run_uuid       VARCHAR(32)      NOT NULL REFERENCES runs (run_uuid) ON DELETE CASCADE,
    key            VARCHAR(250)     NOT NULL,
    value          DOUBLE PRECISION NOT NULL,
    timestamp      BIGINT           NOT NULL,
    step           BIGINT           NOT NULL DEFAULT 0,
    is_nan         BOOLEAN          NOT NULL DEFAULT FALSE,
    dataset_name   VARCHAR(500),
    dataset_digest VARCHAR(64)
);
CREATE INDEX logged_model_metrics_model ON logged_model_metrics (model_id, key, id);

-- Logged models a run used (log-inputs "models") and produced (runs/outputs), in the order they were logged.
CREATE TABLE run_model_inputs (
    run_uuid VARCHAR(32) NOT NULL REFERENCES runs (run_uuid) ON DELETE CASCADE,
    model_id VARCHAR(34) NOT NULL REFERENCES logged_models (model_id) ON DELETE CASCADE,
    position BIGSERIAL,
    PRIMARY KEY (run_uuid, model_id)
);

CREATE TABLE run_model_outputs (
    run_uuid VARCHAR(32) NOT NULL REFERENCES runs (run_uuid) ON DELETE CASCADE,
    model_id VARCHAR(34) NOT NULL REFERENCES logged_models (model_id) ON DELETE CASCADE,
    step     BIGINT      NOT NULL DEFAULT 0,
    position BIGSERIAL,
    PRIMARY KEY (run_uuid, model_id)
);

-- A registry version made from a logged model (source models:/m-…, or model_id): the model's id and where its files
-- are (the logged model's artifact uri), as MLflow's SQL registry keeps storage_location.
ALTER TABLE model_versions ADD COLUMN logged_model_id VARCHAR(34);
ALTER TABLE model_versions ADD COLUMN storage_location TEXT;
CREATE INDEX model_versions_logged_model ON model_versions (logged_model_id);
