/**
 * The mallrank application: {@link com.mallrank.batch.MallrankApplication}, the one Spring Boot
 * application and composition root of the crawler and index modules. Its packages are listed in
 * {@code batch/README.md} and {@code docs/design.md} ("Packages").
 */
package com.mallrank.batch;
