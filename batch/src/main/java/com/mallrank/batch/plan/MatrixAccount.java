package com.mallrank.batch.plan;

import java.nio.file.Path;
import java.util.Set;

/**
 * One of the user's own shops or accounts (矩阵账号). A listing belongs to it when its shop id or its
 * product id is listed here.
 *
 * @param id a short stable id, used as the vantage name and in reports (e.g. {@code mx-hangzhou})
 * @param name a display name
 * @param shopIds the shops it runs
 * @param productIds extra products it owns outside those shops (e.g. a creator's showcase)
 * @param storageState the saved login state (a Playwright storage-state JSON) used when sampling as
 *     this account, or {@code null} (anonymous-like, or the sandbox). A secret: only its path is
 *     ever shown, never its contents
 * @param network its own proxy, device, locale, time zone and place ({@link IdentityNetwork})
 */
public record MatrixAccount(
    String id,
    String name,
    Set<String> shopIds,
    Set<String> productIds,
    Path storageState,
    IdentityNetwork network) {

  public MatrixAccount {
    shopIds = Set.copyOf(shopIds);
    productIds = Set.copyOf(productIds);
    network = network == null ? IdentityNetwork.DEFAULT : network;
  }
}
