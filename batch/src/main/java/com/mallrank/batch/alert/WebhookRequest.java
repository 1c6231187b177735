package com.mallrank.batch.alert;

import java.net.URI;
import java.util.Map;

/**
 * One HTTP POST to a webhook. The URI holds credentials (access token, signature): never log it.
 *
 * @param uri where to post
 * @param body the JSON body
 * @param headers extra headers (signature headers of the JSON form)
 */
public record WebhookRequest(URI uri, String body, Map<String, String> headers) {

  public WebhookRequest {
    headers = Map.copyOf(headers);
  }

  @Override
  public String toString() {
    return "WebhookRequest[uri=***, " + body.length() + " chars]";
  }
}
