/** Test support: a cuttable TCP proxy, the PostgreSQL test database, generated plans. */
package com.mallrank.batch.testing;
