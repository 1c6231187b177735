/**
 * Response bodies as documents, shared by the fetchers (a captured body) and the extractors (a
 * saved or fetched body): a body made of several JSON documents, as the Douyin app's streamed
 * search answers, is split here once, so both read it the same way. Depends on Jackson only.
 */
package com.mallrank.crawler.body;
