/**
 * Main image (主图) identity: normalised URL keys, perceptual hashes of image bytes, and the
 * same/changed decision between two samples.
 */
package com.mallrank.crawler.image;
