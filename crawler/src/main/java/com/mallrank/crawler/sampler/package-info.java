/** Taking one sample end to end: URL, host check, politeness, fetch with retries, extraction. */
package com.mallrank.crawler.sampler;
