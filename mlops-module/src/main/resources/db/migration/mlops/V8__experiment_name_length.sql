-- Experiment names as long as MLflow allows them (MAX_EXPERIMENT_NAME_LENGTH = 500 in mlflow/utils/validation.py).
ALTER TABLE experiments ALTER COLUMN name TYPE VARCHAR(500);
