/**
 * {@code mallrank profile repair}: proposes the fixed site profile after a marketplace redesigned
 * its page or renamed its JSON, from the new page and the listings the old profile read before
 * (product ids, titles, prices, shops, ...). The known values are located on the new page, the card
 * selector (HTML) or items path (JSON) is induced from where the known products are, each field's
 * rule from where its known values are, and the old profile's text is edited minimally. The result
 * is checked by extracting the new page with the proposed profile. No network, no Spring.
 */
package com.mallrank.crawler.repair;
