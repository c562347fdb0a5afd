-- What runs log, in MLflow's vocabulary: params (immutable), every metric value, the latest value per metric key
-- (what run.data.metrics shows and what searches filter and sort on), run tags and experiment tags.
CREATE TABLE experiment_tags (
    experiment_id BIGINT       NOT NULL REFERENCES experiments (experiment_id) ON DELETE CASCADE,
    key           VARCHAR(250) NOT NULL,
    value         TEXT         NOT NULL,
    PRIMARY KEY (experiment_id, key)
);

CREATE TABLE tags (
    run_uuid VARCHAR(32)  NOT NULL REFERENCES runs (run_uuid) ON DELETE CASCADE,
    key      VARCHAR(250) NOT NULL,
    value    TEXT         NOT NULL,
    PRIMARY KEY (run_uuid, key)
);

CREATE TABLE params (
    run_uuid VARCHAR(32)  NOT NULL REFERENCES runs (run_uuid) ON DELETE CASCADE,
    key      VARCHAR(250) NOT NULL,
    value    TEXT         NOT NULL,
    PRIMARY KEY (run_uuid, key)
);

-- id keeps the order in which values were logged (metric history answers in that order).
CREATE TABLE metrics (
    id        BIGSERIAL        PRIMARY KEY,
    run_uuid  VARCHAR(32)      NOT NULL REFERENCES runs (run_uuid) ON DELETE CASCADE,
    key       VARCHAR(250)     NOT NULL,
    value     DOUBLE PRECISION NOT NULL,
    timestamp BIGINT           NOT NULL,
    step      BIGINT           NOT NULL DEFAULT 0,
    is_nan    BOOLEAN          NOT NULL DEFAULT FALSE
);
CREATE INDEX metrics_run_key ON metrics (run_uuid, key, id);

-- The latest value per key: greatest (step, timestamp, value), as MLflow picks it.
CREATE TABLE latest_metrics (
    run_uuid  VARCHAR(32)      NOT NULL REFERENCES runs (run_uuid) ON DELETE CASCADE,
    key       VARCHAR(250)     NOT NULL,
    value     DOUBLE PRECISION NOT NULL,
    timestamp BIGINT           NOT NULL,
    step      BIGINT           NOT NULL,
    is_nan    BOOLEAN          NOT NULL DEFAULT FALSE,
    PRIMARY KEY (run_uuid, key)
);
CREATE INDEX latest_metrics_key ON latest_metrics (key, value);
