package com.mallrank.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.fetch.browser.Devices;
import org.junit.jupiter.api.Test;

class UpstreamProxyTest {

  @Test
  void readsHostAndPortAndNeverShowsCredentials() {
    UpstreamProxy p = UpstreamProxy.parse("http://proxy.example:3128").withCredentials("u1:s3cr3t");
    assertThat(p.host()).isEqualTo("proxy.example");
    assertThat(p.port()).isEqualTo(3128);
    assertThat(p.shown()).isEqualTo("http://proxy.example:3128");
    assertThat(p.toString()).isEqualTo("http://proxy.example:3128").doesNotContain("s3cr3t");
  }

  @Test
  void refusesAPasswordInTheUrlAndUnsupportedSchemes() {
    assertThatThrownBy(() -> UpstreamProxy.parse("http://u1:s3cr3t@proxy.example:3128"))
        .hasMessage(
            "a proxy URL must not hold credentials: put them in a secret file"
                + " (proxy-credentials) or an environment variable (proxy-credentials-env)")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> UpstreamProxy.parse("socks5://proxy.example:1080"))
        .hasMessage("'socks5' proxies are not supported yet: use an http:// proxy");
    assertThatThrownBy(() -> UpstreamProxy.parse("http://proxy.example"))
        .hasMessage("a proxy URL needs a port (http://host:port)");
    assertThatThrownBy(() -> UpstreamProxy.parse("http://proxy.example:3128/x"))
        .hasMessage("a proxy URL is http://host:port, nothing after it");
    assertThatThrownBy(() -> UpstreamProxy.parse("http://p:1").withCredentials("nopassword"))
        .hasMessage("proxy credentials must be one line 'user:password'");
  }

  @Test
  void theDeviceTableHasPlaywrightsCommonNames() {
    assertThat(Devices.names()).contains("iPhone 13", "Pixel 7", "Desktop Chrome").hasSize(10);
    assertThat(Devices.named("iPhone 13", "en-US").orElseThrow())
        .satisfies(
            e -> {
              assertThat(e.viewportWidth()).isEqualTo(390);
              assertThat(e.deviceScaleFactor()).isEqualTo(3.0);
              assertThat(e.isMobile()).isTrue();
              assertThat(e.locale()).isEqualTo("en-US");
            });
    assertThat(Devices.named("Nokia 3310", "zh-CN")).isEmpty();
  }
}
