-- SNOWFLAKE.ML model objects (CREATE SNOWFLAKE.ML.FORECAST / ANOMALY_DETECTION in the SQL box), trained once at
-- CREATE. Names are unique (one schema, as in a Snowflake schema); each model belongs to the user who created it.
-- The reader role of the datasets gets no grant on this table.
CREATE TABLE ml_models (
    name        TEXT         PRIMARY KEY,
    kind        VARCHAR(20)  NOT NULL CHECK (kind IN ('FORECAST', 'ANOMALY_DETECTION')),
    owner       TEXT         NOT NULL,
    comment     TEXT,
    series      INTEGER      NOT NULL,
    rows_used   BIGINT       NOT NULL,
    payload     TEXT         NOT NULL,
    created_on  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX ml_models_owner ON ml_models (owner);
