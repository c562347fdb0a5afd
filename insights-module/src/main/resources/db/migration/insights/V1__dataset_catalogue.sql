-- The catalogue of loaded datasets. The data itself lives in tables of the schema insights_data,
-- one table per dataset, queried by the dataset's name.
CREATE SCHEMA IF NOT EXISTS insights_data;

CREATE TABLE datasets (
    id           BIGSERIAL PRIMARY KEY,
    name         VARCHAR(63)  NOT NULL UNIQUE,
    description  TEXT         NOT NULL DEFAULT '',
    row_count    BIGINT       NOT NULL DEFAULT 0,
    column_count INT          NOT NULL DEFAULT 0,
    created_by   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
