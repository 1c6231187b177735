/**
 * The documents mallrank stores: samples, listing observations, change events and daily summaries,
 * with their deterministic ids.
 */
package com.mallrank.index.document;
