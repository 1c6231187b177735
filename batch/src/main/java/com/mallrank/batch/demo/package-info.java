/** The demo: the whole product in one command on the embedded default and the sandbox mall. */
package com.mallrank.batch.demo;
