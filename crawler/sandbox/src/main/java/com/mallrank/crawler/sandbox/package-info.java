/**
 * The sandbox mall: a simulated, deterministic Douyin-like mall served in-process for the demo and
 * every test. {@link com.mallrank.crawler.sandbox.SandboxWorld} is the ground truth (catalogue,
 * keyword pools, ranking, change schedule, matrix accounts); {@link
 * com.mallrank.crawler.sandbox.SandboxMall} serves it as HTML following the "Sandbox mall HTML
 * (static, v1)" contract in {@code docs/design.md}, and as a single-page app over a Douyin-like
 * JSON search API (v2, "Sandbox mall v2"), with switchable {@link
 * com.mallrank.crawler.sandbox.Fault faults}.
 */
package com.mallrank.crawler.sandbox;
