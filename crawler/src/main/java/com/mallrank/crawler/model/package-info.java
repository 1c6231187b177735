/** The records every stage shares: listings, result pages, sample statuses and their evidence. */
package com.mallrank.crawler.model;
