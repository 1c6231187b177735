/**
 * Configuration: the documented {@code crawler.*}, {@code index.*} and {@code batch.*} properties.
 */
package com.mallrank.batch.config;
