package com.mallrank.crawler.repair;

import com.mallrank.crawler.model.Listing;

/**
 * A card of the new page and the known listing whose product id it holds.
 *
 * @param card the card's index among the page's cards (0-based, page order)
 * @param node the card (an element or a JSON item)
 * @param known the listing the old profile read
 */
record Match<C>(int card, C node, Listing known) {}
