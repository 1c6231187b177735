/**
 * One launcher for the local servers of a one-host setup and of the tests (the Elasticsearch node
 * of {@code com.mallrank.index.local}, the Artemis broker of {@code com.mallrank.local.artemis}): a
 * {@link com.mallrank.local.Distribution} resolved through Maven and unpacked once, starts
 * serialised by a directory lock ({@link com.mallrank.local.Processes#underLock}), a {@link
 * com.mallrank.local.PidFile} per server (alive, SIGTERM then SIGKILL), helper processes and log
 * tails for error messages. No Spring, no other mallrank module.
 */
package com.mallrank.local;
