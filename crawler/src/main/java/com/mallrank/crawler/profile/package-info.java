/**
 * Site profiles as data: how to build a search URL for a site, where the result cards are, how to
 * read each field of a card and how to recognise a blocked, login-wall or empty page. Profiles are
 * YAML files loaded and validated by {@link com.mallrank.crawler.profile.SiteProfiles}; every
 * mistake is reported with the file, the key path and the line.
 */
package com.mallrank.crawler.profile;
