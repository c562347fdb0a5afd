-- Serving of the MLOps module: each model's traffic split (routes in order, percents summing to 100) and the sampled
-- prediction log that drift is measured on (features and prediction as JSON text).
CREATE TABLE serving_routes (
    model    VARCHAR(256) NOT NULL,
    position INTEGER      NOT NULL,
    target   VARCHAR(256) NOT NULL,
    percent  INTEGER      NOT NULL CHECK (percent BETWEEN 0 AND 100),
    PRIMARY KEY (model, position)
);

CREATE TABLE prediction_log (
    id         BIGSERIAL    PRIMARY KEY,
    model      VARCHAR(256) NOT NULL,
    version    VARCHAR(32)  NOT NULL,
    logged_at  TIMESTAMPTZ  NOT NULL,
    features   TEXT         NOT NULL,
    prediction TEXT         NOT NULL
);
CREATE INDEX prediction_log_version ON prediction_log (model, version, id DESC);
