-- MLflow's model registry: registered models, their numbered versions (never reused: last_version only grows),
-- tags on both, and aliases naming one version each. A model's id keeps renames cheap.
CREATE TABLE registered_models (
    id                BIGSERIAL    PRIMARY KEY,
    name              VARCHAR(256) NOT NULL UNIQUE,
    creation_time     BIGINT       NOT NULL,
    last_updated_time BIGINT       NOT NULL,
    user_id           VARCHAR(256),
    description       TEXT         NOT NULL DEFAULT '',
    last_version      INTEGER      NOT NULL DEFAULT 0
);

CREATE TABLE model_versions (
    model_id          BIGINT       NOT NULL REFERENCES registered_models (id) ON DELETE CASCADE,
    version           INTEGER      NOT NULL,
    creation_time     BIGINT       NOT NULL,
    last_updated_time BIGINT       NOT NULL,
    user_id           VARCHAR(256),
    current_stage     VARCHAR(20)  NOT NULL DEFAULT 'None'
                      CHECK (current_stage IN ('None', 'Staging', 'Production', 'Archived')),
    description       TEXT         NOT NULL DEFAULT '',
    source            TEXT         NOT NULL,
    run_id            VARCHAR(32),
    run_link          TEXT,
    status            VARCHAR(32)  NOT NULL DEFAULT 'READY',
    status_message    TEXT,
    PRIMARY KEY (model_id, version)
);
CREATE INDEX model_versions_run ON model_versions (run_id);

CREATE TABLE registered_model_tags (
    model_id BIGINT       NOT NULL REFERENCES registered_models (id) ON DELETE CASCADE,
    key      VARCHAR(250) NOT NULL,
    value    TEXT         NOT NULL,
    PRIMARY KEY (model_id, key)
);

CREATE TABLE model_version_tags (
    model_id BIGINT       NOT NULL,
    version  INTEGER      NOT NULL,
    key      VARCHAR(250) NOT NULL,
    value    TEXT         NOT NULL,
    PRIMARY KEY (model_id, version, key),
    FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version) ON DELETE CASCADE
);

-- Deleting a version deletes the aliases that name it, as in MLflow.
CREATE TABLE registered_model_aliases (
    model_id BIGINT       NOT NULL,
    alias    VARCHAR(256) NOT NULL,
    version  INTEGER      NOT NULL,
    PRIMARY KEY (model_id, alias),
    FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version) ON DELETE CASCADE
);
