package com.mallrank.batch.testing;

import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.sample.SampleLauncher;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the {@link MallrankIT}s that sample a slot of the sandbox plan's {@code core} group in
 * process and check what was stored against the mall's ground truth.
 */
public abstract class SandboxSlotSupport {

  /** The sandbox plan's main keyword group. */
  protected static final String GROUP = "core";

  @Autowired protected SampleLauncher launcher;
  @Autowired protected SandboxRuntime sandbox;
  @Autowired protected ElasticsearchRuntime elasticsearch;
  @Autowired protected PlanRepository plans;
}
