/**
 * Text from the web made safe for where it is written: {@link com.mallrank.batch.text.Escaping} is
 * the one escaping module of every writer (HTML, terminal, CSV/XLSX, chat webhooks).
 */
package com.mallrank.batch.text;
