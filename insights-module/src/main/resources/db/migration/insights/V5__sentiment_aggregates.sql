-- AI_SENTIMENT now answers Snowflake's OBJECT ({"categories": [...]}), so an aggregate over it (the demo tile's
-- AVG(AI_SENTIMENT(review)) of earlier installations, or a user's own) no longer runs: saved queries aggregate the
-- FLOAT SNOWFLAKE.CORTEX.SENTIMENT instead, which is what AI_SENTIMENT answered before.
UPDATE saved_queries
SET sql_text = regexp_replace(sql_text,
        '\m(avg|sum|min|max|median|stddev|stddev_pop|stddev_samp|variance|var_pop|var_samp)\s*\(\s*ai_sentiment\s*\(',
        '\1(SNOWFLAKE.CORTEX.SENTIMENT(', 'gi')
WHERE sql_text ~* '\mai_sentiment\s*\(';
