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
  void readsTheThreeSchemes() {
    assertThat(UpstreamProxy.parse("SOCKS5://10.0.0.8:1080").withCredentials("u:p"))
        .satisfies(
            p -> {
              assertThat(p.scheme()).isEqualTo("socks5");
              assertThat(p.shown()).isEqualTo("socks5://10.0.0.8:1080");
            });
    assertThat(UpstreamProxy.parse("https://proxy.example:8443").shown())
        .isEqualTo("https://proxy.example:8443");
    assertThat(UpstreamProxy.parse("socks5://[::1]:1080").shown()).isEqualTo("socks5://[::1]:1080");
    assertThat(UpstreamProxy.parse("http://p:1").scheme()).isEqualTo("http");
  }

  @Test
  void refusesAPasswordInTheUrlAndUnsupportedSchemes() {
    assertThatThrownBy(() -> UpstreamProxy.parse("http://u1:s3cr3t@proxy.example:3128"))
        .hasMessage(
            "a proxy URL must not hold credentials: put them in a secret file"
                + " (proxy-credentials) or an environment variable (proxy-credentials-env)")
        .hasMessageNotContaining("s3cr3t");
    assertThatThrownBy(() -> UpstreamProxy.parse("socks://proxy.example:1080"))
        .hasMessage("'socks' proxies are not supported: use http://, https:// or socks5://");
    assertThatThrownBy(() -> UpstreamProxy.parse("socks4://proxy.example:1080"))
        .hasMessage("'socks4' proxies are not supported: use http://, https:// or socks5://");
    assertThatThrownBy(() -> UpstreamProxy.parse("socks5://proxy.example"))
        .hasMessage("a proxy URL needs a port (socks5://host:port)");
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
