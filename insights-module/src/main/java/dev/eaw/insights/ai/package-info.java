/** Internal: the in-process models behind the AI functions (embeddings, sentiment, classification, summaries). */
@org.jspecify.annotations.NullMarked
package dev.eaw.insights.ai;
