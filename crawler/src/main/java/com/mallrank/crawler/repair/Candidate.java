package com.mallrank.crawler.repair;

/**
 * A rule repair may propose for a field, with how complex it reads and on how many known cards it
 * was seen to hold the known value (before it is tried on every card).
 */
record Candidate(RuleSpec spec, double cost, int seen) {}
