/**
 * Change detection: a ranked sample compared with the previous ranked sample of the same keyword
 * and vantage gives {@link com.mallrank.index.document.ChangeEvent}s (competitor price, commission,
 * main image, title, shop, Top-20 entries and exits, new shops, own movements), written with
 * deterministic ids.
 */
package com.mallrank.index.changes;
