/**
 * The keyword plan: groups, keywords, vantages and matrix accounts, read from YAML and validated.
 */
package com.mallrank.batch.plan;
