package org.mashfrontdoor.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request body over the limit ({@code mash.web.max-body-size}) with 413 problem+json before anything
 * reads it: by its Content-Length when declared, otherwise by reading at most limit + 1 bytes of the chunked body.
 * Nothing is written. Every service has it (WebLimitsAutoConfiguration), so no API can be fed an endless body.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

  private final long limit;

  public BodyLimitFilter(DataSize limit) {
    this.limit = limit.toBytes();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      tooLarge(response);
      return;
    }
    boolean chunked = declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (!chunked) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    if (body.length > limit) {
      tooLarge(response);
      return;
    }
    chain.doFilter(new BufferedBody(request, body), response);
  }

  private void tooLarge(HttpServletResponse response) throws IOException {
    response.setStatus(413);
    response.setContentType("application/problem+json");
    response.setHeader("Connection", "close"); // do not read (or wait for) the rest of an oversized body
    response.getOutputStream().write(("{\"type\":\"https://mash-front-door.example/problems/413\","
        + "\"title\":\"Request body too large\",\"status\":413,"
        + "\"detail\":\"The request body is larger than the limit of " + limit + " bytes. Nothing was stored.\"}")
        .getBytes(StandardCharsets.UTF_8));
  }

  /** A chunked body already read into memory (it is at most the limit). */
  private static final class BufferedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return false;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
