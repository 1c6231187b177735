/**
 * Text rules with one home each: which characters are control characters, how a hostile value is
 * shown on one line ({@link com.mallrank.crawler.text.ControlCharacters}). Guarded by the crawler's
 * {@code OneHomeRulesTest}.
 */
package com.mallrank.crawler.text;
