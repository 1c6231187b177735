/** QR codes: decoding a login QR from a screenshot, drawing one in a terminal or a PNG. */
package com.mallrank.crawler.qr;
