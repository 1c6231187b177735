/**
 * The embedded default cluster: resolves, unpacks, configures, starts, reuses and stops a local
 * Elasticsearch server (integ-test-zip) under an unprivileged user.
 */
package com.mallrank.index.local;
