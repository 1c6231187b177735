/**
 * The one guarded way out: {@link com.mallrank.crawler.net.GuardProxy}, the in-process forward
 * proxy every static fetch, browser request and image download goes through, and the {@link
 * com.mallrank.crawler.net.Connector} that opens its sockets to checked addresses only.
 */
package com.mallrank.crawler.net;
