package com.mallrank.batch.sample;

/**
 * One sample to take in a slot: a keyword of a group, searched from one vantage.
 *
 * @param group the keyword group
 * @param keyword the keyword
 * @param vantage {@code anonymous} or a matrix-account id
 * @param profile the site profile id
 * @param depth how many listings to capture
 */
public record SampleTask(String group, String keyword, String vantage, String profile, int depth) {}
