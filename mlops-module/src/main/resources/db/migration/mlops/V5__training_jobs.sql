-- Training jobs of the MLOps module: queued and running jobs with their progress, the request that made them and the
-- MLflow run that holds the result. A job running when the application stopped is marked failed on the next start.
CREATE TABLE training_jobs (
    id            VARCHAR(32)      PRIMARY KEY,
    state         VARCHAR(16)      NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'FINISHED', 'FAILED')),
    progress      DOUBLE PRECISION NOT NULL DEFAULT 0,
    stage         TEXT             NOT NULL DEFAULT '',
    request       TEXT             NOT NULL,
    run_id        VARCHAR(32),
    experiment_id VARCHAR(32),
    error         TEXT,
    user_name     VARCHAR(256)     NOT NULL,
    submitted_at  TIMESTAMPTZ      NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ
);
CREATE INDEX training_jobs_submitted ON training_jobs (submitted_at DESC);
