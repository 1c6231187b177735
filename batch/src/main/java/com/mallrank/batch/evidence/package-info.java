/**
 * Evidence of failed samples: kept while sampling ({@link
 * com.mallrank.batch.evidence.EvidenceKeeper}), listed and shown by {@code mallrank evidence},
 * pruned by retention with the raw listings.
 */
package com.mallrank.batch.evidence;
