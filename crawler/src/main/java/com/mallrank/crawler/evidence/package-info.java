/**
 * What the tracker saw when a sample failed, kept so a user can fix a profile from real evidence:
 * the body or captured responses, with cookies, tokens and signature parameters removed, on disk by
 * slot, vantage and keyword. No network, no parsing: plain files.
 */
package com.mallrank.crawler.evidence;
