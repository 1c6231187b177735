package com.mallrank.index.write;

/**
 * What a write did.
 *
 * @param samples sample documents written
 * @param listings listing documents written
 * @param staleListingsDeleted listings of the same samples left from an earlier run of the slot
 *     (positions the new run no longer has) that were deleted
 */
public record WriteResult(int samples, int listings, long staleListingsDeleted) {}
