package dev.jchat.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on 127.0.0.1 in front of a server. {@link #cut} closes every connection and refuses new
 * ones, as a database outage would; {@link #restore} listens again on the same port. {@link #freeze}
 * stops passing bytes on while every connection stays open, as a silent network partition would;
 * {@link #thaw} lets them flow again.
 */
public final class TcpProxy implements AutoCloseable {
  private final InetSocketAddress target;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "tcp-proxy");
    thread.setDaemon(true);
    return thread;
  });
  private ServerSocket listener;
  private boolean frozen;

  private TcpProxy(InetSocketAddress target, ServerSocket listener) {
    this.target = target;
    this.listener = listener;
    this.port = listener.getLocalPort();
    threads.execute(() -> accept(listener));
  }

  public static TcpProxy start(InetSocketAddress target) throws IOException {
    return new TcpProxy(target, new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
  }

  public int port() {
    return port;
  }

  /** Closes the listener and every open connection. */
  public synchronized void cut() throws IOException {
    listener.close();
    for (Socket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  /**
   * Listens again on the same port. The port may stay taken for a moment after the cut: by a closed
   * connection that the client has not closed yet, or by another program's outgoing connection, since
   * the port came from the ephemeral range. So the bind is tried again for a few seconds.
   */
  public synchronized void restore() throws IOException {
    ServerSocket again = bindAgain(System.nanoTime() + TimeUnit.SECONDS.toNanos(10));
    listener = again;
    threads.execute(() -> accept(again));
  }

  private ServerSocket bindAgain(long deadline) throws IOException {
    while (true) {
      ServerSocket again = new ServerSocket();
      again.setReuseAddress(true);
      try {
        again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return again;
      } catch (BindException e) {
        again.close();
        if (System.nanoTime() > deadline) {
          throw e;
        }
        pause(); // an operating system's state, not an event of ours: nothing to wait on but time
      }
    }
  }

  private static void pause() throws IOException {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the port was taken", e);
    }
  }

  public synchronized void freeze() {
    frozen = true;
  }

  public synchronized void thaw() {
    frozen = false;
    notifyAll();
  }

  @Override
  public void close() throws IOException {
    cut();
    threads.shutdownNow();
  }

  private void accept(ServerSocket server) {
    while (true) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        return; // cut() closed the listener
      }
      connect(server, client);
    }
  }

  private synchronized void connect(ServerSocket server, Socket client) {
    if (server.isClosed()) {
      closeQuietly(client); // accepted just before cut()
      return;
    }
    try {
      Socket upstream = new Socket(target.getAddress(), target.getPort());
      sockets.add(client);
      sockets.add(upstream);
      threads.execute(() -> pump(client, upstream));
      threads.execute(() -> pump(upstream, client));
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  /** Copies bytes one way, holding them while frozen, until either side closes; then closes both. */
  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int read; (read = in.read(buffer)) >= 0; ) {
        awaitThaw();
        out.write(buffer, 0, read);
      }
    } catch (IOException | InterruptedException e) {
      // a side closed, or the proxy closed: the connection is over
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private synchronized void awaitThaw() throws InterruptedException {
    while (frozen) {
      wait();
    }
  }

  private void closeQuietly(Socket socket) {
    sockets.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
