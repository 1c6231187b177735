package com.mallrank.crawler.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.channels.SocketChannel;
import javax.net.SocketFactory;

/**
 * What OkHttp's socket hook ({@link SocketFactory#createSocket()}, then {@code connect}) needs when
 * the connection is opened by something else: a test's {@link Connector}, the JDK's SOCKS5 client,
 * or a TLS session to an https proxy. {@code connect} asks the {@link Opener} for the real socket
 * and every later call is passed to it. Options set before {@code connect} (OkHttp sets the read
 * timeout first) are applied once it is open. Not a server and not a protocol: only plumbing.
 */
final class OpenedSocket extends Socket {

  /** Opens the real connection to a resolved endpoint, within {@code timeoutMillis}. */
  @FunctionalInterface
  interface Opener {
    Socket open(InetSocketAddress endpoint, int timeoutMillis) throws IOException;
  }

  /** A factory of unconnected sockets that {@code opener} opens (the only kind OkHttp asks for). */
  static SocketFactory factory(Opener opener) {
    return new SocketFactory() {
      @Override
      public Socket createSocket() {
        return new OpenedSocket(opener);
      }

      @Override
      public Socket createSocket(String host, int port) {
        throw new UnsupportedOperationException("only unconnected sockets are made here");
      }

      @Override
      public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
        throw new UnsupportedOperationException("only unconnected sockets are made here");
      }

      @Override
      public Socket createSocket(InetAddress host, int port) {
        throw new UnsupportedOperationException("only unconnected sockets are made here");
      }

      @Override
      public Socket createSocket(
          InetAddress address, int port, InetAddress localAddress, int localPort) {
        throw new UnsupportedOperationException("only unconnected sockets are made here");
      }
    };
  }

  private final Opener opener;
  private volatile Socket delegate;
  private volatile boolean closed;
  private int soTimeout;

  private OpenedSocket(Opener opener) {
    this.opener = opener;
  }

  @Override
  public void connect(SocketAddress endpoint) throws IOException {
    connect(endpoint, 0);
  }

  @Override
  public void connect(SocketAddress endpoint, int timeout) throws IOException {
    if (!(endpoint instanceof InetSocketAddress address) || address.isUnresolved()) {
      throw new UnknownHostException("not a resolved address: " + endpoint);
    }
    if (delegate != null) {
      throw new SocketException("already connected");
    }
    Socket opened = opener.open(address, timeout);
    synchronized (this) {
      if (closed) {
        opened.close();
        throw new SocketException("Socket is closed");
      }
      opened.setSoTimeout(soTimeout);
      delegate = opened;
    }
  }

  private Socket open() throws SocketException {
    Socket socket = delegate;
    if (socket == null) {
      throw new SocketException(closed ? "Socket is closed" : "Socket is not connected");
    }
    return socket;
  }

  @Override
  public InputStream getInputStream() throws IOException {
    return open().getInputStream();
  }

  @Override
  public OutputStream getOutputStream() throws IOException {
    return open().getOutputStream();
  }

  @Override
  public synchronized void setSoTimeout(int timeout) throws SocketException {
    soTimeout = timeout;
    if (delegate != null) {
      delegate.setSoTimeout(timeout);
    }
  }

  @Override
  public synchronized int getSoTimeout() {
    return soTimeout;
  }

  @Override
  public void setTcpNoDelay(boolean on) throws SocketException {
    open().setTcpNoDelay(on);
  }

  @Override
  public boolean getTcpNoDelay() throws SocketException {
    return open().getTcpNoDelay();
  }

  @Override
  public void setKeepAlive(boolean on) throws SocketException {
    open().setKeepAlive(on);
  }

  @Override
  public boolean getKeepAlive() throws SocketException {
    return open().getKeepAlive();
  }

  @Override
  public void shutdownInput() throws IOException {
    open().shutdownInput();
  }

  @Override
  public void shutdownOutput() throws IOException {
    open().shutdownOutput();
  }

  @Override
  public boolean isInputShutdown() {
    Socket socket = delegate;
    return socket != null && socket.isInputShutdown();
  }

  @Override
  public boolean isOutputShutdown() {
    Socket socket = delegate;
    return socket != null && socket.isOutputShutdown();
  }

  @Override
  public boolean isConnected() {
    Socket socket = delegate;
    return socket != null && socket.isConnected();
  }

  @Override
  public boolean isBound() {
    Socket socket = delegate;
    return socket != null && socket.isBound();
  }

  @Override
  public boolean isClosed() {
    Socket socket = delegate;
    return closed || (socket != null && socket.isClosed());
  }

  @Override
  public InetAddress getInetAddress() {
    Socket socket = delegate;
    return socket == null ? null : socket.getInetAddress();
  }

  @Override
  public int getPort() {
    Socket socket = delegate;
    return socket == null ? 0 : socket.getPort();
  }

  @Override
  public InetAddress getLocalAddress() {
    Socket socket = delegate;
    return socket == null ? super.getLocalAddress() : socket.getLocalAddress();
  }

  @Override
  public int getLocalPort() {
    Socket socket = delegate;
    return socket == null ? -1 : socket.getLocalPort();
  }

  @Override
  public SocketAddress getRemoteSocketAddress() {
    Socket socket = delegate;
    return socket == null ? null : socket.getRemoteSocketAddress();
  }

  @Override
  public SocketAddress getLocalSocketAddress() {
    Socket socket = delegate;
    return socket == null ? null : socket.getLocalSocketAddress();
  }

  @Override
  public SocketChannel getChannel() {
    return null;
  }

  @Override
  public void close() throws IOException {
    Socket socket;
    synchronized (this) {
      closed = true;
      socket = delegate;
    }
    try {
      if (socket != null) {
        socket.close();
      }
    } finally {
      super.close();
    }
  }

  @Override
  public String toString() {
    Socket socket = delegate;
    return socket == null ? "OpenedSocket[unconnected]" : "OpenedSocket[" + socket + "]";
  }
}
