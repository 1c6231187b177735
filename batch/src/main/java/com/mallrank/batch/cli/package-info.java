/**
 * The command line: {@code mallrank demo|sample|serve|jobs|plan|accounts|report|profile|es}, run
 * through picocli with commands created as Spring beans.
 */
package com.mallrank.batch.cli;
