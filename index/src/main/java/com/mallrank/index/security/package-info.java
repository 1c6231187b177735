/**
 * Least privilege: mallrank's Elasticsearch roles (writer, reader, admin) as one resource, printed,
 * applied through the security API or written as a file-realm {@code roles.yml}.
 */
package com.mallrank.index.security;
