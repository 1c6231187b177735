/** Bulk writing of samples and their listings with deterministic ids, checked item by item. */
package com.mallrank.index.write;
