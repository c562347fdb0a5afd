-- Experiments and runs in MLflow's vocabulary. Experiment 0, "Default", always exists, as in MLflow.
CREATE TABLE experiments (
    experiment_id     BIGSERIAL PRIMARY KEY,
    name              VARCHAR(256) NOT NULL UNIQUE,
    artifact_location TEXT         NOT NULL DEFAULT '',
    lifecycle_stage   VARCHAR(32)  NOT NULL DEFAULT 'active' CHECK (lifecycle_stage IN ('active', 'deleted')),
    creation_time     BIGINT       NOT NULL DEFAULT (extract(epoch FROM now()) * 1000)::BIGINT,
    last_update_time  BIGINT       NOT NULL DEFAULT (extract(epoch FROM now()) * 1000)::BIGINT
);
INSERT INTO experiments (experiment_id, name, artifact_location) VALUES (0, 'Default', 'mlflow-artifacts:/0');

CREATE TABLE runs (
    run_uuid        VARCHAR(32)  PRIMARY KEY,
    experiment_id   BIGINT       NOT NULL REFERENCES experiments (experiment_id),
    name            VARCHAR(250) NOT NULL DEFAULT '',
    user_id         VARCHAR(256) NOT NULL DEFAULT '',
    status          VARCHAR(16)  NOT NULL DEFAULT 'RUNNING'
                    CHECK (status IN ('RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED')),
    start_time      BIGINT,
    end_time        BIGINT,
    artifact_uri    TEXT         NOT NULL DEFAULT '',
    lifecycle_stage VARCHAR(32)  NOT NULL DEFAULT 'active' CHECK (lifecycle_stage IN ('active', 'deleted'))
);
CREATE INDEX runs_experiment ON runs (experiment_id);
