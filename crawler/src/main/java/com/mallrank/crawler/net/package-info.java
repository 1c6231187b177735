/**
 * The one way out: {@link com.mallrank.crawler.net.HttpClients}, an OkHttp client per identity's
 * network that every static fetch, image download and browser request is made on. Its name lookup
 * is the address guard's ({@code GuardDns}: every address decided when a connection is opened, no
 * DNS rebinding); an identity with an {@link com.mallrank.crawler.net.UpstreamProxy} (http, https
 * or socks5, credentials its own) leaves only through it ({@link
 * com.mallrank.crawler.net.ProxyRoutes}); a {@link com.mallrank.crawler.net.Connector} is the
 * socket hook tests map public-looking addresses with. No proxy or socket server runs in here.
 */
package com.mallrank.crawler.net;
