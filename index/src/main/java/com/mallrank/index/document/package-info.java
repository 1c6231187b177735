/**
 * The documents mallrank stores: samples and listing observations, with their deterministic ids.
 */
package com.mallrank.index.document;
