/** Connection settings and the factory that turns them into an {@code ElasticsearchClient}. */
package com.mallrank.index.client;
